//! `sunting.toml`: found by walking up from each article; every error says file:line:col.

use crate::diagnostic::{Category, Severity};
use crate::language::LanguageSetting;
use crate::rules::{self, RuleMeta};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

pub const FILE_NAME: &str = "sunting.toml";

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
    words: Vec<String>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Level>,
}

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub language: LanguageSetting,
    /// Glob patterns (relative to the config's folder) of files not to check.
    pub ignore: Vec<String>,
    /// Extra word lists, resolved against the config's folder.
    pub words: Vec<PathBuf>,
    /// By rule code or by category.
    pub severity: BTreeMap<String, Level>,
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
    /// Parse the text of a `sunting.toml`. `path` names it in errors and anchors relative paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
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
        let mut severity = BTreeMap::new();
        for (key, level) in raw.severity {
            let name = key.get_ref();
            if rules::find(name).is_none() && Category::parse(name).is_none() {
                return Err(error(key.span().start, format!("unknown rule or category {name:?} (see `sunting rules`)")));
            }
            severity.insert(name.clone(), level);
        }
        let base = path.parent().unwrap_or(Path::new("."));
        Ok(Config {
            language,
            ignore: raw.ignore,
            words: raw.words.iter().map(|w| base.join(w)).collect(),
            severity,
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

    /// The folder relative paths in this config are anchored to.
    pub fn root(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }

    /// The severity for a rule, or `None` when it is switched off.
    pub fn severity_for(&self, meta: &RuleMeta) -> Option<Severity> {
        let level = self
            .severity
            .get(meta.code)
            .or_else(|| self.severity.get(meta.category.as_str()));
        match level {
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
        let config = Config::parse(text, Path::new("/news/sunting.toml")).unwrap();
        assert_eq!(config.language, LanguageSetting::Fixed(crate::language::Language::Id));
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
}
