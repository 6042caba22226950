//! The project's ignore file (`.sunting/ignore`, [`IGNORE_FILE`]): findings a newsroom has
//! ignored, kept out of the copy. The list is configuration data, read beside `sunting.toml`
//! into `Config::ignored`; the engine drops what it lists ([`drop_ignored`]). Reading the file
//! and making each entry valid (its rule must exist) is `suppress`'s, above the rules.

use crate::diagnostic::{Diagnostic, Span};

/// Whether a suppression's or an ignore entry's selector (a code, a category, or empty: every
/// rule) picks out a finding of `code`.
pub fn selector_matches(selector: &str, code: &str) -> bool {
    selector.is_empty() || selector == code || code.split('/').next() == Some(selector)
}

/// The project's ignore file, beside `sunting.toml` (or in the project's folder).
pub const IGNORE_FILE: &str = ".sunting/ignore";

/// Longest flagged text or sentence an ignore entry may hold (characters).
pub const MAX_IGNORE_FIELD: usize = 4000;

/// One ignored finding: a rule (a code or a category), the text it flagged and the sentence
/// around it, white space collapsed. The finding is ignored wherever that rule flags that text
/// in that sentence, so the entry survives edits elsewhere in the article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IgnoreEntry {
    pub rule: String,
    pub text: String,
    pub sentence: String,
}

/// The entries of `.sunting/ignore`: JSON Lines, one [`IgnoreEntry`] a line
/// (`{"rule": "typography/doubled-word", "text": "yang yang", "sentence": "Dia yang yang datang."}`);
/// blank lines and lines starting with `#` are skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IgnoreList {
    entries: Vec<IgnoreEntry>,
}

/// White space collapsed to single spaces, trimmed: how flagged text and sentences compare.
pub fn collapse_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl IgnoreEntry {
    /// The entry as a line of the file (without its line ending).
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl IgnoreList {
    /// The list of `entries`, as they are (see `suppress`, where the file is parsed and each
    /// entry made valid against the rules).
    pub(crate) fn from_entries(entries: Vec<IgnoreEntry>) -> IgnoreList {
        IgnoreList { entries }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn entries(&self) -> &[IgnoreEntry] {
        &self.entries
    }

    pub fn contains(&self, entry: &IgnoreEntry) -> bool {
        self.entries.contains(entry)
    }

    /// Whether a finding of `code` flagging `flagged` in `sentence` is ignored.
    pub fn is_ignored(&self, code: &str, flagged: &str, sentence: &str) -> bool {
        let mut keys = None;
        self.entries.iter().any(|e| {
            selector_matches(&e.rule, code) && {
                let (f, s) = keys.get_or_insert_with(|| (collapse_space(flagged), collapse_space(sentence)));
                e.text == *f && e.sentence == *s
            }
        })
    }
}

/// The sentence of `doc` around `span` (its block when it is in none, e.g. a heading): what an
/// ignore entry keys a finding by, with the flagged text.
pub fn sentence_around(doc: &crate::document::Document<'_>, span: Span) -> Span {
    if let Some(s) = doc.sentences.iter().find(|s| s.span.start <= span.start && span.end <= s.span.end) {
        return s.span;
    }
    doc.blocks.iter().map(|b| b.span).find(|b| b.start <= span.start && span.end <= b.end).unwrap_or(span)
}

/// Drop the findings the project's ignore file lists.
pub fn drop_ignored(doc: &crate::document::Document<'_>, ignored: &IgnoreList, diagnostics: &mut Vec<Diagnostic>) {
    if ignored.is_empty() {
        return;
    }
    let text = doc.text;
    diagnostics.retain(|d| {
        let Some(flagged) = text.get(d.span.start..d.span.end) else { return true };
        let sentence = sentence_around(doc, d.span);
        let sentence = text.get(sentence.start..sentence.end).unwrap_or(flagged);
        !ignored.is_ignored(&d.code, flagged, sentence)
    });
}

