use crate::diagnostic::{Applicability, Category, Diagnostic, Fix, Severity};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `Jum'at` -> `Jumat`; `do'a` -> `doa`.
pub struct NeedlessApostrophe;

static META: RuleMeta = RuleMeta {
    code: "spelling/needless-apostrophe",
    category: Category::Spelling,
    default_severity: Severity::Warning,
    languages: &[Language::Id],
    summary: "An apostrophe inside a word that the standard spelling writes without one (Jum'at -> Jumat).",
    explanation: "Older spellings mark the Arabic *ain* with an apostrophe (`Jum'at`, `do'a`, `ma'af`); KBBI and \
EYD V write these words without it (`Jumat`, `doa`, `maaf`). The rule fires only when the word without its \
apostrophe is a known Indonesian word and the word with it is not, so names (`Ma'ruf`, `Ja'far`) and \
foreign possessives stay silent.",
    example_bad: "Salat Jum'at digelar dengan do'a bersama.",
    example_good: "Salat Jumat digelar dengan doa bersama.",
};

impl Rule for NeedlessApostrophe {
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
            for (k, t) in tokens.iter().enumerate() {
                let w = doc.token_str(t);
                if t.kind != TokenKind::Word || !w.contains(['\'', '’']) || w.chars().any(|c| c.is_ascii_digit() || c == '-') {
                    continue;
                }
                let lower = doc.token_lower(base + k);
                let joined: String = lower.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
                // One apostrophe between letters, as the ain is written.
                if lower.chars().filter(|c| matches!(c, '\'' | '’')).count() != 1 || joined.chars().count() < 3 {
                    continue;
                }
                if crate::lexicon::indonesian::is_word(&lower.replace('’', "'")) || !crate::lexicon::indonesian::is_word(&joined) {
                    continue;
                }
                let right: String = w.chars().filter(|c| !matches!(c, '\'' | '’')).collect();
                out.push(
                    META.diagnostic(t.span, format!("written without the apostrophe: '{right}'"))
                        .with_fix(Fix::replace(t.span, &right, Applicability::Safe)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::test_support::{fixed, flagged};

    #[test]
    fn flags_and_fixes() {
        assert_eq!(fixed(&NeedlessApostrophe, Id, "Salat Jum'at dan Jum’at digelar dengan do'a, ma'af."), "Salat Jumat dan Jumat digelar dengan doa, maaf.");
    }

    #[test]
    fn near_misses_stay_silent() {
        assert!(flagged(&NeedlessApostrophe, Id, "Wakil Presiden Ma'ruf Amin dan Ja'far hadir di Jokowi's Cafe.").is_empty());
        assert!(flagged(&NeedlessApostrophe, En, "He prayed on Jum'at.").is_empty());
    }
}
