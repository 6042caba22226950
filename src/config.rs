//! `sunting.toml`: found by walking up from each article; every error says file:line:col.

use crate::diagnostic::{Category, Severity};
use crate::language::LanguageSetting;
use crate::lexicon::hunspell::Dialect;
use crate::lexicon::parse_word_list;
use std::sync::Arc;
use crate::rules::{self, Rule, RuleMeta};
use crate::style::{self, StyleRule, Styles};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "sunting.toml";
/// The project word list that the editor's "Add to dictionary" appends to, beside the config.
pub const PROJECT_WORDS: &str = ".sunting/kamus.txt";
/// What `sunting init` writes: every key of `sunting.toml`, each at its default or commented
/// out, with a line saying what it does. It parses as is and changes nothing from having no
/// configuration (a test holds it to the parser and to the list of keys).
pub const TEMPLATE: &str = r#"# sunting.toml: the configuration of `sunting check`, `sunting fix` and the editors.
# Every key is shown at its default; paths are relative to this file's folder.
# Found by walking up from each article's folder, no higher than the repository root.

# The article language: "auto" (detect per article), "id" or "en".
# Front matter (`lang: id`) and `--language` win over this.
language = "auto"

# English spelling for English articles: "any", "us" or "gb".
english = "any"

# Globs of files not to check, e.g. ["drafts/**", "arsip/*.md"].
# Hidden files and folders (.name) and what .gitignore excludes are never checked.
ignore = []

# Extra word lists, one word a line, e.g. ["kamus-redaksi.txt"]. The project word list
# .sunting/kamus.txt (what the editor's "Add to dictionary" writes) is read without being named.
words = []

# Extra Hunspell dictionaries: .dic files, each with its .aff beside it, e.g. ["kamus/id_ID.dic"].
dictionaries = []

# House style files (see "House style files" in the README), e.g. ["gaya/redaksi.toml"].
styles = []

# The shipped house styles (id-default for Indonesian, en-ap for English); false turns them off.
default-styles = true

# Severity by rule code or category: "off", "hint", "info", "warning" or "error".
# `sunting rules` lists them. Findings ignored in .sunting/ignore are read beside this file.
[severity]
# typography = "warning"
# "typography/doubled-word" = "error"
"#;

/// The largest configuration, style, word list or dictionary file read.
pub const MAX_CONFIG_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The project's ignore file (`.sunting/ignore`), empty when there is none; a file that is there
/// but cannot be read or has a bad line is an error naming the file and line.
fn read_ignore_list(path: &Path) -> Result<crate::suppress::IgnoreList, ConfigError> {
    ignore_list_from(read_config_file(path), path)
}

