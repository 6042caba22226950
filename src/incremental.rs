//! Re-diagnosing an edited article without checking all of it again.
//!
//! An editor sends small edits to long articles, and a full check of 20,000 words takes tens of
//! milliseconds, most of it in the article-wide passes (figures, names, quotes, house style).
//! After an edit, [`provisional`] re-checks the blocks the edit touched with the
//! paragraph-scoped rules ([`crate::rules::Scope::Paragraph`], exact by their contract) and
//! moves the previous findings of everything else along with the edit, dropping any whose
//! span, related span or fix the edit touched. An adapter shows that at once and replaces it
//! with a full check as soon as that is done: the article-wide findings are the previous
//! version's until then.

use crate::diagnostic::{Diagnostic, Span};
use crate::engine::{self, CheckOptions};
use crate::language::Language;
use crate::rules::{Scope, REGISTRY};
use crate::suppress::Suppressions;
use std::collections::HashSet;
use std::sync::LazyLock;

/// One replacement in a text: bytes `start..end` of the text as it stood (after the changes
/// before this one) became `new_len` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextChange {
    pub start: usize,
    pub end: usize,
    pub new_len: usize,
}

/// The changes made to a text since an earlier version of it, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangeLog {
    changes: Vec<TextChange>,
}

impl ChangeLog {
    pub fn push(&mut self, change: TextChange) {
        self.changes.push(change);
    }

    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn changes(&self) -> &[TextChange] {
        &self.changes
    }

    /// Where a span of the earlier text lies now; `None` if a change overlapped or touched it
    /// (typing at the end of a flagged word changes the word).
    pub fn map_span(&self, span: Span) -> Option<Span> {
        let (mut start, mut end) = (span.start, span.end);
        for c in &self.changes {
            if c.start <= end && start <= c.end {
                return None;
            }
            if c.end < start {
                let shift = |x: usize| x - (c.end - c.start) + c.new_len;
                start = shift(start);
                end = shift(end);
            }
        }
        Some(Span { start, end })
    }

    /// The regions of the current text that the changes wrote, in order and merged: where the
    /// blocks to re-check are.
    pub fn touched(&self) -> Vec<Span> {
        let mut regions: Vec<Span> = Vec::new();
        for c in &self.changes {
            let removed = c.end - c.start;
            // Earlier regions move with this change; one it overlaps grows to cover it.
            let mut written = Span { start: c.start, end: c.start + c.new_len };
            let mut next = Vec::with_capacity(regions.len() + 1);
            for r in regions {
                if r.end < c.start {
                    next.push(r);
                } else if r.start > c.end {
                    next.push(Span { start: r.start - removed + c.new_len, end: r.end - removed + c.new_len });
                } else {
                    let start = r.start.min(written.start);
                    let end = if r.end > c.end { r.end - removed + c.new_len } else { written.end };
                    written = Span { start, end: end.max(written.end) };
                }
            }
            next.push(written);
            next.sort_by_key(|r| r.start);
            regions = next;
        }
        regions
    }

    /// How many bytes of the current text the changes wrote or sit next to.
    pub fn touched_len(&self) -> usize {
        self.touched().iter().map(|r| r.len().max(1)).sum()
    }
}

/// Codes of the built-in rules that are exact per block.
static PARAGRAPH_CODES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| REGISTRY.iter().filter(|r| r.scope() == Scope::Paragraph).map(|r| r.meta().code).collect());

/// Whether the findings of rule `code` can be re-made block by block.
pub fn is_paragraph_scoped(code: &str) -> bool {
    PARAGRAPH_CODES.contains(code)
}

/// Moves a finding of the earlier text along with the changes; `None` if they touched it.
pub fn map_diagnostic(d: &Diagnostic, changes: &ChangeLog) -> Option<Diagnostic> {
    let mut moved = d.clone();
    moved.span = changes.map_span(d.span)?;
    for r in &mut moved.related {
        r.span = changes.map_span(r.span)?;
    }
    for fix in &mut moved.fixes {
        for e in &mut fix.edits {
            e.span = changes.map_span(e.span)?;
        }
    }
    Some(moved)
}

const MISSPELLED: &str = "spelling/misspelled";

/// The misspelled words of the blocks around `touched`, as a full check reports them: the rule
/// reads the whole article only to count how often a slip is written (three times or more makes
/// it a hint), so it runs on the touched blocks and each finding's count is taken over the
/// whole text. Without this the word being typed would lose its squiggle until the full check
/// (a flicker on every pause). `None` when the rule is off or does not apply.
fn misspelled_in(text: &str, options: &CheckOptions<'_>, touched: &[Span], language: Language) -> Option<Vec<Diagnostic>> {
    let rule = crate::rules::find(MISSPELLED)?;
    let meta = rule.meta();
    let level = options.config.level_for(meta);
    if level == Some(crate::config::Level::Off) || !meta.applies_to(language) {
        return None;
    }
    let (doc, focus) = crate::document::Document::around(text, options.format, options.language, touched);
    if doc.language != language {
        return None;
    }
    let words = crate::words::WordJudge::new(doc.language, options.config.english, &options.config.lexicon);
    let ctx = crate::rules::Context::focused(&doc, options.config, &words, &focus);
    let mut out = Vec::new();
    rule.check(&ctx, &mut out);
    crate::ignore::drop_ignored(&doc, &options.config.ignored, &mut out);
    let lower = text.to_lowercase();
    for d in &mut out {
        if let Some(severity) = level.and_then(crate::config::Level::severity) {
            d.severity = severity;
        } else if d.severity == crate::diagnostic::Severity::Warning
            && lower.len() == text.len()
            && count_word(&lower, &lower[d.span.start..d.span.end]) >= 3
        {
            d.severity = crate::diagnostic::Severity::Hint;
        }
    }
    Some(out)
}

