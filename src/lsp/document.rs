//! The editor's copy of one open document: a rope kept in step with the client's incremental
//! changes, its version, and the last check of it.

use tower_lsp_server::ls_types;
use crate::diagnostic::Diagnostic;
use crate::incremental::{ChangeLog, TextChange};
use crate::language::Language;
use crate::position::{self, PositionEncoding};
use crate::prose::DocFormat;
use tower_lsp_server::ls_types::{Range as LspRange, TextDocumentContentChangeEvent, Uri};
use ropey::Rope;
use std::sync::Arc;
use tokio::sync::watch;

/// What woke a document's check worker: a new generation, and whether to skip the debounce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Trigger {
    pub generation: u64,
    pub urgent: bool,
}

/// A finished check of one generation of a document. The rope is the text that was checked
/// (cloning a rope is cheap: it shares its nodes), so spans stay convertible after later edits.
#[derive(Debug)]
pub struct Checked {
    pub generation: u64,
    pub version: i32,
    pub rope: Rope,
    pub format: Option<DocFormat>,
    /// The article's language as the check settled it (`None` when not checked).
    pub language: Option<Language>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug)]
pub struct Document {
    pub uri: Uri,
    pub language_id: String,
    pub version: i32,
    pub rope: Rope,
    /// Bumped (from a server-wide counter) on every change and every configuration change, so
    /// a result is published only for the generation it was computed from.
    pub generation: u64,
    /// The newest full check (of this text, or of an earlier one: see `edits`).
    pub checked: Option<Arc<Checked>>,
    /// The changes since `checked`, each with the generation it made, to carry that check's
    /// findings over to the current text ([`crate::incremental`]).
    pub edits: Vec<(u64, TextChange)>,
    /// A check of an earlier generation than this (made before the configuration changed)
    /// cannot be carried over.
    pub floor: u64,
    /// Wakes the document's worker; dropping the document ends the worker.
    pub trigger: watch::Sender<Trigger>,
    /// The version and meaning (the state's `fingerprint`) of the last list published, so
    /// the same list is not sent twice and an older version never follows a newer one.
    pub published: Option<(i32, u64)>,
    /// Where the last change ended (a byte offset): the findings nearest it are published
    /// first when there are more than `maxDiagnostics`.
    pub last_edit: Option<usize>,
}

/// Why an incremental change could not be applied as sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeWarning {
    /// The version did not increase.
    Version { current: i32, received: i32 },
    /// A range was reversed; it was applied with its ends swapped.
    ReversedRange(LspRange),
}

impl std::fmt::Display for ChangeWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChangeWarning::Version { current, received } => {
                write!(f, "a change came with version {received}, not newer than the document's {current}; applied all the same")
            }
            ChangeWarning::ReversedRange(r) => write!(
                f,
                "a change's range ends before it starts ({}:{} to {}:{}); applied with its ends swapped",
                r.start.line, r.start.character, r.end.line, r.end.character
            ),
        }
    }
}

impl Document {
    pub fn new(uri: Uri, language_id: String, version: i32, text: &str, generation: u64) -> (Document, watch::Receiver<Trigger>) {
        let (trigger, rx) = watch::channel(Trigger { generation, urgent: true });
        let doc = Document { uri, language_id, version, rope: Rope::from_str(text), generation, checked: None, edits: Vec::new(), floor: generation, trigger, published: None, last_edit: None };
        (doc, rx)
    }

    /// Apply the client's changes in order, logging them under the current generation. Ranges
    /// past the end are clamped, as the protocol asks; nothing here can fail, so the rope always
    /// mirrors what the client sent.
    pub fn apply_changes(
        &mut self,
        version: i32,
        changes: &[TextDocumentContentChangeEvent],
        encoding: PositionEncoding,
    ) -> Vec<ChangeWarning> {
        let mut warnings = Vec::new();
        if version <= self.version {
            warnings.push(ChangeWarning::Version { current: self.version, received: version });
        }
        for change in changes {
            match change.range {
                None => {
                    self.log(TextChange { start: 0, end: self.rope.len_bytes(), new_len: change.text.len() });
                    self.rope = Rope::from_str(&change.text);
                }
                Some(range) => {
                    let mut start = position::position_to_byte(&self.rope, to_pos(range.start), encoding);
                    let mut end = position::position_to_byte(&self.rope, to_pos(range.end), encoding);
                    if start > end {
                        warnings.push(ChangeWarning::ReversedRange(range));
                        std::mem::swap(&mut start, &mut end);
                    }
                    self.log(TextChange { start, end, new_len: change.text.len() });
                    self.last_edit = Some(start + change.text.len());
                    let start_char = self.rope.byte_to_char(start);
                    let end_char = self.rope.byte_to_char(end);
                    if end_char > start_char {
                        self.rope.remove(start_char..end_char);
                    }
                    if !change.text.is_empty() {
                        self.rope.insert(start_char, &change.text);
                    }
                }
            }
        }
        self.version = version;
        warnings
    }

