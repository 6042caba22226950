use crate::diagnostic::{Category, Diagnostic, Severity, Span};
use crate::document::TokenKind;
use crate::language::Language;
use crate::rules::{Context, Rule, RuleMeta, Scope};

/// `artikel informatif oleh, yang awalnya diterbitkan`: the author's name has gone.
pub struct EmptyAttribution;

static META: RuleMeta = RuleMeta {
    code: "typography/empty-attribution",
    category: Category::Typography,
    default_severity: Severity::Warning,
    languages: &[],
    summary: "'oleh' or 'by' with no name after it.",
    explanation: "A credit whose name was lost in editing or translation (`artikel oleh, yang ...`, \
`written by, and ...`). In English only credits are checked (`written by`, `photo by`, `reported by`), \
because `by` before a comma is otherwise normal (`stood by, ready`).",
    example_bad: "Ini adalah artikel informatif oleh, yang awalnya diterbitkan di Mint.",
    example_good: "Ini adalah artikel informatif oleh Budi Santoso, yang awalnya diterbitkan di Mint.",
};

const EN_CREDITS: &[&str] = &[
    "written", "reported", "published", "posted", "edited", "produced", "photo", "photos", "photograph",
    "story", "article", "illustrated", "compiled", "translated", "authored", "created", "filmed", "reporting",
    "editing", "interview", "op-ed", "essay", "column",
];

impl Rule for EmptyAttribution {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        for (_, tokens) in ctx.focused_blocks() {
            for i in 0..tokens.len().saturating_sub(1) {
                let (word, mark) = (&tokens[i], &tokens[i + 1]);
                if word.kind != TokenKind::Word || mark.kind != TokenKind::Punct || !matches!(doc.token_str(mark), "," | "." | ";" | ")") {
                    continue;
                }
                let w = doc.token_str(word).to_lowercase();
                let empty = match doc.language {
                    Language::Id => w == "oleh",
                    Language::En => {
                        w == "by" && i >= 1 && EN_CREDITS.contains(&doc.token_str(&tokens[i - 1]).to_lowercase().as_str())
                    }
                };
                if empty {
                    let span = Span::new(word.span.start, mark.span.end);
                    out.push(META.diagnostic(span, format!("'{}' is not followed by a name", doc.token_str(word))));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Language::{En, Id};
    use crate::rules::typography::test_support::flagged;

    #[test]
    fn flags_empty_credits() {
        assert_eq!(flagged(&EmptyAttribution, Id, "Ini artikel informatif oleh, yang awalnya diterbitkan di Mint."), ["oleh,"]);
        assert_eq!(flagged(&EmptyAttribution, En, "The story written by, and first published in Mint."), ["by,"]);
    }

    #[test]
    fn near_misses_stay_silent() {
        assert!(flagged(&EmptyAttribution, Id, "Oleh karena itu, dia ditangkap oleh polisi.").is_empty());
        assert!(flagged(&EmptyAttribution, En, "He stood by, ready. Prices rose by 5%.").is_empty());
    }
}
