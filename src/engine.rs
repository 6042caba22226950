//! The pure core: (text, format, language, config) -> diagnostics. No I/O.

use crate::config::{Config, Level};
use crate::diagnostic::Diagnostic;
use crate::document::{Document, LanguageChoice};
use crate::language::Language;
use crate::prose::DocFormat;
use crate::rules::{Context, REGISTRY};
use crate::suppress::{Note, Suppressions};
use crate::words::WordJudge;

#[derive(Debug, Clone, Copy)]
pub struct CheckOptions<'c> {
    pub format: DocFormat,
    pub language: LanguageChoice,
    pub config: &'c Config,
}

#[derive(Debug, Clone)]
pub struct CheckResult {
    pub language: Language,
    /// Sorted by position, then code.
    pub diagnostics: Vec<Diagnostic>,
    /// Problems with the article's own suppression comments.
    pub notes: Vec<Note>,
}

pub fn check(text: &str, options: &CheckOptions<'_>) -> CheckResult {
    let doc = Document::new(text, options.format, options.language);
    let words = WordJudge::new(doc.language, options.config.english, &options.config.lexicon);
    let ctx = Context::new(&doc, options.config, &words);
    let mut diagnostics = Vec::new();
    // The built-in rules, then the house style rules of the configuration.
    for rule in REGISTRY.iter().copied().chain(options.config.styles.iter()) {
        let meta = rule.meta();
        if !meta.applies_to(doc.language) {
            continue;
        }
        let level = options.config.level_for(meta);
        if level == Some(Level::Off) {
            continue;
        }
        let from = diagnostics.len();
        rule.check(&ctx, &mut diagnostics);
        // A configured level overrides; otherwise a rule may report weaker findings lower.
        if let Some(severity) = level.and_then(Level::severity) {
            for d in &mut diagnostics[from..] {
                d.severity = severity;
            }
        }
    }
    let mut notes = Vec::new();
    let suppressions = Suppressions::parse(text, &mut notes);
    diagnostics.retain(|d| !suppressions.is_suppressed(d) && d.span.end <= text.len());
    diagnostics.sort_by(|a, b| (a.span.start, a.span.end, &a.code).cmp(&(b.span.start, b.span.end, &b.code)));
    diagnostics.dedup_by(|a, b| a.code == b.code && a.span == b.span);
    CheckResult { language: doc.language, diagnostics, notes }
}
