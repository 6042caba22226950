//! The editor's settings (`initializationOptions`, `workspace/didChangeConfiguration`, section
//! `sunting`) and how they combine with the project's `sunting.toml`.
//!
//! ```json
//! {
//!   "language": "auto" | "id" | "en",
//!   "severity": { "typography": "error", "typography/doubled-word": "off" },
//!   "enabledCategories": ["typography", "figures"],
//!   "words": ["extra-words.txt"],          (relative to the project's folder)
//!   "dictionary": ".sunting/kamus.txt",
//!   "debounceMs": 150,
//!   "documentKinds": { "asciidoc": "plaintext", "markdown": "off" },
//!   "diagnosticMode": "auto" | "push" | "pull",
//!   "maxDocumentBytes": 67108864,
//!   "maxDiagnostics": 100,                 (per document; 0 for no limit)
//!   "fixAllEdits": 4                       (at most this many edits per "fix all")
//! }
//! ```
//!
//! Editor settings win over `sunting.toml` where both say something (except `language: auto`,
//! which leaves the file's choice alone). A bad value is reported and skipped, never fatal.

use crate::config::{Config, Level, FILE_NAME};
use crate::diagnostic::Category;
use crate::language::LanguageSetting;
use crate::prose::DocFormat;
use crate::rules::{self, REGISTRY};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const DEFAULT_DEBOUNCE_MS: u64 = 150;
pub const DEFAULT_DICTIONARY: &str = ".sunting/kamus.txt";
/// Documents larger than this are tracked but not checked (the command line's limit).
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// How many findings are published per document unless `maxDiagnostics` says otherwise: an
/// editor spends time on every published finding (Emacs 28's eglot and flymake up to 1 ms each
/// after an edit to a long article, Neovim 0.7 less: bench/editors/), and past a hundred the
/// list is no longer read anyway. Those nearest the writer's last edit are kept.
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 100;

/// How many edits "fix all" sends at most unless `fixAllEdits` says otherwise: Neovim 0.7
/// spends about 17 ms on each edit to a 280 KB article, whatever its size; Emacs's eglot diffs
/// each edit's region, so it does better with one edit per paragraph (its configuration in
/// editors/emacs asks for that). Measured with bench/editors/.
pub const DEFAULT_FIX_ALL_EDITS: usize = 4;

/// Every setting's name.
pub const KEYS: &[&str] = &[
    "language",
    "severity",
    "enabledCategories",
    "words",
    "dictionary",
    "debounceMs",
    "documentKinds",
    "diagnosticMode",
    "maxDocumentBytes",
    "maxDiagnostics",
    "fixAllEdits",
];

/// Where diagnostics go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DiagnosticMode {
    /// Pull when the client can (`textDocument.diagnostic` capability), else push.
    #[default]
    Auto,
    Push,
    Pull,
}

/// How a document of some `languageId` is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Check(DocFormat),
    Off,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub language: Option<LanguageSetting>,
    /// Validated: every key is a rule code or a category.
    pub severity: BTreeMap<String, Level>,
    pub enabled_categories: Option<Vec<Category>>,
    /// Extra word lists, relative to the project's folder unless absolute.
    pub words: Vec<String>,
    /// The word list "Add to dictionary" appends to, relative to the project's folder (a path
    /// leaving it is refused here and by [`super::dictionary`]).
    pub dictionary: String,
    pub debounce: Duration,
    pub document_kinds: BTreeMap<String, Kind>,
    pub diagnostic_mode: DiagnosticMode,
    pub max_document_bytes: usize,
    /// At most this many findings are published per document (the most severe first);
    /// `usize::MAX` for no limit.
    pub max_diagnostics: usize,
    /// At most this many edits make up "fix all" (`merge_edits` in the conversions).
    pub fix_all_edits: usize,
}

impl Default for Settings {
    fn default() -> Self {
        let mut document_kinds = BTreeMap::new();
        document_kinds.insert("markdown".to_string(), Kind::Check(DocFormat::Markdown));
        document_kinds.insert("plaintext".to_string(), Kind::Check(DocFormat::PlainText));
        document_kinds.insert("text".to_string(), Kind::Check(DocFormat::PlainText));
        Settings {
            language: None,
            severity: BTreeMap::new(),
            enabled_categories: None,
            words: Vec::new(),
            dictionary: DEFAULT_DICTIONARY.to_string(),
            debounce: Duration::from_millis(DEFAULT_DEBOUNCE_MS),
            document_kinds,
            diagnostic_mode: DiagnosticMode::Auto,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            max_diagnostics: DEFAULT_MAX_DIAGNOSTICS,
            fix_all_edits: DEFAULT_FIX_ALL_EDITS,
        }
    }
}

