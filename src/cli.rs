//! The command line: a thin adapter that reads files, runs the core and prints a report.

use crate::config::{Config, ConfigError};
use crate::diagnostic::Severity;
use crate::document::LanguageChoice;
use crate::engine::{self, CheckOptions};
use crate::fix::{fix_until_stable, FixMode};
use crate::language::Language;
use crate::prose::DocFormat;
use crate::ordered;
use crate::report::{self, FileError, FileReport};
use crate::stream::{self, ReportWriter, Tally};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Files larger than this are refused rather than read whole.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

#[derive(Parser, Debug)]
#[command(name = "sunting", version, about = "Copyediting checks for news articles in Indonesian and English")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check articles and report findings.
    Check(CheckArgs),
    /// Apply safe fixes to articles in place.
    Fix(FixArgs),
    /// List every rule, with the house style rules of the configuration.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
        /// Use this configuration instead of the nearest sunting.toml.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Print a rule's documentation.
    Explain {
        code: String,
        /// Use this configuration instead of the nearest sunting.toml.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Run the language server over standard input and output.
    Lsp(LspArgs),
}

/// `sunting lsp`'s options. Standard input and output are the only transport; `--stdio` is
/// accepted because most clients (vscode-languageclient among them) add it.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct LspArgs {
    /// Talk over standard input and output (the default and only transport).
    #[arg(long)]
    pub stdio: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
    /// JSON Lines: one finding a line (with `--jsonl-input`: one article a line).
    Jsonl,
    Sarif,
    Github,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RulesFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FailOn {
    Hint,
    Info,
    Warning,
    Error,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorMode {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files, folders (walked, honouring .gitignore) or `-` for standard input.
    pub paths: Vec<PathBuf>,
    /// The article language (overrides front matter and configuration).
    #[arg(long, value_parser = parse_language)]
    pub language: Option<Language>,
    /// Use this configuration file instead of the nearest sunting.toml.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The name to give standard input in reports (its extension picks Markdown or plain text).
    #[arg(long)]
    pub stdin_filename: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    #[arg(long)]
    pub lossy: bool,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Report format.
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// Exit with status 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    #[arg(long, value_enum, default_value_t = ColorMode::Auto)]
    pub color: ColorMode,
    /// Read articles from standard input as JSON Lines, one `{"id": ..., "text": ..., "language":
    /// "id"|"en"}` object a line (`language` and `format`, "markdown" or "text", are optional),
    /// and write one line per article, in the same order: `{"id", "language", "diagnostics"}`.
    #[arg(long, conflicts_with = "paths")]
    pub jsonl_input: bool,
    /// Check with this many threads (default: one per core).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
}

#[derive(clap::Args, Debug)]
pub struct FixArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Also apply suggested fixes (the first suggestion of each finding).
    #[arg(long = "unsafe")]
    pub include_suggested: bool,
    /// Show the changes as a unified diff instead of writing them.
    #[arg(long)]
    pub diff: bool,
}

fn parse_language(s: &str) -> Result<Language, String> {
    Language::parse(s).ok_or_else(|| format!("unknown language {s:?}: expected id or en"))
}

/// Where an article came from.
#[derive(Debug, Clone)]
enum Source {
    Stdin,
    File(PathBuf),
}

/// A file's text and the encoding facts `fix` must keep.
struct Loaded {
    text: String,
    /// The bytes as read, kept only when they are not `text`'s: invalid UTF-8 read with
    /// `--lossy`. (Kept always, they were a second copy of every file.)
    invalid_bytes: Option<Vec<u8>>,
}

enum LoadOutcome {
    Text(Loaded),
    Binary,
}

fn load_bytes(bytes: Vec<u8>, lossy: bool) -> Result<LoadOutcome, String> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Ok(LoadOutcome::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(LoadOutcome::Text(Loaded { text, invalid_bytes: None })),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            if lossy {
                let bytes = e.into_bytes();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                Ok(LoadOutcome::Text(Loaded { text, invalid_bytes: Some(bytes) }))
            } else {
                Err(format!("invalid UTF-8 at byte {offset} (use --lossy to check it anyway)"))
            }
        }
    }
}

