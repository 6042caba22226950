//! Output formats for the command line: human, JSON (the stable contract), SARIF 2.1.0 and
//! GitHub workflow commands. Everything here works on finished check results.

use crate::diagnostic::{Applicability, Category, Diagnostic, Severity, Span};
use crate::language::Language;
use crate::position::{span_to_range, PositionEncoding, Range};
use crate::rules::{self, Rule, REGISTRY};
use crate::style::Styles;
use ropey::Rope;
use serde::Serialize;
use serde_json::{json, Value};

/// Version of the JSON report's shape; bumped on any incompatible change.
pub const JSON_VERSION: u32 = 1;

/// One checked file.
#[derive(Debug)]
pub struct FileReport {
    /// As given on the command line or found in a folder.
    pub path: String,
    pub text: String,
    pub language: Language,
    pub diagnostics: Vec<Diagnostic>,
}

/// A file that could not be checked, and why.
#[derive(Debug, Clone)]
pub struct FileError {
    pub path: String,
    pub message: String,
}

// A file's part of the JSON report, typed. Members are declared in the order `serde_json::Value`
// writes them (sorted by name), so writing these directly gives the same bytes as building the
// `Value` first, which cost more than a tenth of a folder check.

#[derive(Serialize)]
struct SortedSpan {
    end: usize,
    start: usize,
}

impl From<Span> for SortedSpan {
    fn from(span: Span) -> Self {
        SortedSpan { end: span.end, start: span.start }
    }
}

#[derive(Serialize, Clone, Copy)]
struct SortedPosition {
    character: u32,
    line: u32,
}

#[derive(Serialize, Clone, Copy)]
struct SortedRange {
    end: SortedPosition,
    start: SortedPosition,
}

fn sorted_range(rope: &Rope, span: Span) -> SortedRange {
    let Range { start, end } = span_to_range(rope, span.start, span.end, PositionEncoding::Utf16);
    SortedRange {
        end: SortedPosition { character: end.character, line: end.line },
        start: SortedPosition { character: start.character, line: start.line },
    }
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    new_text: &'a str,
    range: SortedRange,
    span: SortedSpan,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    applicability: Applicability,
    edits: Vec<JsonEdit<'a>>,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    message: &'a str,
    range: SortedRange,
    /// The file the related place is in, when it is not the article (a translation's source).
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    span: SortedSpan,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    fixes: Vec<JsonFix<'a>>,
    message: &'a str,
    range: SortedRange,
    related: Vec<JsonRelated<'a>>,
    severity: Severity,
    span: SortedSpan,
    text: &'a str,
}

#[derive(Serialize)]
struct JsonFile<'a> {
    diagnostics: Vec<JsonDiagnostic<'a>>,
    language: Language,
    path: &'a str,
}

fn diagnostic_json<'a>(d: &'a Diagnostic, text: &'a str, rope: &Rope) -> JsonDiagnostic<'a> {
    // Most edits replace the diagnostic's own span (a misspelling's five corrections), and a
    // position costs a walk along its line of the rope.
    let range = sorted_range(rope, d.span);
    let range_of = |span: Span| if span == d.span { range } else { sorted_range(rope, span) };
    let fixes = d
        .fixes
        .iter()
        .map(|f| JsonFix {
            applicability: f.applicability,
            edits: f.edits.iter().map(|e| JsonEdit { new_text: &e.new_text, range: range_of(e.span), span: e.span.into() }).collect(),
            title: &f.title,
        })
        .collect();
    let related = d
        .related
        .iter()
        .map(|r| match &r.source {
            None => JsonRelated { message: &r.message, range: range_of(r.span), source: None, span: r.span.into(), text: text.get(r.span.range()).unwrap_or("") },
            Some(s) => JsonRelated {
                message: &r.message,
                range: SortedRange {
                    end: SortedPosition { character: s.end_character, line: s.end_line },
                    start: SortedPosition { character: s.start_character, line: s.start_line },
                },
                source: Some(&s.path),
                span: r.span.into(),
                text: &s.text,
            },
        })
        .collect();
    JsonDiagnostic {
        code: &d.code,
        fixes,
        message: &d.message,
        range,
        related,
        severity: d.severity,
        span: d.span.into(),
        text: text.get(d.span.range()).unwrap_or(""),
    }
}

