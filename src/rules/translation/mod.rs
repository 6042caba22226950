//! The translation checked against its source (`sunting check --source ORIGINAL`, or front
//! matter `source:`): what a translation changed that it should not have. Every rule reads the
//! aligned pair the engine builds once ([`crate::align::Pair`], `ctx.translation()`), and is
//! silent when the article has no source. Each finding quotes the source sentence as related
//! information, with the source's path and range.

pub mod dropped;
pub mod figure;
pub mod name;
pub mod speaker;
pub mod negation;
pub mod untranslated_segment;

use crate::align::{Bead, Pair};
use crate::diagnostic::{Diagnostic, Span};
use crate::rules::RuleMeta;

/// A finding of `meta` at `span` in the translation, with the bead's source sentences as related
/// information.
pub(crate) fn finding(meta: &'static RuleMeta, pair: &Pair<'_>, bead: &Bead, span: Span, message: String) -> Diagnostic {
    let mut d = meta.diagnostic(span, message);
    for u in bead.source.clone() {
        d.related.push(pair.related(u));
    }
    d
}

/// The span in the translation a bead's findings point at: its first sentence.
pub(crate) fn target_span(pair: &Pair<'_>, bead: &Bead) -> Option<Span> {
    pair.target_units.get(bead.target.start).filter(|_| !bead.target.is_empty()).map(|u| u.span)
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::align::SourceText;
    use crate::config::Config;
    use crate::document::LanguageChoice;
    use crate::engine::{check_with_source, CheckOptions};
    use crate::prose::DocFormat;

    /// The findings of rule `code` in `translation` checked against `source`: each one's text
    /// in the translation.
    pub fn flagged(code: &str, source: &str, translation: &str) -> Vec<String> {
        let config = Config::default();
        let options = CheckOptions { format: DocFormat::Markdown, language: LanguageChoice::default(), config: &config };
        let source = SourceText { path: "source.md".to_string(), text: source.to_string() };
        let result = check_with_source(translation, &options, Some(&source));
        result.diagnostics.iter().filter(|d| d.code == code).map(|d| translation[d.span.range()].to_string()).collect()
    }
}
