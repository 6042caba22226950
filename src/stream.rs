//! The `check` report written as it is made: each file's part is rendered by the worker that
//! checked it and written in order (see [`crate::ordered`]), so no report holds every file's
//! text or findings. The documents are the same as [`crate::report`] builds whole: the JSON
//! report (version [`JSON_VERSION`]) has the same members and values, SARIF the same pretty
//! layout; only the order of the JSON report's top-level members differs (`files` has to come
//! before `errors`, which are known only at the end).

use crate::report::{self, FileError, FileReport, Tally, JSON_VERSION};
use serde_json::{json, Value};
use std::io::{self, Write};

/// The report formats `check` streams.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Human { color: bool },
    /// One line a finding: `path:line:column: severity code message`.
    Concise,
    Json,
    /// JSON Lines: one finding a line, with its file's path and language.
    Jsonl,
    Sarif,
    Github,
}

/// Pretty JSON for a value nested `depth` levels deep in a pretty document.
fn pretty_at(value: &Value, depth: usize) -> String {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.replace('\n', &format!("\n{}", "  ".repeat(depth)))
}

/// Where the results array of a SARIF run sits in its pretty layout.
const SARIF_RESULTS_DEPTH: usize = 4;
const SARIF_RESULTS_SLOT: &str = "\"results\": []";

/// A file's part of the report in `format`, written to `out` finding by finding (no format
/// holds more than one finding's output at a time). `sarif_written` counts the SARIF results
/// written before, for the separators.
fn write_file(format: Format, file: &FileReport, out: &mut dyn Write, sarif_written: &mut usize) -> io::Result<()> {
    match format {
        // Written as `serde_json` writes the whole report, compact.
        Format::Json => report::write_json_file(file, out),
        Format::Jsonl => report::write_jsonl_file(file, out),
        Format::Sarif => report::sarif_results(file, &mut |r| {
            if *sarif_written > 0 {
                out.write_all(b",")?;
            }
            *sarif_written += 1;
            write!(out, "\n{}{}", "  ".repeat(SARIF_RESULTS_DEPTH), pretty_at(&r, SARIF_RESULTS_DEPTH))
        }),
        Format::Github => report::github_file(file, out),
        Format::Human { color } => report::human_file(file, color, out),
        Format::Concise => report::concise_file(file, out),
    }
}

/// A file's part of the report in `format`, rendered where the file was checked (for small
/// files; [`ReportWriter::report`] writes a large one's straight to the output).
pub fn render_file(format: Format, file: &FileReport) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = write_file(format, file, &mut out, &mut 0);
    out
}

/// Writes one report: the opening, each file's rendered part in order, errors, the closing.
pub struct ReportWriter<W: Write> {
    out: W,
    format: Format,
    /// Files (JSON) or SARIF results written so far, for the separators.
    written: usize,
}

/// The pretty SARIF document without results, split around its empty results array. The rules
/// come after the results (members are sorted), so the closing part is made at the end, when
/// the house style rules of every configuration met are known.
fn sarif_around_results() -> (String, String) {
    let skeleton = serde_json::to_string_pretty(&report::sarif_report(&[])).unwrap_or_default();
    let at = skeleton.find(SARIF_RESULTS_SLOT).unwrap_or(skeleton.len());
    let head = format!("{}\"results\": [", &skeleton[..at]);
    let tail = skeleton.get(at + SARIF_RESULTS_SLOT.len() - 1..).unwrap_or("]").to_string();
    (head, tail)
}

impl<W: Write> ReportWriter<W> {
    pub fn start(mut out: W, format: Format) -> io::Result<Self> {
        match format {
            Format::Json => {
                let tool = json!({"name": "sunting", "version": env!("CARGO_PKG_VERSION")});
                write!(out, "{{\"version\":{JSON_VERSION},\"tool\":{tool},\"files\":[")?;
            }
            Format::Sarif => out.write_all(sarif_around_results().0.as_bytes())?,
            _ => {}
        }
        Ok(ReportWriter { out, format, written: 0 })
    }