fn level(s: &str) -> Option<Level> {
    match s.trim().to_ascii_lowercase().as_str() {
        "off" | "none" | "false" => Some(Level::Off),
        "hint" => Some(Level::Hint),
        "info" | "information" => Some(Level::Info),
        "warning" | "warn" => Some(Level::Warning),
        "error" => Some(Level::Error),
        _ => None,
    }
}

impl Settings {
    /// The `sunting` section out of whatever the client sent: `{"sunting": {...}}`, or the
    /// section itself when it has a key of ours. `None` when it holds nothing for us (another
    /// tool's settings, `null`, `{}`).
    pub fn section(value: &Value) -> Option<&Value> {
        match value {
            Value::Object(map) if map.contains_key("sunting") => map.get("sunting").filter(|v| v.is_object()),
            Value::Object(map) if map.keys().any(|k| KEYS.contains(&k.as_str())) => Some(value),
            _ => None,
        }
    }

    /// Parse a settings object. Unknown keys and bad values become warnings and are skipped.
    pub fn parse(value: &Value) -> (Settings, Vec<String>) {
        let mut s = Settings::default();
        let mut warnings = Vec::new();
        let Some(map) = value.as_object() else {
            if !value.is_null() {
                warnings.push(format!("settings must be an object, not {value}"));
            }
            return (s, warnings);
        };
        for (key, v) in map {
            match key.as_str() {
                "language" => match v.as_str().and_then(LanguageSetting::parse) {
                    Some(LanguageSetting::Auto) => s.language = None,
                    Some(l) => s.language = Some(l),
                    None if v.is_null() => {}
                    None => warnings.push(format!("language: expected auto, id or en, not {v}")),
                },
                "severity" => match v.as_object() {
                    Some(levels) => {
                        for (name, lv) in levels {
                            if rules::meta(name).is_none() && Category::parse(name).is_none() {
                                warnings.push(format!("severity: unknown rule or category {name:?}"));
                                continue;
                            }
                            match lv.as_str().and_then(level) {
                                Some(l) => {
                                    s.severity.insert(name.clone(), l);
                                }
                                None => warnings.push(format!("severity.{name}: expected off, hint, info, warning or error, not {lv}")),
                            }
                        }
                    }
                    None if v.is_null() => {}
                    None => warnings.push("severity: expected an object".to_string()),
                },
                "enabledCategories" => match v.as_array() {
                    Some(items) => {
                        let mut cats = Vec::new();
                        for item in items {
                            match item.as_str().and_then(Category::parse) {
                                Some(c) => cats.push(c),
                                None => warnings.push(format!("enabledCategories: unknown category {item}")),
                            }
                        }
                        s.enabled_categories = Some(cats);
                    }
                    None if v.is_null() => {}
                    None => warnings.push("enabledCategories: expected a list of categories".to_string()),
                },
                "words" => match v.as_array() {
                    Some(items) => s.words = items.iter().filter_map(|i| i.as_str().map(str::to_string)).collect(),
                    None if v.is_null() => {}
                    None => warnings.push("words: expected a list of file names".to_string()),
                },
                "dictionary" => match v.as_str() {
                    // Only a path inside the project ("Add to dictionary" writes there).
                    Some(p) if super::dictionary::relative_parts(p).is_ok() => s.dictionary = p.to_string(),
                    Some(p) if !p.trim().is_empty() => warnings.push(format!("dictionary: {p:?} must be a path inside the project, relative and without '..'")),
                    _ if v.is_null() => {}
                    _ => warnings.push("dictionary: expected a file name".to_string()),
                },
                "debounceMs" => match v.as_u64() {
                    Some(ms) => s.debounce = Duration::from_millis(ms.min(60_000)),
                    None if v.is_null() => {}
                    None => warnings.push(format!("debounceMs: expected a number of milliseconds, not {v}")),
                },
                "documentKinds" => match v.as_object() {
                    Some(kinds) => {
                        for (id, kind) in kinds {
                            let k = match kind.as_str().map(str::to_ascii_lowercase).as_deref() {
                                Some("markdown") => Kind::Check(DocFormat::Markdown),
                                Some("plaintext" | "text") => Kind::Check(DocFormat::PlainText),
                                Some("off") => Kind::Off,
                                _ if kind == &Value::Bool(false) => Kind::Off,
                                _ => {
                                    warnings.push(format!("documentKinds.{id}: expected markdown, plaintext or off, not {kind}"));
                                    continue;
                                }
                            };
                            s.document_kinds.insert(id.clone(), k);
                        }
                    }
                    None if v.is_null() => {}
                    None => warnings.push("documentKinds: expected an object".to_string()),
                },
                "diagnosticMode" => match v.as_str() {
                    Some("auto") => s.diagnostic_mode = DiagnosticMode::Auto,
                    Some("push") => s.diagnostic_mode = DiagnosticMode::Push,
                    Some("pull") => s.diagnostic_mode = DiagnosticMode::Pull,
                    _ if v.is_null() => {}
                    _ => warnings.push(format!("diagnosticMode: expected auto, push or pull, not {v}")),
                },
                "maxDocumentBytes" => match v.as_u64() {
                    Some(n) => s.max_document_bytes = usize::try_from(n).unwrap_or(usize::MAX),
                    None if v.is_null() => {}
                    None => warnings.push(format!("maxDocumentBytes: expected a number, not {v}")),
                },
                "maxDiagnostics" => match v.as_u64() {
                    Some(0) => s.max_diagnostics = usize::MAX,
                    Some(n) => s.max_diagnostics = usize::try_from(n).unwrap_or(usize::MAX),
                    None if v.is_null() => {}
                    None => warnings.push(format!("maxDiagnostics: expected a number, not {v}")),
                },
                "fixAllEdits" => match v.as_u64() {
                    Some(n) if n >= 1 => s.fix_all_edits = usize::try_from(n).unwrap_or(usize::MAX),
                    None if v.is_null() => {}
                    _ => warnings.push(format!("fixAllEdits: expected a number from 1, not {v}")),
                },
                other => warnings.push(format!("unknown setting {other:?}")),
            }
        }
        (s, warnings)
    }