    /// Edits kept for carrying a check over; past this many, the next full check has to do.
    const MAX_LOGGED_EDITS: usize = 4096;

    fn log(&mut self, change: TextChange) {
        if self.edits.len() >= Self::MAX_LOGGED_EDITS {
            self.edits.clear();
            self.floor = self.generation;
        }
        self.edits.push((self.generation, change));
    }

    /// Keep a full check as the one to carry over, if it is newer than the one kept; say
    /// whether it is of the current text.
    pub fn keep(&mut self, checked: &Arc<Checked>) -> bool {
        if checked.generation >= self.floor && self.checked.as_ref().is_none_or(|c| c.generation < checked.generation) {
            self.checked = Some(checked.clone());
            self.edits.retain(|(g, _)| *g > checked.generation);
        }
        self.generation == checked.generation
    }

    /// The newest full check that can be carried over to the current text, and the changes
    /// since it.
    pub fn carried(&self) -> Option<(Arc<Checked>, ChangeLog)> {
        let base = self.checked.as_ref().filter(|c| c.generation >= self.floor)?;
        let mut log = ChangeLog::default();
        for (_, change) in self.edits.iter().filter(|(g, _)| *g > base.generation) {
            log.push(*change);
        }
        Some((base.clone(), log))
    }

    /// The last check, if it is of the current text.
    pub fn current_check(&self) -> Option<Arc<Checked>> {
        self.checked.as_ref().filter(|c| c.generation == self.generation).cloned()
    }
}

pub fn to_pos(p: ls_types::Position) -> position::Position {
    position::Position { line: p.line, character: p.character }
}

pub fn from_pos(p: position::Position) -> ls_types::Position {
    ls_types::Position { line: p.line, character: p.character }
}

pub fn range_of(rope: &Rope, start: usize, end: usize, encoding: PositionEncoding) -> LspRange {
    let r = position::span_to_range(rope, start, end, encoding);
    LspRange { start: from_pos(r.start), end: from_pos(r.end) }
}

pub fn byte_of(rope: &Rope, pos: ls_types::Position, encoding: PositionEncoding) -> usize {
    position::position_to_byte(rope, to_pos(pos), encoding)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ls_types::Position;

    fn change(sl: u32, sc: u32, el: u32, ec: u32, text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(LspRange { start: Position::new(sl, sc), end: Position::new(el, ec) }),
            range_length: None,
            text: text.to_string(),
        }
    }

    fn doc(text: &str) -> Document {
        Document::new("file:///a.md".parse().unwrap(), "markdown".into(), 1, text, 1).0
    }

    #[test]
    fn applies_incremental_changes_in_utf16() {
        let mut d = doc("a😀b\r\nc");
        // Replace "b" (after the two-unit emoji) with "xy".
        assert!(d.apply_changes(2, &[change(0, 3, 0, 4, "xy")], PositionEncoding::Utf16).is_empty());
        assert_eq!(d.rope.to_string(), "a😀xy\r\nc");
        // Insert at the start of line 1 (after CRLF), then delete the emoji.
        d.apply_changes(3, &[change(1, 0, 1, 0, "東"), change(0, 1, 0, 3, "")], PositionEncoding::Utf16);
        assert_eq!(d.rope.to_string(), "axy\r\n東c");
        assert_eq!(d.version, 3);
    }

    #[test]
    fn clamps_and_warns() {
        let mut d = doc("ab");
        let w = d.apply_changes(1, &[change(9, 9, 9, 9, "!"), change(0, 2, 0, 1, "")], PositionEncoding::Utf8);
        assert_eq!(d.rope.to_string(), "a!");
        assert_eq!(w.len(), 2, "{w:?}");
        let full = TextDocumentContentChangeEvent { range: None, range_length: None, text: "new".into() };
        d.apply_changes(5, &[full], PositionEncoding::Utf8);
        assert_eq!(d.rope.to_string(), "new");
    }
}