fn json_file_typed(file: &FileReport) -> JsonFile<'_> {
    let rope = Rope::from_str(&file.text);
    JsonFile { diagnostics: file.diagnostics.iter().map(|d| diagnostic_json(d, &file.text, &rope)).collect(), language: file.language, path: &file.path }
}

pub fn json_file(file: &FileReport) -> Value {
    serde_json::to_value(json_file_typed(file)).unwrap_or(Value::Null)
}

/// [`json_file`] written compact, as `serde_json` writes the whole report, one finding at a
/// time: the file's findings are never all converted at once.
pub fn write_json_file(file: &FileReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let rope = Rope::from_str(&file.text);
    out.write_all(b"{\"diagnostics\":[")?;
    for (i, d) in file.diagnostics.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &diagnostic_json(d, &file.text, &rope))?;
    }
    out.write_all(b"],\"language\":")?;
    serde_json::to_writer(&mut *out, &file.language)?;
    out.write_all(b",\"path\":")?;
    serde_json::to_writer(&mut *out, file.path.as_str())?;
    out.write_all(b"}")
}

/// One finding as a JSON Lines record: the JSON report's diagnostic object with the file's
/// `path` and `language` added (members sorted, as a `serde_json::Value` writes them).
#[derive(Serialize)]
struct JsonlRecord<'a> {
    code: &'a str,
    fixes: Vec<JsonFix<'a>>,
    language: Language,
    message: &'a str,
    path: &'a str,
    range: SortedRange,
    related: Vec<JsonRelated<'a>>,
    severity: Severity,
    span: SortedSpan,
    text: &'a str,
}