    /// How to check a document of this `languageId`, if at all.
    pub fn kind(&self, language_id: &str) -> Kind {
        self.document_kinds.get(language_id).copied().unwrap_or(Kind::Off)
    }

    /// How to check a document: by its `languageId`, or, when the client sent none this
    /// configuration knows (Neovim without filetype detection sends `""`), by the file's
    /// extension (`.md`, `.markdown` -> markdown; `.txt` -> plaintext).
    pub fn kind_for(&self, language_id: &str, path: Option<&Path>) -> Kind {
        if let Some(kind) = self.document_kinds.get(language_id) {
            return *kind;
        }
        let ext = path.and_then(Path::extension).and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        let by_ext = match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => "markdown",
            Some("txt" | "text") => "plaintext",
            _ => return Kind::Off,
        };
        self.kind(by_ext)
    }

    /// Overlay these settings on the project's configuration (word lists are loaded by
    /// [`project_config`], as the configuration loads them).
    pub fn apply(&self, base: &Config) -> Config {
        let mut config = base.clone();
        if let Some(language) = self.language {
            config.language = language;
        }
        for (key, level) in &self.severity {
            config.severity.insert(key.clone(), *level);
        }
        if let Some(enabled) = &self.enabled_categories {
            for category in Category::ALL {
                if !enabled.contains(&category) {
                    config.severity.insert(category.as_str().to_string(), Level::Off);
                    // A rule-level severity would otherwise outrank the category's `off`.
                    for rule in REGISTRY {
                        if rule.meta().category == category {
                            config.severity.insert(rule.meta().code.to_string(), Level::Off);
                        }
                    }
                }
            }
        }
        config
    }

    /// The word list "Add to dictionary" appends to, for a project rooted at `root`.
    pub fn dictionary_path(&self, root: &Path) -> PathBuf {
        root.join(&self.dictionary)
    }
}

/// The configuration for a project: its `sunting.toml` (or, without one, an empty one at the
/// workspace root, so the project word list there still counts), plus the editor's word lists,
/// loaded the way the configuration loads its own `words`. Returns the problems to report;
/// with a broken file, the defaults are used.
pub fn project_config(toml_path: Option<&Path>, root: Option<&Path>, settings: &Settings) -> (Config, Vec<String>) {
    let mut problems = Vec::new();
    let (path, text) = match toml_path {
        Some(p) => match crate::config::read_config_file(p) {
            Ok(t) => (Some(p.to_path_buf()), t),
            Err(e) => {
                problems.push(format!("{}: cannot read: {e}", p.display()));
                (root.map(|r| r.join(FILE_NAME)), String::new())
            }
        },
        None => (root.map(|r| r.join(FILE_NAME)), String::new()),
    };
    let Some(path) = path else { return (settings.apply(&Config::default()), problems) };
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    // Extra word lists from the editor, as absolute paths appended to the file's `words`.
    let mut extra: Vec<PathBuf> = settings.words.iter().map(|w| base.join(w)).collect();
    if settings.dictionary != DEFAULT_DICTIONARY {
        extra.push(settings.dictionary_path(&base));
    }
    extra.retain(|p| {
        let ok = p.is_file();
        if !ok && p != &settings.dictionary_path(&base) {
            problems.push(format!("word list {} does not exist", p.display()));
        }
        ok
    });
    let text = if extra.is_empty() { text } else { with_extra_words(&text, &extra).unwrap_or(text) };
    match Config::parse(&text, &path) {
        Ok(config) => (settings.apply(&config), problems),
        Err(e) => {
            problems.push(e.to_string());
            (settings.apply(&Config::default()), problems)
        }
    }
}