fn read_source(source: &Source, lossy: bool) -> Result<LoadOutcome, String> {
    match source {
        Source::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin().take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| e.to_string())?;
            if bytes.len() as u64 > MAX_FILE_BYTES {
                return Err(format!("larger than the limit of {} MiB", MAX_FILE_BYTES / 1024 / 1024));
            }
            load_bytes(bytes, lossy)
        }
        Source::File(path) => {
            let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
            if meta.len() > MAX_FILE_BYTES {
                return Err(format!("{} MiB is larger than the limit of {} MiB", meta.len() / 1024 / 1024, MAX_FILE_BYTES / 1024 / 1024));
            }
            // Pipes and devices (`<(...)`, /dev/zero) have no size to check: read no further
            // than the limit either way.
            // Sized by the file (plus the byte that tells the end), not grown by doubling.
            let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
            std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)).map_err(|e| e.to_string())?;
            if bytes.len() as u64 > MAX_FILE_BYTES {
                return Err(format!("larger than the limit of {} MiB", MAX_FILE_BYTES / 1024 / 1024));
            }
            load_bytes(bytes, lossy)
        }
    }
}

/// Configurations by folder, loaded once each.
struct Configs {
    explicit: Option<Arc<Config>>,
    by_path: Mutex<HashMap<PathBuf, Arc<Config>>>,
    default: Arc<Config>,
}

impl Configs {
    fn new(explicit: Option<&Path>) -> Result<Configs, ConfigError> {
        let explicit = explicit.map(Config::load).transpose()?.map(Arc::new);
        Ok(Configs { explicit, by_path: Mutex::new(HashMap::new()), default: Arc::new(Config::default()) })
    }

    fn for_dir(&self, dir: &Path) -> Result<Arc<Config>, ConfigError> {
        if let Some(c) = &self.explicit {
            return Ok(c.clone());
        }
        // A sunting.toml, or else a project word list on its own (the editor's "Add to
        // dictionary" creates one without any configuration).
        let found = Config::discover(dir).or_else(|| Config::discover_project_words(dir));
        let Some(path) = found else { return Ok(self.default.clone()) };
        let mut cache = self.by_path.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = cache.get(&path) {
            return Ok(c.clone());
        }
        let config = Arc::new(if path.ends_with(crate::config::PROJECT_WORDS) { Config::with_project_words(&path)? } else { Config::load(&path)? });
        cache.insert(path, config.clone());
        Ok(config)
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

fn is_ignored(config: &Config, path: &Path) -> bool {
    let (Some(root), false) = (config.root(), config.ignore.is_empty()) else { return false };
    let mut builder = globset::GlobSetBuilder::new();
    for pattern in &config.ignore {
        if let Ok(glob) = globset::Glob::new(pattern) {
            builder.add(glob);
        }
    }
    let Ok(set) = builder.build() else { return false };
    let abs = absolute(path);
    let rel = abs.strip_prefix(absolute(root)).unwrap_or(&abs);
    set.is_match(rel)
}

/// Expand the command line's paths into sources; folders are walked in parallel.
fn collect_sources(paths: &[PathBuf], errors: &mut Vec<FileError>) -> Vec<Source> {
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if path.is_dir() {
            let found = Mutex::new(Vec::new());
            let walk_errors = Mutex::new(Vec::new());
            ignore::WalkBuilder::new(path).require_git(false).build_parallel().run(|| {
                Box::new(|entry| {
                    match entry {
                        Ok(entry) => {
                            let p = entry.path();
                            let wanted = entry.file_type().is_some_and(|t| t.is_file())
                                && p.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
                            if wanted {
                                found.lock().unwrap_or_else(|e| e.into_inner()).push(p.to_path_buf());
                            }
                        }
                        Err(e) => walk_errors.lock().unwrap_or_else(|e| e.into_inner()).push(FileError { path: path.display().to_string(), message: e.to_string() }),
                    }
                    ignore::WalkState::Continue
                })
            });
            let mut found = found.into_inner().unwrap_or_default();
            found.sort();
            sources.extend(found.into_iter().map(Source::File));
            errors.extend(walk_errors.into_inner().unwrap_or_default());
        } else if path.exists() {
            sources.push(Source::File(path.clone()));
        } else {
            let message = if path.symlink_metadata().is_ok() { "broken symbolic link" } else { "no such file or folder" };
            errors.push(FileError { path: path.display().to_string(), message: message.to_string() });
        }
    }
    sources
}

struct Checked {
    /// The file's report, with its text.
    report: FileReport,
    /// Warnings about the file itself (a malformed suppression comment), for standard error.
    notes: Vec<String>,
    /// The file's bytes when they are not valid UTF-8 (see [`Loaded`]).
    invalid_bytes: Option<Vec<u8>>,
    source: Source,
    config: Arc<Config>,
    format: DocFormat,
}

enum Outcome {
    Checked(Box<Checked>),
    Skipped { path: String, why: String },
    Failed(FileError),
    Ignored,
}

fn check_source(source: Source, input: &InputArgs, configs: &Configs) -> Outcome {
    let (name, dir) = match &source {
        Source::Stdin => (input.stdin_filename.clone().unwrap_or_else(|| "<stdin>".to_string()), std::env::current_dir().unwrap_or_default()),
        Source::File(p) => (p.display().to_string(), absolute(p).parent().map(Path::to_path_buf).unwrap_or_default()),
    };
    let config = match configs.for_dir(&dir) {
        Ok(c) => c,
        Err(e) => return Outcome::Failed(FileError { path: name, message: format!("configuration error: {e}") }),
    };
    if let Source::File(p) = &source
        && is_ignored(&config, p) {
            return Outcome::Ignored;
        }
    let loaded = match read_source(&source, input.lossy) {
        Ok(LoadOutcome::Text(l)) => l,
        Ok(LoadOutcome::Binary) => return Outcome::Skipped { path: name, why: "binary file".to_string() },
        Err(message) => return Outcome::Failed(FileError { path: name, message }),
    };
    let format = DocFormat::from_path(&name);
    let options = CheckOptions { format, language: LanguageChoice { forced: input.language, configured: config.language }, config: &config };
    let Loaded { text, invalid_bytes } = loaded;
    let result = engine::check(&text, &options);
    let notes = result.notes.iter().map(|note| format!("{name}: warning: {} (byte {})", note.message, note.span.start)).collect();
    let report = FileReport { path: name, text, language: result.language, diagnostics: result.diagnostics };
    Outcome::Checked(Box::new(Checked { report, notes, invalid_bytes, source, config, format }))
}

fn run_inputs(input: &InputArgs) -> Result<(Vec<Checked>, Vec<FileError>), String> {
    let configs = Configs::new(input.config.as_deref()).map_err(|e| e.to_string())?;
    let mut errors = Vec::new();
    let sources = collect_sources(&input.paths, &mut errors);
    let outcomes: Vec<Outcome> = sources.into_par_iter().map(|s| check_source(s, input, &configs)).collect();
    let mut checked = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Checked(c) => {
                for note in &c.notes {
                    eprintln!("{note}");
                }
                checked.push(*c);
            }
            Outcome::Skipped { path, why } => eprintln!("{path}: skipped: {why}"),
            Outcome::Failed(e) => errors.push(e),
            Outcome::Ignored => {}
        }
    }
    Ok((checked, errors))
}

