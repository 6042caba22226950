//! The pure core: (text, format, language, config) -> diagnostics. No I/O.

use crate::config::{Config, Level};
use crate::diagnostic::{Diagnostic, Span};
use crate::document::{Document, LanguageChoice, TokenKind};
use crate::language::Language;
use crate::prose::DocFormat;
use crate::rules::{Context, Scope, REGISTRY};
use crate::sections::SECTION_BYTES;
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
    check_with_source(text, options, None)
}

/// [`check`] of a translation against its source: the `translation` rules run as well, on the
/// two articles aligned ([`crate::align`]). The source's language is detected, and its format
/// follows its path. A text or a source longer than a section is checked without its source,
/// and a note says so.
pub fn check_with_source(text: &str, options: &CheckOptions<'_>, source: Option<&crate::align::SourceText>) -> CheckResult {
    // Never cancelled, so never `None`; an empty result is the harmless answer if it were.
    check_with_source_unless(text, options, source, &|| false).unwrap_or_else(|| CheckResult { language: Language::Id, diagnostics: Vec::new(), notes: Vec::new() })
}

/// [`check`], given up (`None`) as soon as `cancelled` says so: it is asked before each rule and
/// each section, so a check of a text that has changed meanwhile (an editor's) stops within one
/// rule's time instead of running to the end for a result nobody will see.
pub fn check_unless(text: &str, options: &CheckOptions<'_>, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<CheckResult> {
    check_with_source_unless(text, options, None, cancelled)
}

/// [`check_with_source`] that may be given up, as [`check_unless`].
pub fn check_with_source_unless(text: &str, options: &CheckOptions<'_>, source: Option<&crate::align::SourceText>, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<CheckResult> {
    if text.len() > SECTION_BYTES {
        let mut result = check_in_sections(text, options, SECTION_BYTES, cancelled)?;
        if source.is_some() {
            result.notes.push(Note { span: Span::new(0, 0), message: format!("not compared with its source: the translation is longer than {} KiB", SECTION_BYTES / 1024) });
        }
        return Some(result);
    }
    let doc = Document::new(text, options.format, options.language);
    let mut too_long = false;
    let source_doc = source.and_then(|s| {
        too_long = s.text.len() > SECTION_BYTES;
        (!too_long).then(|| Document::new(&s.text, DocFormat::from_path(&s.path), LanguageChoice::default()))
    });
    let pair = source.zip(source_doc.as_ref()).map(|(s, d)| crate::align::Pair::new(d, &s.path, &doc));
    let mut diagnostics = run_rules_with(&doc, options, None, pair.as_ref(), cancelled)?;
    let mut limit = FindingLimit::default();
    sort_diagnostics(&mut diagnostics);
    limit.apply(&mut diagnostics);
    let mut result = finish(&doc, options, diagnostics);
    limit.note(&mut result.notes);
    if too_long {
        result.notes.push(Note { span: Span::new(0, 0), message: format!("not compared with its source: the source is longer than {} KiB", SECTION_BYTES / 1024) });
    }
    Some(result)
}

/// The most findings of one rule listed for one article; past it, a note says how many more
/// there were. A thousand slips of one kind in one article is a dump or a misfiring rule, and
/// listing hundreds of thousands (one per word of a 10 MB line) would cost hundreds of
/// megabytes. (The language server publishes far fewer: `maxDiagnostics`.)
pub const MAX_FINDINGS_PER_RULE: usize = 10_000;

/// Findings counted per rule over an article's sections, and those left out.
#[derive(Default)]
struct FindingLimit {
    listed: std::collections::HashMap<String, usize>,
    dropped: std::collections::BTreeMap<String, usize>,
}

