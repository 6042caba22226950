//! The server's state and scheduling: the open documents, the client's capabilities, the
//! settings and configurations, and one check worker per document.
//!
//! Text synchronisation is applied synchronously, in the order the client sent it, by the
//! gate in front of the server (`lsp::gate` calls `did_open`, `did_change` and `did_close`
//! here). Checks run on the blocking pool, one at a time per document, after a debounce; a
//! result is stored and published only if the document has not changed since (its generation
//! still matches), so the client never sees diagnostics for a stale text.

use tower_lsp_server::ls_types;
use super::convert;
use super::document::{Checked, Document, Trigger};
use super::pool::Pool;
use super::settings::{self, DiagnosticMode, Kind, Settings};
use crate::config::{Config, FILE_NAME};
use crate::document::LanguageChoice;
use crate::engine::{self, CheckOptions};
use crate::incremental::{self, ChangeLog};
use crate::position::PositionEncoding;
use crate::prose::DocFormat;
use tower_lsp_server::ls_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams, MessageType, Uri,
};
use ropey::Rope;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use tokio::sync::watch;
use tower_lsp_server::Client;
use tracing::{debug, warn};

/// What the client said it can do, read leniently from the raw `initialize` parameters.
#[derive(Debug, Clone, Default)]
pub struct ClientFlags {
    pub utf8: bool,
    pub pull_diagnostics: bool,
    pub diagnostic_refresh: bool,
    pub document_changes: bool,
    pub markdown_hover: bool,
    pub watch_files_dynamic: bool,
    pub configuration: bool,
    pub apply_edit: bool,
}