fn severity_floor(fail_on: FailOn) -> Option<Severity> {
    match fail_on {
        FailOn::Hint => Some(Severity::Hint),
        FailOn::Info => Some(Severity::Info),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Error => Some(Severity::Error),
        FailOn::Never => None,
    }
}

/// Exit with clap's usage error when no path was given (paths are optional only for
/// `check --jsonl-input`).
fn require_paths(input: &InputArgs, command: &str) {
    if input.paths.is_empty() {
        use clap::CommandFactory;
        let mut cli = Cli::command();
        let message = "the following required arguments were not provided:\n  <PATHS>...";
        match cli.find_subcommand_mut(command) {
            Some(sub) => sub.error(clap::error::ErrorKind::MissingRequiredArgument, message).exit(),
            None => cli.error(clap::error::ErrorKind::MissingRequiredArgument, message).exit(),
        }
    }
}

fn output_format(args: &CheckArgs) -> stream::Format {
    match args.format.unwrap_or(if args.jsonl_input { OutputFormat::Jsonl } else { OutputFormat::Human }) {
        OutputFormat::Json => stream::Format::Json,
        OutputFormat::Jsonl => stream::Format::Jsonl,
        OutputFormat::Sarif => stream::Format::Sarif,
        OutputFormat::Github => stream::Format::Github,
        OutputFormat::Human => stream::Format::Human {
            color: match args.color {
                ColorMode::Always => true,
                ColorMode::Never => false,
                ColorMode::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            },
        },
    }
}

