//! The command line: a thin adapter that reads files, runs the core and prints a report.

use crate::config::Config;
use crate::config_error::ConfigError;
use crate::diagnostic::Severity;
use crate::document::LanguageChoice;
use crate::engine::{self, CheckOptions};
use crate::fix::{fix_until_stable, FixMode};
use crate::language::Language;
use crate::prose::DocFormat;
use crate::ordered;
use crate::report::{self, FileError, FileReport, Tally};
use crate::stream::{self, ReportWriter};
use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

mod write;

/// Files larger than this are refused rather than read whole.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// The most threads `-j` may ask for.
pub const MAX_JOBS: u16 = 256;

/// The size-limit message, with exact byte counts (64 MiB and one byte is not "64 MiB").
fn too_large(size: Option<u64>) -> String {
    match size {
        Some(size) => format!("{size} bytes is larger than the limit of {MAX_FILE_BYTES} bytes (64 MiB)"),
        None => format!("larger than the limit of {MAX_FILE_BYTES} bytes (64 MiB)"),
    }
}
const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

#[derive(Parser, Debug)]
#[command(name = "sunting", bin_name = "sunting", version, about = "Copyediting checks for news articles in Indonesian and English")]
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
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
        /// Use this configuration instead of the nearest sunting.toml.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Print a rule's documentation, or list a category's rules.
    Explain {
        /// A rule's code (`typography/doubled-word`) or a category (`figures`).
        #[arg(value_name = "CODE|CATEGORY")]
        code: String,
        /// Use this configuration instead of the nearest sunting.toml.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Run the language server over standard input and output.
    Lsp(LspArgs),
    /// Print a shell completion script (see the README for where to put it).
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff), generated from this command line's definition: sunting(1), or a
    /// command's own page, sunting-check(1) for `sunting man check`.
    #[command(alias = "manpage")]
    Man {
        /// The command whose page to print (check, fix, rules, explain, lsp, completions, man).
        command: Option<String>,
    },
    /// Write a commented sunting.toml, with every key at its default, into DIR (default: here).
    Init {
        /// The folder to write sunting.toml into.
        dir: Option<PathBuf>,
        /// Replace an existing sunting.toml.
        #[arg(long)]
        force: bool,
    },
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
    /// Compiler-style: each finding with an excerpt of its line, fixes and related places.
    Human,
    /// One line a finding: `path:line:column: severity code message`.
    Concise,
    /// One JSON document: files, their findings and a summary (a stable contract).
    Json,
    /// JSON Lines: one finding a line (with `--jsonl-input`: one article a line).
    Jsonl,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum RulesFormat {
    /// A table: code, severity, languages, summary and an example.
    Human,
    /// A JSON array of rules, for tools.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum FailOn {
    /// Any finding fails the run.
    Hint,
    /// Info, warnings and errors fail the run.
    Info,
    /// Warnings and errors fail the run.
    Warning,
    /// Only errors fail the run.
    Error,
    /// Findings never fail the run (exit 0 unless a file could not be checked).
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorMode {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files, folders (walked, honouring .gitignore) or `-` for standard input.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The article language (overrides front matter and configuration) [default: detected].
    #[arg(long, value_parser = LanguageParser)]
    pub language: Option<Language>,
    /// Use this configuration file instead of the nearest sunting.toml.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// The name to give standard input in reports (its extension picks Markdown or plain text)
    /// [default: <stdin>, read as Markdown].
    #[arg(long)]
    pub stdin_filename: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file.
    #[arg(long)]
    pub lossy: bool,
    /// Exit 0 even when no article was checked (every path excluded, skipped or empty).
    #[arg(long)]
    pub allow_empty: bool,
    /// Only these rules or categories (comma-separated codes such as `typography/doubled-word`,
    /// or categories such as `figures`); the others are off for this run.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,
    /// Leave out these rules or categories for this run (comma-separated), after `--select`.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,
    /// The original the article was translated from: the `translation` rules compare the two
    /// (one article only). Without it, an article's front matter `source: path` (relative to the
    /// article's folder) names its original.
    #[arg(long, value_name = "ORIGINAL")]
    pub source: Option<PathBuf>,
}

#[derive(clap::Args, Debug)]
#[command(override_usage = "sunting check [OPTIONS] <PATHS>...\n       sunting check [OPTIONS] --jsonl-input")]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Report format [default: human; jsonl with --jsonl-input].
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
    /// Exit with status 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    pub fail_on: FailOn,
    /// Colour the human format.
    #[arg(long, value_enum, default_value_t = ColorMode::Auto)]
    pub color: ColorMode,
    /// Read articles from standard input as JSON Lines, one `{"id": ..., "text": ..., "language":
    /// "id"|"en"}` object a line (`language` and `format`, "markdown" or "text", are optional),
    /// and write one line per article, in the same order: `{"id", "language", "diagnostics"}`.
    /// Takes no paths (`paths` are required otherwise: a required argument that conflicts with
    /// one given is not required).
    #[arg(long, conflicts_with = "paths")]
    pub jsonl_input: bool,
    /// Check with this many threads (default: one per core; at most 256).
    #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(0..=MAX_JOBS as i64))]
    pub jobs: Option<u16>,
}

