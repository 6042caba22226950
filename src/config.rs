//! `sunting.toml`: found by walking up from each article; every error says file:line:col.

use crate::diagnostic::{Category, Severity};
use crate::language::LanguageSetting;
use crate::lexicon::english::Dialect;
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
    ignore: Vec<String>,
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
    /// Glob patterns (relative to the config's folder) of files not to check.
    pub ignore: Vec<String>,
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
        Config::parse_with(text, path, &|p| std::fs::read_to_string(p))
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
        let mut style_rules: Vec<&'static StyleRule> = match raw.default_styles {
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
        // The project word list is optional: it appears when someone first adds a word.
        if let Ok(text) = read(&base.join(PROJECT_WORDS)) {
            lexicon.words.extend(parse_word_list(&text));
        }
        let ignored = match read(&base.join(crate::suppress::IGNORE_FILE)) {
            Ok(text) => crate::suppress::IgnoreList::parse(&text).map_err(|(line, message)| ConfigError {
                path: base.join(crate::suppress::IGNORE_FILE),
                line,
                column: 1,
                message,
            })?,
            Err(_) => crate::suppress::IgnoreList::default(),
        };
        Ok(Config {
            language,
            ignored: Arc::new(ignored),
            ignore: raw.ignore,
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
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            line: 1,
            column: 1,
            message: format!("cannot read: {e}"),
        })?;
        Config::parse(&text, path)
    }

    /// The nearest `sunting.toml` in `dir` or a folder above it.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors().map(|d| d.join(FILE_NAME)).find(|p| p.is_file())
    }

    /// The nearest project word list (`.sunting/kamus.txt`) in `dir` or a folder above it; or,
    /// where a folder has only an ignore file (`.sunting/ignore`), where its word list would be.
    pub fn discover_project_words(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .find(|d| d.join(PROJECT_WORDS).is_file() || d.join(crate::suppress::IGNORE_FILE).is_file())
            .map(|d| d.join(PROJECT_WORDS))
    }

    /// The default configuration with a project word list, for a project without sunting.toml
    /// (and the ignore file beside the list, if there is one: a bad line in it is an error).
    pub fn with_project_words(list: &Path) -> Result<Config, ConfigError> {
        let words = std::fs::read_to_string(list).map(|t| parse_word_list(&t)).unwrap_or_default();
        let ignore_path = list.with_file_name("ignore");
        let ignored = match std::fs::read_to_string(&ignore_path) {
            Ok(text) => crate::suppress::IgnoreList::parse(&text)
                .map_err(|(line, message)| ConfigError { path: ignore_path.clone(), line, column: 1, message })?,
            Err(_) => crate::suppress::IgnoreList::default(),
        };
        Ok(Config { lexicon: Arc::new(UserLexicon { words, dictionaries: Vec::new() }), ignored: Arc::new(ignored), ..Config::default() })
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
}