/// How often `word` (lower case) stands as a whole word in `lower`.
fn count_word(lower: &str, word: &str) -> usize {
    if word.is_empty() {
        return 0;
    }
    let is_word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '\'');
    lower
        .match_indices(word)
        .filter(|(i, _)| !is_word_char(lower[..*i].chars().next_back()) && !is_word_char(lower[i + word.len()..].chars().next()))
        .count()
}

/// The findings for `text` made from the findings of an earlier version (`previous`, in
/// `language`) and the changes since: fresh findings of the paragraph-scoped rules in the
/// blocks the changes touched, the rest moved with the changes. `None` when the article's
/// language is no longer `language`: then nothing of the earlier check carries over.
pub fn provisional(previous: &[Diagnostic], language: Language, changes: &ChangeLog, text: &str, options: &CheckOptions<'_>) -> Option<Vec<Diagnostic>> {
    let touched = changes.touched();
    let (fresh, blocks) = engine::check_paragraphs(text, options, &touched);
    if fresh.language != language {
        return None;
    }
    let in_rechecked_block = |s: Span| blocks.iter().any(|b| b.start <= s.start && s.end <= b.end);
    let spelling = misspelled_in(text, options, &touched, language);
    let mut diagnostics: Vec<Diagnostic> = previous
        .iter()
        .filter_map(|d| map_diagnostic(d, changes))
        .filter(|d| d.span.end <= text.len() && text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end))
        .filter(|d| !((is_paragraph_scoped(&d.code) || spelling.is_some() && d.code == MISSPELLED) && in_rechecked_block(d.span)))
        .collect();
    // A slip carried over from an untouched block that the edit wrote a third time elsewhere
    // is a hint now, as the full check says (the rule counts over the whole article).
    if spelling.is_some() && options.config.level_for(crate::rules::find(MISSPELLED).map(|r| r.meta())?).is_none() {
        let lower = text.to_lowercase();
        for d in diagnostics.iter_mut().filter(|d| d.code == MISSPELLED && d.severity == crate::diagnostic::Severity::Warning) {
            if lower.len() == text.len() && count_word(&lower, &lower[d.span.start..d.span.end]) >= 3 {
                d.severity = crate::diagnostic::Severity::Hint;
            }
        }
    }
    diagnostics.extend(spelling.unwrap_or_default().into_iter().filter(|d| in_rechecked_block(d.span)));
    // A suppression comment the edit wrote applies to the findings that moved, too.
    let suppressions = Suppressions::parse(text, &mut Vec::new());
    diagnostics.retain(|d| !suppressions.is_suppressed(d));
    diagnostics.extend(fresh.diagnostics);
    engine::sort_diagnostics(&mut diagnostics);
    Some(diagnostics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::document::LanguageChoice;
    use crate::prose::DocFormat;

    fn change(start: usize, end: usize, new_len: usize) -> TextChange {
        TextChange { start, end, new_len }
    }

    fn log(changes: &[TextChange]) -> ChangeLog {
        ChangeLog { changes: changes.to_vec() }
    }

    #[test]
    fn spans_move_with_changes_and_touched_ones_drop() {
        // "abc def ghi": replace "def" (4..7) with "xy".
        let l = log(&[change(4, 7, 2)]);
        assert_eq!(l.map_span(Span::new(0, 3)), Some(Span::new(0, 3)));
        assert_eq!(l.map_span(Span::new(8, 11)), Some(Span::new(7, 10)));
        assert_eq!(l.map_span(Span::new(4, 7)), None);
        // Touching counts: typing right after a word changes the word.
        assert_eq!(l.map_span(Span::new(0, 4)), None);
        assert_eq!(log(&[change(3, 3, 1)]).map_span(Span::new(0, 3)), None);
        // Two changes in order: the second's offsets are after the first.
        let l = log(&[change(0, 0, 5), change(10, 12, 0)]);
        assert_eq!(l.map_span(Span::new(2, 4)), Some(Span::new(7, 9)));
        assert_eq!(l.map_span(Span::new(5, 6)), None);
        assert_eq!(l.map_span(Span::new(20, 22)), Some(Span::new(23, 25)));
    }

    #[test]
    fn touched_regions_follow_later_changes() {
        // Insert 3 bytes at 10, then 2 bytes at 0: the first region moves to 12..15.
        assert_eq!(log(&[change(10, 10, 3), change(0, 0, 2)]).touched(), [Span::new(0, 2), Span::new(12, 15)]);
        // Typing three characters in a row makes one region.
        assert_eq!(log(&[change(5, 5, 1), change(6, 6, 1), change(7, 7, 1)]).touched(), [Span::new(5, 8)]);
        // Deleting what was just typed leaves an empty region where it was.
        assert_eq!(log(&[change(5, 5, 3), change(5, 8, 0)]).touched(), [Span::new(5, 5)]);
        // A later change inside an earlier region keeps one region.
        assert_eq!(log(&[change(0, 0, 10), change(2, 4, 1)]).touched(), [Span::new(0, 9)]);
    }

    fn options(config: &Config) -> CheckOptions<'_> {
        CheckOptions { format: DocFormat::PlainText, language: LanguageChoice { forced: Some(Language::Id), ..Default::default() }, config }
    }

    /// Apply changes to a text, logging them.
    fn edit(text: &str, edits: &[(usize, usize, &str)]) -> (String, ChangeLog) {
        let mut text = text.to_string();
        let mut l = ChangeLog::default();
        for &(start, end, new) in edits {
            text.replace_range(start..end, new);
            l.push(change(start, end, new.len()));
        }
        (text, l)
    }

    #[test]
    fn rechecks_the_edited_paragraph_and_moves_the_rest() {
        let config = Config::default();
        let before = "Pertama , kata dia.\n\nKedua , kata dia.\n\nKetiga , kata dia.\n";
        let previous = engine::check(before, &options(&config));
        // Fix the middle paragraph's space, and break its end.
        let at = before.find("Kedua ,").unwrap() + "Kedua".len();
        let (after, changes) = edit(before, &[(at, at + 1, "")]);
        let quick = provisional(&previous.diagnostics, previous.language, &changes, &after, &options(&config)).unwrap();
        let full = engine::check(&after, &options(&config));
        assert_eq!(quick, full.diagnostics);
        assert_eq!(quick.len(), 2, "{quick:?}");
        // No changes: the previous findings as they were.
        let same = provisional(&previous.diagnostics, previous.language, &ChangeLog::default(), before, &options(&config)).unwrap();
        assert_eq!(same, previous.diagnostics);
    }

    #[test]
    fn a_changed_language_carries_nothing_over() {
        let config = Config::default();
        let auto = CheckOptions { format: DocFormat::PlainText, language: LanguageChoice::default(), config: &config };
        let before = "Pemerintah menyatakan bahwa harga beras akan naik pada bulan depan.";
        let previous = engine::check(before, &auto);
        let replacement = "The government said the price of rice would rise next month and then fall.";
        let (after, changes) = edit(before, &[(0, before.len(), replacement)]);
        assert_eq!(provisional(&previous.diagnostics, previous.language, &changes, &after, &auto), None);
    }

    #[test]
    fn the_word_being_typed_keeps_its_spelling_finding() {
        let config = Config::default();
        let before = "Juru bicara pemerintah datang.\n\nBantuan akan teirma besok, kata dia.\n\nWarga menunggu di lokasi.\n";
        let previous = engine::check(before, &options(&config));
        assert!(previous.diagnostics.iter().any(|d| d.code == MISSPELLED), "{:?}", previous.diagnostics);
        // Type a letter in "pemerintah" (making it a slip) and one after "teirma".
        let at = before.find("pemerintah").unwrap() + 4;
        let (after, changes) = edit(before, &[(at, at, "x")]);
        let at = after.find("teirma").unwrap() + "teirma".len();
        let (after2, more) = edit(&after, &[(at, at, "a")]);
        let mut changes = changes;
        for c in more.changes() {
            changes.push(*c);
        }
        let quick = provisional(&previous.diagnostics, previous.language, &changes, &after2, &options(&config)).unwrap();
        let full = engine::check(&after2, &options(&config));
        assert_eq!(quick, full.diagnostics);
        assert!(quick.iter().filter(|d| d.code == MISSPELLED).count() >= 1, "{quick:?}");
    }

    #[test]
    fn a_slip_written_three_times_is_a_hint_in_the_provisional_check_too() {
        let config = Config::default();
        let para = "Warga menunggu di lokasi bersama petugas.";
        let before = format!("{para}\n\nBantuan teirmaa datang.\n\nBantuan teirmaa tiba.\n\n{para}\n");
        let previous = engine::check(&before, &options(&config));
        let at = before.rfind(para).unwrap() + "Warga".len();
        let (after, changes) = edit(&before, &[(at, at, " teirmaa")]);
        let quick = provisional(&previous.diagnostics, previous.language, &changes, &after, &options(&config)).unwrap();
        let full = engine::check(&after, &options(&config));
        assert_eq!(quick, full.diagnostics);
        assert_eq!(count_word("a teirmaa b teirmaa-x teirmaa", "teirmaa"), 2);
    }
}