/// The file's findings as JSON Lines, one record a line, written as they are made.
pub fn write_jsonl_file(file: &FileReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let rope = Rope::from_str(&file.text);
    for d in &file.diagnostics {
        let j = diagnostic_json(d, &file.text, &rope);
        let record = JsonlRecord {
            code: j.code,
            fixes: j.fixes,
            language: file.language,
            message: j.message,
            path: &file.path,
            range: j.range,
            related: j.related,
            severity: j.severity,
            span: j.span,
            text: j.text,
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

pub fn json_report(files: &[FileReport], errors: &[FileError]) -> Value {
    let count: usize = files.iter().map(|f| f.diagnostics.len()).sum();
    json!({
        "version": JSON_VERSION,
        "tool": {"name": "sunting", "version": env!("CARGO_PKG_VERSION")},
        "files": files.iter().map(json_file).collect::<Vec<_>>(),
        "errors": errors.iter().map(|e| json!({"path": e.path, "message": e.message})).collect::<Vec<_>>(),
        "summary": {"files": files.len(), "diagnostics": count, "errors": errors.len()},
    })
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A relative URI reference for a path: `/` separators, and every byte that is not an
/// unreserved character or `/` percent-encoded (`my article #1.md` is `my%20article%20%231.md`).
pub fn sarif_uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    let mut uri = String::with_capacity(p.len());
    for &b in p.as_bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

fn sarif_region(rope: &Rope, span: Span, text: &str) -> Value {
    let r = span_to_range(rope, span.start, span.end, PositionEncoding::Utf16);
    json!({
        "startLine": r.start.line + 1,
        "startColumn": r.start.character + 1,
        "endLine": r.end.line + 1,
        "endColumn": r.end.character + 1,
        "byteOffset": span.start,
        "byteLength": span.len(),
        "snippet": {"text": text.get(span.range()).unwrap_or("")},
    })
}

pub fn sarif_report(files: &[FileReport]) -> Value {
    let known = crate::rules::known_rules();
    let rules: Vec<Value> = known
        .iter()
        .map(|m| {
            json!({
                "id": m.code,
                "name": m.name(),
                "shortDescription": {"text": m.summary},
                "fullDescription": {"text": m.explanation},
                "help": {
                    "text": format!("{}\n\nFlagged: {}\nBetter: {}", m.explanation, m.example_bad, m.example_good),
                    "markdown": format!("{}\n\n- Flagged: `{}`\n- Better: `{}`", m.explanation, m.example_bad, m.example_good),
                },
                "defaultConfiguration": {"level": sarif_level(m.default_severity)},
                "properties": {"tags": [m.category.as_str()]},
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in files {
        let _ = sarif_each_result(file, &known, &mut |r| {
            results.push(r);
            Ok(())
        });
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "sunting", "version": env!("CARGO_PKG_VERSION"), "semanticVersion": env!("CARGO_PKG_VERSION"), "rules": rules}},
            "columnKind": "utf16CodeUnits",
            "results": results,
        }],
    })
}

/// The SARIF results of one file, each handed to `each` as it is made (the streamed report
/// writes them one by one).
pub fn sarif_results(file: &FileReport, each: &mut dyn FnMut(Value) -> std::io::Result<()>) -> std::io::Result<()> {
    sarif_each_result(file, &crate::rules::known_rules(), each)
}

fn sarif_each_result(file: &FileReport, known: &[&'static crate::rules::RuleMeta], each: &mut dyn FnMut(Value) -> std::io::Result<()>) -> std::io::Result<()> {
    let rope = Rope::from_str(&file.text);
    let uri = sarif_uri(&file.path);
    for d in &file.diagnostics {
        let location = |span: Span| json!({"physicalLocation": {"artifactLocation": {"uri": uri}, "region": sarif_region(&rope, span, &file.text)}});
        let mut result = json!({
            "ruleId": d.code,
            "level": sarif_level(d.severity),
            "message": {"text": d.message},
            "locations": [location(d.span)],
        });
        if let Some(index) = known.iter().position(|m| m.code == d.code) {
            result["ruleIndex"] = json!(index);
        }
        if !d.related.is_empty() {
            result["relatedLocations"] = d
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut l = match &r.source {
                        None => location(r.span),
                        Some(s) => json!({"physicalLocation": {"artifactLocation": {"uri": sarif_uri(&s.path)}, "region": {
                            "startLine": s.start_line + 1, "startColumn": s.start_character + 1, "endLine": s.end_line + 1, "endColumn": s.end_character + 1,
                            "byteOffset": r.span.start, "byteLength": r.span.len(), "snippet": {"text": s.text},
                        }}}),
                    };
                    l["id"] = json!(i);
                    l["message"] = json!({"text": r.message});
                    l
                })
                .collect();
        }
        if !d.fixes.is_empty() {
            result["fixes"] = d
                .fixes
                .iter()
                .map(|f| {
                    json!({
                        "description": {"text": f.title},
                        "artifactChanges": [{
                            "artifactLocation": {"uri": uri},
                            "replacements": f.edits.iter().map(|e| {
                                let r = span_to_range(&rope, e.span.start, e.span.end, PositionEncoding::Utf16);
                                json!({
                                    "deletedRegion": {"startLine": r.start.line + 1, "startColumn": r.start.character + 1, "endLine": r.end.line + 1, "endColumn": r.end.character + 1},
                                    "insertedContent": {"text": e.new_text},
                                })
                            }).collect::<Vec<_>>(),
                        }],
                    })
                })
                .collect();
        }
        each(result)?;
    }
    Ok(())
}

fn escape_github_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_github_property(s: &str) -> String {
    escape_github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// A file that could not be checked, as a GitHub error annotation.
pub fn github_error_line(error: &FileError) -> String {
    format!("::error file={}::{}\n", escape_github_property(&error.path), escape_github_data(&error.message))
}

/// GitHub Actions workflow commands, one line per finding.
pub fn github_report(files: &[FileReport]) -> String {
    let mut out = Vec::new();
    for file in files {
        let _ = github_file(file, &mut out);
    }
    String::from_utf8(out).unwrap_or_default()
}

/// One file's GitHub workflow commands, written line by line.
pub fn github_file(file: &FileReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let rope = Rope::from_str(&file.text);
    let path = escape_github_property(&file.path);
    for d in &file.diagnostics {
        let r = span_to_range(&rope, d.span.start, d.span.end, PositionEncoding::Utf16);
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info | Severity::Hint => "notice",
        };
        let mut message = d.message.clone();
        if let Some(fix) = d.fixes.first() {
            message.push_str(&format!(" (fix: {})", fix.title));
        }
        writeln!(
            out,
            "::{command} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
            r.start.line + 1,
            r.start.character + 1,
            r.end.line + 1,
            r.end.character + 1,
            escape_github_property(&d.code),
            escape_github_data(&message),
        )?;
    }
    Ok(())
}

/// How many characters of a source line the human format shows on each side of a finding, and
/// of the finding itself: a finding on a 200 KB line shows a window of it, not the line.
pub const EXCERPT_CONTEXT_CHARS: usize = 60;
pub const EXCERPT_SPAN_CHARS: usize = 120;

/// Text from an article or a message, safe to print on a terminal: C0 controls (but tab, shown
/// as a space), DEL and C1 controls become visible symbols (`ESC` is `␛`), and the
/// bidirectional embeddings, overrides and isolates are shown as `<U+202E>`; so an article
/// cannot retitle the terminal, hide text or move the cursor over other findings.
pub fn terminal_safe(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_terminal_safe(&mut out, c);
    }
    out
}

fn push_terminal_safe(out: &mut String, c: char) {
    match c {
        '\t' => out.push(' '),
        '\u{0}'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
        '\u{7f}' => out.push('\u{2421}'),
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}' => {
            out.push_str(&format!("<U+{:04X}>", c as u32))
        }
        c => out.push(c),
    }
}