    /// A file's part, as [`render_file`] made it.
    pub fn file(&mut self, rendered: &[u8]) -> io::Result<()> {
        match self.format {
            Format::Json => {
                if self.written > 0 {
                    self.out.write_all(b",")?;
                }
                self.written += 1;
            }
            Format::Sarif if !rendered.is_empty() => {
                if self.written > 0 {
                    self.out.write_all(b",")?;
                }
                self.written += 1;
            }
            _ => {}
        }
        self.out.write_all(rendered)?;
        // Line-oriented formats reach a reader (a pipe, a batch job) as they are made.
        if matches!(self.format, Format::Jsonl | Format::Github) {
            self.out.flush()?;
        }
        Ok(())
    }

    /// A file's part, written straight to the output as it is made.
    pub fn report(&mut self, file: &FileReport) -> io::Result<()> {
        if self.format == Format::Json {
            if self.written > 0 {
                self.out.write_all(b",")?;
            }
            self.written += 1;
        }
        let mut sarif_written = self.written;
        write_file(self.format, file, &mut self.out, &mut sarif_written)?;
        if matches!(self.format, Format::Sarif) {
            self.written = sarif_written;
        }
        if matches!(self.format, Format::Jsonl | Format::Github) {
            self.out.flush()?;
        }
        Ok(())
    }

    /// A file that could not be checked: a record of its own in JSON Lines; the other formats
    /// list errors at the end.
    pub fn error(&mut self, error: &FileError) -> io::Result<()> {
        if self.format == Format::Jsonl {
            writeln!(self.out, "{}", json!({"path": error.path, "error": error.message}))?;
        }
        Ok(())
    }