/// The project word list's words from what reading `path` gave: none when there is no list yet
/// (it appears when someone first adds a word); a list that cannot be read is an error.
fn project_words_from(read: std::io::Result<String>, path: &Path) -> Result<crate::lexicon::WordSet, ConfigError> {
    match read {
        Ok(text) => Ok(parse_word_list(&text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Default::default()),
        Err(e) => Err(ConfigError { path: path.to_path_buf(), line: 1, column: 1, message: format!("cannot read the project word list: {e}") }),
    }
}

/// The ignore file's entries from what reading `path` gave.
fn ignore_list_from(read: std::io::Result<String>, path: &Path) -> Result<crate::suppress::IgnoreList, ConfigError> {
    match read {
        Ok(text) => crate::suppress::IgnoreList::parse(&text).map_err(|(line, message)| ConfigError { path: path.to_path_buf(), line, column: 1, message }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(crate::suppress::IgnoreList::default()),
        Err(e) => Err(ConfigError { path: path.to_path_buf(), line: 1, column: 1, message: format!("cannot read the ignore file: {e}") }),
    }
}

/// Read a file the configuration names (or `sunting.toml` itself): only a regular file, and
/// only up to [`MAX_CONFIG_FILE_BYTES`]. The file is opened first and the opened handle is
/// examined, so a name swapped between the test and the read cannot slip a device through;
/// it is opened without blocking, so a FIFO is refused instead of waiting for a writer, and
/// `/dev/stdin` (a pipe or a terminal) is refused instead of reading the protocol stream.
pub fn read_config_file(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind, Read};
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        let kind = if meta.is_dir() { "a folder" } else { "not a regular file (a device, pipe or socket)" };
        return Err(Error::new(ErrorKind::InvalidInput, format!("{kind}: only regular files are read")));
    }
    if meta.len() > MAX_CONFIG_FILE_BYTES {
        return Err(Error::new(ErrorKind::InvalidInput, format!("{} bytes is larger than the limit of {MAX_CONFIG_FILE_BYTES} bytes (64 MiB)", meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_CONFIG_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_CONFIG_FILE_BYTES {
        return Err(Error::new(ErrorKind::InvalidInput, format!("grew past the limit of {MAX_CONFIG_FILE_BYTES} bytes (64 MiB) while being read")));
    }
    String::from_utf8(bytes).map_err(|e| Error::new(ErrorKind::InvalidData, format!("not valid UTF-8 (at byte {})", e.utf8_error().valid_up_to())))
}

/// Whether `dir` is the top of a repository (holds `.git`, a folder or a worktree's file):
/// configuration is looked for no higher.
pub fn is_repository_root(dir: &Path) -> bool {
    dir.join(".git").symlink_metadata().is_ok()
}

/// `dir` and the folders above it, up to and including the repository root (the nearest folder
/// holding `.git`), or up to the file system's root outside a repository.
pub fn project_ancestors(dir: &Path) -> impl Iterator<Item = &Path> {
    let mut done = false;
    dir.ancestors().take_while(move |d| {
        if done {
            return false;
        }
        done = is_repository_root(d);
        true
    })
}

/// A configured severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Hint,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Hint => Some(Severity::Hint),
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    language: Option<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    words: Vec<Spanned<String>>,
    #[serde(default)]
    dictionaries: Vec<Spanned<String>>,
    english: Option<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Level>,
    #[serde(default)]
    styles: Vec<Spanned<String>>,
    #[serde(rename = "default-styles")]
    default_styles: Option<bool>,
}

/// Words a newsroom adds: plain word lists and Hunspell dictionaries, loaded with the config.
#[derive(Default)]
pub struct UserLexicon {
    /// Lower-cased.
    pub words: crate::lexicon::WordSet,
    pub dictionaries: Vec<spellbook::Dictionary>,
}

impl UserLexicon {
    /// No words and no dictionaries: what most newsrooms configure.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.dictionaries.is_empty()
    }

    pub fn contains(&self, word: &str) -> bool {
        // Asked of every new word: most newsrooms add no words, and then nothing is lower-cased.
        (!self.words.is_empty() && self.words.contains(&*crate::words::lowercase(word))) || self.dictionaries.iter().any(|d| d.check(word))
    }
}

impl fmt::Debug for UserLexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "UserLexicon({} words, {} dictionaries)", self.words.len(), self.dictionaries.len())
    }
}

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub language: LanguageSetting,
    /// `ignore` compiled once (an invalid glob is a configuration error).
    pub ignore_set: Arc<globset::GlobSet>,
    /// Extra word lists, resolved against the config's folder.
    pub words: Vec<PathBuf>,
    /// Extra Hunspell dictionaries (`.dic` paths; the `.aff` beside each).
    pub dictionaries: Vec<PathBuf>,
    /// en_US or en_GB for English articles.
    pub english: Dialect,
    /// The words and dictionaries above, loaded, plus the project word list.
    pub lexicon: Arc<UserLexicon>,
    /// By rule code or by category.
    pub severity: BTreeMap<String, Level>,
    /// House style rules: the shipped defaults (unless `default-styles = false`), then the
    /// `styles` files, resolved against the config's folder.
    pub styles: Styles,
    /// The project's ignore file ([`crate::suppress::IGNORE_FILE`]), read beside the
    /// configuration: findings ignored without touching the copy.
    pub ignored: Arc<crate::suppress::IgnoreList>,
    /// The file this came from, if any.
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path.display(), self.line, self.column, self.message)
    }
}