/// Where findings sit in a text by line, for the human format: a cursor that moves forward
/// through the text, so findings reported in order cost a walk over the text once in all, not
/// once each from their line's start.
struct LineCursor<'a> {
    text: &'a str,
    /// Start of the cursor's line, its 0-based number, and the byte and character column the
    /// cursor has counted to.
    line_start: usize,
    line: usize,
    at: usize,
    column: usize,
}

impl<'a> LineCursor<'a> {
    fn new(text: &'a str) -> Self {
        LineCursor { text, line_start: 0, line: 0, at: 0, column: 0 }
    }

    /// The 1-based line and character column of `byte` (on a character boundary).
    fn locate(&mut self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        if byte < self.at {
            // Out of order: start again from the top (findings mostly come in order).
            *self = LineCursor::new(self.text);
        }
        let bytes = self.text.as_bytes();
        while self.at < byte {
            let b = bytes[self.at];
            let next = self.at + 1;
            let breaks = b == b'\n' || (b == b'\r' && bytes.get(next) != Some(&b'\n'));
            if breaks {
                self.line += 1;
                self.line_start = next;
                self.column = 0;
            } else if b & 0xC0 != 0x80 {
                self.column += 1;
            }
            self.at = next;
        }
        (self.line + 1, self.column + 1)
    }

}

/// A place in a text: 1-based line and character column, and the byte where its line starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Loc {
    line: usize,
    column: usize,
    line_start: usize,
}

/// The places of `offsets` (character boundaries), found in one pass over the text, sorted by
/// offset for [`loc_of`].
fn locate_all(text: &str, mut offsets: Vec<usize>) -> Vec<(usize, Loc)> {
    offsets.sort_unstable();
    offsets.dedup();
    let mut cursor = LineCursor::new(text);
    offsets
        .into_iter()
        .map(|o| {
            let (line, column) = cursor.locate(o);
            (o, Loc { line, column, line_start: cursor.line_start })
        })
        .collect()
}

fn loc_of(locs: &[(usize, Loc)], offset: usize) -> Loc {
    locs.binary_search_by_key(&offset, |(o, _)| *o).map(|i| locs[i].1).unwrap_or_default()
}