/// A file's outcome as the report needs it: its part rendered, its counts, its messages.
enum Reported {
    File { rendered: Vec<u8>, tally: Tally, notes: Vec<String> },
    Skipped(String),
    Failed(FileError),
    Ignored,
}

/// Whether a write error ends the run quietly (the reader went away, as `| head` does).
fn write_failed(e: &std::io::Error) -> bool {
    if e.kind() != std::io::ErrorKind::BrokenPipe {
        eprintln!("sunting: cannot write the report: {e}");
    }
    true
}

/// Files are checked in parallel and reported in order (command line order, folders sorted) as
/// soon as each is done: neither the texts nor the findings of all files are held at once.
fn check_command(args: &CheckArgs) -> i32 {
    if args.jsonl_input {
        return check_jsonl_input(args);
    }
    require_paths(&args.input, "check");
    let configs = match Configs::new(args.input.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("sunting: {e}");
            return 2;
        }
    };
    let mut errors = Vec::new();
    let sources = collect_sources(&args.input.paths, &mut errors);
    let format = output_format(args);
    let threads = ordered::threads(args.jobs);
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut writer = match ReportWriter::start(out, format) {
        Ok(w) => w,
        Err(e) => return if write_failed(&e) && e.kind() == std::io::ErrorKind::BrokenPipe { 0 } else { 2 },
    };
    for e in &errors {
        let _ = writer.error(e);
    }
    let mut tally = Tally::default();
    let mut broken: Option<std::io::Error> = None;
    ordered::map_in_order(
        sources.into_iter(),
        threads,
        threads * 8,
        |source| match check_source(source, &args.input, &configs) {
            Outcome::Checked(c) => Reported::File { rendered: stream::render_file(format, &c.report), tally: Tally::of(&c.report), notes: c.notes },
            Outcome::Skipped { path, why } => Reported::Skipped(format!("{path}: skipped: {why}")),
            Outcome::Failed(e) => Reported::Failed(e),
            Outcome::Ignored => Reported::Ignored,
        },
        |reported| {
            let written = match reported {
                Reported::File { rendered, tally: file_tally, notes } => {
                    for note in notes {
                        eprintln!("{note}");
                    }
                    tally.add(&file_tally);
                    writer.file(&rendered)
                }
                Reported::Skipped(message) => {
                    eprintln!("{message}");
                    Ok(())
                }
                Reported::Failed(e) => {
                    let written = writer.error(&e);
                    errors.push(e);
                    written
                }
                Reported::Ignored => Ok(()),
            };
            match written {
                Ok(()) => true,
                Err(e) => {
                    broken = Some(e);
                    false
                }
            }
        },
    );
    let finished = match broken {
        Some(e) => Err(e),
        None => writer.finish(&tally, &errors),
    };
    if let Err(e) = finished {
        write_failed(&e);
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return 2;
        }
    }
    for e in &errors {
        eprintln!("{}: error: {}", e.path, e.message);
        if format == stream::Format::Github {
            println!("::error file={}::{}", e.path, e.message.replace('\n', "%0A"));
        }
    }
    if !errors.is_empty() {
        return 2;
    }
    let failing = severity_floor(args.fail_on).zip(tally.worst).is_some_and(|(floor, worst)| worst >= floor);
    i32::from(failing)
}

/// One line of `--jsonl-input`.
#[derive(serde::Deserialize)]
struct JsonlArticle {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    format: Option<String>,
}

/// One article of `--jsonl-input`, checked: the line to write, and its counts.
struct ArticleResult {
    line: String,
    tally: Tally,
    failed: bool,
}

