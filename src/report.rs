//! Output formats for the command line: human, JSON (the stable contract), SARIF 2.1.0 and
//! GitHub workflow commands. Everything here works on finished check results.

use crate::diagnostic::{Applicability, Diagnostic, Severity, Span};
use crate::language::Language;
use crate::position::{span_to_range, PositionEncoding, Range};
use crate::rules::{self, Rule, REGISTRY};
use crate::stream::Tally;
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
        .map(|r| JsonRelated { message: &r.message, range: range_of(r.span), span: r.span.into(), text: text.get(r.span.range()).unwrap_or("") })
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

/// [`json_file`] written compact, as `serde_json` writes the whole report.
pub fn write_json_file(file: &FileReport, out: &mut Vec<u8>) {
    let _ = serde_json::to_writer(out, &json_file_typed(file));
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

fn sarif_uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    p.strip_prefix("./").unwrap_or(&p).to_string()
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
    let known = crate::style::known_rules();
    let rules: Vec<Value> = known
        .iter()
        .map(|r| {
            let m = r.meta();
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
        sarif_file_results(file, &known, &mut results);
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

/// The SARIF results of one file (the streamed report writes them file by file).
pub fn sarif_results(file: &FileReport) -> Vec<Value> {
    let mut results = Vec::new();
    sarif_file_results(file, &crate::style::known_rules(), &mut results);
    results
}

fn sarif_file_results(file: &FileReport, known: &[&'static dyn Rule], results: &mut Vec<Value>) {
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
        if let Some(index) = known.iter().position(|r| r.meta().code == d.code) {
            result["ruleIndex"] = json!(index);
        }
        if !d.related.is_empty() {
            result["relatedLocations"] = d
                .related
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let mut l = location(r.span);
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
        results.push(result);
    }
}

fn escape_github_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_github_property(s: &str) -> String {
    escape_github_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands, one line per finding.
pub fn github_report(files: &[FileReport]) -> String {
    let mut out = String::new();
    for file in files {
        let rope = Rope::from_str(&file.text);
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
            out.push_str(&format!(
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_github_property(&file.path),
                r.start.line + 1,
                r.start.character + 1,
                r.end.line + 1,
                r.end.character + 1,
                escape_github_property(&d.code),
                escape_github_data(&message),
            ));
        }
    }
    out
}

/// Compiler-style output: `path:line:col`, the code, the message, the source line with the span
/// underlined, and the suggested fix.
pub fn human_report(files: &[FileReport], color: bool, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
    use codespan_reporting::files::SimpleFile;
    use codespan_reporting::term::{self, termcolor::{Ansi, NoColor}, Config};

    let config = Config::default();
    for file in files {
        let source = SimpleFile::new(file.path.as_str(), file.text.as_str());
        for d in &file.diagnostics {
            let severity = match d.severity {
                Severity::Error => CsSeverity::Error,
                Severity::Warning => CsSeverity::Warning,
                Severity::Info => CsSeverity::Note,
                Severity::Hint => CsSeverity::Help,
            };
            let mut labels = vec![Label::primary((), d.span.range()).with_message(d.message.as_str())];
            for r in &d.related {
                labels.push(Label::secondary((), r.span.range()).with_message(r.message.as_str()));
            }
            let notes = d
                .fixes
                .iter()
                .take(3)
                .map(|f| {
                    let kind = if f.applicability == Applicability::Safe { "fix" } else { "suggestion" };
                    format!("{kind}: {}", f.title)
                })
                .collect();
            let diagnostic = CsDiagnostic::new(severity)
                .with_code(d.code.to_string())
                .with_message(d.message.as_str())
                .with_labels(labels)
                .with_notes(notes);
            let result = if color {
                term::emit_to_write_style(&mut Ansi::new(&mut *out), &config, &source, &diagnostic)
            } else {
                term::emit_to_write_style(&mut NoColor::new(&mut *out), &config, &source, &diagnostic)
            };
            result.map_err(|e| std::io::Error::other(e.to_string()))?;
        }
    }
    Ok(())
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
fn listed(styles: &Styles) -> impl Iterator<Item = &'static dyn Rule> + '_ {
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

/// `sunting explain CODE`.
pub fn explain(code: &str, styles: &Styles) -> Option<String> {
    let m = styles.find(code).map(|r| r.meta()).or_else(|| rules::find(code).map(|r| r.meta()))?;
    let langs = if m.languages.is_empty() { "Indonesian and English".to_string() } else { m.languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ") };
    Some(format!(
        "{code}\n\n{}\n\n{}\n\nCategory: {}\nDefault severity: {}\nLanguages: {langs}\n\nFlagged:  {}\nBetter:   {}\n",
        m.summary, m.explanation, m.category, m.default_severity, m.example_bad, m.example_good
    ))
}