#[derive(clap::Args, Debug)]
pub struct FixArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Also apply suggested fixes (the first suggestion of each finding).
    #[arg(long = "unsafe")]
    pub include_suggested: bool,
    /// Show the changes as a unified diff instead of writing them; exit 1 when there are any.
    #[arg(long)]
    pub diff: bool,
    /// Write nothing; list the files that have safe fixes to apply and exit 1 when there are any
    /// (a CI gate).
    #[arg(long, conflicts_with = "diff")]
    pub check: bool,
}

/// `--language`: `id` or `en` (and the other spellings [`Language::parse`] knows), with the two
/// listed as its possible values in `--help` and completions.
#[derive(Clone)]
struct LanguageParser;

impl clap::builder::TypedValueParser for LanguageParser {
    type Value = Language;

    fn parse_ref(&self, cmd: &clap::Command, arg: Option<&clap::Arg>, value: &std::ffi::OsStr) -> Result<Language, clap::Error> {
        let text = value.to_string_lossy();
        parse_language(&text).map_err(|e| {
            let name = arg.map_or_else(|| "--language".to_string(), |a| a.to_string());
            clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("invalid value '{text}' for '{name}': {e}\n")).with_cmd(cmd)
        })
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            [("id", "Indonesian"), ("en", "English")].into_iter().map(|(v, help)| clap::builder::PossibleValue::new(v).help(help)),
        ))
    }
}

fn parse_language(s: &str) -> Result<Language, String> {
    Language::parse(s).ok_or_else(|| format!("unknown language {s:?}: expected id or en"))
}

/// Where an article came from.
#[derive(Debug, Clone)]
enum Source {
    Stdin,
    /// Named on the command line: always checked.
    File(PathBuf),
    /// Found in a folder walk: subject to the configuration's `ignore` globs.
    Found(PathBuf),
}

impl Source {
    fn path(&self) -> Option<&Path> {
        match self {
            Source::Stdin => None,
            Source::File(p) | Source::Found(p) => Some(p),
        }
    }
}

/// How an article's bytes encode its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Encoding {
    Utf8,
    /// Invalid UTF-8 read with `--lossy`: never written back.
    LossyUtf8,
    /// UTF-16 with a byte-order mark (kept in the text as U+FEFF), little or big endian.
    Utf16 { big_endian: bool },
}

/// A file's text and the encoding facts `fix` must keep.
struct Loaded {
    text: String,
    encoding: Encoding,
    /// The bytes as read, kept only when they are not `text`'s (lossy UTF-8, UTF-16).
    raw: Option<Vec<u8>>,
}

enum LoadOutcome {
    Text(Loaded),
    Binary,
}

/// Whether NUL bytes in `head` fall as UTF-16 text without a byte-order mark puts them: on one
/// parity of positions only (the high bytes of Latin letters).
fn looks_like_bomless_utf16(head: &[u8]) -> bool {
    if head.len() < 4 {
        return false;
    }
    let pairs = head.len() / 2;
    let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let (most, least) = (even.max(odd), even.min(odd));
    most * 2 >= pairs && least * 20 <= pairs
}

fn decode_utf16(bytes: &[u8], big_endian: bool, lossy: bool) -> Result<String, String> {
    if !bytes.len().is_multiple_of(2) {
        return Err("UTF-16 text with an odd number of bytes".to_string());
    }
    let units = bytes.chunks_exact(2).map(|p| if big_endian { u16::from_be_bytes([p[0], p[1]]) } else { u16::from_le_bytes([p[0], p[1]]) });
    let mut text = String::with_capacity(bytes.len());
    for (i, c) in char::decode_utf16(units).enumerate() {
        match c {
            Ok(c) => text.push(c),
            Err(_) if lossy => text.push(char::REPLACEMENT_CHARACTER),
            Err(_) => return Err(format!("invalid UTF-16 (an unpaired surrogate) at byte {} (use --lossy to check it anyway)", i * 2)),
        }
    }
    Ok(text)
}

fn encode_utf16(text: &str, big_endian: bool) -> Vec<u8> {
    text.encode_utf16().flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() }).collect()
}

