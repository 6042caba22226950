//! Conversions between the core's byte-span world and the protocol's: diagnostics (with their
//! fixes carried in `data`), code actions, hover text and minimal text edits.

use tower_lsp_server::ls_types;
use super::document::from_pos;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::position::PositionEncoding;
use crate::rules;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DocumentChanges, Location,
    NumberOrString, OneOf, OptionalVersionedTextDocumentIdentifier, Range, TextDocumentEdit, TextEdit, Uri, WorkspaceEdit,
};
use ropey::Rope;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

pub const SOURCE: &str = "sunting";
/// Where each rule's documentation lives; the anchor is the code with `/` made `-`.
pub const RULE_DOCS: &str = "https://github.com/sunting-news/sunting/blob/main/docs/rules.md";
pub const FIX_ALL_KIND: &str = "source.fixAll.sunting";
pub const COMMAND_ADD_WORD: &str = "sunting.addToDictionary";
pub const COMMAND_FIX_ALL: &str = "sunting.fixAll";
pub const COMMAND_DOCUMENT_INFO: &str = "sunting.documentInfo";
pub const COMMAND_IGNORE: &str = "sunting.ignore";
/// The one rule whose finding is a word no dictionary knows, so "Add to dictionary" fits it.
pub const ADDABLE_CODE: &str = "spelling/misspelled";


pub fn rule_docs_href(code: &str) -> String {
    format!("{RULE_DOCS}#{}", code.replace('/', "-"))
}

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
        Severity::Hint => DiagnosticSeverity::HINT,
    }
}

/// One edit of a fix, in protocol coordinates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EditData {
    pub range: Range,
    pub new_text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FixData {
    pub title: String,
    pub safe: bool,
    pub edits: Vec<EditData>,
}

/// What a diagnostic carries in `data`, so a code action needs no re-check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiagnosticData {
    /// The document version the ranges refer to.
    pub version: i32,
    pub fixes: Vec<FixData>,
}

impl DiagnosticData {
    pub fn from_value(v: &Value) -> Option<DiagnosticData> {
        DiagnosticData::deserialize(v).ok()
    }
}

/// Converts the diagnostics of one text, remembering the positions and links it has worked out
/// (a fix's range is often the finding's own, and every finding of a rule has the same link).
pub struct Converter<'a> {
    rope: &'a Rope,
    encoding: PositionEncoding,
    uri: &'a Uri,
    version: i32,
    positions: HashMap<usize, ls_types::Position>,
    links: HashMap<String, Option<CodeDescription>>,
    /// Whether fixes travel in `data` (see [`Converter::without_fixes`]).
    carry_fixes: bool,
}

impl<'a> Converter<'a> {
    pub fn new(rope: &'a Rope, encoding: PositionEncoding, uri: &'a Uri, version: i32) -> Self {
        Converter { rope, encoding, uri, version, positions: HashMap::new(), links: HashMap::new(), carry_fixes: true }
    }

    /// Leave fixes out of `data`: for a provisional publication, which the full check replaces
    /// within milliseconds. Half the payload; a code action asked of it meanwhile takes its
    /// fixes from a check of the current text instead.
    pub fn without_fixes(mut self) -> Self {
        self.carry_fixes = false;
        self
    }

    fn position(&mut self, byte: usize) -> ls_types::Position {
        let (rope, encoding) = (self.rope, self.encoding);
        *self.positions.entry(byte).or_insert_with(|| from_pos(crate::position::byte_to_position(rope, byte, encoding)))
    }

    pub fn range(&mut self, start: usize, end: usize) -> Range {
        Range { start: self.position(start), end: self.position(end) }
    }

    pub fn fixes(&mut self, d: &Diagnostic) -> Vec<FixData> {
        d.fixes
            .iter()
            .map(|f| FixData {
                title: f.title.clone(),
                safe: f.applicability == Applicability::Safe,
                edits: f.edits.iter().map(|e| EditData { range: self.range(e.span.start, e.span.end), new_text: e.new_text.clone() }).collect(),
            })
            .collect()
    }