impl FindingLimit {
    /// Keep, of findings in order, those within each rule's limit.
    fn apply(&mut self, diagnostics: &mut Vec<Diagnostic>) {
        diagnostics.retain(|d| {
            let code: &str = &d.code;
            let listed = match self.listed.get_mut(code) {
                Some(n) => n,
                None => self.listed.entry(code.to_string()).or_default(),
            };
            if *listed < MAX_FINDINGS_PER_RULE {
                *listed += 1;
                true
            } else {
                *self.dropped.entry(code.to_string()).or_default() += 1;
                false
            }
        });
    }

    fn note(self, notes: &mut Vec<Note>) {
        for (code, more) in self.dropped {
            notes.push(Note { span: Span::new(0, 0), message: format!("{more} more {code} findings not listed (at most {MAX_FINDINGS_PER_RULE} of one rule in one article)") });
        }
    }
}

/// How many sections of a long text are checked at once: one per core unless
/// [`set_section_threads`] said otherwise.
static SECTION_THREADS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Check the sections of a long text on at most `n` threads (0: one per core); `check --jobs`
/// sets it, so that `-j1` means one thread.
pub fn set_section_threads(n: usize) {
    SECTION_THREADS.store(n, std::sync::atomic::Ordering::Relaxed);
}

fn section_threads() -> usize {
    crate::ordered::threads(Some(SECTION_THREADS.load(std::sync::atomic::Ordering::Relaxed)))
}

/// [`check`] for a text longer than a section: each section of [`crate::sections::cuts`] is
/// checked as an article of its own, in the whole text's language, and its findings moved to
/// where the section stands; the suppression comments and front matter are read from the
/// whole. Memory stays that of a section per thread (and the findings).
fn check_in_sections(text: &str, options: &CheckOptions<'_>, section_bytes: usize, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<CheckResult> {
    let (language, cuts) = {
        let prose = crate::prose::extract(text, options.format);
        (options.language.resolve(&prose), crate::sections::cuts(text, &prose.blocks, section_bytes))
    };
    let forced = CheckOptions { language: LanguageChoice { forced: Some(language), ..options.language }, ..*options };
    let mut diagnostics = Vec::new();
    let mut limit = FindingLimit::default();
    let mut cancelled_midway = false;
    let sections = cuts.iter().enumerate().map(|(i, &start)| (start, cuts.get(i + 1).copied().unwrap_or(text.len())));
    let threads = section_threads();
    // Sections are checked side by side, and their findings taken in order: at most one
    // section per thread is held beyond the last one taken.
    crate::ordered::map_in_order(
        sections,
        threads,
        threads,
        |(start, end)| {
            let doc = Document::new(&text[start..end], options.format, forced.language);
            let found = run_rules(&doc, &forced, None, cancelled).map(|mut found| {
                crate::ignore::drop_ignored(&doc, &options.config.ignored, &mut found);
                sort_diagnostics(&mut found);
                found
            });
            // The steps taken on this thread are the caller's (`crate::work`).
            (start, found, crate::work::take())
        },
        |(start, found, steps)| {
            crate::work::count(usize::try_from(steps).unwrap_or(usize::MAX));
            let Some(mut found) = found else {
                cancelled_midway = true;
                return false;
            };
            limit.apply(&mut found);
            diagnostics.extend(found.into_iter().map(|d| d.shifted(start)));
            true
        },
    );
    if cancelled_midway {
        return None;
    }
    let mut notes = Vec::new();
    let suppressions = Suppressions::parse(text, &mut notes);
    if let Some((span, code)) = crate::prose::unsupported_front_matter_language(text) {
        let message = format!("the front matter names the language {code:?}, which sunting does not check (only id and en); checked as {language} instead");
        notes.insert(0, Note { span, message });
    }
    diagnostics.retain(|d| !suppressions.is_suppressed(d) && d.span.end <= text.len());
    sort_diagnostics(&mut diagnostics);
    limit.note(&mut notes);
    Some(CheckResult { language, diagnostics, notes })
}