fn load_bytes(bytes: Vec<u8>, lossy: bool) -> Result<LoadOutcome, String> {
    // UTF-16 with a byte-order mark is decoded (its NUL bytes are not binary).
    if let Some(big_endian) = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(false),
        Some([0xFE, 0xFF]) => Some(true),
        _ => None,
    } {
        let text = decode_utf16(&bytes, big_endian, lossy)?;
        let encoding = if lossy && encode_utf16(&text, big_endian) != bytes { Encoding::LossyUtf8 } else { Encoding::Utf16 { big_endian } };
        return Ok(LoadOutcome::Text(Loaded { text, encoding, raw: Some(bytes) }));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        if looks_like_bomless_utf16(head) {
            return Err("looks like UTF-16 without a byte-order mark: save it as UTF-8 (or as UTF-16 with a byte-order mark)".to_string());
        }
        return Ok(LoadOutcome::Binary);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(LoadOutcome::Text(Loaded { text, encoding: Encoding::Utf8, raw: None })),
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            if lossy {
                let bytes = e.into_bytes();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                Ok(LoadOutcome::Text(Loaded { text, encoding: Encoding::LossyUtf8, raw: Some(bytes) }))
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
                return Err(too_large(None));
            }
            load_bytes(bytes, lossy)
        }
        Source::File(path) | Source::Found(path) => {
            let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
            if meta.len() > MAX_FILE_BYTES {
                return Err(too_large(Some(meta.len())));
            }
            // Pipes and devices (`<(...)`, /dev/zero) have no size to check: read no further
            // than the limit either way.
            // Sized by the file (plus the byte that tells the end), not grown by doubling.
            let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
            std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)).map_err(|e| e.to_string())?;
            if bytes.len() as u64 > MAX_FILE_BYTES {
                return Err(too_large(None));
            }
            load_bytes(bytes, lossy)
        }
    }
}

/// Configurations by folder, loaded once each.
struct Configs {
    explicit: Option<Arc<Config>>,
    /// A configuration that failed to load is kept as its error, so it is reported once.
    by_path: Mutex<HashMap<PathBuf, Result<Arc<Config>, ConfigError>>>,
    default: Arc<Config>,
    /// `--select` and `--ignore`, applied to every configuration loaded.
    select: Vec<String>,
    ignore: Vec<String>,
}

impl Configs {
    fn new(input: &InputArgs) -> Result<Configs, ConfigError> {
        let (select, ignore) = (input.select.clone(), input.ignore.clone());
        let chosen = |c: Config| c.with_selection(&select, &ignore);
        let explicit = input.config.as_deref().map(Config::load).transpose()?.map(chosen).transpose()?.map(Arc::new);
        let default = Arc::new(chosen(Config::default())?);
        Ok(Configs { explicit, by_path: Mutex::new(HashMap::new()), default, select, ignore })
    }