/// `text` (a `sunting.toml`) with `paths` appended to its `words`; `None` if it does not parse
/// (the caller then reports the file's own error).
fn with_extra_words(text: &str, paths: &[PathBuf]) -> Option<String> {
    let mut table: toml::Table = toml::from_str(text).ok()?;
    let words = table.entry("words").or_insert_with(|| toml::Value::Array(Vec::new()));
    let list = words.as_array_mut()?;
    for p in paths {
        list.push(toml::Value::String(p.display().to_string()));
    }
    toml::to_string(&table).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_and_warns() {
        let (s, w) = Settings::parse(&json!({
            "language": "en",
            "severity": {"typography": "error", "typography/nope": "off", "typography/doubled-word": "loud"},
            "enabledCategories": ["typography", "bogus"],
            "debounceMs": 0,
            "documentKinds": {"asciidoc": "plaintext", "markdown": "off"},
            "mystery": 1
        }));
        assert_eq!(s.language, Some(LanguageSetting::Fixed(crate::language::Language::En)));
        assert_eq!(s.severity.get("typography"), Some(&Level::Error));
        assert_eq!(s.severity.len(), 1);
        assert_eq!(s.enabled_categories, Some(vec![Category::Typography]));
        assert_eq!(s.debounce, Duration::ZERO);
        assert_eq!(s.kind("asciidoc"), Kind::Check(DocFormat::PlainText));
        assert_eq!(s.kind("markdown"), Kind::Off);
        assert_eq!(s.kind("rust"), Kind::Off);
        assert_eq!(w.len(), 4, "{w:?}");
    }

    #[test]
    fn an_unknown_language_id_is_judged_by_the_extension() {
        let s = Settings::default();
        let md = Path::new("/a/berita.md");
        assert_eq!(s.kind_for("", Some(md)), Kind::Check(DocFormat::Markdown));
        assert_eq!(s.kind_for("", Some(Path::new("/a/B.MARKDOWN"))), Kind::Check(DocFormat::Markdown));
        assert_eq!(s.kind_for("unknown", Some(Path::new("/a/b.txt"))), Kind::Check(DocFormat::PlainText));
        assert_eq!(s.kind_for("", Some(Path::new("/a/b.rs"))), Kind::Off);
        assert_eq!(s.kind_for("", None), Kind::Off);
        assert_eq!(s.kind_for("rust", Some(Path::new("/a/main.rs"))), Kind::Off);
        // A languageId the settings know wins over the extension.
        assert_eq!(s.kind_for("plaintext", Some(md)), Kind::Check(DocFormat::PlainText));
        let (off, _) = Settings::parse(&json!({"documentKinds": {"markdown": "off"}}));
        assert_eq!(off.kind_for("", Some(md)), Kind::Off);
        let (n, w) = Settings::parse(&json!({"maxDiagnostics": 0}));
        assert!(w.is_empty());
        assert_eq!(n.max_diagnostics, usize::MAX);
    }

    #[test]
    fn section_finds_the_sunting_key() {
        assert_eq!(Settings::section(&json!({"sunting": {"debounceMs": 1}})), Some(&json!({"debounceMs": 1})));
        assert_eq!(Settings::section(&json!({"debounceMs": 1})), Some(&json!({"debounceMs": 1})));
        assert_eq!(Settings::section(&json!(null)), None);
        assert_eq!(Settings::section(&json!({})), None);
        assert_eq!(Settings::section(&json!({"editor": {"tabSize": 2}})), None);
    }

    #[test]
    fn disabled_categories_override_rule_levels() {
        let mut base = Config::default();
        base.severity.insert("typography/doubled-word".into(), Level::Error);
        let (s, _) = Settings::parse(&json!({"enabledCategories": ["spelling"]}));
        let config = s.apply(&base);
        let meta = rules::find("typography/doubled-word").unwrap().meta();
        assert_eq!(config.severity_for(meta), None);
    }
}
