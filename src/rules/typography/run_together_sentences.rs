use super::{is_capitalised, starts_lowercase};
use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `pada tahun 2022 Baik Kyiv maupun Moskow` -> `pada tahun 2022. Baik Kyiv maupun Moskow`.
pub struct RunTogetherSentences;

static META: RuleMeta = RuleMeta {
    code: "typography/run-together-sentences",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "Two sentences run together: a full stop is missing before a capitalised sentence opener.",
    explanation: "A word that only opens sentences (`Baik`, `Namun`, `Setelah`, `Dia`; `The`, `However`, `She`) \
written with a capital in the middle of running text, right after a lower-case word or a number, marks \
a lost full stop. Names and titles stay silent: the opener must not start a run of capitalised words \
(`told The Associated Press`), and headings, list items, captions and bylines are not checked.",
    example_bad: "Perang dimulai pada tahun 2022 Baik Kyiv maupun Moskow menolak berunding.",
    example_good: "Perang dimulai pada tahun 2022. Baik Kyiv maupun Moskow menolak berunding.",
};

/// Indonesian words that open sentences and are not part of names.
const ID_OPENERS: &[&str] = &[
    "baik", "namun", "setelah", "untuk", "dia", "ia", "mereka", "kami", "kita", "saya", "ini", "itu",
    "meski", "meskipun", "walaupun", "sementara", "selain", "menurut", "sebelumnya", "kemudian",
    "tetapi", "tapi", "karena", "ketika", "saat", "jika", "bila", "apabila", "bahkan", "lalu", "sedangkan",
    "adapun", "hal", "sebanyak", "sejumlah", "akibatnya", "selanjutnya", "sebelum", "sejak", "dengan",
    "dalam", "pada", "oleh", "kini", "hingga", "terkait", "padahal", "sehingga", "namanya", "beberapa",
    "banyak", "sebagian", "semua", "para", "tidak", "belum", "sudah", "juga", "sebab", "agar", "supaya",
];
/// English words that open sentences; `the` needs a lower-case word after it (`The Guardian`).
const EN_OPENERS: &[&str] = &[
    "the", "this", "these", "those", "it", "he", "she", "they", "we", "but", "however", "meanwhile",
    "although", "after", "before", "when", "while", "there", "his", "her", "their", "its", "our",
    "many", "some", "several", "most", "officials", "police", "authorities", "earlier", "later",
    "since", "according", "despite", "still", "yet", "also", "then",
];

impl Rule for RunTogetherSentences {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let openers = match doc.language {
            Language::Id => ID_OPENERS,
            Language::En => EN_OPENERS,
        };
        for sentence in &doc.sentences {
            if !doc.blocks[sentence.block].kind.is_running_text() || !ctx.in_focus(sentence.block) {
                continue;
            }
            let tokens = doc.sentence_tokens(sentence);
            for i in 1..tokens.len() {
                let (prev, word) = (&tokens[i - 1], &tokens[i]);
                if word.kind != TokenKind::Word || !word.space_before || word.line_break_before {
                    continue;
                }
                let w = doc.token_str(word);
                if !is_capitalised(w) || !openers.contains(&w.to_lowercase().as_str()) {
                    continue;
                }
                let p = doc.token_str(prev);
                let prev_ok = match prev.kind {
                    TokenKind::Word => starts_lowercase(p) && p.chars().count() >= 2,
                    TokenKind::Number => true,
                    _ => false,
                };
                if !prev_ok {
                    continue;
                }
                // The opener must not begin a name or a title: `The Associated Press`,
                // `Untuk Kita Semua`. One capitalised word after it is allowed (`Baik Kyiv maupun`).
                let capital_at = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word && !starts_lowercase(doc.token_str(t)));
                let next_lower = tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word && starts_lowercase(doc.token_str(t)));
                let lower_at = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word && starts_lowercase(doc.token_str(t)));
                let plausible = if w.eq_ignore_ascii_case("the") { next_lower } else { next_lower || capital_at(i + 1) && lower_at(i + 2) };
                if !plausible {
                    continue;
                }
                let span = Span::new(prev.span.start, word.span.end);
                out.push(
                    META.diagnostic(span, format!("two sentences run together: a full stop is missing before '{w}'"))
                        .with_fix(Fix::suggested("Insert a full stop", vec![Edit::insert(prev.span.end, ".")])),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::{fixed, flagged};

    #[test]
    fn flags_and_fixes() {
        assert_eq!(flagged(&RunTogetherSentences, Id, "Perang dimulai pada tahun 2022 Baik Kyiv maupun Moskow menolak."), ["2022 Baik"]);
        assert_eq!(
            fixed(&RunTogetherSentences, Id, "Bantuan tiba kemarin Namun warga masih kekurangan air."),
            "Bantuan tiba kemarin. Namun warga masih kekurangan air."
        );
        assert_eq!(flagged(&RunTogetherSentences, En, "Both players competed for the title The two met in 2019."), ["title The"]);
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in [
            "Dia menonton film Untuk Kita Semua kemarin.",
            "Menurut Dia yang Maha Kuasa.",
            "Bantuan tiba kemarin. Namun warga masih kekurangan air.",
        ] {
            assert!(flagged(&RunTogetherSentences, Id, text).is_empty(), "{text}");
        }
        for text in ["He told The Associated Press on Monday.", "I announce the death of Most Rev. Dinualdo Gutierrez.", "She writes for The Guardian and The New York Times.", "I said it."] {
            assert!(flagged(&RunTogetherSentences, En, text).is_empty(), "{text}");
        }
        // Headings are not running text.
        assert!(flagged(&RunTogetherSentences, Id, "Judul\n\nBanjir Setelah Hujan Deras Ini Terjadi").is_empty());
    }
}