impl std::error::Error for ConfigError {}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl Config {
    /// Parse the text of a `sunting.toml` and load the word lists and dictionaries it names.
    /// `path` names it in errors and anchors relative paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        Config::parse_with(text, path, &|p| read_config_file(p))
    }

    /// [`Config::parse`] with the files it names read by `read` (tests pass files in memory).
    pub fn parse_with(text: &str, path: &Path, read: &dyn Fn(&Path) -> std::io::Result<String>) -> Result<Config, ConfigError> {
        let error = |offset: usize, message: String| {
            let (line, column) = line_col(text, offset);
            ConfigError { path: path.to_path_buf(), line, column, message }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            error(offset, e.message().trim().to_string())
        })?;
        let language = match &raw.language {
            None => LanguageSetting::Auto,
            Some(value) => LanguageSetting::parse(value.get_ref()).ok_or_else(|| {
                error(value.span().start, format!("unknown language {:?}: expected auto, id or en", value.get_ref()))
            })?,
        };
        let english = match &raw.english {
            None => Dialect::Any,
            Some(v) => match v.get_ref().to_ascii_lowercase().as_str() {
                "any" | "both" => Dialect::Any,
                "us" | "en-us" | "en_us" => Dialect::Us,
                "gb" | "uk" | "en-gb" | "en_gb" => Dialect::Gb,
                other => return Err(error(v.span().start, format!("unknown English dialect {other:?}: expected any, us or gb"))),
            },
        };
        let base = path.parent().unwrap_or(Path::new("."));
        // House styles: a configured rule with a default rule's code takes its place.
        let mut style_rules: Vec<std::sync::Arc<StyleRule>> = match raw.default_styles {
            Some(false) => Vec::new(),
            _ => Styles::defaults(english).rules().to_vec(),
        };
        let defaults = style_rules.len();
        for entry in &raw.styles {
            let file = base.join(entry.get_ref());
            let text = read(&file).map_err(|e| error(entry.span().start, format!("cannot read style {}: {e}", file.display())))?;
            for rule in style::load(&text, &file)? {
                let code = rule.meta().code;
                match style_rules.iter().position(|r| r.meta().code == code) {
                    Some(i) if i < defaults => style_rules[i] = rule,
                    Some(i) => {
                        return Err(error(entry.span().start, format!("style rule {code} of {} is already defined in {}", file.display(), style_rules[i].source().display())));
                    }
                    None => style_rules.push(rule),
                }
            }
        }
        let styles = Styles::from_rules(style_rules);
        let mut severity = BTreeMap::new();
        for (key, level) in raw.severity {
            let name = key.get_ref();
            if rules::find(name).is_none() && styles.find(name).is_none() && Category::parse(name).is_none() {
                return Err(error(key.span().start, format!("unknown rule or category {name:?} (see `sunting rules`)")));
            }
            severity.insert(name.clone(), level);
        }
        let mut lexicon = UserLexicon::default();
        for entry in &raw.words {
            let file = base.join(entry.get_ref());
            let text = read(&file).map_err(|e| error(entry.span().start, format!("cannot read word list {}: {e}", file.display())))?;
            lexicon.words.extend(parse_word_list(&text));
        }
        for entry in &raw.dictionaries {
            let dic = base.join(entry.get_ref());
            let aff = dic.with_extension("aff");
            let load = || -> Result<spellbook::Dictionary, String> {
                let dic_text = read(&dic).map_err(|e| format!("cannot read {}: {e}", dic.display()))?;
                let aff_text = read(&aff).map_err(|e| format!("cannot read {}: {e}", aff.display()))?;
                spellbook::Dictionary::new(&aff_text, &dic_text).map_err(|e| format!("{} does not parse: {e}", dic.display()))
            };
            lexicon.dictionaries.push(load().map_err(|m| error(entry.span().start, m))?);
        }
        // The project word list is optional: it appears when someone first adds a word. When it
        // is there but cannot be read, that is an error like any configured list's.
        let project_words = base.join(PROJECT_WORDS);
        lexicon.words.extend(project_words_from(read(&project_words), &project_words)?);
        let mut globs = globset::GlobSetBuilder::new();
        for pattern in &raw.ignore {
            let glob = globset::Glob::new(pattern.get_ref()).map_err(|e| error(pattern.span().start, format!("invalid ignore glob {:?}: {}", pattern.get_ref(), e.kind())))?;
            globs.add(glob);
        }
        let ignore_set = globs.build().map_err(|e| error(0, format!("the ignore globs do not compile: {e}")))?;
        let ignore_file = base.join(crate::suppress::IGNORE_FILE);
        let ignored = ignore_list_from(read(&ignore_file), &ignore_file)?;
        Ok(Config {
            language,
            ignored: Arc::new(ignored),
            ignore_set: Arc::new(ignore_set),
            words: raw.words.iter().map(|w| base.join(w.get_ref())).collect(),
            dictionaries: raw.dictionaries.iter().map(|d| base.join(d.get_ref())).collect(),
            english,
            lexicon: Arc::new(lexicon),
            severity,
            styles,
            path: Some(path.to_path_buf()),
        })
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = read_config_file(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("cannot read: {e}"),
        })?;
        Config::parse(&text, path)
    }

    /// The nearest `sunting.toml` in `dir` or a folder above it, looking no higher than the
    /// repository root (see [`project_ancestors`]): a configuration outside the repository
    /// does not apply to it.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        project_ancestors(dir).map(|d| d.join(FILE_NAME)).find(|p| p.symlink_metadata().is_ok())
    }

    /// The nearest project word list (`.sunting/kamus.txt`) in `dir` or a folder above it, no
    /// higher than the repository root; or, where a folder has only an ignore file
    /// (`.sunting/ignore`), where its word list would be.
    pub fn discover_project_words(dir: &Path) -> Option<PathBuf> {
        project_ancestors(dir)
            .find(|d| d.join(PROJECT_WORDS).symlink_metadata().is_ok() || d.join(crate::suppress::IGNORE_FILE).symlink_metadata().is_ok())
            .map(|d| d.join(PROJECT_WORDS))
    }

    /// The default configuration with a project word list, for a project without sunting.toml
    /// (and the ignore file beside the list, if there is one). A list or ignore file that is
    /// there but cannot be read (a device, a FIFO, too large) or parsed is an error.
    pub fn with_project_words(list: &Path) -> Result<Config, ConfigError> {
        let words = project_words_from(read_config_file(list), list)?;
        let ignored = read_ignore_list(&list.with_file_name("ignore"))?;
        Ok(Config { lexicon: Arc::new(UserLexicon { words, dictionaries: Vec::new() }), ignored: Arc::new(ignored), ..Config::default() })
    }

    /// Whether the configuration's `ignore` globs exclude `path` (a path found in a folder walk;
    /// a file named on the command line is always checked).
    pub fn ignores(&self, path: &Path) -> bool {
        let Some(root) = self.root() else { return false };
        if self.ignore_set.is_empty() {
            return false;
        }
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
        abs.strip_prefix(&root).is_ok_and(|rel| self.ignore_set.is_match(rel))
    }

    /// The folder relative paths in this config are anchored to.
    pub fn root(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }

    /// The level configured for a rule (by code, else by category), if any. Without one, a
    /// rule's findings keep the severity the rule gave them.
    pub fn level_for(&self, meta: &RuleMeta) -> Option<Level> {
        self.severity.get(meta.code).or_else(|| self.severity.get(meta.category.as_str())).copied()
    }

    /// This configuration with the command line's choice of rules applied: with `select` not
    /// empty, only the rules it names (by code or category) stay on; then every rule `ignore`
    /// names is off. Both switch rules off by code, so they win over the file's own
    /// `[severity]` whether that names a rule or its category. A name that is neither a rule
    /// (built in or of this configuration's house style) nor a category is an error.
    pub fn with_selection(mut self, select: &[String], ignore: &[String]) -> Result<Config, ConfigError> {
        if select.is_empty() && ignore.is_empty() {
            return Ok(self);
        }
        let known = |name: &str| rules::find(name).is_some() || self.styles.find(name).is_some() || Category::parse(name).is_some();
        if let Some(unknown) = select.iter().chain(ignore).find(|n| !known(n)) {
            let path = self.path.clone().unwrap_or_else(|| PathBuf::from("(command line)"));
            return Err(ConfigError { path, line: 1, column: 1, message: format!("--select/--ignore: unknown rule or category {unknown:?} (see `sunting rules`)") });
        }
        let names = |meta: &RuleMeta, list: &[String]| list.iter().any(|n| n == meta.code || n == meta.category.as_str());
        let metas: Vec<&'static RuleMeta> = rules::REGISTRY.iter().map(|r| r.meta()).chain(self.styles.iter().map(|r| r.meta())).collect();
        for meta in metas {
            if (!select.is_empty() && !names(meta, select)) || names(meta, ignore) {
                self.severity.insert(meta.code.to_string(), Level::Off);
            }
        }
        Ok(self)
    }

    /// The severity a rule reports at by default here, or `None` when it is switched off.
    pub fn severity_for(&self, meta: &RuleMeta) -> Option<Severity> {
        match self.level_for(meta) {
            Some(level) => level.severity(),
            None => Some(meta.default_severity),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys `RawConfig` accepts, from serde's own list (its error for an unknown key).
    fn config_keys() -> Vec<String> {
        let err = toml::from_str::<RawConfig>("no-such-key = 1\n").unwrap_err().message().to_string();
        let expected = err.split("expected one of").nth(1).unwrap_or_else(|| panic!("serde lists the keys: {err}"));
        expected.split(',').map(|k| k.trim().trim_matches('`').to_string()).filter(|k| !k.is_empty()).collect()
    }

    #[test]
    fn the_init_template_parses_and_names_every_key() {
        let read = |_: &Path| -> std::io::Result<String> { Err(std::io::ErrorKind::NotFound.into()) };
        let config = Config::parse_with(TEMPLATE, Path::new("/news/sunting.toml"), &read).unwrap_or_else(|e| panic!("{e}"));
        // As is, it configures what having no configuration does.
        let none = Config::parse_with("", Path::new("/news/sunting.toml"), &read).unwrap();
        assert_eq!(config.language, none.language);
        assert_eq!(config.english, none.english);
        assert!(config.ignore_set.is_empty() && config.words.is_empty() && config.dictionaries.is_empty() && config.severity.is_empty());
        assert_eq!(config.styles.rules().len(), none.styles.rules().len());
        let keys = config_keys();
        assert!(keys.len() >= 8 && keys.contains(&"default-styles".to_string()), "{keys:?}");
        for key in keys {
            let present = TEMPLATE.lines().any(|l| l.starts_with(&format!("{key} = ")) || l == format!("[{key}]"));
            assert!(present, "the template does not set {key}");
        }
        // The commented examples are valid too.
        let uncommented: String = TEMPLATE.lines().map(|l| l.strip_prefix("# ").filter(|r| r.contains(" = \"")).unwrap_or(l)).collect::<Vec<_>>().join("\n");
        let examples = Config::parse_with(&uncommented, Path::new("/news/sunting.toml"), &read).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(examples.severity.len(), 2);
    }

    #[test]
    fn parses_a_full_config() {
        let text = "language = \"id\"\nignore = [\"drafts/**\"]\nwords = [\"kamus.txt\"]\n[severity]\ntypography = \"error\"\n\"typography/doubled-word\" = \"off\"\n";
        let read = |p: &Path| {
            if p.ends_with(crate::suppress::IGNORE_FILE) { Err(std::io::ErrorKind::NotFound.into()) } else { Ok("kata\n".into()) }
        };
        let config = Config::parse_with(text, Path::new("/news/sunting.toml"), &read).unwrap();
        assert_eq!(config.language, LanguageSetting::Fixed(crate::language::Language::Id));
        assert!(config.ignored.is_empty());
        // The project's ignore file is read beside the configuration; a bad line is an error
        // that names the file and the line.
        let ignore = "{\"rule\": \"typography\", \"text\": \"!!\", \"sentence\": \"Berhenti !!\"}\n";
        let with = Config::parse_with("", Path::new("/news/sunting.toml"), &|p| {
            if p.ends_with(crate::suppress::IGNORE_FILE) { Ok(ignore.into()) } else { Err(std::io::ErrorKind::NotFound.into()) }
        })
        .unwrap();
        assert_eq!(with.ignored.entries().len(), 1);
        let err = Config::parse_with("", Path::new("/news/sunting.toml"), &|p| {
            if p.ends_with(crate::suppress::IGNORE_FILE) { Ok("\nnot json\n".into()) } else { Err(std::io::ErrorKind::NotFound.into()) }
        })
        .unwrap_err();
        assert_eq!((err.path.clone(), err.line), (PathBuf::from("/news/.sunting/ignore"), 2), "{err}");
        assert_eq!(config.words, vec![PathBuf::from("/news/kamus.txt")]);
        let doubled = rules::find("typography/doubled-word").unwrap().meta();
        assert_eq!(config.severity_for(doubled), None);
        let other = rules::find("typography/doubled-punctuation").unwrap().meta();
        assert_eq!(config.severity_for(other), Some(Severity::Error));
    }

    #[test]
    fn errors_carry_line_and_column() {
        let err = Config::parse("language = \"id\"\nbogus = 1\n", Path::new("s.toml")).unwrap_err();
        assert_eq!((err.line, err.column), (2, 1), "{err}");
        assert!(err.to_string().starts_with("s.toml:2:1:"), "{err}");

        let err = Config::parse("[severity]\ntypography = \"loud\"\n", Path::new("s.toml")).unwrap_err();
        assert_eq!(err.line, 2, "{err}");

        let err = Config::parse("[severity]\n\"typography/nope\" = \"off\"\n", Path::new("s.toml")).unwrap_err();
        assert_eq!((err.line, err.column), (2, 1), "{err}");
        assert!(err.message.contains("typography/nope"));

        let err = Config::parse("language = \"fr\"\n", Path::new("s.toml")).unwrap_err();
        assert_eq!((err.line, err.column), (1, 12), "{err}");

        let err = Config::parse("language = [", Path::new("s.toml")).unwrap_err();
        assert_eq!(err.line, 1, "{err}");
    }

    #[test]
    fn word_lists_load_and_a_missing_one_is_an_error() {
        let read = |p: &Path| -> std::io::Result<String> {
            match p.to_str() {
                Some("/n/kamus.txt") => Ok("# istilah redaksi\nZelenskyy\nbuzzer\n".into()),
                Some("/n/.sunting/kamus.txt") => Ok("warganet\n".into()),
                _ => Err(std::io::Error::new(std::io::ErrorKind::NotFound, "not found")),
            }
        };
        let config = Config::parse_with("words = [\"kamus.txt\"]\nenglish = \"gb\"\n", Path::new("/n/sunting.toml"), &read).unwrap();
        assert!(config.lexicon.contains("zelenskyy") && config.lexicon.contains("Buzzer") && config.lexicon.contains("warganet"));
        assert_eq!(config.english, Dialect::Gb);
        let err = Config::parse_with("words = [\"kamus.txt\",\n  \"hilang.txt\"]\n", Path::new("/n/sunting.toml"), &read).unwrap_err();
        assert_eq!((err.line, err.column), (2, 3), "{err}");
        assert!(err.message.contains("hilang.txt"));
    }

    #[test]
    fn styles_load_beside_the_defaults() {
        let style = "language = \"id\"\n[[rule]]\ncode = \"style/oknum\"\ntype = \"existence\"\ntokens = [\"oknum\"]\n";
        let read = |p: &Path| -> std::io::Result<String> {
            match p.to_str() {
                Some("/n/gaya/redaksi.toml") => Ok(style.into()),
                Some("/n/gaya/rusak.toml") => Ok("[[rule]]\ncode = \"names/x\"\ntype = \"nope\"\n".into()),
                _ => Err(std::io::Error::new(std::io::ErrorKind::NotFound, "not found")),
            }
        };
        let config = Config::parse_with("styles = [\"gaya/redaksi.toml\"]\n[severity]\n\"spelling/oknum\" = \"error\"\n", Path::new("/n/sunting.toml"), &read).unwrap();
        assert!(config.styles.find("spelling/oknum").is_some() && config.styles.find("names/exonym").is_some());
        assert_eq!(config.level_for(config.styles.find("spelling/oknum").unwrap().meta()), Some(Level::Error));
        assert!(Config::default().styles.find("names/exonym").is_some());

        let config = Config::parse_with("default-styles = false\nstyles = [\"gaya/redaksi.toml\"]\n", Path::new("/n/sunting.toml"), &read).unwrap();
        assert_eq!(config.styles.len(), 1);
        let config = Config::parse_with("english = \"gb\"\n", Path::new("/n/sunting.toml"), &read).unwrap();
        assert!(config.styles.find("spelling/ap-usage").is_none() && config.styles.find("names/exonym").is_some());

        // A style's own error names the style file; a missing one names the config's line.
        let err = Config::parse_with("styles = [\"gaya/rusak.toml\"]\n", Path::new("/n/sunting.toml"), &read).unwrap_err();
        assert!(err.to_string().starts_with("/n/gaya/rusak.toml:3:8:"), "{err}");
        let err = Config::parse_with("language = \"id\"\nstyles = [\"hilang.toml\"]\n", Path::new("/n/sunting.toml"), &read).unwrap_err();
        assert_eq!((err.line, err.column), (2, 11), "{err}");
        let err = Config::parse_with("styles = [\"gaya/redaksi.toml\", \"gaya/redaksi.toml\"]\n", Path::new("/n/sunting.toml"), &read).unwrap_err();
        assert!(err.message.contains("already defined"), "{err}");
        let err = Config::parse_with("default-styles = \"no\"\n", Path::new("/n/sunting.toml"), &read).unwrap_err();
        assert_eq!(err.line, 1, "{err}");
    }

    #[test]
    fn invalid_ignore_globs_are_errors_and_valid_ones_compile_once() {
        let err = Config::parse("language = \"id\"\nignore = [\"drafts/**\", \"[\"]\n", Path::new("/n/sunting.toml")).unwrap_err();
        assert_eq!((err.line, err.column), (2, 24), "{err}");
        assert!(err.message.contains("invalid ignore glob"), "{err}");
        let config = Config::parse("ignore = [\"drafts/**\"]\n", Path::new("/n/sunting.toml")).unwrap();
        assert_eq!(config.ignore_set.len(), 1);
        assert!(config.ignores(Path::new("/n/drafts/a.md")));
        assert!(!config.ignores(Path::new("/n/news/a.md")));
        // Outside the configuration's folder, its globs say nothing.
        assert!(!config.ignores(Path::new("/elsewhere/drafts/a.md")));
    }

    #[test]
    fn the_project_word_list_failing_is_reported() {
        let read = |p: &Path| -> std::io::Result<String> {
            match p.to_str() {
                Some("/n/.sunting/kamus.txt") => Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file")),
                _ => Err(std::io::Error::new(std::io::ErrorKind::NotFound, "not found")),
            }
        };
        let err = Config::parse_with("", Path::new("/n/sunting.toml"), &read).unwrap_err();
        assert_eq!(err.path, Path::new("/n/.sunting/kamus.txt"));
        assert!(err.message.contains("not a regular file"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn only_bounded_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let ok = dir.path().join("kamus.txt");
        std::fs::write(&ok, "kata\n").unwrap();
        assert_eq!(read_config_file(&ok).unwrap(), "kata\n");
        for special in ["/dev/zero", "/dev/null", "/dev/stdin"] {
            if Path::new(special).exists() {
                assert!(read_config_file(Path::new(special)).is_err(), "{special} was read");
            }
        }
        assert!(read_config_file(dir.path()).unwrap_err().to_string().contains("folder"));
        // A FIFO with no writer: refused at once, not waited on.
        let fifo = dir.path().join("fifo.txt");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        if unsafe { libc::mkfifo(c.as_ptr(), 0o600) } == 0 {
            assert!(read_config_file(&fifo).unwrap_err().to_string().contains("not a regular file"));
        }
        // A sparse file over the limit is refused unread.
        let big = dir.path().join("big.txt");
        std::fs::File::create(&big).unwrap().set_len(MAX_CONFIG_FILE_BYTES + 1).unwrap();
        assert!(read_config_file(&big).unwrap_err().to_string().contains("larger than the limit"));
    }

    #[test]
    fn discovery_stops_at_the_repository_root() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(FILE_NAME), "ignore = [\"**\"]\n").unwrap();
        let repo = dir.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("news")).unwrap();
        std::fs::create_dir_all(dir.path().join(".sunting")).unwrap();
        std::fs::write(dir.path().join(PROJECT_WORDS), "kata\n").unwrap();
        assert_eq!(Config::discover(&repo.join("news")), None);
        assert_eq!(Config::discover_project_words(&repo.join("news")), None);
        // Outside a repository, the search goes on up.
        let plain = dir.path().join("plain/news");
        std::fs::create_dir_all(&plain).unwrap();
        assert_eq!(Config::discover(&plain), Some(dir.path().join(FILE_NAME)));
        std::fs::write(repo.join(FILE_NAME), "").unwrap();
        assert_eq!(Config::discover(&repo.join("news")), Some(repo.join(FILE_NAME)));
    }
}