    /// The configuration for articles in `dir`. A broken one is `Err(Some(error))` the first
    /// time and `Err(None)` after: the error is reported once, not once per article.
    fn for_dir(&self, dir: &Path) -> Result<Arc<Config>, Option<ConfigError>> {
        if let Some(c) = &self.explicit {
            return Ok(c.clone());
        }
        // A sunting.toml, or else a project word list on its own (the editor's "Add to
        // dictionary" creates one without any configuration).
        let found = Config::discover(dir).or_else(|| Config::discover_project_words(dir));
        let Some(path) = found else { return Ok(self.default.clone()) };
        let mut cache = self.by_path.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(c) = cache.get(&path) {
            return c.clone().map_err(|_| None);
        }
        let loaded = if path.ends_with(crate::config::PROJECT_WORDS) { Config::with_project_words(&path) } else { Config::load(&path) };
        let config = loaded.and_then(|c| c.with_selection(&self.select, &self.ignore)).map(Arc::new);
        cache.insert(path, config.clone());
        config.map_err(Some)
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// A folder walk: article extensions only; hidden files and folders skipped; `.gitignore` files
/// (and `.git/info/exclude`) from the repository root down to the walked folder and inside it.
/// Nothing outside the project excludes a file: not `.gitignore` files above the repository
/// root, not the user's global Git excludes, not `.ignore` files (a ripgrep convention nobody
/// here writes on purpose).
fn walker(path: &Path) -> ignore::WalkParallel {
    let mut builder = ignore::WalkBuilder::new(path);
    builder.require_git(false).ignore(false).git_global(false).parents(false);
    // `.gitignore` files of the folders above the walked one, within the project.
    let abs = absolute(path);
    let above: Vec<&Path> = crate::config::project_ancestors(&abs).skip(1).collect();
    if above.last().is_some_and(|top| crate::config::is_repository_root(top)) {
        for dir in above.iter().rev() {
            let gitignore = dir.join(".gitignore");
            if gitignore.is_file() {
                let _ = builder.add_ignore(gitignore);
            }
        }
    }
    builder.build_parallel()
}

/// Expand the command line's paths into sources; folders are walked in parallel. A path named
/// twice (or through a link) is kept once.
fn collect_sources(paths: &[PathBuf], errors: &mut Vec<FileError>) -> Vec<Source> {
    let mut sources = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
        } else if path.is_dir() {
            let found = Mutex::new(Vec::new());
            let walk_errors = Mutex::new(Vec::new());
            walker(path).run(|| {
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
            sources.extend(found.into_iter().map(Source::Found));
            errors.extend(walk_errors.into_inner().unwrap_or_default());
        } else if path.exists() {
            sources.push(Source::File(path.clone()));
        } else {
            let message = if path.symlink_metadata().is_ok() { "broken symbolic link" } else { "no such file or folder" };
            errors.push(FileError { path: path.display().to_string(), message: message.to_string() });
        }
    }
    // The same file named twice (or through a link) is checked once. One path cannot name a
    // file twice (a folder walk follows no link), so only several pay a realpath per file.
    if paths.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        sources.retain(|s| s.path().and_then(|p| std::fs::canonicalize(p).ok()).is_none_or(|c| seen.insert(c)));
    }
    sources
}

struct Checked {
    /// The file's report, with its text.
    report: FileReport,
    /// Warnings about the file itself (a malformed suppression comment), for standard error.
    notes: Vec<String>,
    /// How the file's bytes encode its text, and the bytes when they are not the text's.
    encoding: Encoding,
    raw: Option<Vec<u8>>,
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
        Source::File(p) | Source::Found(p) => (p.display().to_string(), absolute(p).parent().map(Path::to_path_buf).unwrap_or_default()),
    };
    let config = match configs.for_dir(&dir) {
        Ok(c) => c,
        // Reported once, as an error about the configuration file; the articles under it are
        // not checked, and the exit status is 2.
        Err(Some(e)) => return Outcome::Failed(FileError { path: e.path.display().to_string(), message: format!("configuration error: {e} (no article under it is checked)") }),
        Err(None) => return Outcome::Ignored,
    };
    if let Source::Found(p) = &source
        && config.ignores(p) {
            return Outcome::Ignored;
        }
    let loaded = match read_source(&source, input.lossy) {
        Ok(LoadOutcome::Text(l)) => l,
        Ok(LoadOutcome::Binary) => return Outcome::Skipped { path: name, why: "binary file".to_string() },
        Err(message) => return Outcome::Failed(FileError { path: name, message }),
    };
    let format = DocFormat::from_path(&name);
    let options = CheckOptions { format, language: LanguageChoice { forced: input.language, configured: config.language }, config: &config };
    let Loaded { text, encoding, raw } = loaded;
    let mut notes: Vec<String> = Vec::new();
    let original = match translation_source(input, &text, &dir, source.path()) {
        Ok(original) => original,
        Err(message) if input.source.is_some() => return Outcome::Failed(FileError { path: name, message }),
        Err(message) => {
            notes.push(format!("{name}: warning: {message}; checked without its source"));
            None
        }
    };
    let result = engine::check_with_source(&text, &options, original.as_ref());
    notes.extend(result.notes.iter().map(|note| format!("{name}: warning: {} (byte {})", note.message, note.span.start)));
    let report = FileReport { path: name, text, language: result.language, diagnostics: result.diagnostics };
    Outcome::Checked(Box::new(Checked { report, notes, encoding, raw, source, config, format }))
}

/// The original a translation is checked against: `--source`, else the article's front matter
/// `source:` resolved against the article's folder `dir`; `Err` says why it cannot be read.
fn translation_source(input: &InputArgs, text: &str, dir: &Path, article: Option<&Path>) -> Result<Option<crate::align::SourceText>, String> {
    let (path, display) = match (&input.source, crate::align::front_matter_source(text)) {
        (Some(p), _) => (p.clone(), p.display().to_string()),
        (None, Some(named)) => {
            // Shown relative to the article as it was named (`articles/../en/story.md`).
            let shown = article.and_then(Path::parent).map_or_else(|| PathBuf::from(&named), |p| p.join(&named));
            (dir.join(&named), shown.display().to_string())
        }
        (None, None) => return Ok(None),
    };
    match read_source(&Source::File(path), input.lossy) {
        Ok(LoadOutcome::Text(Loaded { text, .. })) => Ok(Some(crate::align::SourceText { path: display, text })),
        Ok(LoadOutcome::Binary) => Err(format!("the source {display} is a binary file")),
        Err(e) => Err(format!("cannot read the source {display}: {e}")),
    }
}

/// What `fix` read: the checked files, the failures, and how many files were skipped (binary)
/// or excluded (ignore globs).
struct Inputs {
    checked: Vec<Checked>,
    errors: Vec<FileError>,
    skipped: usize,
    ignored: usize,
}