    /// A core diagnostic as the protocol's.
    pub fn diagnostic(&mut self, d: &Diagnostic) -> ls_types::Diagnostic {
        let related: Vec<DiagnosticRelatedInformation> = d
            .related
            .iter()
            .map(|r| match r.source.as_deref().and_then(|s| Some((s, Uri::from_file_path(&s.path)?))) {
                // In the translation's source (its path is absolute in the language server):
                // positions the core worked out in UTF-16; the message quotes the sentence.
                Some((s, uri)) => DiagnosticRelatedInformation {
                    location: Location {
                        uri,
                        range: ls_types::Range { start: ls_types::Position { line: s.start_line, character: s.start_character }, end: ls_types::Position { line: s.end_line, character: s.end_character } },
                    },
                    message: r.message.clone(),
                },
                None => DiagnosticRelatedInformation {
                    location: Location { uri: self.uri.clone(), range: if r.source.is_some() { self.range(d.span.start, d.span.end) } else { self.range(r.span.start, r.span.end) } },
                    message: r.message.clone(),
                },
            })
            .collect();
        let data = (self.carry_fixes && !d.fixes.is_empty()).then(|| {
            let fixes = self.fixes(d);
            serde_json::to_value(DiagnosticData { version: self.version, fixes }).unwrap_or(Value::Null)
        });
        let code_description = match self.links.get(d.code.as_ref()) {
            Some(link) => link.clone(),
            None => {
                let link = has_docs(&d.code).then(|| rule_docs_href(&d.code).parse().ok().map(|href| CodeDescription { href })).flatten();
                self.links.insert(d.code.to_string(), link.clone());
                link
            }
        };
        ls_types::Diagnostic {
            range: self.range(d.span.start, d.span.end),
            severity: Some(severity(d.severity)),
            code: Some(NumberOrString::String(d.code.to_string())),
            code_description,
            source: Some(SOURCE.to_string()),
            message: d.message.clone(),
            related_information: (!related.is_empty()).then_some(related),
            tags: None,
            data,
        }
    }
}

/// A finding's fixes in protocol terms; `rope` is the text it was computed from.
pub fn fix_data(d: &Diagnostic, rope: &Rope, encoding: PositionEncoding) -> Vec<FixData> {
    let uri: Uri = "file:///".parse().expect("a valid URI");
    Converter::new(rope, encoding, &uri, 0).fixes(d)
}

/// A core diagnostic as the protocol's. `rope` is the text it was computed from.
pub fn to_lsp(d: &Diagnostic, rope: &Rope, encoding: PositionEncoding, uri: &Uri, version: i32) -> ls_types::Diagnostic {
    Converter::new(rope, encoding, uri, version).diagnostic(d)
}

pub fn code_of(d: &ls_types::Diagnostic) -> Option<&str> {
    match &d.code {
        Some(NumberOrString::String(s)) => Some(s),
        _ => None,
    }
}

/// Edits to one document: versioned `documentChanges` when the client takes them (so a stale
/// edit is refused), else plain `changes`.
pub fn workspace_edit(uri: &Uri, version: Option<i32>, edits: Vec<TextEdit>, document_changes: bool) -> WorkspaceEdit {
    if document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri: uri.clone(), version },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..WorkspaceEdit::default()
        }
    } else {
        let mut changes = HashMap::new();
        changes.insert(uri.clone(), edits);
        WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() }
    }
}

pub fn quick_fix(title: String, diagnostic: &ls_types::Diagnostic, edit: WorkspaceEdit, preferred: bool) -> CodeAction {
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(edit),
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    }
}

/// Whether `docs/rules.md` documents a rule (the built-in ones; house style rules live in
/// their own files).
pub fn has_docs(code: &str) -> bool {
    rules::REGISTRY.iter().any(|r| r.meta().code == code)
}

/// Hover text for a finding: the finding itself first, then the rule (code and summary), its
/// explanation, its example and a link to its documentation. The finding is said once.
pub fn hover_text(d: &Diagnostic, markdown: bool) -> String {
    let meta = rules::meta(&d.code);
    let mut out = String::new();
    // A translation's finding: the source's sentences first, so both sides are in view.
    for r in d.related.iter().filter(|r| r.source.is_some()) {
        let s = r.source.as_deref().map_or("", |s| s.path.as_str());
        let line = r.source.as_deref().map_or(0, |s| s.start_line + 1);
        if markdown {
            out.push_str(&format!("> {}\n>\n> — {s}:{line}\n\n", r.message.replace('\n', " ")));
        } else {
            out.push_str(&format!("{} ({s}:{line})\n\n", r.message));
        }
    }
    match (meta, markdown) {
        (Some(m), true) => {
            out.push_str(&format!("{}\n\n**{}**: {}\n\n{}\n\n", d.message, m.code, m.summary, m.explanation.trim()));
            out.push_str(&format!("Example:\n\n- ✗ {}\n- ✓ {}", m.example_bad, m.example_good));
            if has_docs(m.code) {
                out.push_str(&format!("\n\n[Documentation]({})", rule_docs_href(m.code)));
            }
        }
        (Some(m), false) => {
            out.push_str(&format!("{}\n\n{}: {}\n\n{}\n\n", d.message, m.code, m.summary, m.explanation.trim()));
            out.push_str(&format!("Example:\n  ✗ {}\n  ✓ {}\n", m.example_bad, m.example_good));
        }
        (None, _) => out.push_str(&format!("{} ({})", d.message, d.code)),
    }
    out
}

