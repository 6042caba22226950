//! Rules: one file each, one small trait, one registry.
//!
//! To add a rule: write `rules/<category>/<name>.rs` with a unit struct implementing [`Rule`],
//! add it to [`REGISTRY`], and give it a fixture test in `tests/fixtures/`.

use crate::config::Config;
use crate::diagnostic::Diagnostic;
pub use crate::diagnostic::RuleMeta;
use crate::document::Document;
use crate::quotation::Quotations;
use crate::words::{occurrences_in_blocks, Occurrence, WordJudge};
use std::cell::OnceCell;

pub mod figures;
pub mod names;
pub mod quotes;
pub mod spelling;
pub mod style;
pub mod translation;
pub mod typography;
pub mod untranslated;

/// How much of the article a rule reads to decide a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Findings in a block depend only on that block (its text and kind), the article's
    /// language and the configuration. Such a rule can re-check just the blocks an edit touched
    /// (the `incremental` module, above the rules, does); it reads blocks through [`Context::focused_blocks`] and
    /// [`Context::in_focus`]. `tests/properties.rs` holds every rule that claims it to its word.
    Paragraph,
    /// Findings may depend on anything in the article (counts, majorities, other mentions).
    Article,
}

/// What a rule sees: the analysed document, the configuration, the judge of words that the
/// spelling and untranslated rules share, and facts several rules need, worked out once.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub config: &'a Config,
    pub words: &'a WordJudge<'a>,
    /// The blocks to check (by index), for paragraph-scoped rules; `None` for all.
    focus: Option<&'a [bool]>,
    quotations: OnceCell<Quotations>,
    figures: OnceCell<figures::Article<'a, 'a>>,
    occurrences: OnceCell<Vec<Occurrence<'a>>>,
    names: OnceCell<crate::names::Names<'a>>,
    sentence_model: OnceCell<crate::sentences::SentenceModel>,
    /// The translation's source, aligned, when the article is checked against one.
    translation: Option<&'a crate::align::Pair<'a>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document<'a>, config: &'a Config, words: &'a WordJudge<'a>) -> Self {
        Context { doc, config, words, focus: None, quotations: OnceCell::new(), figures: OnceCell::new(), occurrences: OnceCell::new(), names: OnceCell::new(), sentence_model: OnceCell::new(), translation: None }
    }

    /// The context with the translation's source, for the `translation` rules.
    pub fn with_translation(self, pair: Option<&'a crate::align::Pair<'a>>) -> Self {
        Context { translation: pair, ..self }
    }

    /// The source and its alignment, when the article is checked against its source.
    pub fn translation(&self) -> Option<&'a crate::align::Pair<'a>> {
        self.translation
    }

    /// A context in which paragraph-scoped rules look only at the blocks marked in `focus`
    /// (indexed like `doc.blocks`).
    pub fn focused(doc: &'a Document<'a>, config: &'a Config, words: &'a WordJudge<'a>, focus: &'a [bool]) -> Self {
        Context { focus: Some(focus), ..Context::new(doc, config, words) }
    }

    /// Whether a paragraph-scoped rule is to look at block `block`.
    pub fn in_focus(&self, block: usize) -> bool {
        self.focus.is_none_or(|f| f.get(block).copied().unwrap_or(false))
    }

    /// The blocks in focus, each with its index and tokens.
    pub fn focused_blocks(&self) -> impl Iterator<Item = (usize, &'a [crate::document::Token])> + '_ {
        let doc = self.doc;
        (0..doc.block_tokens.len()).filter(|&b| self.in_focus(b)).map(move |b| (b, &doc.tokens[doc.block_tokens[b].clone()]))
    }

    /// The document's quotations, paired on first use.
    pub fn quotations(&self) -> &Quotations {
        self.quotations.get_or_init(|| Quotations::of(self.doc))
    }

    /// Where the document's sentences may end and begin ([`crate::sentences`]), read on first use.
    pub fn sentence_model(&self) -> &crate::sentences::SentenceModel {
        self.sentence_model.get_or_init(|| crate::sentences::SentenceModel::new(self.doc))
    }

    /// The figures rules' reading of the article (numbers, places, days), built once for all six.
    pub(crate) fn figures_article(&self) -> &figures::Article<'a, 'a> {
        self.figures.get_or_init(|| figures::Article::new(self.doc))
    }

    /// The document's words worth judging ([`crate::words::occurrences`]), found once for the spelling,
    /// untranslated and name rules that all walk them; in a focused context, those of the
    /// blocks in focus.
    pub fn occurrences(&self) -> &[Occurrence<'a>] {
        self.occurrences.get_or_init(|| occurrences_in_blocks(self.doc, |b| self.in_focus(b)))
    }

    /// The article's names ([`crate::names::Names`]), read once for the rules that need them.
    pub fn names(&self) -> &crate::names::Names<'a> {
        self.names.get_or_init(|| crate::names::Names::new(self.doc, self.occurrences(), self.words))
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// How much of the article the rule reads; see [`Scope`].
    fn scope(&self) -> Scope {
        Scope::Article
    }
    /// Append findings to `out`. A rule never does I/O and never panics on any input.
    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// Every built-in rule, in the order `sunting rules` lists them.
pub static REGISTRY: &[&dyn Rule] = &[
    &spelling::misspelled::Misspelled,
    &spelling::nonstandard::NonStandard,
    &spelling::needless_apostrophe::NeedlessApostrophe,
    &untranslated::foreign_word::ForeignWord,
    &untranslated::has_equivalent::HasEquivalent,
    &figures::conflict::Conflict,
    &figures::sum::Sum,
    &figures::percent::Percent,
    &figures::weekday_date::WeekdayDate,
    &figures::age::Age,
    &figures::match_result::MatchResult,
    &figures::duration::Duration,
    &quotes::unattributed::Unattributed,
    &quotes::unbalanced::Unbalanced,
    &quotes::style::Style,
    &typography::space_before_punctuation::SpaceBeforePunctuation,
    &typography::missing_space_after_punctuation::MissingSpaceAfterPunctuation,
    &typography::doubled_punctuation::DoubledPunctuation,
    &typography::broken_reduplication::BrokenReduplication,
    &typography::doubled_word::DoubledWord,
    &typography::doubled_title::DoubledTitle,
    &typography::time_format::TimeFormat,
    &typography::mixed_time_separators::MixedTimeSeparators,
    &typography::digit_grouping::DigitGrouping,
    &typography::number_unit_spacing::NumberUnitSpacing,
    &typography::ordinal_hyphen::OrdinalHyphen,
    &typography::separated_prefix::SeparatedPrefix,
    &typography::run_together_sentences::RunTogetherSentences,
    &typography::lowercase_sentence_start::LowercaseSentenceStart,
    &typography::capital_after_quotation::CapitalAfterQuotation,
    &typography::unfinished_paragraph::UnfinishedParagraph,
    &typography::empty_attribution::EmptyAttribution,
    &names::variant::Variant,
    &translation::figure::FigureRule,
    &translation::negation::Negation,
    &translation::dropped::Dropped,
    &translation::untranslated_segment::UntranslatedSegment,
    &translation::name::Name,
    &translation::speaker::Speaker,
];

/// A built-in rule, or a rule of the shipped house styles, by code.
pub fn find(code: &str) -> Option<&'static dyn Rule> {
    REGISTRY.iter().copied().find(|r| r.meta().code == code).or_else(|| crate::style::find_default(code).map(|r| r as &'static dyn Rule))
}

/// What a rule is, by code: a built-in rule, or a house style rule of any style file loaded in
/// this process.
pub fn meta(code: &str) -> Option<&'static RuleMeta> {
    REGISTRY.iter().map(|r| r.meta()).find(|m| m.code == code).or_else(|| crate::style::find(code))
}

/// Whether `code` is a built-in rule's (a house style rule may not take it).
pub fn is_built_in(code: &str) -> bool {
    REGISTRY.iter().any(|r| r.meta().code == code)
}

/// The built-in rules' descriptions, then those of every style rule known in this process (for
/// SARIF's rule list).
pub fn known_rules() -> Vec<&'static RuleMeta> {
    let mut out: Vec<&'static RuleMeta> = REGISTRY.iter().map(|r| r.meta()).collect();
    let mut seen: std::collections::HashSet<&str> = out.iter().map(|m| m.code).collect();
    for meta in crate::style::loaded_metas() {
        if seen.insert(meta.code) {
            out.push(meta);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Category;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for rule in REGISTRY {
            let meta = rule.meta();
            assert!(seen.insert(meta.code), "duplicate code {}", meta.code);
            let (category, name) = meta.code.split_once('/').expect("category/rule");
            assert_eq!(Category::parse(category), Some(meta.category), "{}", meta.code);
            assert!(!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", meta.code);
            assert!(!meta.summary.is_empty() && !meta.explanation.is_empty(), "{}", meta.code);
            assert_ne!(meta.example_bad, meta.example_good, "{}", meta.code);
        }
    }
}

#[cfg(test)]
/// Helpers for rule unit tests: run one rule over a plain-text article.
pub(crate) mod test_support {
    use crate::config::Config;
    use crate::diagnostic::Diagnostic;
    use crate::document::{Document, LanguageChoice};
    use crate::language::Language;
    use crate::prose::DocFormat;
    use crate::rules::{Context, Rule};

    /// Run one rule over a plain-text article in the given language.
    pub fn run(rule: &dyn Rule, language: Language, text: &str) -> Vec<Diagnostic> {
        if !rule.meta().applies_to(language) {
            return Vec::new();
        }
        let doc = Document::new(text, DocFormat::PlainText, LanguageChoice { forced: Some(language), ..Default::default() });
        let config = Config::default();
        let words = crate::words::WordJudge::new(language, config.english, &config.lexicon);
        let mut out = Vec::new();
        rule.check(&Context::new(&doc, &config, &words), &mut out);
        out
    }

    /// The flagged text of each finding.
    pub fn flagged(rule: &dyn Rule, language: Language, text: &str) -> Vec<String> {
        run(rule, language, text).iter().map(|d| text[d.span.range()].to_string()).collect()
    }

    /// The text after applying the first fix of every finding.
    pub fn fixed(rule: &dyn Rule, language: Language, text: &str) -> String {
        let diags = run(rule, language, text);
        crate::fix::apply_fixes(text, &diags, crate::fix::FixMode::IncludeSuggested).0
    }
}