fn run_inputs(input: &InputArgs) -> Result<Inputs, String> {
    let configs = Configs::new(input).map_err(|e| e.to_string())?;
    let mut errors = Vec::new();
    let sources = collect_sources(&input.paths, &mut errors);
    let outcomes: Vec<Outcome> = sources.into_par_iter().map(|s| check_source(s, input, &configs)).collect();
    let mut checked = Vec::new();
    let (mut skipped, mut ignored) = (0, 0);
    for outcome in outcomes {
        match outcome {
            Outcome::Checked(c) => {
                for note in &c.notes {
                    eprintln!("{note}");
                }
                checked.push(*c);
            }
            Outcome::Skipped { path, why } => {
                eprintln!("{path}: skipped: {why}");
                skipped += 1;
            }
            Outcome::Failed(e) => errors.push(e),
            Outcome::Ignored => ignored += 1,
        }
    }
    Ok(Inputs { checked, errors, skipped, ignored })
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

fn output_format(args: &CheckArgs) -> stream::Format {
    match args.format.unwrap_or(if args.jsonl_input { OutputFormat::Jsonl } else { OutputFormat::Human }) {
        OutputFormat::Json => stream::Format::Json,
        OutputFormat::Jsonl => stream::Format::Jsonl,
        OutputFormat::Sarif => stream::Format::Sarif,
        OutputFormat::Github => stream::Format::Github,
        OutputFormat::Concise => stream::Format::Concise,
        OutputFormat::Human => stream::Format::Human {
            color: match args.color {
                ColorMode::Always => true,
                ColorMode::Never => false,
                ColorMode::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            },
        },
    }
}

/// A file's part of the report: rendered by the worker that checked it when it is small, else
/// the findings themselves, rendered straight into the output (a noisy file's report is many
/// times its size, and is never held whole).
enum Part {
    Rendered(Vec<u8>),
    Streamed(Box<FileReport>),
}

/// Files up to this size have their report rendered in parallel, by the worker that checked them.
const RENDER_IN_WORKER_BYTES: usize = 64 * 1024;

/// A file's outcome as the report needs it: its part, its counts, its messages.
enum Reported {
    File { part: Part, tally: Tally, notes: Vec<String> },
    Skipped(String),
    Failed(FileError),
    Ignored,
}

/// A run that checked no article is an error (a CI gate that checks nothing passes everything),
/// unless `--allow-empty` says it is expected.
fn nothing_checked(skipped: usize, ignored: usize) {
    let mut why = Vec::new();
    if ignored > 0 {
        why.push(format!("{ignored} excluded by the configuration's ignore globs"));
    }
    if skipped > 0 {
        why.push(format!("{skipped} skipped (binary)"));
    }
    let why = if why.is_empty() { String::new() } else { format!(" ({})", why.join(", ")) };
    eprintln!(
        "sunting: no article was checked{why}: folders are walked for .md, .markdown and .txt files, skipping hidden ones, .gitignore'd ones and the configuration's ignore globs (see the README's \"What gets checked\"); pass --allow-empty if that is expected"
    );
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
/// `--source` names the original of one article.
fn one_article_with_source(input: &InputArgs) -> bool {
    if input.source.is_some() && input.paths.len() != 1 {
        eprintln!("sunting: --source names the original of one article; give one article (or use front matter `source:` in each)");
        return false;
    }
    true
}

fn check_command(args: &CheckArgs) -> i32 {
    if args.jsonl_input {
        return check_jsonl_input(args);
    }
    if !one_article_with_source(&args.input) {
        return 2;
    }
    let configs = match Configs::new(&args.input) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("sunting: {e}");
            return 2;
        }
    };
    let mut errors = Vec::new();
    let sources = collect_sources(&args.input.paths, &mut errors);
    let format = output_format(args);
    let threads = ordered::threads(args.jobs.map(usize::from));
    // `-j N` holds for a long article's sections too.
    crate::engine::set_section_threads(args.jobs.map_or(0, usize::from));
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut writer = match ReportWriter::start(out, format) {
        Ok(w) => w,
        Err(e) => return if write_failed(&e) && e.kind() == std::io::ErrorKind::BrokenPipe { 0 } else { 2 },
    };
    for e in &errors {
        let _ = writer.error(e);
    }
    let mut tally = Tally::default();
    let (mut skipped, mut ignored) = (0usize, 0usize);
    let mut broken: Option<std::io::Error> = None;
    ordered::map_in_order(
        sources.into_iter(),
        threads,
        threads * 8,
        |source| match check_source(source, &args.input, &configs) {
            Outcome::Checked(c) => {
                let tally = Tally::of(&c.report);
                let Checked { report, notes, .. } = *c;
                let part = if report.text.len() <= RENDER_IN_WORKER_BYTES { Part::Rendered(stream::render_file(format, &report)) } else { Part::Streamed(Box::new(report)) };
                Reported::File { part, tally, notes }
            }
            Outcome::Skipped { path, why } => Reported::Skipped(format!("{path}: skipped: {why}")),
            Outcome::Failed(e) => Reported::Failed(e),
            Outcome::Ignored => Reported::Ignored,
        },
        |reported| {
            let written = match reported {
                Reported::File { part, tally: file_tally, notes } => {
                    for note in notes {
                        eprintln!("{note}");
                    }
                    tally.add(&file_tally);
                    match part {
                        Part::Rendered(rendered) => writer.file(&rendered),
                        Part::Streamed(report) => writer.report(&report),
                    }
                }
                Reported::Skipped(message) => {
                    eprintln!("{message}");
                    skipped += 1;
                    Ok(())
                }
                Reported::Failed(e) => {
                    let written = writer.error(&e);
                    errors.push(e);
                    written
                }
                Reported::Ignored => {
                    ignored += 1;
                    Ok(())
                }
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
            let _ = emit(report::github_error_line(e).as_bytes());
        }
    }
    if !errors.is_empty() {
        return 2;
    }
    if tally.files == 0 && !args.input.allow_empty {
        nothing_checked(skipped, ignored);
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

/// The lines of `--jsonl-input`, each held no further than the size limit: a longer line is
/// read to its end without being kept, and reported. (`BufRead::lines` held a whole line, however
/// long, before its size could be checked: `< /dev/zero` grew until the process aborted.)
struct BoundedLines<R> {
    reader: R,
    limit: usize,
    done: bool,
}

impl<R: std::io::BufRead> BoundedLines<R> {
    fn new(reader: R) -> Self {
        BoundedLines { reader, limit: MAX_FILE_BYTES as usize, done: false }
    }
}

impl<R: std::io::BufRead> Iterator for BoundedLines<R> {
    type Item = Result<String, String>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut line = Vec::new();
        let mut too_long = false;
        let mut any = false;
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e.to_string()));
                }
            };
            if buf.is_empty() {
                self.done = true;
                if !any {
                    return None;
                }
                break;
            }
            any = true;
            let newline = buf.iter().position(|&b| b == b'\n');
            let chunk = &buf[..newline.unwrap_or(buf.len())];
            if !too_long {
                if line.len() + chunk.len() > self.limit {
                    too_long = true;
                    line = Vec::new();
                } else {
                    line.extend_from_slice(chunk);
                }
            }
            let used = newline.map_or(buf.len(), |i| i + 1);
            self.reader.consume(used);
            if newline.is_some() {
                break;
            }
        }
        if too_long {
            return Some(Err(too_large(None)));
        }
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        Some(String::from_utf8(line).map_err(|_| "stream did not contain valid UTF-8".to_string()))
    }
}