/// The findings of the paragraph-scoped rules ([`Scope::Paragraph`]) in the blocks that
/// overlap or touch `around`, and those blocks' spans. The same findings, in those blocks, as
/// [`check`] makes: that is what lets an editor re-check only what an edit touched (the
/// `incremental` module, above the engine, calls it).
pub fn check_paragraphs(text: &str, options: &CheckOptions<'_>, around: &[Span]) -> (CheckResult, Vec<Span>) {
    let (doc, focus) = Document::around(text, options.format, options.language, around);
    let blocks: Vec<Span> = doc.blocks.iter().zip(&focus).filter(|(_, f)| **f).map(|(b, _)| b.span).collect();
    let mut diagnostics = run_rules(&doc, options, Some(&focus), &|| false).unwrap_or_default();
    diagnostics.retain(|d| blocks.iter().any(|b| b.start <= d.span.start && d.span.end <= b.end));
    (finish(&doc, options, diagnostics), blocks)
}

/// Run the built-in rules, then the house style rules of the configuration; with `focus`, only
/// the paragraph-scoped ones, on the blocks marked.
fn run_rules(doc: &Document<'_>, options: &CheckOptions<'_>, focus: Option<&[bool]>, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Vec<Diagnostic>> {
    run_rules_with(doc, options, focus, None, cancelled)
}

/// [`run_rules`] with the translation's source, when there is one.
fn run_rules_with(doc: &Document<'_>, options: &CheckOptions<'_>, focus: Option<&[bool]>, pair: Option<&crate::align::Pair<'_>>, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Vec<Diagnostic>> {
    if focus.is_none() && doc.tokens.iter().any(|t| t.kind == TokenKind::Word) {
        crate::lexicon::hunspell::prefetch(doc.language, options.config.english);
        crate::lexicon::frequency::prefetch_in_background(doc.language);
    }
    let words = WordJudge::new(doc.language, options.config.english, &options.config.lexicon);
    let ctx = match focus {
        Some(focus) => Context::focused(doc, options.config, &words, focus),
        None => Context::new(doc, options.config, &words),
    }
    .with_translation(pair);
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
        if cancelled() {
            return None;
        }
        let from = diagnostics.len();
        rule.check(&ctx, &mut diagnostics);
        demote_unsure_fixes(&mut diagnostics[from..]);
        // A configured level overrides; otherwise a rule may report weaker findings lower.
        if let Some(severity) = level.and_then(Level::severity) {
            for d in &mut diagnostics[from..] {
                d.severity = severity;
            }
        }
    }
    Some(diagnostics)
}

/// What *safe* means: a fix `sunting fix` applies unattended needs no judgement. A finding its rule
/// reports below warning (it is not sure, or it is a matter of taste) cannot be fixed unattended, nor
/// can a figure (which number is wrong is the editor's call) or a name (which spelling is right):
/// their safe fixes become suggestions. Checked over every rule's findings before the configured
/// severity applies, so lowering a rule to `info` in `sunting.toml` does not change what `fix` does.
fn demote_unsure_fixes(diagnostics: &mut [Diagnostic]) {
    use crate::diagnostic::{Applicability, Category, Severity};
    for d in diagnostics {
        let judgement = d.severity < Severity::Warning || matches!(d.category(), Some(Category::Figures | Category::Names | Category::Translation));
        if judgement {
            for fix in &mut d.fixes {
                fix.applicability = Applicability::Suggested;
            }
        }
    }
}

