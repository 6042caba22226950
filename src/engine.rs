//! The pure core: (text, format, language, config) -> diagnostics. No I/O.

use crate::config::{Config, Level};
use crate::diagnostic::{Diagnostic, Span};
use crate::document::{Document, LanguageChoice, TokenKind};
use crate::language::Language;
use crate::prose::DocFormat;
use crate::rules::{Context, Scope, REGISTRY};
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
    /// Problems with the article itself, for a warning beside the findings: its suppression
    /// comments, a front matter language sunting does not check.
    pub notes: Vec<Note>,
}

pub fn check(text: &str, options: &CheckOptions<'_>) -> CheckResult {
    let doc = Document::new(text, options.format, options.language);
    let diagnostics = run_rules(&doc, options, None);
    finish(&doc, options, diagnostics)
}

/// The findings of the paragraph-scoped rules ([`Scope::Paragraph`]) in the blocks that
/// overlap or touch `around`, and those blocks' spans. The same findings, in those blocks, as
/// [`check`] makes: that is what lets an editor re-check only what an edit touched
/// ([`crate::incremental`]).
pub fn check_paragraphs(text: &str, options: &CheckOptions<'_>, around: &[Span]) -> (CheckResult, Vec<Span>) {
    let (doc, focus) = Document::around(text, options.format, options.language, around);
    let blocks: Vec<Span> = doc.blocks.iter().zip(&focus).filter(|(_, f)| **f).map(|(b, _)| b.span).collect();
    let mut diagnostics = run_rules(&doc, options, Some(&focus));
    diagnostics.retain(|d| blocks.iter().any(|b| b.start <= d.span.start && d.span.end <= b.end));
    (finish(&doc, options, diagnostics), blocks)
}

/// Run the built-in rules, then the house style rules of the configuration; with `focus`, only
/// the paragraph-scoped ones, on the blocks marked.
fn run_rules(doc: &Document<'_>, options: &CheckOptions<'_>, focus: Option<&[bool]>) -> Vec<Diagnostic> {
    if focus.is_none() && doc.tokens.iter().any(|t| t.kind == TokenKind::Word) {
        crate::lexicon::hunspell::prefetch(doc.language, options.config.english);
    }
    let words = WordJudge::new(doc.language, options.config.english, &options.config.lexicon);
    let ctx = match focus {
        Some(focus) => Context::focused(doc, options.config, &words, focus),
        None => Context::new(doc, options.config, &words),
    };
    let mut diagnostics = Vec::new();
    for rule in REGISTRY.iter().copied().chain(options.config.styles.iter()) {
        let meta = rule.meta();
        if !meta.applies_to(doc.language) || focus.is_some() && rule.scope() != Scope::Paragraph {
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
    diagnostics
}

/// Apply the article's suppression comments, and put the findings in order.
fn finish(doc: &Document<'_>, options: &CheckOptions<'_>, mut diagnostics: Vec<Diagnostic>) -> CheckResult {
    crate::suppress::drop_ignored(doc, &options.config.ignored, &mut diagnostics);
    let text = doc.text;
    let mut notes = Vec::new();
    let suppressions = Suppressions::parse(text, &mut notes);
    if let Some((span, code)) = crate::prose::unsupported_front_matter_language(text) {
        let message = format!("the front matter names the language {code:?}, which sunting does not check (only id and en); checked as {} instead", doc.language);
        notes.insert(0, Note { span, message });
    }
    diagnostics.retain(|d| !suppressions.is_suppressed(d) && d.span.end <= text.len());
    sort_diagnostics(&mut diagnostics);
    CheckResult { language: doc.language, diagnostics, notes }
}

/// The engine's order: by position, then code; one finding per code and span.
pub fn sort_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| (a.span.start, a.span.end, &a.code).cmp(&(b.span.start, b.span.end, &b.code)));
    diagnostics.dedup_by(|a, b| a.code == b.code && a.span == b.span);
}