/// Up to `chars` characters on from `byte`, stopping at `limit` and at a line break.
fn forward_in_line(text: &str, byte: usize, chars: usize, limit: usize) -> usize {
    for (n, (i, c)) in text[byte..limit.max(byte)].char_indices().enumerate() {
        if n == chars || c == '\n' || c == '\r' {
            return byte + i;
        }
    }
    limit.max(byte)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The start of the window: up to `chars` characters before `byte`, not before `floor`.
fn back_chars(text: &str, byte: usize, chars: usize, floor: usize) -> usize {
    let mut start = byte;
    for (n, (i, _)) in text[floor..byte].char_indices().rev().enumerate() {
        if n == chars {
            break;
        }
        start = floor + i;
    }
    start
}


struct Paint {
    color: bool,
}

impl Paint {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }
}

/// One file in the human format, written finding by finding: `severity[code]: message`, the
/// place, a window of the source line with the finding underlined, related places and fixes.
/// Every piece of the article and of messages goes through [`terminal_safe`].
pub fn human_file(file: &FileReport, color: bool, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let paint = Paint { color };
    let text = file.text.as_str();
    let path = terminal_safe(&file.path);
    let starts = file.diagnostics.iter().flat_map(|d| std::iter::once(d.span.start).chain(d.related.iter().filter(|r| r.source.is_none()).map(|r| r.span.start)));
    let locs = locate_all(text, starts.map(|o| floor_boundary(text, o)).collect());
    for d in &file.diagnostics {
        let (label, style) = match d.severity {
            Severity::Error => ("error", "1;31"),
            Severity::Warning => ("warning", "1;33"),
            Severity::Info => ("info", "1;36"),
            Severity::Hint => ("hint", "1;32"),
        };
        let start = floor_boundary(text, d.span.start);
        let end = floor_boundary(text, d.span.end.max(start));
        let Loc { line, column, line_start } = loc_of(&locs, start);
        // The window: some context, the finding (cut when long or at its line's end), some
        // context; found by walking at most a window's width, whatever the line's length.
        let shown_end = forward_in_line(text, start, EXCERPT_SPAN_CHARS, end);
        let from = back_chars(text, start, EXCERPT_CONTEXT_CHARS, line_start);
        let to = forward_in_line(text, shown_end, EXCERPT_CONTEXT_CHARS, text.len());
        let cut_right = to < text.len() && !matches!(text.as_bytes()[to], b'\n' | b'\r');
        let mut excerpt = String::new();
        if from > line_start {
            excerpt.push('…');
        }
        let mut indent = excerpt.chars().count();
        for c in text[from..start].chars() {
            push_terminal_safe(&mut excerpt, c);
        }
        indent += terminal_safe(&text[from..start]).chars().count();
        let marked = terminal_safe(&text[start..shown_end]).chars().count().max(1);
        for c in text[start..to].chars() {
            push_terminal_safe(&mut excerpt, c);
        }
        if cut_right {
            excerpt.push('…');
        }
        let number = line.to_string();
        let gutter = " ".repeat(number.len());
        let bar = paint.paint("1;34", "|");
        writeln!(out, "{}: {}", paint.paint(style, &format!("{label}[{}]", d.code)), paint.paint("1", &terminal_safe(&d.message)))?;
        writeln!(out, "{gutter}{} {path}:{line}:{column}", paint.paint("1;34", "-->"))?;
        writeln!(out, "{gutter} {bar}")?;
        writeln!(out, "{} {bar} {excerpt}", paint.paint("1;34", &number))?;
        let carets = if end > shown_end { format!("{}…", "^".repeat(marked)) } else { "^".repeat(marked) };
        writeln!(out, "{gutter} {bar} {}{}", " ".repeat(indent), paint.paint(style, &carets))?;
        for r in &d.related {
            if let Some(s) = &r.source {
                writeln!(out, "{gutter} {} related: {} ({}:{}:{})", paint.paint("1;34", "="), terminal_safe(&r.message), terminal_safe(&s.path), s.start_line + 1, s.start_character + 1)?;
                continue;
            }
            let Loc { line: rl, column: rc, .. } = loc_of(&locs, floor_boundary(text, r.span.start));
            writeln!(out, "{gutter} {} related: {} ({path}:{rl}:{rc})", paint.paint("1;34", "="), terminal_safe(&r.message))?;
        }
        for f in d.fixes.iter().take(3) {
            let kind = if f.applicability == Applicability::Safe { "fix" } else { "suggestion" };
            writeln!(out, "{gutter} {} {kind}: {}", paint.paint("1;34", "="), terminal_safe(&f.title))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// One line a finding, `path:line:column: severity code message`, as linters print them for
/// editors' quick-fix lists and for grep; terminal-safe like the human format.
pub fn concise_file(file: &FileReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let text = file.text.as_str();
    let path = terminal_safe(&file.path);
    let locs = locate_all(text, file.diagnostics.iter().map(|d| floor_boundary(text, d.span.start)).collect());
    for d in &file.diagnostics {
        let Loc { line, column, .. } = loc_of(&locs, floor_boundary(text, d.span.start));
        writeln!(out, "{path}:{line}:{column}: {} {} {}", d.severity.as_str(), d.code, terminal_safe(&d.message))?;
    }
    Ok(())
}

/// Compiler-style output for whole files (the streamed report writes [`human_file`] file by file).
pub fn human_report(files: &[FileReport], color: bool, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    for file in files {
        human_file(file, color, out)?;
    }
    Ok(())
}

/// What the summary line and the exit status need to know about the files reported so far.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub files: usize,
    pub diagnostics: usize,
    /// Findings by severity: error, warning, info, hint.
    pub by_severity: [usize; 4],
    pub worst: Option<Severity>,
}

fn severity_slot(s: Severity) -> usize {
    match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
        Severity::Hint => 3,
    }
}

impl Tally {
    pub fn of(file: &FileReport) -> Tally {
        let mut t = Tally { files: 1, diagnostics: file.diagnostics.len(), ..Tally::default() };
        for d in &file.diagnostics {
            t.by_severity[severity_slot(d.severity)] += 1;
            t.worst = t.worst.max(Some(d.severity));
        }
        t
    }

    pub fn add(&mut self, other: &Tally) {
        self.files += other.files;
        self.diagnostics += other.diagnostics;
        for (mine, theirs) in self.by_severity.iter_mut().zip(other.by_severity) {
            *mine += theirs;
        }
        self.worst = self.worst.max(other.worst);
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.by_severity[severity_slot(severity)]
    }
}

/// `12 findings (1 error, 9 warnings, 2 info) in 3 files`.
pub fn summary_line(files: &[FileReport], errors: usize) -> String {
    let mut tally = Tally::default();
    for file in files {
        tally.add(&Tally::of(file));
    }
    summary_text(&tally, errors)
}

/// The summary line from counts (the streamed report keeps only those).
pub fn summary_text(tally: &Tally, errors: usize) -> String {
    let total = tally.diagnostics;
    let mut parts = Vec::new();
    for (s, name) in [(Severity::Error, "error"), (Severity::Warning, "warning"), (Severity::Info, "info"), (Severity::Hint, "hint")] {
        let n = tally.count(s);
        if n > 0 {
            parts.push(format!("{n} {name}{}", if n == 1 || s == Severity::Info { "" } else { "s" }));
        }
    }
    let mut line = format!(
        "{total} finding{} {}in {} file{}",
        if total == 1 { "" } else { "s" },
        if parts.is_empty() { String::new() } else { format!("({}) ", parts.join(", ")) },
        tally.files,
        if tally.files == 1 { "" } else { "s" }
    );
    if errors > 0 {
        line.push_str(&format!("; {errors} file{} could not be checked", if errors == 1 { "" } else { "s" }));
    }
    line
}

/// The built-in rules, then the house style rules a configuration enables.
fn listed(styles: &Styles) -> impl Iterator<Item = &dyn Rule> + '_ {
    REGISTRY.iter().copied().chain(styles.iter())
}