/// `check --jsonl-input`: a stream of articles in, a stream of results out, one line each and
/// in the same order, so that a batch engine can run sunting as a map step over an archive.
fn check_jsonl_input(args: &CheckArgs) -> i32 {
    if !matches!(args.format, None | Some(OutputFormat::Jsonl)) {
        eprintln!("sunting: --jsonl-input writes JSON Lines: use --format jsonl or leave --format out");
        return 2;
    }
    let configs = match Configs::new(&args.input) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("sunting: {e}");
            return 2;
        }
    };
    let config = match configs.for_dir(&std::env::current_dir().unwrap_or_default()) {
        Ok(c) => c,
        Err(e) => {
            // The first load of this cache: the error is always there.
            eprintln!("sunting: configuration error: {}", e.map(|e| e.to_string()).unwrap_or_default());
            return 2;
        }
    };
    let lines = BoundedLines::new(std::io::BufReader::with_capacity(1 << 16, std::io::stdin())).enumerate().filter(|(_, l)| !l.as_ref().is_ok_and(|l| l.trim().is_empty()));
    let threads = ordered::threads(args.jobs.map(usize::from));
    // `-j N` holds for a long article's sections too.
    crate::engine::set_section_threads(args.jobs.map_or(0, usize::from));
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut tally = Tally::default();
    let mut failed = 0usize;
    let mut broken: Option<std::io::Error> = None;
    ordered::map_in_order(
        lines,
        threads,
        threads * 8,
        |(i, line)| match line {
            Ok(line) => check_article(i + 1, &line, args, &config),
            Err(e) => ArticleResult { line: serde_json::json!({"id": null, "line": i + 1, "error": e}).to_string(), tally: Tally::default(), failed: true },
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
/// The check's findings are handed over (taken from the report), not copied. Each pass settles
/// the language as the check did (`--language`, front matter, configuration, detection), never
/// pinned to the language the first check found: a fix can change what detection finds
/// (`4,5 by by` loses an English marker word), and the next run of `fix` detects afresh, so
/// only a text that is stable under its own detected language is stable across runs.
fn fix_text(text: &str, checked: &mut Checked, language: Option<Language>, mode: FixMode) -> (String, usize) {
    let options = CheckOptions {
        format: checked.format,
        language: LanguageChoice { forced: language, configured: checked.config.language },
        config: &checked.config,
    };
    let diagnostics = std::mem::take(&mut checked.report.diagnostics);
    fix_until_stable(text, &options, Some(diagnostics), mode)
}

/// Replace `path` (read as `original`) with `contents`, keeping its metadata, refusing files it
/// must not replace, and never losing a concurrent save: see [`write`]'s guarantee.
pub fn write_atomically(path: &Path, original: &[u8], contents: &[u8]) -> Result<(), String> {
    write::replace_file(path, original, contents)
}

/// Standard output could not take more.
enum Stopped {
    /// The reader went away (`| head`): stop quietly.
    ReaderGone,
    /// Any other failure (a full disk): reported; exit status 2.
    Failed,
}

/// Write to standard output without panicking on a closed pipe or a full disk.
fn emit(bytes: &[u8]) -> Result<(), Stopped> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Stopped::ReaderGone),
        Err(e) => {
            eprintln!("sunting: cannot write the output: {e}");
            Err(Stopped::Failed)
        }
    }
}