/// Minimal edits that turn `old` into `new`: a line diff, each changed hunk narrowed to the
/// characters that differ. Spans are byte offsets into `old`.
pub fn diff_edits(old: &str, new: &str) -> Vec<(std::ops::Range<usize>, String)> {
    // Lines as `similar` splits them: after `\n`, `\r\n` and a lone `\r`.
    fn line_starts(s: &str) -> Vec<usize> {
        let b = s.as_bytes();
        let mut v = vec![0];
        v.extend((0..b.len()).filter(|&i| b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n'))).map(|i| i + 1));
        if *v.last().unwrap_or(&0) != s.len() {
            v.push(s.len());
        }
        v
    }
    if old == new {
        return Vec::new();
    }
    let old_starts = line_starts(old);
    let new_starts = line_starts(new);
    let at = |starts: &[usize], line: usize| starts.get(line).copied().unwrap_or(*starts.last().unwrap_or(&0));
    let diff = similar::TextDiff::configure().timeout(std::time::Duration::from_millis(200)).diff_lines(old, new);
    let mut edits = Vec::new();
    for op in diff.ops() {
        if op.tag() == similar::DiffTag::Equal {
            continue;
        }
        let (or, nr) = (op.old_range(), op.new_range());
        let (mut os, mut oe) = (at(&old_starts, or.start), at(&old_starts, or.end));
        let (mut ns, mut ne) = (at(&new_starts, nr.start), at(&new_starts, nr.end));
        // Narrow to the differing characters.
        let common_prefix: usize = old[os..oe]
            .chars()
            .zip(new[ns..ne].chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        os += common_prefix;
        ns += common_prefix;
        let common_suffix: usize = old[os..oe]
            .chars()
            .rev()
            .zip(new[ns..ne].chars().rev())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf8())
            .sum();
        oe -= common_suffix;
        ne -= common_suffix;
        // A position between a CR and its LF does not exist in the protocol: widen over the
        // pair (both halves are common to old and new, so the edit stays exact).
        let splits_crlf = |at: usize| at > 0 && old.as_bytes()[at - 1] == b'\r' && old.as_bytes().get(at) == Some(&b'\n');
        if splits_crlf(os) {
            os -= 1;
            ns -= 1;
        }
        if splits_crlf(oe) {
            oe += 1;
            ne += 1;
        }
        edits.push((os..oe, new[ns..ne].to_string()));
    }
    edits
}

/// Edits that make the same change as `edits` (sorted, not overlapping, byte ranges into
/// `old`), at most `max` of them: edits within one paragraph (no blank line between them)
/// become one; when more than `max` paragraphs remain, consecutive ones are joined into `max`
/// replacements with as many paragraphs each (one replacement from the first edit to the last
/// when `max` is 1). An editor applies each edit on its own (Neovim 0.7 spent 6.6 s on 386).
pub fn merge_edits(old: &str, edits: Vec<(std::ops::Range<usize>, String)>, max: usize) -> Vec<(std::ops::Range<usize>, String)> {
    fn blank_line(gap: &str) -> bool {
        let mut newlines = 0;
        for c in gap.chars() {
            match c {
                '\n' => {
                    newlines += 1;
                    if newlines >= 2 {
                        return true;
                    }
                }
                ' ' | '\t' | '\r' => {}
                _ => newlines = 0,
            }
        }
        false
    }
    fn join(old: &str, group: &[(std::ops::Range<usize>, String)]) -> (std::ops::Range<usize>, String) {
        let start = group[0].0.start;
        let mut text = String::new();
        let mut at = start;
        for (r, t) in group {
            text.push_str(&old[at..r.start]);
            text.push_str(t);
            at = r.end;
        }
        (start..at, text)
    }
    let mut groups: Vec<Vec<(std::ops::Range<usize>, String)>> = Vec::new();
    for e in edits {
        match groups.last_mut() {
            Some(g) if g.last().is_some_and(|(r, _)| r.end <= e.0.start && !blank_line(&old[r.end..e.0.start])) => g.push(e),
            _ => groups.push(vec![e]),
        }
    }
    let max = max.max(1);
    if groups.len() > max {
        let per = groups.len().div_ceil(max);
        return groups.chunks(per).map(|c| join(old, &c.iter().flatten().cloned().collect::<Vec<_>>())).collect();
    }
    groups.iter().map(|g| join(old, g)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Fix, Span};

    fn apply(old: &str, edits: &[(std::ops::Range<usize>, String)]) -> String {
        let mut out = old.to_string();
        for (r, t) in edits.iter().rev() {
            out.replace_range(r.clone(), t);
        }
        out
    }

    #[test]
    fn diff_edits_are_minimal_and_exact() {
        let cases = [
            ("Berhenti !!\nlain\n", "Berhenti!\nlain\n"),
            ("a\nb\nc", "a\nB\nc\nd"),
            ("東京 , x\r\n😀 y", "東京, x\r\n😀y"),
            ("", "new"),
            ("old", ""),
            // Lone CRs end lines for the diff too (found by tests/properties.rs).
            ("---\nlang: en\n---\n", "\r---\nlang: en\n---\n"),
            ("\rPolisi ,", "\rPolisi,"),
            ("a\rb\r\nc ,\rd", "a\rb\r\nc,\rd"),
            // No edit starts or ends between a CR and its LF.
            ("a\r\nb", "a\nb"),
            ("a\r\nb", "a\rx\nb"),
        ];
        for (old, new) in cases {
            let edits = diff_edits(old, new);
            assert_eq!(apply(old, &edits), new, "{old:?} -> {new:?}: {edits:?}");
            let splits = |at: usize| old[..at].ends_with('\r') && old[at..].starts_with('\n');
            assert!(edits.iter().all(|(r, _)| !splits(r.start) && !splits(r.end)), "{old:?} -> {new:?}: {edits:?}");
        }
        assert_eq!(diff_edits("Berhenti !!\nlain\n", "Berhenti!\nlain\n"), vec![(8..10, String::new())]);
    }

    #[test]
    fn fix_all_edits_merge_per_paragraph_then_into_one() {
        let old = "Satu ,dua ,tiga .\n\nEmpat ,lima .\n\nEnam .\n";
        let new = "Satu, dua, tiga.\n\nEmpat, lima.\n\nEnam.\n";
        // One edit per slip, as a fixer makes them.
        let mut edits = Vec::new();
        for (i, _) in old.match_indices(" ,").chain(old.match_indices(" .")) {
            edits.push((i..i + 2, if &old[i + 1..i + 2] == "," { ", ".to_string() } else { ".".to_string() }));
        }
        edits.sort_by_key(|(r, _)| r.start);
        assert_eq!(edits.len(), 6, "{edits:?}");
        let merged = merge_edits(old, edits.clone(), 10);
        assert_eq!(merged.len(), 3, "{merged:?}");
        assert_eq!(apply(old, &merged), new);
        let two = merge_edits(old, edits.clone(), 2);
        assert_eq!(two.len(), 2);
        assert_eq!(apply(old, &two), new);
        let one = merge_edits(old, edits, 1);
        assert_eq!(one.len(), 1);
        assert_eq!(apply(old, &one), new);
        assert!(merge_edits(old, Vec::new(), 2).is_empty());
    }

    #[test]
    fn diagnostics_carry_code_link_and_fixes() {
        let text = "a😀 , b";
        let rope = Rope::from_str(text);
        let comma = text.find(',').unwrap();
        let d = Diagnostic::new("typography/space-before-punctuation", Severity::Warning, Span::new(comma - 1, comma), "space")
            .with_fix(Fix::safe("Remove the space", vec![crate::diagnostic::Edit::delete(Span::new(comma - 1, comma))]))
            .with_related(Span::new(0, 1), "here");
        let uri: Uri = "file:///x.md".parse().unwrap();
        let l = to_lsp(&d, &rope, PositionEncoding::Utf16, &uri, 7);
        assert_eq!(l.range.start.character, 3);
        assert_eq!(code_of(&l), Some("typography/space-before-punctuation"));
        assert!(l.code_description.unwrap().href.as_str().ends_with("#typography-space-before-punctuation"));
        let data = DiagnosticData::from_value(l.data.as_ref().unwrap()).unwrap();
        assert_eq!(data.version, 7);
        assert!(data.fixes[0].safe);
        assert_eq!(data.fixes[0].edits[0].range, l.range);
        assert_eq!(l.related_information.unwrap().len(), 1);
    }
}