fn check_article(line_number: usize, line: &str, args: &CheckArgs, config: &Config) -> ArticleResult {
    let failure = |id: serde_json::Value, message: String| ArticleResult {
        line: serde_json::json!({"id": id, "line": line_number, "error": message}).to_string(),
        tally: Tally::default(),
        failed: true,
    };
    let article: JsonlArticle = match serde_json::from_str(line) {
        Ok(a) => a,
        Err(e) => {
            let id = serde_json::from_str::<serde_json::Value>(line).ok().and_then(|v| v.get("id").cloned()).unwrap_or_default();
            return failure(id, format!("not an article object: {e}"));
        }
    };
    let language = match article.language.as_deref() {
        None | Some("" | "auto") => args.input.language,
        Some(code) => match Language::parse(code) {
            Some(l) => Some(l),
            None => return failure(article.id, format!("unknown language {code:?}: expected id or en")),
        },
    };
    let format = match article.format.as_deref() {
        None => DocFormat::from_path(args.input.stdin_filename.as_deref().unwrap_or("<stdin>")),
        Some("markdown" | "md") => DocFormat::Markdown,
        Some("text" | "txt" | "plain") => DocFormat::PlainText,
        Some(other) => return failure(article.id, format!("unknown format {other:?}: expected markdown or text")),
    };
    let options = CheckOptions { format, language: LanguageChoice { forced: language, configured: config.language }, config };
    let result = engine::check(&article.text, &options);
    let file = FileReport { path: String::new(), text: article.text, language: result.language, diagnostics: result.diagnostics };
    let tally = Tally::of(&file);
    let mut value = report::json_file(&file);
    if let serde_json::Value::Object(map) = &mut value {
        map.remove("path");
        map.insert("id".to_string(), article.id);
    }
    ArticleResult { line: value.to_string(), tally, failed: false }
}

/// `check --jsonl-input`: a stream of articles in, a stream of results out, one line each and
/// in the same order, so that a batch engine can run sunting as a map step over an archive.
fn check_jsonl_input(args: &CheckArgs) -> i32 {
    if !matches!(args.format, None | Some(OutputFormat::Jsonl)) {
        eprintln!("sunting: --jsonl-input writes JSON Lines: use --format jsonl or leave --format out");
        return 2;
    }
    let configs = match Configs::new(args.input.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("sunting: {e}");
            return 2;
        }
    };
    let config = match configs.for_dir(&std::env::current_dir().unwrap_or_default()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("sunting: configuration error: {e}");
            return 2;
        }
    };
    use std::io::BufRead;
    let lines = std::io::BufReader::with_capacity(1 << 16, std::io::stdin()).lines().enumerate().filter(|(_, l)| !l.as_ref().is_ok_and(|l| l.trim().is_empty()));
    let threads = ordered::threads(args.jobs);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut tally = Tally::default();
    let mut failed = 0usize;
    let mut broken: Option<std::io::Error> = None;
    ordered::map_in_order(
        lines,
        threads,
        threads * 8,
        |(i, line)| match line {
            Ok(line) if line.len() as u64 > MAX_FILE_BYTES => ArticleResult {
                line: serde_json::json!({"id": null, "line": i + 1, "error": format!("larger than the limit of {} MiB", MAX_FILE_BYTES / 1024 / 1024)}).to_string(),
                tally: Tally::default(),
                failed: true,
            },
            Ok(line) => check_article(i + 1, &line, args, &config),
            Err(e) => ArticleResult { line: serde_json::json!({"id": null, "line": i + 1, "error": e.to_string()}).to_string(), tally: Tally::default(), failed: true },
        },
        |result| {
            tally.add(&result.tally);
            failed += usize::from(result.failed);
            match writeln!(out, "{}", result.line).and_then(|_| out.flush()) {
                Ok(()) => true,
                Err(e) => {
                    broken = Some(e);
                    false
                }
            }
        },
    );
    if let Some(e) = broken.or_else(|| out.flush().err()) {
        write_failed(&e);
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return 2;
        }
    }
    if failed > 0 {
        eprintln!("sunting: {failed} input line{} could not be checked", if failed == 1 { "" } else { "s" });
        return 2;
    }
    i32::from(severity_floor(args.fail_on).zip(tally.worst).is_some_and(|(floor, worst)| worst >= floor))
}

/// Apply fixes until nothing changes (fixes that overlapped wait for the next pass).
fn fix_text(text: &str, checked: &Checked, language: Option<Language>, mode: FixMode) -> (String, usize) {
    let options = CheckOptions {
        format: checked.format,
        language: LanguageChoice { forced: language.or(Some(checked.report.language)), configured: checked.config.language },
        config: &checked.config,
    };
    fix_until_stable(text, &options, Some(checked.report.diagnostics.clone()), mode)
}