fn fix_command(args: &FixArgs) -> i32 {
    if !one_article_with_source(&args.input) {
        return 2;
    }
    let Inputs { checked, mut errors, skipped, ignored } = match run_inputs(&args.input) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("sunting: {e}");
            return 2;
        }
    };
    if checked.is_empty() && errors.is_empty() && !args.input.allow_empty {
        nothing_checked(skipped, ignored);
        return 2;
    }
    let mode = if args.include_suggested { FixMode::IncludeSuggested } else { FixMode::SafeOnly };
    let mut fixed_files = 0;
    let mut total = 0;
    let mut not_written = 0;
    let mut output_failed = false;
    let mut leftovers = write::Leftovers::default();
    for mut c in checked {
        let text = std::mem::take(&mut c.report.text);
        let (new_text, applied) = fix_text(&text, &mut c, args.input.language, mode);
        c.report.text = text;
        let c = &c;
        let original: &[u8] = c.raw.as_deref().unwrap_or(c.report.text.as_bytes());
        let lossy = c.encoding == Encoding::LossyUtf8;
        let contents: std::borrow::Cow<[u8]> = match c.encoding {
            Encoding::Utf16 { big_endian } if applied > 0 => encode_utf16(&new_text, big_endian).into(),
            _ if applied == 0 || lossy => original.into(),
            _ => new_text.as_bytes().into(),
        };
        if args.check {
            // A gate: name what would change, write nothing.
            if applied > 0 {
                total += applied;
                fixed_files += 1;
                let line = format!("would fix {}: {applied} fix{}\n", c.report.path, if applied == 1 { "" } else { "es" });
                match emit(line.as_bytes()) {
                    Ok(()) => {}
                    Err(Stopped::ReaderGone) => break,
                    Err(Stopped::Failed) => {
                        output_failed = true;
                        break;
                    }
                }
            }
            continue;
        }
        let shown = if args.diff {
            if applied == 0 {
                continue;
            }
            let diff = similar::TextDiff::from_lines(&c.report.text, &new_text);
            Some(diff.unified_diff().context_radius(2).header(&c.report.path, &c.report.path).to_string().into_bytes())
        } else if matches!(c.source, Source::Stdin) {
            // A filter (`sunting fix - < in > out`, an editor's `:%!sunting fix -`): the text goes
            // out whether or not anything changed, in the encoding it came in.
            Some(contents.to_vec())
        } else {
            None
        };
        if let Some(bytes) = shown {
            match emit(&bytes) {
                Ok(()) => {}
                Err(Stopped::ReaderGone) => break,
                Err(Stopped::Failed) => {
                    output_failed = true;
                    break;
                }
            }
            if lossy && applied > 0 && !args.diff {
                errors.push(FileError { path: c.report.path.clone(), message: "not fixed: the text is not valid UTF-8 (--lossy reads it for checking only); it was passed through unchanged".to_string() });
            } else if applied > 0 {
                total += applied;
                fixed_files += 1;
            }
            continue;
        }
        let Some(path) = c.source.path() else { continue };
        for note in write::tidy(path, original, &contents, &mut leftovers) {
            eprintln!("{note}");
        }
        if applied == 0 {
            continue;
        }
        if lossy {
            // Writing the text back would turn the invalid bytes into U+FFFD for good.
            let message = "not written: the file is not valid UTF-8 (--lossy reads it for checking only)".to_string();
            errors.push(FileError { path: c.report.path.clone(), message });
            not_written += 1;
            continue;
        }
        match write::replace_file(path, original, &contents) {
            Ok(()) => {
                total += applied;
                fixed_files += 1;
            }
            Err(e) => {
                errors.push(FileError { path: c.report.path.clone(), message: e });
                not_written += 1;
            }
        }
    }
    for e in &errors {
        eprintln!("{}: error: {}", e.path, e.message);
    }
    let verb = if args.diff || args.check { "would apply" } else { "applied" };
    let mut summary = format!("{verb} {total} fix{} in {fixed_files} file{}", if total == 1 { "" } else { "es" }, if fixed_files == 1 { "" } else { "s" });
    if not_written > 0 {
        summary.push_str(&format!("; {not_written} file{} not written", if not_written == 1 { "" } else { "s" }));
    }
    eprintln!("{summary}");
    if !errors.is_empty() || output_failed {
        2
    } else if (args.diff || args.check) && total > 0 {
        // Like `ruff format --check` and `cargo fmt --check`: fixes pending fail the gate.
        1
    } else {
        0
    }
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
            let text = match format {
                RulesFormat::Human => report::rules_table(&styles),
                RulesFormat::Json => serde_json::to_string_pretty(&report::rules_json(&styles)).unwrap_or_default() + "\n",
            };
            emit_status(text.as_bytes())
        }
        Command::Lsp(_) => crate::lsp::run(),
        Command::Init { dir, force } => init_command(dir.as_deref().unwrap_or(Path::new(".")), force),
        Command::Explain { code, config } => explain_command(&code, config.as_deref()),
        Command::Completions { shell } => completions_command(shell),
        Command::Man { command } => man_command(command.as_deref()),
    }
}

