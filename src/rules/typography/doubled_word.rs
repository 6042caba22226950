use super::is_capitalised;
use crate::diagnostic::{Applicability, Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `yang yang` -> `yang`; `the the` -> `the`.
pub struct DoubledWord;

static META: RuleMeta = RuleMeta {
    code: "typography/doubled-word",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "The same word twice in a row.",
    explanation: "A word typed twice (`yang yang`, `the the`) is removed. In Indonesian a repeated content word \
without a hyphen (`anak anak`) is usually a reduplication missing its hyphen, so the first suggestion \
there is `anak-anak`. Names (`Bora Bora`), numbers and English `had had` / `that that` stay silent.",
    example_bad: "Polisi mengatakan bahwa yang yang terluka dibawa ke rumah sakit.",
    example_good: "Polisi mengatakan bahwa yang terluka dibawa ke rumah sakit.",
};

const ID_FUNCTION_WORDS: &[&str] = &[
    "yang", "dan", "di", "ke", "dari", "untuk", "pada", "dengan", "dalam", "itu", "ini", "akan",
    "tidak", "juga", "oleh", "bahwa", "atau", "adalah", "sebagai", "telah", "sudah", "karena",
    "serta", "para", "kepada", "tersebut", "bagi", "agar", "sejak", "namun", "tetapi", "saat",
    "ketika", "jika", "maka", "pun", "lebih", "harus", "dapat", "bisa", "masih", "secara",
];
const EN_FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "to", "of", "in", "on", "at", "for", "and", "or", "is", "was", "are", "were",
    "be", "by", "with", "it", "as", "from", "he", "she", "they", "we", "has", "have", "will", "but",
    "not", "this", "their", "his", "her", "its", "said",
];
/// Legitimate English doublings.
const EN_ALLOWED: &[&str] = &["had", "that", "is", "do", "bye", "no", "very", "so", "really", "far", "more", "ha", "knock", "again"];

impl Rule for DoubledWord {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let function_words = match doc.language {
            Language::Id => ID_FUNCTION_WORDS,
            Language::En => EN_FUNCTION_WORDS,
        };
        for (block, tokens) in ctx.focused_blocks() {
            let base = doc.block_tokens[block].start;
            for i in 1..tokens.len() {
                let (first, second) = (&tokens[i - 1], &tokens[i]);
                if first.kind != TokenKind::Word || second.kind != TokenKind::Word || !second.space_before {
                    continue;
                }
                let (a, b) = (doc.token_str(first), doc.token_str(second));
                let lower = doc.token_lower(base + i - 1);
                if lower != doc.token_lower(base + i) || !a.chars().all(char::is_alphabetic) {
                    continue;
                }
                let is_function = function_words.contains(&lower);
                if doc.language == Language::En && EN_ALLOWED.contains(&lower) {
                    continue;
                }
                // `Dr dr Budi`, `Dr. dr.`: a degree and a title, written alike.
                if a != b && crate::sentences::is_title_abbreviation(lower) {
                    continue;
                }
                // `Bora Bora`, `Sirhan Sirhan`: a repeated name.
                if is_capitalised(b) && !is_function {
                    continue;
                }
                if a.chars().all(char::is_uppercase) && a.chars().count() > 1 {
                    continue;
                }
                let span = Span::new(first.span.start, second.span.end);
                let gap = Span::new(first.span.end, second.span.start);
                let clean_gap = doc.str(gap).chars().all(char::is_whitespace);
                let removal = Edit::delete(if clean_gap { Span::new(first.span.end, second.span.end) } else { second.span });
                let mut d = META.diagnostic(span, format!("'{a}' is written twice"));
                if doc.language == Language::Id && !is_function {
                    d = d
                        .with_fix(Fix::suggested(format!("Write the reduplication '{a}-{b}'"), vec![Edit::replace(gap, "-")]))
                        .with_fix(Fix::suggested(format!("Remove the second '{b}'"), vec![removal]));
                } else {
                    let applicability = if is_function && clean_gap { Applicability::Safe } else { Applicability::Suggested };
                    d = d.with_fix(Fix { title: format!("Remove the second '{b}'"), applicability, edits: vec![removal] });
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{fixed, flagged, run};

    #[test]
    fn flags_and_fixes() {
        assert_eq!(flagged(&DoubledWord, Id, "Korban yang yang terluka."), ["yang yang"]);
        assert_eq!(fixed(&DoubledWord, En, "Pumps to to drain the the water."), "Pumps to drain the water.");
        assert_eq!(fixed(&DoubledWord, Id, "Anak anak bermain."), "Anak-anak bermain.");
        assert_eq!(run(&DoubledWord, En, "The the end.")[0].fixes[0].applicability, Applicability::Safe);
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in ["He had had enough.", "She said that that was fine.", "They flew to Bora Bora.", "It grew 10 10 times.", "Bye bye now."] {
            assert!(flagged(&DoubledWord, En, text).is_empty(), "{text}");
        }
        assert!(flagged(&DoubledWord, Id, "Dia, dia lagi. Pejabat PBB PBB.").is_empty());
        assert!(flagged(&DoubledWord, Id, "Pasien ditangani Dr dr Rina Sari dan Dr. dr. Ahmad.").is_empty());
    }
}