/// `sunting rules` as a table, and as JSON for tools.
pub fn rules_table(styles: &Styles) -> String {
    let mut out = String::new();
    for rule in listed(styles) {
        let m = rule.meta();
        let langs = if m.languages.is_empty() { "id,en".to_string() } else { m.languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(",") };
        out.push_str(&format!("{:<46} {:<8} {:<6} {}\n", m.code, m.default_severity.as_str(), langs, m.summary));
        out.push_str(&format!("{:<46} example: {}\n", "", m.example_bad));
    }
    out
}

pub fn rules_json(styles: &Styles) -> Value {
    Value::Array(
        listed(styles)
            .map(|r| {
                let m = r.meta();
                let mut rule = json!({
                    "code": m.code, "category": m.category, "default_severity": m.default_severity,
                    "languages": if m.languages.is_empty() { vec!["id", "en"] } else { m.languages.iter().map(|l| l.code()).collect() },
                    "summary": m.summary, "example_bad": m.example_bad, "example_good": m.example_good,
                });
                if let Some(style) = styles.find(m.code) {
                    rule["style"] = json!(style.source().display().to_string());
                }
                rule
            })
            .collect(),
    )
}

/// `sunting explain CODE`, or `sunting explain CATEGORY` for the category's rules.
pub fn explain(code: &str, styles: &Styles) -> Option<String> {
    if let Some(category) = Category::parse(code) {
        return Some(explain_category(category, styles));
    }
    let m = styles.find(code).map(|r| r.meta()).or_else(|| rules::find(code).map(|r| r.meta()))?;
    let langs = if m.languages.is_empty() { "Indonesian and English".to_string() } else { m.languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ") };
    Some(format!(
        "{code}\n\n{}\n\n{}\n\nCategory: {}\nDefault severity: {}\nLanguages: {langs}\n\nFlagged:  {}\nBetter:   {}\n",
        m.summary, m.explanation, m.category, m.default_severity, m.example_bad, m.example_good
    ))
}

/// A category's rules (the house style's among them), one line each with its summary.
fn explain_category(category: Category, styles: &Styles) -> String {
    let rules: Vec<_> = listed(styles).map(|r| r.meta()).filter(|m| m.category == category).collect();
    let mut out = format!("{category}: {} rules\n\n", rules.len());
    for m in rules {
        out.push_str(&format!("{:<46} {:<8} {}\n", m.code, m.default_severity.as_str(), m.summary));
    }
    out.push_str("\nRun `sunting explain CODE` for a rule's documentation.\n");
    out
}

/// The rule codes and categories nearest to an unknown `code` by edit distance, for "did you
/// mean": compared whole when it has a `/`, else with categories and rule names (`doubled-word`
/// finds `typography/doubled-word`). Empty when nothing is close (more than a third of it differs).
pub fn closest_codes(code: &str, styles: &Styles) -> Vec<&'static str> {
    use crate::lexicon::suggest::edit_distance;
    let query = code.trim().to_lowercase();
    let limit = (query.chars().count() / 3).max(1);
    let mut candidates: Vec<(usize, &'static str)> = Vec::new();
    for rule in listed(styles) {
        let m = rule.meta();
        let distance = if query.contains('/') { edit_distance(&query, m.code) } else { edit_distance(&query, m.name()) };
        candidates.push((distance, m.code));
    }
    if !query.contains('/') {
        candidates.extend(Category::ALL.iter().map(|c| (edit_distance(&query, c.as_str()), c.as_str())));
    }
    let Some(best) = candidates.iter().map(|(d, _)| *d).min().filter(|d| *d <= limit) else {
        return Vec::new();
    };
    let mut near: Vec<&'static str> = candidates.into_iter().filter(|(d, _)| *d == best).map(|(_, c)| c).collect();
    near.sort_unstable();
    near.dedup();
    near.truncate(3);
    near
}