impl ClientFlags {
    pub fn from_initialize(params: &Value) -> ClientFlags {
        let caps = params.pointer("/capabilities").unwrap_or(&Value::Null);
        let flag = |p: &str| caps.pointer(p).and_then(Value::as_bool).unwrap_or(false);
        let has_str = |p: &str, s: &str| caps.pointer(p).and_then(Value::as_array).is_some_and(|a| a.iter().any(|v| v.as_str() == Some(s)));
        ClientFlags {
            utf8: has_str("/general/positionEncodings", "utf-8"),
            pull_diagnostics: caps.pointer("/textDocument/diagnostic").is_some_and(Value::is_object),
            diagnostic_refresh: flag("/workspace/diagnostics/refreshSupport"),
            document_changes: flag("/workspace/workspaceEdit/documentChanges"),
            markdown_hover: has_str("/textDocument/hover/contentFormat", "markdown"),
            watch_files_dynamic: flag("/workspace/didChangeWatchedFiles/dynamicRegistration"),
            configuration: flag("/workspace/configuration"),
            apply_edit: flag("/workspace/applyEdit"),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Session {
    pub flags: ClientFlags,
    pub encoding: PositionEncoding,
    pub roots: Vec<PathBuf>,
    /// Decided once, at `initialize`.
    pub push: bool,
    pub settings: Arc<Settings>,
}

/// A configuration resolved for one folder.
#[derive(Debug)]
pub struct Resolved {
    pub config: Config,
    /// The project's folder: the one holding `sunting.toml`, else the workspace folder, else
    /// the document's own folder.
    pub root: Option<PathBuf>,
    pub problems: Vec<String>,
}

/// Everything a check needs, taken from the document in one go.
pub struct Job {
    pub uri: Uri,
    pub generation: u64,
    pub version: i32,
    pub rope: Rope,
    pub format: Option<DocFormat>,
    pub resolved: Arc<Resolved>,
    pub encoding: PositionEncoding,
    /// To show the user (once each): configuration errors, a document too large to check.
    pub problems: Vec<String>,
    /// The newest full check of an earlier text and the changes since, if there is one.
    pub carried: Option<(Arc<Checked>, ChangeLog)>,
    /// At most this many findings are published (`maxDiagnostics`), the ones nearest `near`
    /// (where the last edit was) first.
    pub max_diagnostics: usize,
    pub near: Option<usize>,
}

/// Articles at least this long (about 5,000 words) get a provisional re-diagnosis
/// ([`crate::incremental`]) published before the full check: past it, the full check and its
/// publication (fixes and all) take longer than typing tolerates.
const QUICK_MIN_BYTES: usize = 32 * 1024;

impl Job {
    fn options(&self, format: DocFormat) -> CheckOptions<'_> {
        let config = &self.resolved.config;
        CheckOptions { format, language: LanguageChoice { forced: None, configured: config.language }, config }
    }

    pub fn check(&self) -> Checked {
        // Never cancelled, so never `None`; an empty check is the harmless answer if it were.
        self.check_unless(&|| false).unwrap_or_else(|| Checked { generation: self.generation, version: self.version, rope: self.rope.clone(), format: self.format, language: None, diagnostics: Vec::new() })
    }

    /// [`Self::check`], given up when `cancelled` says so (the document changed meanwhile).
    pub fn check_unless(&self, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<Checked> {
        let (language, diagnostics) = match self.format {
            Some(format) => {
                let text = self.rope.to_string();
                let source = translation_source(&self.uri, &text);
                let result = engine::check_with_source_unless(&text, &self.options(format), source.as_ref(), cancelled)?;
                (Some(result.language), result.diagnostics)
            }
            None => (None, Vec::new()),
        };
        Some(Checked { generation: self.generation, version: self.version, rope: self.rope.clone(), format: self.format, language, diagnostics })
    }

    /// A quick re-diagnosis of a long article after small edits: its last full check carried
    /// over the changes, the touched paragraphs checked again. `None` when a full check is
    /// about as quick, or nothing can be carried over.
    pub fn provisional(&self) -> Option<Vec<ls_types::Diagnostic>> {
        let format = self.format?;
        let (base, changes) = self.carried.as_ref()?;
        let text_len = self.rope.len_bytes();
        if changes.is_empty() || base.format != Some(format) || text_len < QUICK_MIN_BYTES || changes.touched_len() > text_len / 4 {
            return None;
        }
        let text = self.rope.to_string();
        let diagnostics = incremental::provisional(&base.diagnostics, base.language?, changes, &text, &self.options(format))?;
        let mut converter = convert::Converter::new(&self.rope, self.encoding, &self.uri, self.version).without_fixes();
        Some(capped(&diagnostics, self.max_diagnostics, self.near).into_iter().map(|d| converter.diagnostic(d)).collect())
    }

    /// The article's language as a check settles it (front matter, configuration, detection);
    /// `None` for a document that is not checked.
    pub fn language(&self) -> Option<crate::language::Language> {
        let format = self.format?;
        let text = self.rope.to_string();
        let choice = LanguageChoice { forced: None, configured: self.resolved.config.language };
        Some(crate::document::Document::new(&text, format, choice).language)
    }

    /// Check and convert for publishing (both off the protocol task).
    pub fn run(self, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<(Arc<Checked>, Vec<ls_types::Diagnostic>)> {
        let started = std::time::Instant::now();
        let Some(checked) = self.check_unless(cancelled) else {
            debug!(uri = self.uri.as_str(), version = self.version, took_us = started.elapsed().as_micros() as u64, "check given up: the document changed");
            return None;
        };
        let checked_at = started.elapsed();
        let lsp = lsp_diagnostics(&checked, &self.uri, self.encoding, self.max_diagnostics, self.near);
        debug!(
            uri = self.uri.as_str(),
            version = self.version,
            bytes = self.rope.len_bytes(),
            diagnostics = lsp.len(),
            check_us = checked_at.as_micros() as u64,
            convert_us = (started.elapsed() - checked_at).as_micros() as u64,
            "checked"
        );
        Some((Arc::new(checked), lsp))
    }
}

/// Past this many findings, a publication carries no fixes in `data`: they are half of what a
/// publication holds while tower-lsp turns it into JSON, and a code action finds them in the
/// stored check instead.
pub const MAX_FINDINGS_WITH_FIXES: usize = 2_000;

pub fn lsp_diagnostics(checked: &Checked, uri: &Uri, encoding: PositionEncoding, max: usize, near: Option<usize>) -> Vec<ls_types::Diagnostic> {
    let mut converter = convert::Converter::new(&checked.rope, encoding, uri, checked.version);
    let shown = capped(&checked.diagnostics, max, near);
    if shown.len() > MAX_FINDINGS_WITH_FIXES {
        converter = converter.without_fixes();
    }
    shown.into_iter().map(|d| converter.diagnostic(d)).collect()
}

/// At most `max` findings, in the order given (`maxDiagnostics`; an editor spends time on each
/// one it is sent): the most severe first, then those nearest `near` (where the writer is
/// working), else the earliest.
pub fn capped(diagnostics: &[crate::Diagnostic], max: usize, near: Option<usize>) -> Vec<&crate::Diagnostic> {
    if diagnostics.len() <= max {
        return diagnostics.iter().collect();
    }
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    let distance = |i: usize| near.map_or(i, |at| diagnostics[i].span.start.abs_diff(at));
    order.sort_by_key(|&i| (std::cmp::Reverse(diagnostics[i].severity), distance(i), i));
    order.truncate(max);
    order.sort_unstable();
    order.into_iter().map(|i| &diagnostics[i]).collect()
}

/// What a published list means to the user: ranges, severities, codes, messages and related
/// locations, not the fixes carried in `data` (a provisional list leaves them out). Two lists
/// with the same fingerprint look the same in the editor.
pub fn fingerprint(diagnostics: &[ls_types::Diagnostic]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    diagnostics.len().hash(&mut h);
    for d in diagnostics {
        for p in [d.range.start, d.range.end] {
            (p.line, p.character).hash(&mut h);
        }
        d.severity.map(|s| format!("{s:?}")).hash(&mut h);
        convert::code_of(d).hash(&mut h);
        d.message.hash(&mut h);
        for r in d.related_information.iter().flatten() {
            (r.location.range.start.line, r.location.range.start.character, r.location.range.end.line, r.location.range.end.character).hash(&mut h);
            r.message.hash(&mut h);
        }
    }
    h.finish()
}

/// The original named by the article's front matter `source:` (relative to the article's
/// folder), read from disk; `None` when there is none or it cannot be read (larger than 8 MiB,
/// missing, not UTF-8). Its path is absolute, for the related information's URI.
fn translation_source(uri: &Uri, text: &str) -> Option<crate::align::SourceText> {
    let named = crate::align::front_matter_source(text)?;
    let path = uri_path(uri)?.parent()?.join(named);
    let meta = std::fs::metadata(&path).ok()?;
    if !meta.is_file() || meta.len() > 8 << 20 {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    Some(crate::align::SourceText { path: path.display().to_string(), text })
}

pub fn uri_path(uri: &Uri) -> Option<PathBuf> {
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| p.into_owned())
}

/// Whether `path` is one of the project's word lists (the dictionary "Add to dictionary" writes,
/// the configured `words`) or a file of its `.sunting/` folder: data, not an article.
fn is_word_list(path: &Path, resolved: &Resolved, settings: &Settings) -> bool {
    let same = |a: &Path, b: &Path| a == b || a.canonicalize().ok().zip(b.canonicalize().ok()).is_some_and(|(a, b)| a == b);
    if path.parent().and_then(Path::file_name).is_some_and(|n| n == ".sunting") {
        return true;
    }
    if let Some(root) = &resolved.root
        && same(path, &settings.dictionary_path(root))
    {
        return true;
    }
    resolved.config.words.iter().any(|w| same(path, w))
}

pub struct Shared {
    pub client: Client,
    docs: Mutex<HashMap<Uri, Document>>,
    session: RwLock<Session>,
    configs: Mutex<HashMap<Option<PathBuf>, Arc<Resolved>>>,
    /// Problems already shown to the user (cleared when the configuration reloads).
    reported: Mutex<HashSet<String>>,
    /// Problems found before the client could be told (bad `initializationOptions`).
    early_problems: Mutex<Vec<String>>,
    /// Serialises "is this result still current? publish it" so publications never reorder.
    publish_lock: tokio::sync::Mutex<()>,
    generation: AtomicU64,
    pool: Pool,
    /// When memory was last handed back to the system (ms since `started`).
    last_trim_ms: AtomicU64,
    started: std::time::Instant,
    initialize_seen: AtomicBool,
    shut_down: AtomicBool,
    /// The full check each document's worker is running now, by generation (see
    /// [`Shared::current_within`]).
    running: Mutex<HashMap<Uri, u64>>,
    /// Bumped whenever a worker's check has been delivered or dropped.
    progress: watch::Sender<u64>,
}

/// How long a request (hover, a code action's fixes) waits for the check its document's worker
/// is running before answering without it.
pub const REQUEST_WAIT: std::time::Duration = std::time::Duration::from_millis(100);

/// Marks a document's full check as running until dropped (after its result is delivered).
struct Running {
    shared: Arc<Shared>,
    uri: Uri,
    generation: u64,
}

impl Running {
    fn new(shared: Arc<Shared>, uri: Uri, generation: u64) -> Running {
        lock(&shared.running).insert(uri.clone(), generation);
        Running { shared, uri, generation }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        {
            let mut running = lock(&self.shared.running);
            if running.get(&self.uri) == Some(&self.generation) {
                running.remove(&self.uri);
            }
        }
        self.shared.progress.send_modify(|n| *n = n.wrapping_add(1));
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Shared {
    pub fn new(client: Client) -> Shared {
        Shared {
            client,
            docs: Mutex::new(HashMap::new()),
            session: RwLock::new(Session { push: true, ..Session::default() }),
            configs: Mutex::new(HashMap::new()),
            reported: Mutex::new(HashSet::new()),
            early_problems: Mutex::new(Vec::new()),
            publish_lock: tokio::sync::Mutex::new(()),
            generation: AtomicU64::new(1),
            pool: Pool::new(Pool::default_size()),
            last_trim_ms: AtomicU64::new(0),
            started: std::time::Instant::now(),
            initialize_seen: AtomicBool::new(false),
            shut_down: AtomicBool::new(false),
            running: Mutex::new(HashMap::new()),
            progress: watch::Sender::new(0),
        }
    }

    pub fn session(&self) -> Session {
        self.session.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn settings(&self) -> Arc<Settings> {
        self.session.read().unwrap_or_else(|e| e.into_inner()).settings.clone()
    }

    pub fn encoding(&self) -> PositionEncoding {
        self.session.read().unwrap_or_else(|e| e.into_inner()).encoding
    }

    fn next_generation(&self) -> u64 {
        self.generation.fetch_add(1, Ordering::Relaxed) + 1
    }

    pub fn is_shut_down(&self) -> bool {
        self.shut_down.load(Ordering::SeqCst)
    }

    pub fn mark_shut_down(&self) {
        self.shut_down.store(true, Ordering::SeqCst);
    }

    pub fn initialize_seen(&self) -> bool {
        self.initialize_seen.load(Ordering::SeqCst)
    }

    /// Whether document notifications are to be applied now.
    pub fn accepting(&self) -> bool {
        self.initialize_seen.load(Ordering::SeqCst) && !self.is_shut_down()
    }

    /// Record the client's capabilities, workspace and first settings. Called synchronously as
    /// the `initialize` request arrives, so everything after it sees the negotiated encoding.
    /// Settings problems are kept for `initialized`, when the client can be told.
    pub fn on_initialize(&self, params: &Value) {
        let flags = ClientFlags::from_initialize(params);
        let mut roots: Vec<PathBuf> = params
            .pointer("/workspaceFolders")
            .and_then(Value::as_array)
            .map(|folders| {
                folders
                    .iter()
                    .filter_map(|f| f.get("uri")?.as_str()?.parse::<Uri>().ok())
                    .filter_map(|u| uri_path(&u))
                    .collect()
            })
            .unwrap_or_default();
        if roots.is_empty() {
            if let Some(root) = params.get("rootUri").and_then(Value::as_str).and_then(|s| s.parse::<Uri>().ok()).and_then(|u| uri_path(&u)) {
                roots.push(root);
            } else if let Some(root) = params.get("rootPath").and_then(Value::as_str) {
                roots.push(PathBuf::from(root));
            }
        }
        let (settings, warnings) = match params.get("initializationOptions").and_then(Settings::section) {
            Some(v) => Settings::parse(v),
            None => (Settings::default(), Vec::new()),
        };
        let push = match settings.diagnostic_mode {
            DiagnosticMode::Push => true,
            DiagnosticMode::Pull => false,
            DiagnosticMode::Auto => !flags.pull_diagnostics,
        };
        let encoding = if flags.utf8 { PositionEncoding::Utf8 } else { PositionEncoding::Utf16 };
        debug!(utf8 = flags.utf8, push, roots = roots.len(), "initialize");
        *self.session.write().unwrap_or_else(|e| e.into_inner()) = Session { flags, encoding, roots, push, settings: Arc::new(settings) };
        self.initialize_seen.store(true, Ordering::SeqCst);
        for w in &warnings {
            warn!("initializationOptions: {w}");
        }
        lock(&self.early_problems).extend(warnings.into_iter().map(|w| format!("initializationOptions: {w}")));
    }

    /// Show the problems found while initialising.
    pub async fn report_early_problems(&self) {
        let problems = std::mem::take(&mut *lock(&self.early_problems));
        if !problems.is_empty() {
            self.report(&problems).await;
        }
    }

    /// Replace the settings (the diagnostic mode stays as negotiated) and re-check everything.
    pub fn set_settings(self: &Arc<Self>, settings: Settings) {
        {
            let mut session = self.session.write().unwrap_or_else(|e| e.into_inner());
            if *session.settings == settings {
                return;
            }
            session.settings = Arc::new(settings);
        }
        self.reload();
    }

    pub fn set_roots(self: &Arc<Self>, added: Vec<PathBuf>, removed: Vec<PathBuf>) {
        {
            let mut session = self.session.write().unwrap_or_else(|e| e.into_inner());
            session.roots.retain(|r| !removed.contains(r));
            session.roots.extend(added);
        }
        self.reload();
    }

    /// Forget every loaded configuration and re-check every open document.
    pub fn reload(self: &Arc<Self>) {
        lock(&self.configs).clear();
        lock(&self.reported).clear();
        self.recheck_all();
    }

    pub fn recheck_all(self: &Arc<Self>) {
        let push = self.session().push;
        {
            let mut docs = lock(&self.docs);
            for doc in docs.values_mut() {
                doc.generation = self.next_generation();
                // Checks made with the old configuration are not carried over.
                doc.floor = doc.generation;
                doc.trigger.send_replace(Trigger { generation: doc.generation, urgent: true });
            }
        }
        if !push && self.session().flags.diagnostic_refresh {
            let client = self.client.clone();
            tokio::spawn(async move {
                if let Err(e) = client.workspace_diagnostic_refresh().await {
                    debug!("diagnostic refresh: {e}");
                }
            });
        }
    }

    // ---- Text synchronisation: synchronous, in arrival order. ----

    pub fn did_open(self: &Arc<Self>, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let generation = self.next_generation();
        let (doc, rx) = Document::new(item.uri.clone(), item.language_id, item.version, &item.text, generation);
        debug!(uri = item.uri.as_str(), version = item.version, bytes = item.text.len(), "open");
        if lock(&self.docs).insert(item.uri.clone(), doc).is_some() {
            warn!(uri = item.uri.as_str(), "opened again without being closed; replacing it");
        }
        if self.session().push {
            tokio::spawn(worker(self.clone(), item.uri, rx));
        }
    }

    pub fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let encoding = self.encoding();
        let mut docs = lock(&self.docs);
        let Some(doc) = docs.get_mut(&uri) else {
            warn!(uri = uri.as_str(), "change to a document that is not open; ignored");
            return;
        };
        // The generation first: the changes are logged under the one they make.
        doc.generation = self.next_generation();
        for w in doc.apply_changes(params.text_document.version, &params.content_changes, encoding) {
            warn!(uri = uri.as_str(), "{w}");
        }
        doc.trigger.send_replace(Trigger { generation: doc.generation, urgent: false });
        tracing::trace!(uri = uri.as_str(), version = doc.version, "change applied");
    }

    pub fn did_close(self: &Arc<Self>, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if lock(&self.docs).remove(&uri).is_none() {
            warn!(uri = uri.as_str(), "close of a document that is not open; ignored");
            return;
        }
        if self.session().push {
            // Clear what was published, unless it was opened again meanwhile.
            let shared = self.clone();
            tokio::spawn(async move {
                let _guard = shared.publish_lock.lock().await;
                if !lock(&shared.docs).contains_key(&uri) {
                    shared.client.publish_diagnostics(uri, Vec::new(), None).await;
                }
            });
        }
    }

    /// Check an open document again now (after a save).
    pub fn touch(&self, uri: &Uri) {
        if let Some(doc) = lock(&self.docs).get_mut(uri) {
            doc.generation = self.next_generation();
            doc.trigger.send_replace(Trigger { generation: doc.generation, urgent: true });
        }
    }

    /// Where the document was last edited (a byte offset), if it was.
    pub fn last_edit(&self, uri: &Uri) -> Option<usize> {
        lock(&self.docs).get(uri).and_then(|d| d.last_edit)
    }

    pub fn is_open(&self, uri: &Uri) -> bool {
        lock(&self.docs).contains_key(uri)
    }

    pub fn open_uris(&self) -> Vec<Uri> {
        lock(&self.docs).keys().cloned().collect()
    }

    /// The version and text of an open document.
    pub fn text(&self, uri: &Uri) -> Option<(i32, Rope)> {
        lock(&self.docs).get(uri).map(|d| (d.version, d.rope.clone()))
    }

    // ---- Configuration ----

    /// The folder that holds a document's project: the nearest `sunting.toml`'s, else the
    /// workspace folder around it, else its own.
    pub fn project_root(&self, uri: &Uri) -> Option<PathBuf> {
        let roots = self.session().roots;
        let path = uri_path(uri);
        let dir = path.as_deref().and_then(Path::parent);
        if let Some(toml) = dir.and_then(Config::discover) {
            return toml.parent().map(Path::to_path_buf);
        }
        match dir {
            Some(dir) => roots.iter().filter(|r| dir.starts_with(r)).max_by_key(|r| r.as_os_str().len()).cloned().or_else(|| Some(dir.to_path_buf())),
            None => roots.first().cloned(),
        }
    }

    /// The configuration for a document (loading it may read files: call off the protocol task).
    pub fn resolve(&self, uri: &Uri, settings: &Settings) -> Arc<Resolved> {
        let path = uri_path(uri);
        let dir = path.as_deref().and_then(Path::parent).map(Path::to_path_buf);
        if let Some(r) = lock(&self.configs).get(&dir) {
            return r.clone();
        }
        let toml = dir.as_deref().and_then(Config::discover);
        let root = match &toml {
            Some(t) => t.parent().map(Path::to_path_buf),
            None => self.project_root(uri),
        };
        let (config, problems) = settings::project_config(toml.as_deref(), root.as_deref(), settings);
        let resolved = Arc::new(Resolved { config, root, problems });
        lock(&self.configs).insert(dir, resolved.clone());
        resolved
    }

    /// Whether a saved or changed file is one the configuration reads.
    pub fn is_config_file(&self, path: &Path) -> bool {
        if path.file_name().is_some_and(|n| n == FILE_NAME) || path.components().any(|c| c.as_os_str() == ".sunting") {
            return true;
        }
        if path.extension().is_some_and(|e| e == "dic" || e == "aff") {
            return true;
        }
        lock(&self.configs).values().any(|r| r.config.words.iter().any(|w| w == path))
    }

    /// Show configuration problems the user has not seen yet.
    pub async fn report(&self, problems: &[String]) {
        let fresh: Vec<String> = {
            let mut reported = lock(&self.reported);
            problems.iter().filter(|p| reported.insert((*p).clone())).cloned().collect()
        };
        for p in fresh {
            warn!("{p}");
            self.client.show_message(MessageType::WARNING, format!("sunting: {p}")).await;
        }
    }

    // ---- Checking ----

    /// A check job for the document as it is now; `None` when it is not open.
    pub fn job(&self, uri: &Uri) -> Option<Job> {
        let session = self.session();
        let (generation, version, rope, language_id, carried, near) = {
            let docs = lock(&self.docs);
            let doc = docs.get(uri)?;
            (doc.generation, doc.version, doc.rope.clone(), doc.language_id.clone(), doc.carried(), doc.last_edit)
        };
        let settings = session.settings.clone();
        let path = uri_path(uri);
        let mut format = match settings.kind_for(&language_id, path.as_deref()) {
            Kind::Check(f) => Some(f),
            Kind::Off => {
                debug!(uri = uri.as_str(), language_id = language_id.as_str(), "not a kind of document that is checked");
                None
            }
        };
        let mut problems = Vec::new();
        if format.is_some() && rope.len_bytes() > settings.max_document_bytes {
            debug!(uri = uri.as_str(), bytes = rope.len_bytes(), "larger than maxDocumentBytes; not checked");
            problems.push(format!(
                "{} is {} MiB, over the limit of {} MiB (maxDocumentBytes): it is not checked",
                uri.as_str(),
                rope.len_bytes() / 1024 / 1024,
                settings.max_document_bytes / 1024 / 1024
            ));
            format = None;
        }
        let mut resolved = if format.is_some() { self.resolve(uri, &settings) } else { Arc::new(Resolved { config: Config::default(), root: None, problems: Vec::new() }) };
        if format.is_some() && path.as_deref().is_some_and(|p| is_word_list(p, &resolved, &settings)) {
            debug!(uri = uri.as_str(), "a word list or a file of .sunting/; not checked as an article");
            format = None;
            resolved = Arc::new(Resolved { config: Config::default(), root: None, problems: Vec::new() });
        }
        problems.extend(resolved.problems.iter().cloned());
        Some(Job { uri: uri.clone(), generation, version, rope, format, resolved, encoding: session.encoding, problems, carried, max_diagnostics: settings.max_diagnostics, near })
    }

    /// Keep a full check (to carry over to later edits); say whether it is of the current text.
    fn store(&self, uri: &Uri, checked: &Arc<Checked>) -> bool {
        lock(&self.docs).get_mut(uri).is_some_and(|doc| doc.keep(checked))
    }

    /// Publish a provisional re-diagnosis, unless the document moved on meanwhile.
    async fn deliver_provisional(&self, uri: &Uri, generation: u64, version: i32, diagnostics: Vec<ls_types::Diagnostic>) {
        let _guard = self.publish_lock.lock().await;
        let current = lock(&self.docs).get(uri).is_some_and(|d| d.generation == generation);
        if self.is_shut_down() || !current {
            return;
        }
        self.publish(uri, version, diagnostics).await;
    }

    /// Publish a finished check, unless the document moved on, closed, or the server is
    /// shutting down.
    async fn deliver(&self, uri: &Uri, checked: Arc<Checked>, diagnostics: Vec<ls_types::Diagnostic>) {
        let _guard = self.publish_lock.lock().await;
        if self.is_shut_down() || !self.store(uri, &checked) {
            debug!(uri = uri.as_str(), generation = checked.generation, "result superseded; dropped");
            return;
        }
        self.publish(uri, checked.version, diagnostics).await;
    }

    /// Send a list (the caller holds `publish_lock`), unless it means what the last one sent
    /// for the document meant, or is for a version older than one already published: a long
    /// article's full check usually agrees with the provisional list, and an editor spends
    /// time on every list it receives (seconds, in Emacs, for a few thousand findings).
    async fn publish(&self, uri: &Uri, version: i32, diagnostics: Vec<ls_types::Diagnostic>) {
        let meaning = fingerprint(&diagnostics);
        {
            let mut docs = lock(&self.docs);
            let Some(doc) = docs.get_mut(uri) else { return };
            match doc.published {
                Some((v, _)) if version < v => {
                    debug!(uri = uri.as_str(), version, published = v, "older than the list already published; dropped");
                    return;
                }
                Some((_, m)) if m == meaning => {
                    doc.published = Some((version, meaning));
                    tracing::trace!(uri = uri.as_str(), version, "same findings as published; not sent again");
                    return;
                }
                _ => doc.published = Some((version, meaning)),
            }
        }
        self.client.publish_diagnostics(uri.clone(), diagnostics, Some(version)).await;
        tracing::trace!(uri = uri.as_str(), version, "published");
    }

    /// The stored check of the document's current text, if there is one.
    pub fn stored(&self, uri: &Uri) -> Option<Arc<Checked>> {
        lock(&self.docs).get(uri).and_then(Document::current_check)
    }

    /// The check of the document's current text: the stored one, or a fresh one (made off the
    /// protocol task, since resolving the configuration may read files).
    pub async fn current(self: &Arc<Self>, uri: &Uri) -> Option<Arc<Checked>> {
        self.current_within(uri, None).await
    }

    /// As [`Shared::current`], but when the document's worker is checking this text (or, with
    /// a `limit` in push mode, will check it), wait for that check instead of running a second
    /// one, for at most `limit`, then give up (`None`): a request on a document whose check is
    /// long answers without it, and never adds a duplicate of that check to the pool.
    pub async fn current_within(self: &Arc<Self>, uri: &Uri, limit: Option<std::time::Duration>) -> Option<Arc<Checked>> {
        let deadline = limit.map(|l| tokio::time::Instant::now() + l);
        let mut progress = self.progress.subscribe();
        loop {
            let generation = {
                let docs = lock(&self.docs);
                let doc = docs.get(uri)?;
                if let Some(c) = doc.current_check() {
                    return Some(c);
                }
                doc.generation
            };
            // In push mode the document's worker checks every generation, so a request with a
            // limit waits for it even before it starts; otherwise only for a check running.
            let worker_busy = lock(&self.running).get(uri) == Some(&generation);
            let worker_will = limit.is_some() && self.session().push;
            if !worker_busy && !worker_will {
                break;
            }
            let changed = match deadline {
                Some(deadline) => match tokio::time::timeout_at(deadline, progress.changed()).await {
                    Ok(changed) => changed,
                    Err(_) => {
                        debug!(uri = uri.as_str(), "its check is still running; answering without it");
                        return None;
                    }
                },
                None => progress.changed().await,
            };
            if changed.is_err() {
                break;
            }
        }
        let shared = self.clone();
        let uri2 = uri.clone();
        let outcome = self
            .pool
            .run(move || {
                // Another request may have checked this text while this one waited.
                if let Some(c) = shared.stored(&uri2) {
                    return Some((c, Vec::new()));
                }
                let job = shared.job(&uri2)?;
                let checked = Arc::new(job.check());
                shared.store(&uri2, &checked);
                Some((checked, job.problems.clone()))
            })
            .await
            .flatten();
        let (checked, problems) = outcome?;
        if !problems.is_empty() {
            self.report(&problems).await;
        }
        Some(checked)
    }

    /// A document has caught up with its edits: every few seconds at most, hand the memory
    /// its checks freed back to the system (see [`super::pool::release_free_memory`]).
    async fn idle(&self) {
        const EVERY_MS: u64 = 5_000;
        let now = self.started.elapsed().as_millis() as u64;
        let last = self.last_trim_ms.load(Ordering::Relaxed);
        if now.saturating_sub(last) >= EVERY_MS
            && self.last_trim_ms.compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed).is_ok()
        {
            self.pool.run(super::pool::release_free_memory).await;
        }
    }

    /// Run a closure on the blocking pool (file I/O); `None` if it panicked.
    pub async fn pool_run<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        self.pool.run(f).await
    }

    /// Tell the client's log (`window/logMessage`) what the server did: routine news goes
    /// there, not to standard error, which clients show as errors.
    pub async fn log(&self, level: MessageType, message: String) {
        debug!("{message}");
        self.client.log_message(level, format!("sunting: {message}")).await;
    }

    /// Run a closure with the document's resolved configuration, off the protocol task.
    pub async fn with_config<T: Send + 'static>(self: &Arc<Self>, uri: &Uri, f: impl FnOnce(Job) -> T + Send + 'static) -> Option<T> {
        let shared = self.clone();
        let uri = uri.clone();
        self.pool.run(move || shared.job(&uri).map(f)).await.flatten()
    }
}

/// One per open document (in push mode): waits for a change, lets the debounce pass, checks
/// the newest text, publishes if still current, and goes round again. Ends when the document
/// closes (its trigger is dropped).
async fn worker(shared: Arc<Shared>, uri: Uri, mut rx: watch::Receiver<Trigger>) {
    rx.mark_changed();
    loop {
        if rx.changed().await.is_err() {
            return;
        }
        let mut trigger = *rx.borrow_and_update();
        let debounce = shared.settings().debounce;
        while !trigger.urgent && !debounce.is_zero() {
            tokio::select! {
                () = tokio::time::sleep(debounce) => break,
                changed = rx.changed() => {
                    if changed.is_err() {
                        return;
                    }
                    trigger = *rx.borrow_and_update();
                }
            }
        }
        if shared.is_shut_down() {
            return;
        }
        tracing::trace!(uri = uri.as_str(), generation = trigger.generation, "check queued");
        // A long article: first what can be worked out quickly, then the full check.
        let quick = shared
            .with_config(&uri, |job| {
                let started = std::time::Instant::now();
                let diagnostics = job.provisional()?;
                debug!(uri = job.uri.as_str(), version = job.version, diagnostics = diagnostics.len(), took_us = started.elapsed().as_micros() as u64, "provisional");
                Some((job.generation, job.version, diagnostics))
            })
            .await
            .flatten();
        if let Some((generation, version, diagnostics)) = quick {
            shared.deliver_provisional(&uri, generation, version, diagnostics).await;
        }
        let shared2 = shared.clone();
        let uri2 = uri.clone();
        let newer = rx.clone();
        // Resolving the configuration may read files, so the job is built off the async
        // workers too.
        let outcome = shared
            .pool
            .run(move || {
                let job = shared2.job(&uri2)?;
                // Requests about this text wait for this check instead of running their own.
                let running = Running::new(shared2.clone(), uri2.clone(), job.generation);
                let problems = job.problems.clone();
                // Given up when the text changes meanwhile: the next round checks the new one.
                let generation = job.generation;
                let result = job.run(&|| newer.borrow().generation != generation);
                Some(result.map(|(checked, lsp)| (checked, lsp, problems, running)))
            })
            .await;
        match outcome {
            // Given up for a newer text.
            Some(Some(None)) => {}
            Some(Some(Some((checked, lsp, problems, running)))) => {
                if !problems.is_empty() {
                    shared.report(&problems).await;
                }
                shared.deliver(&uri, checked, lsp).await;
                drop(running);
                if !rx.has_changed().unwrap_or(false) {
                    shared.idle().await;
                }
            }
            // Closed meanwhile.
            Some(None) => return,
            // The check panicked (logged); wait for the next change.
            None => {}
        }
    }
}