/// Standard output's status after writing `bytes`.
fn emit_status(bytes: &[u8]) -> i32 {
    match emit(bytes) {
        Ok(()) | Err(Stopped::ReaderGone) => 0,
        Err(Stopped::Failed) => 2,
    }
}

/// `sunting explain CODE|CATEGORY`: an unknown one exits 2 and names the closest codes.
fn explain_command(code: &str, config: Option<&Path>) -> i32 {
    let styles = match styles_here(config) {
        Ok(s) => s,
        Err(status) => return status,
    };
    match report::explain(code, &styles) {
        Some(text) => emit_status(text.as_bytes()),
        None => {
            let near = report::closest_codes(code, &styles);
            let hint = if near.is_empty() { String::new() } else { format!("; did you mean {}?", near.join(" or ")) };
            eprintln!("sunting: unknown rule or category {code:?}{hint} (see `sunting rules`)");
            2
        }
    }
}

/// `sunting completions SHELL`: the shell's completion script, generated from the definition.
fn completions_command(shell: clap_complete::Shell) -> i32 {
    use clap::CommandFactory;
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "sunting", &mut script);
    emit_status(&script)
}

/// `sunting man [COMMAND]`: sunting(1) or a command's page, in roff, generated from the definition
/// (the pages name each other as `clap_mangen::generate_to` names its files: sunting-check(1)).
fn man_command(command: Option<&str>) -> i32 {
    use clap::CommandFactory;
    let mut cli = Cli::command().disable_help_subcommand(true);
    cli.build();
    let cmd = match command {
        None => cli,
        Some(name) => match cli.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cli.get_subcommands().map(|s| s.get_name()).collect();
                eprintln!("sunting: no command {name:?} (the commands: {})", names.join(", "));
                return 2;
            }
        },
    };
    let mut page = Vec::new();
    if let Err(e) = clap_mangen::Man::new(cmd).source(format!("sunting {}", env!("CARGO_PKG_VERSION"))).render(&mut page) {
        eprintln!("sunting: cannot render the man page: {e}");
        return 2;
    }
    emit_status(&page)
}

/// `sunting init`: write [`crate::config::TEMPLATE`] as `dir/sunting.toml`, and nothing else. An
/// existing file is replaced only with `--force` (and only a regular file, in place); a symbolic
/// link is never written through.
fn init_command(dir: &Path, force: bool) -> i32 {
    let path = dir.join(crate::config::FILE_NAME);
    let fail = |message: String| {
        eprintln!("sunting: {message}");
        2
    };
    if !dir.is_dir() {
        return fail(format!("{}: no such folder", dir.display()));
    }
    let written = match path.symlink_metadata() {
        Ok(meta) if meta.file_type().is_symlink() => return fail(format!("{}: is a symbolic link; not writing through it", path.display())),
        Ok(_) if !force => return fail(format!("{}: already exists; `sunting init --force` replaces it", path.display())),
        Ok(meta) if !meta.is_file() => return fail(format!("{}: is not a regular file; not replacing it", path.display())),
        Ok(_) => match std::fs::read(&path) {
            Ok(old) => write_atomically(&path, &old, crate::config::TEMPLATE.as_bytes()),
            Err(e) => Err(format!("cannot replace it: {e}")),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            use std::io::Write;
            // `create_new` fails rather than follow a link or replace a file made meanwhile.
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)
                .and_then(|mut f| f.write_all(crate::config::TEMPLATE.as_bytes()).and_then(|()| f.sync_all()))
                .map_err(|e| e.to_string())
        }
        Err(e) => Err(e.to_string()),
    };
    match written {
        Ok(()) => {
            eprintln!("sunting: wrote {}", path.display());
            0
        }
        Err(e) => fail(format!("{}: {e}", path.display())),
    }
}