    pub fn finish(mut self, tally: &Tally, errors: &[FileError]) -> io::Result<()> {
        match self.format {
            Format::Json => {
                let errors: Vec<Value> = errors.iter().map(|e| json!({"path": e.path, "message": e.message})).collect();
                let summary = json!({"files": tally.files, "diagnostics": tally.diagnostics, "errors": errors.len()});
                writeln!(self.out, "],\"errors\":{},\"summary\":{summary}}}", Value::Array(errors))?;
            }
            Format::Sarif => {
                if self.written > 0 {
                    write!(self.out, "\n{}", "  ".repeat(SARIF_RESULTS_DEPTH - 1))?;
                }
                writeln!(self.out, "{}", sarif_around_results().1)?;
            }
            Format::Human { .. } | Format::Concise => writeln!(self.out, "{}", report::summary_text(tally, errors.len()))?,
            Format::Jsonl | Format::Github => {}
        }
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::document::LanguageChoice;
    use crate::engine::{check, CheckOptions};
    use crate::prose::DocFormat;

    fn reports() -> Vec<FileReport> {
        let config = Config::default();
        ["Warga berteriak  !! lalu pergi .\n\nIa pulang pukul 10:00 dan 11.00 .\n", "Semua baik.\n", "Dia datang ,\r\nlalu pergi !!\n"]
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let options = CheckOptions { format: DocFormat::Markdown, language: LanguageChoice::default(), config: &config };
                let result = check(text, &options);
                FileReport { path: format!("f{i}.md"), text: text.to_string(), language: result.language, diagnostics: result.diagnostics }
            })
            .collect()
    }

    fn streamed(format: Format, files: &[FileReport], errors: &[FileError]) -> String {
        let mut out = Vec::new();
        let mut writer = ReportWriter::start(&mut out, format).unwrap();
        let mut tally = Tally::default();
        for f in files {
            writer.file(&render_file(format, f)).unwrap();
            tally.add(&Tally::of(f));
        }
        for e in errors {
            writer.error(e).unwrap();
        }
        writer.finish(&tally, errors).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn streamed_json_is_the_whole_report() {
        let files = reports();
        assert!(files[0].diagnostics.len() >= 2 && files[1].diagnostics.is_empty());
        let errors = [FileError { path: "x.md".into(), message: "no such file".into() }];
        for (files, errors) in [(&files[..], &errors[..]), (&files[..0], &[][..]), (&files[1..2], &errors[..])] {
            let streamed: Value = serde_json::from_str(&streamed(Format::Json, files, errors)).unwrap();
            assert_eq!(streamed, report::json_report(files, errors));
        }
    }

    #[test]
    fn streamed_sarif_is_byte_for_byte_the_whole_report() {
        let files = reports();
        for files in [&files[..], &files[..0], &files[1..2], &files[1..]] {
            // The rules list grows when any test of this process loads a style file; compare
            // reports made while it stood still.
            for attempt in 1.. {
                let rules = crate::rules::known_rules().len();
                let whole = serde_json::to_string_pretty(&report::sarif_report(files)).unwrap() + "\n";
                let streamed = streamed(Format::Sarif, files, &[]);
                if crate::rules::known_rules().len() == rules || attempt == 20 {
                    assert_eq!(streamed, whole);
                    break;
                }
            }
        }
    }

    #[test]
    fn human_and_github_match_the_whole_report() {
        let files = reports();
        let mut whole = Vec::new();
        report::human_report(&files, false, &mut whole).unwrap();
        let whole = String::from_utf8(whole).unwrap() + &report::summary_line(&files, 1) + "\n";
        let error = [FileError { path: "x.md".into(), message: "gone".into() }];
        assert_eq!(streamed(Format::Human { color: false }, &files, &error), whole);
        assert_eq!(streamed(Format::Github, &files, &[]), report::github_report(&files));
    }

    #[test]
    fn jsonl_has_one_finding_a_line() {
        let files = reports();
        let text = streamed(Format::Jsonl, &files, &[FileError { path: "x.md".into(), message: "gone".into() }]);
        let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let total: usize = files.iter().map(|f| f.diagnostics.len()).sum();
        assert_eq!(lines.len(), total + 1);
        let first = &report::json_report(&files, &[])["files"][0]["diagnostics"][0];
        assert_eq!(lines[0]["path"], "f0.md");
        assert_eq!(lines[0]["language"], "id");
        assert_eq!(lines[0]["code"], first["code"]);
        assert_eq!(lines[0]["range"], first["range"]);
        assert_eq!(lines[total], json!({"path": "x.md", "error": "gone"}));
    }

    /// A writer that records the largest single write: what a format held before writing it.
    #[derive(Default)]
    struct Counting {
        bytes: Vec<u8>,
        largest: usize,
    }

    impl Write for Counting {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.largest = self.largest.max(buf.len());
            self.bytes.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Bytes, not time: every format writes a noisy file's report in pieces of one finding or
    /// less (so memory is bounded by the text and its findings, not by the report), and the
    /// streamed bytes are the rendered ones.
    #[test]
    fn large_files_stream_finding_by_finding() {
        let config = Config::default();
        let text = "Warga berteriak  !! lalu pergi , kata dia .\n\n".repeat(2_000);
        let options = CheckOptions { format: DocFormat::Markdown, language: LanguageChoice::default(), config: &config };
        let result = check(&text, &options);
        assert!(result.diagnostics.len() >= 4_000);
        let file = FileReport { path: "big.md".into(), text: text.clone(), language: result.language, diagnostics: result.diagnostics };
        let small = &reports()[0];
        for format in [Format::Json, Format::Jsonl, Format::Sarif, Format::Github, Format::Human { color: false }, Format::Human { color: true }, Format::Concise] {
            let mut streamed = ReportWriter::start(Counting::default(), format).unwrap();
            streamed.file(&render_file(format, small)).unwrap();
            streamed.report(&file).unwrap();
            streamed.report(small).unwrap();
            let mut counting = Counting::default();
            streamed.out.flush().unwrap();
            std::mem::swap(&mut counting, &mut streamed.out);
            let mut rendered = ReportWriter::start(Vec::new(), format).unwrap();
            rendered.file(&render_file(format, small)).unwrap();
            rendered.file(&render_file(format, &file)).unwrap();
            rendered.file(&render_file(format, small)).unwrap();
            assert_eq!(String::from_utf8_lossy(&counting.bytes), String::from_utf8_lossy(&rendered.out), "{format:?}");
            assert!(counting.bytes.len() > 500_000, "{format:?}: {} bytes", counting.bytes.len());
            assert!(counting.largest <= 16 * 1024, "{format:?}: a write of {} bytes", counting.largest);
        }
    }

    #[test]
    fn jsonl_records_are_the_json_reports_diagnostics_with_path_and_language() {
        let files = reports();
        let text = streamed(Format::Jsonl, &files[..1], &[]);
        let whole = report::json_report(&files[..1], &[]);
        for (line, d) in text.lines().zip(whole["files"][0]["diagnostics"].as_array().unwrap()) {
            let mut expected = d.clone();
            expected["path"] = json!("f0.md");
            expected["language"] = json!("id");
            assert_eq!(line, serde_json::to_string(&expected).unwrap());
        }
    }
}
