use crate::diagnostic::{Category, Diagnostic, Edit, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `presiden Ukraina Presiden Volodymyr Zelensky` -> `Presiden Ukraina Volodymyr Zelensky`.
pub struct DoubledTitle;

static META: RuleMeta = RuleMeta {
    code: "typography/doubled-title",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A title written twice around a place before a name (presiden Ukraina Presiden Volodymyr Zelensky).",
    explanation: "Translated copy often keeps both the source's title and its own: `presiden Ukraina Presiden \
Volodymyr Zelensky`, `perdana menteri Inggris Perdana Menteri Keir Starmer`, `president of Ukraine President \
Volodymyr Zelensky`. The title is a word the lexicon knows in lower case, repeated (case aside) after one to \
three capitalised words and followed by a capitalised name; the first is in lower case, as translation \
leaves it, so a list of names (`Bank Indonesia Bank Mandiri`) stays silent; the fix keeps one title, capitalised, before \
the place.",
    example_bad: "Bantuan itu disambut presiden Ukraina Presiden Volodymyr Zelensky.",
    example_good: "Bantuan itu disambut Presiden Ukraina Volodymyr Zelensky.",
};

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect()
}

impl Rule for DoubledTitle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for (b, tokens) in ctx.focused_blocks() {
            let base = doc.block_tokens[b].start;
            let lower = |k: usize| doc.token_lower(base + k);
            // Words joined by spaces only, within the block.
            let word = |k: usize| tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word && (k == 0 || t.space_before));
            let capital = |k: usize| word(k) && doc.token_str(&tokens[k]).chars().next().is_some_and(char::is_uppercase);
            let mut k = 0;
            while k < tokens.len() {
                let mut found = None;
                'sizes: for n in [3usize, 2, 1] {
                    // The first title in lower case, as translation leaves it (`Bank Indonesia Bank
                    // Mandiri` is a list of names).
                    let small = |m: usize| doc.token_str(&tokens[k + m]).chars().all(char::is_lowercase);
                    if !(0..n).all(|m| word(k + m) && small(m) && lower(k + m).chars().count() >= 3) {
                        continue;
                    }
                    // A place of one to three capitalised words, after an optional `of`.
                    let mut p = k + n;
                    if word(p) && matches!(lower(p), "of") {
                        p += 1;
                    }
                    for places in 1..=3 {
                        let j = p + places;
                        if !capital(j - 1) {
                            break;
                        }
                        let again = (0..n).all(|m| word(j + m) && lower(j + m) == lower(k + m) && capital(j + m));
                        if again && capital(j + n) {
                            // Asked last, as the rarest of the conditions is the costliest.
                            if !(0..n).all(|m| ctx.words.is_common_word(lower(k + m), doc.language)) {
                                continue 'sizes;
                            }
                            found = Some((n, j));
                            break 'sizes;
                        }
                    }
                }
                let Some((n, j)) = found else {
                    k += 1;
                    continue;
                };
                let first = Span::new(tokens[k].span.start, tokens[k + n - 1].span.end);
                let second = Span::new(tokens[j].span.start, tokens[j + n - 1].span.end);
                let title = doc.str(first);
                let capitalised: String = title.split(' ').map(capitalise).collect::<Vec<_>>().join(" ");
                let mut edits = Vec::new();
                if capitalised != title {
                    edits.push(Edit::replace(first, capitalised.clone()));
                }
                edits.push(Edit::delete(Span::new(second.start, tokens[j + n].span.start)));
                out.push(
                    META.diagnostic(Span::new(first.start, second.end), format!("the title '{}' is written twice", doc.str(second)))
                        .with_fix(Fix::suggested(format!("Keep one title: '{capitalised} {}'", doc.str(Span::new(tokens[k + n].span.start, tokens[j - 1].span.end))), edits)),
                );
                k = j + n;
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
        assert_eq!(
            fixed(&DoubledTitle, Id, "Bantuan itu disambut presiden Ukraina Presiden Volodymyr Zelensky di Kyiv."),
            "Bantuan itu disambut Presiden Ukraina Volodymyr Zelensky di Kyiv."
        );
        assert_eq!(
            fixed(&DoubledTitle, Id, "Hal itu dikatakan perdana menteri Inggris Perdana Menteri Keir Starmer."),
            "Hal itu dikatakan Perdana Menteri Inggris Keir Starmer."
        );
        assert_eq!(
            fixed(&DoubledTitle, Id, "Dia disambut menteri luar negeri Jepang Menteri Luar Negeri Yoko Kamikawa."),
            "Dia disambut Menteri Luar Negeri Jepang Yoko Kamikawa."
        );
        assert_eq!(flagged(&DoubledTitle, En, "It was welcomed by president of Ukraine President Volodymyr Zelensky."), ["president of Ukraine President"]);
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in [
            "Presiden Ukraina Volodymyr Zelensky bertemu Presiden Prancis Emmanuel Macron.",
            "Bank Indonesia dan Bank Mandiri hadir, juga Bank Indonesia Bank Mandiri.",
            "Menteri Luar Negeri Retno bertemu menteri lain.",
        ] {
            assert!(flagged(&DoubledTitle, Id, text).is_empty(), "{text}: {:?}", flagged(&DoubledTitle, Id, text));
        }
    }
}
