use crate::diagnostic::{Applicability, Category, Diagnostic, Fix, Severity, Span};
use crate::document::TokenKind;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `Berhenti!!` -> `Berhenti!`; `polisi,, akan` -> `polisi, akan`.
pub struct DoubledPunctuation;

static META: RuleMeta = RuleMeta {
    code: "typography/doubled-punctuation",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "A punctuation mark typed twice: `!!`, `??`, `,,`, `..`, `;;`, `::`, `,.`.",
    explanation: "News copy uses one mark at a time. Three or more full stops are an ellipsis and stay; \
`?!` and `!?` are left to the writer.",
    example_bad: "Polisi,, akan menyelidiki kasus itu.. Warga berteriak “Berhenti!!”",
    example_good: "Polisi, akan menyelidiki kasus itu. Warga berteriak “Berhenti!”",
};

impl Rule for DoubledPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for (_, tokens) in ctx.focused_blocks() {
            let mut i = 0;
            while i < tokens.len() {
                let mark = doc.token_str(&tokens[i]);
                if tokens[i].kind != TokenKind::Punct || !matches!(mark, "!" | "?" | "," | "." | ";" | ":") {
                    i += 1;
                    continue;
                }
                // The run of marks that touch each other.
                let mut j = i + 1;
                while j < tokens.len() && !tokens[j].space_before && tokens[j].kind == TokenKind::Punct && matches!(doc.token_str(&tokens[j]), "!" | "?" | "," | "." | ";" | ":") {
                    j += 1;
                }
                let run: String = tokens[i..j].iter().map(|t| doc.token_str(t)).collect();
                let span = Span::new(tokens[i].span.start, tokens[j - 1].span.end);
                let touches_number = |k: Option<usize>| k.and_then(|k| tokens.get(k)).is_some_and(|t| t.kind == TokenKind::Number);
                let replacement = match run.as_str() {
                    "!!" | "!!!" | "??" | "???" | ",," | ";;" | "::" => Some(&run[..1]),
                    ".." if !touches_number(i.checked_sub(1)) && !touches_number(Some(j)) => Some("."),
                    ",." | ".," => Some("."),
                    _ => None,
                };
                if let Some(single) = replacement {
                    out.push(
                        META.diagnostic(span, format!("'{run}': one '{single}' is enough"))
                            .with_fix(Fix::replace(span, single, Applicability::Safe)),
                    );
                }
                i = j;
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
        assert_eq!(flagged(&DoubledPunctuation, Id, "Polisi,, akan datang. Berhenti !!"), [",,", "!!"]);
        assert_eq!(fixed(&DoubledPunctuation, Id, "Kata itu.. Adapun dia?? Tidak,."), "Kata itu. Adapun dia? Tidak.");
    }

    #[test]
    fn near_misses_stay_silent() {
        for text in ["He waited... Then he left.", "Really?! Yes.", "Pages 1..5 are missing.", "He left.... Then nothing."] {
            assert!(flagged(&DoubledPunctuation, En, text).is_empty(), "{text}");
        }
    }
}