/// Replace `path` with `contents` through a temporary file in the same folder, keeping the
/// permissions, and refusing if the file changed since it was read.
pub fn write_atomically(path: &Path, original: &[u8], contents: &[u8]) -> Result<(), String> {
    // Through a symbolic link, replace the file it points to, not the link.
    let path = &std::fs::canonicalize(path).map_err(|e| e.to_string())?;
    let dir = absolute(path).parent().map(Path::to_path_buf).unwrap_or_else(|| PathBuf::from("."));
    let permissions = std::fs::metadata(path).map_err(|e| e.to_string())?.permissions();
    let mut tmp = tempfile::Builder::new().prefix(".sunting-").tempfile_in(&dir).map_err(|e| format!("cannot create a temporary file: {e}"))?;
    tmp.write_all(contents).map_err(|e| e.to_string())?;
    tmp.as_file().sync_all().map_err(|e| e.to_string())?;
    std::fs::set_permissions(tmp.path(), permissions).map_err(|e| e.to_string())?;
    let now = std::fs::read(path).map_err(|e| e.to_string())?;
    if now != original {
        return Err("the file changed while it was being fixed; nothing was written".to_string());
    }
    tmp.persist(path).map_err(|e| e.error.to_string())?;
    Ok(())
}

fn fix_command(args: &FixArgs) -> i32 {
    require_paths(&args.input, "fix");
    let (checked, mut errors) = match run_inputs(&args.input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sunting: {e}");
            return 2;
        }
    };
    let mode = if args.include_suggested { FixMode::IncludeSuggested } else { FixMode::SafeOnly };
    let mut fixed_files = 0;
    let mut total = 0;
    for c in &checked {
        let (new_text, applied) = fix_text(&c.report.text, c, args.input.language, mode);
        if applied == 0 {
            continue;
        }
        total += applied;
        fixed_files += 1;
        if args.diff || matches!(c.source, Source::Stdin) {
            if matches!(c.source, Source::Stdin) && !args.diff {
                print!("{new_text}");
                continue;
            }
            let diff = similar::TextDiff::from_lines(&c.report.text, &new_text);
            print!("{}", diff.unified_diff().context_radius(2).header(&c.report.path, &c.report.path));
            continue;
        }
        if let Source::File(path) = &c.source {
            if c.invalid_bytes.is_some() {
                // Writing the text back would turn the invalid bytes into U+FFFD for good.
                let message = "not written: the file is not valid UTF-8 (--lossy reads it for checking only)".to_string();
                errors.push(FileError { path: c.report.path.clone(), message });
                continue;
            }
            if let Err(e) = write_atomically(path, c.report.text.as_bytes(), new_text.as_bytes()) {
                errors.push(FileError { path: c.report.path.clone(), message: e });
            }
        }
    }
    for e in &errors {
        eprintln!("{}: error: {}", e.path, e.message);
    }
    let verb = if args.diff { "would apply" } else { "applied" };
    eprintln!("{verb} {total} fix{} in {fixed_files} file{}", if total == 1 { "" } else { "es" }, if fixed_files == 1 { "" } else { "s" });
    if errors.is_empty() { 0 } else { 2 }
}

/// The house styles of `--config` or of the nearest `sunting.toml` (the defaults without one);
/// a broken configuration is reported and gives exit status 2.
fn styles_here(config: Option<&Path>) -> Result<crate::style::Styles, i32> {
    let path = config.map(Path::to_path_buf).or_else(|| Config::discover(&std::env::current_dir().unwrap_or_default()));
    match path.map(|p| Config::load(&p)) {
        None => Ok(crate::style::Styles::default()),
        Some(Ok(c)) => Ok(c.styles),
        Some(Err(e)) => {
            eprintln!("sunting: {e}");
            Err(2)
        }
    }
}

/// Run the command line; returns the process exit status.
pub fn run(cli: Cli) -> i32 {
    match cli.command {
        Command::Check(args) => check_command(&args),
        Command::Fix(args) => fix_command(&args),
        Command::Rules { format, config } => {
            let styles = match styles_here(config.as_deref()) {
                Ok(s) => s,
                Err(code) => return code,
            };
            match format {
                RulesFormat::Human => print!("{}", report::rules_table(&styles)),
                RulesFormat::Json => println!("{}", serde_json::to_string_pretty(&report::rules_json(&styles)).unwrap_or_default()),
            }
            0
        }
        Command::Lsp(_) => crate::lsp::run(),
        Command::Explain { code, config } => match styles_here(config.as_deref()).map(|styles| report::explain(&code, &styles)) {
            Err(status) => status,
            Ok(None) => {
                eprintln!("sunting: unknown rule {code:?} (see `sunting rules`)");
                2
            }
            Ok(Some(text)) => {
                print!("{text}");
                0
            }
        },
    }
}
