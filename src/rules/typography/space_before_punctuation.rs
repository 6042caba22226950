use super::{is_punct, whitespace_before};
use crate::diagnostic::{Applicability, Category, Diagnostic, Edit, Fix, Severity};
use crate::document::TokenKind;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `kata , lalu` -> `kata, lalu`.
pub struct SpaceBeforePunctuation;

static META: RuleMeta = RuleMeta {
    code: "typography/space-before-punctuation",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "No space before a comma, full stop, semicolon, colon, question or exclamation mark.",
    explanation: "In Indonesian (EYD V) and English news, `, . ; : ? !` attach to the word before them. \
The rule stays silent on ellipses (`kata ...`), emoticons (`:)`), decimals written `.5`, scores and ratios \
(`2 : 1`), and anything after a line break.",
    example_bad: "Apakah mereka tidak kecewa ? Kami tidak tahu.",
    example_good: "Apakah mereka tidak kecewa? Kami tidak tahu.",
};

const MARKS: &str = ",.;:!?";

impl Rule for SpaceBeforePunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for (_, tokens) in ctx.focused_blocks() {
            for i in 1..tokens.len() {
                let t = &tokens[i];
                if !is_punct(doc, t, MARKS) || !t.space_before || t.line_break_before {
                    continue;
                }
                let mark = doc.token_str(t);
                let prev = &tokens[i - 1];
                let prev_ok = matches!(prev.kind, TokenKind::Word | TokenKind::Number | TokenKind::Handle)
                    || is_punct(doc, prev, ")”’\"»%");
                if !prev_ok {
                    continue;
                }
                let next = tokens.get(i + 1).filter(|n| !n.space_before);
                let next_str = next.map(|n| doc.token_str(n));
                // An ellipsis or doubled mark is judged by its own rule: " ..." is house style.
                if mark == "." && next_str == Some(".") {
                    continue;
                }
                // `.5`, and emoticons such as `:)` `;-)` `:D`.
                if next.is_some_and(|n| n.kind == TokenKind::Number && mark == ".") {
                    continue;
                }
                if matches!(mark, ":" | ";") && next_str.is_some_and(|s| matches!(s, ")" | "(" | "-" | "D" | "P" | "p" | "/" | "|" | "3" | "'")) {
                    continue;
                }
                // Scores and ratios: `2 : 1`.
                if mark == ":" && prev.kind == TokenKind::Number && tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number) {
                    continue;
                }
                let space = whitespace_before(doc.text, t.span.start);
                if space.is_empty() || space.start < prev.span.end {
                    continue;
                }
                out.push(
                    META.diagnostic(space, format!("no space before '{mark}'"))
                        .with_fix(Fix { title: "Remove the space".into(), applicability: Applicability::Safe, edits: vec![Edit::delete(space)] }),
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
        assert_eq!(flagged(&SpaceBeforePunctuation, Id, "Apakah mereka kecewa ? Kami tidak."), [" "]);
        assert_eq!(fixed(&SpaceBeforePunctuation, Id, "putusan hakim , dan “Berhenti !” katanya ."), "putusan hakim, dan “Berhenti!” katanya.");
        assert_eq!(fixed(&SpaceBeforePunctuation, En, "He said : no ; later ."), "He said: no; later.");
        // After a percent sign.
        assert_eq!(flagged(&SpaceBeforePunctuation, Id, "Harga naik 50% ,kata warga."), [" "]);
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in [
            "Dia berkata ... lalu pergi.",
            "Skornya 2 : 1 untuk tuan rumah.",
            "Lucu sekali :) katanya.",
            "Nilainya naik .5 poin.",
            "Daftar:\n: bukan tanda baca baru.",
            "Lihat https://contoh.id/a ?b=1 sekarang.",
            "Naik 50%, kata warga.",
        ] {
            assert!(flagged(&SpaceBeforePunctuation, Id, text).is_empty(), "{text}");
        }
    }
}