/// Apply the article's suppression comments, and put the findings in order.
fn finish(doc: &Document<'_>, options: &CheckOptions<'_>, mut diagnostics: Vec<Diagnostic>) -> CheckResult {
    crate::ignore::drop_ignored(doc, &options.config.ignored, &mut diagnostics);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Scope;

    fn options(config: &Config) -> CheckOptions<'_> {
        CheckOptions { format: DocFormat::Markdown, language: LanguageChoice::default(), config }
    }

    fn paragraph(i: usize) -> String {
        // Slips that paragraph-scoped rules find: a doubled word, a space before a comma, a
        // non-standard form.
        format!("Warga desa ke-{i} datang datang ke balai , kata kepala desa. Resiko banjir tinggi di ibukota.\n\n")
    }

    #[test]
    fn a_text_checked_in_sections_has_the_findings_of_the_whole_in_the_same_places() {
        let config = Config::default();
        let text = format!("---\nlang: id\n---\n\n{}", (0..40).map(paragraph).collect::<String>());
        let whole = check(&text, &options(&config));
        let cut = check_in_sections(&text, &options(&config), 400, &|| false).unwrap();
        assert!(crate::sections::cuts(&text, &crate::prose::extract(&text, DocFormat::Markdown).blocks, 400).len() > 5);
        assert_eq!(cut.language, Language::Id);
        let paragraph_scoped = |d: &Diagnostic| crate::rules::find(&d.code).is_some_and(|r| r.scope() == Scope::Paragraph);
        let keys = |r: &CheckResult| r.diagnostics.iter().filter(|d| paragraph_scoped(d)).map(|d| (d.code.to_string(), d.span, d.fixes.clone())).collect::<Vec<_>>();
        assert!(keys(&whole).len() >= 80, "{:?}", keys(&whole));
        assert_eq!(keys(&cut), keys(&whole));
        for d in &cut.diagnostics {
            assert!(d.span.end <= text.len());
            for edit in d.fixes.iter().flat_map(|f| &f.edits) {
                assert!(text.is_char_boundary(edit.span.start) && text.is_char_boundary(edit.span.end));
            }
        }
    }

    #[test]
    fn a_disabled_region_and_the_front_matter_reach_over_section_cuts() {
        let config = Config::default();
        // English by front matter, though most prose is Indonesian: every section is judged as
        // English (no Indonesian doubled-word or non-standard findings about "ibukota").
        let body: String = (0..30).map(paragraph).collect();
        let text = format!("---\nlang: en\n---\n\n<!-- sunting-disable typography -->\n\n{body}");
        let cut = check_in_sections(&text, &options(&config), 300, &|| false).unwrap();
        assert_eq!(cut.language, Language::En);
        assert!(cut.diagnostics.iter().all(|d| d.category() != Some(crate::diagnostic::Category::Typography)), "{:?}", cut.diagnostics.iter().map(|d| &d.code).collect::<Vec<_>>());
        assert_eq!(cut.diagnostics.iter().map(|d| d.code.to_string()).collect::<Vec<_>>(), check(&text, &options(&config)).diagnostics.iter().filter(|d| d.code != "names/variant").map(|d| d.code.to_string()).collect::<Vec<_>>());
    }

    #[test]
    fn no_rule_fixes_unattended_what_needs_judgement() {
        use crate::diagnostic::{Applicability, Category, Severity};
        // Every rule's own example, in both languages, and articles with slips of every kind.
        let mut texts: Vec<(String, Language)> = Vec::new();
        for rule in REGISTRY {
            let meta = rule.meta();
            for language in [Language::Id, Language::En] {
                texts.push((format!("{}\n\n{}\n", meta.example_bad, meta.example_good), language));
            }
        }
        texts.push(("Gempa menewaskan 12 orang pada Kamis (3/3/2022). Kamis itu, 10 orang tewas dan 5 luka-luka dari 12 korban.\n\nBudi Santoso datang. Budi Santosa pergi. \"Kami siap,\" ujarnya. 'Kami siap'.\n\nResiko di ibukota naik 20 persen , dari 100 menjadi 150 !!\n".to_string(), Language::Id));
        texts.push(("The quake killed 12 people on Thursday, March 3, 2022. On Friday 10 people died and 5 were hurt of the 12 victims.\n\nJohn Smyth came. John Smith left. 'We are ready,' he said. \"Ready\".\n\nIt rose 20 percent , from 100 to 150 !!\n".to_string(), Language::En));
        let config = Config::default();
        let mut safe = 0;
        for (text, language) in &texts {
            let options = CheckOptions { format: DocFormat::Markdown, language: LanguageChoice { forced: Some(*language), ..Default::default() }, config: &config };
            for d in check(text, &options).diagnostics {
                let safe_fixes = d.fixes.iter().filter(|f| f.applicability == Applicability::Safe).count();
                safe += safe_fixes;
                if safe_fixes > 0 {
                    assert!(d.severity >= Severity::Warning, "{} at {} has a safe fix: {:?}", d.code, d.severity, d.fixes);
                    assert!(!matches!(d.category(), Some(Category::Figures | Category::Names)), "{} has a safe fix", d.code);
                }
            }
        }
        assert!(safe > 10, "the texts should have safe fixes to judge ({safe})");
    }

    #[test]
    fn a_check_is_given_up_when_asked_and_only_then() {
        use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
        let config = Config::default();
        let text: String = (0..5).map(paragraph).collect();
        let asked = AtomicUsize::new(0);
        let never = check_unless(&text, &options(&config), &|| {
            asked.fetch_add(1, Relaxed);
            false
        });
        assert_eq!(never.map(|r| r.diagnostics), Some(check(&text, &options(&config)).diagnostics));
        // Asked before every rule that runs.
        assert!(asked.load(Relaxed) >= 20, "{}", asked.load(Relaxed));
        for after in [0, 1, 7, asked.load(Relaxed) - 1] {
            let n = AtomicUsize::new(0);
            let result = check_unless(&text, &options(&config), &|| {
                n.fetch_add(1, Relaxed) + 1 > after
            });
            assert!(result.is_none(), "cancelled after {after} rules");
            assert_eq!(n.load(Relaxed), after + 1, "no rule runs once cancelled");
        }
        // A text in sections is given up between them too.
        let long: String = (0..40).map(paragraph).collect();
        let n = AtomicUsize::new(0);
        let result = check_in_sections(&long, &options(&config), 400, &|| {
            n.fetch_add(1, Relaxed) + 1 > 30
        });
        assert!(result.is_none());
        // Sections are checked side by side: each thread stops at its next question.
        let n = n.load(Relaxed);
        assert!((31..=30 + section_threads()).contains(&n), "{n}");
    }

    #[test]
    fn sections_checked_side_by_side_give_what_one_thread_gives() {
        let config = Config::default();
        let long: String = (0..60).map(paragraph).collect();
        let cancelled = || false;
        set_section_threads(1);
        let one = check_in_sections(&long, &options(&config), 500, &cancelled).map(|r| r.diagnostics);
        set_section_threads(3);
        let three = check_in_sections(&long, &options(&config), 500, &cancelled).map(|r| r.diagnostics);
        set_section_threads(0);
        assert!(one.as_ref().is_some_and(|d| d.len() > 20), "{one:?}");
        assert_eq!(one, three);
    }

    #[test]
    fn past_the_limit_a_rule_lists_no_more_findings_and_a_note_says_how_many() {
        let config = Config::default();
        let n = MAX_FINDINGS_PER_RULE + 37;
        let text = "Dia datang , lalu pergi . ".repeat(n / 2 + 1);
        let result = check(&text, &options(&config));
        let spaces = result.diagnostics.iter().filter(|d| d.code == "typography/space-before-punctuation").count();
        assert_eq!(spaces, MAX_FINDINGS_PER_RULE);
        // The first ones are listed, in order.
        assert_eq!(result.diagnostics.first().map(|d| d.span.start), text.find(" ,"));
        let note = result.notes.iter().find(|n| n.message.contains("typography/space-before-punctuation")).expect("a note");
        assert!(note.message.starts_with(&format!("{} more", 2 * (n / 2 + 1) - MAX_FINDINGS_PER_RULE)), "{}", note.message);
    }
}
