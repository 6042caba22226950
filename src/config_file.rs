//! `sunting.toml` read into a [`Config`]: its keys parsed (unknown keys rejected, every error with
//! file:line:col), the word lists, dictionaries, style files and ignore file it names loaded,
//! and every rule it names checked against the rules there are. The configuration itself is
//! data, in `crate::config`, below the rules that read it; reading it knows the rules, so it
//! is here, above them.

use crate::config::{read_config_file, Config, Level, UserLexicon, PROJECT_WORDS};
use crate::config_error::{line_col, ConfigError};
use crate::diagnostic::{Category, RuleMeta};
use crate::ignore::IgnoreList;
use crate::language::LanguageSetting;
use crate::lexicon::hunspell::Dialect;
use crate::lexicon::parse_word_list;
use crate::rules;
use crate::style::{self, StyleRule, Styles};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

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

/// The project's ignore file (`.sunting/ignore`), empty when there is none; a file that is there
/// but cannot be read or has a bad line is an error naming the file and line.
fn read_ignore_list(path: &Path) -> Result<IgnoreList, ConfigError> {
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
fn ignore_list_from(read: std::io::Result<String>, path: &Path) -> Result<IgnoreList, ConfigError> {
    match read {
        Ok(text) => IgnoreList::parse(&text).map_err(|(line, message)| ConfigError { path: path.to_path_buf(), line, column: 1, message }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(IgnoreList::default()),
        Err(e) => Err(ConfigError { path: path.to_path_buf(), line: 1, column: 1, message: format!("cannot read the ignore file: {e}") }),
    }
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
            for rule in style::load(&text, &file, rules::is_built_in)? {
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
        let ignore_file = base.join(crate::ignore::IGNORE_FILE);
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

    /// The default configuration with a project word list, for a project without sunting.toml
    /// (and the ignore file beside the list, if there is one). A list or ignore file that is
    /// there but cannot be read (a device, a FIFO, too large) or parsed is an error.
    pub fn with_project_words(list: &Path) -> Result<Config, ConfigError> {
        let words = project_words_from(read_config_file(list), list)?;
        let ignored = read_ignore_list(&list.with_file_name("ignore"))?;
        Ok(Config { lexicon: Arc::new(UserLexicon { words, dictionaries: Vec::new() }), ignored: Arc::new(ignored), ..Config::default() })
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::TEMPLATE;
    use crate::diagnostic::Severity;

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
            if p.ends_with(crate::ignore::IGNORE_FILE) { Err(std::io::ErrorKind::NotFound.into()) } else { Ok("kata\n".into()) }
        };
        let config = Config::parse_with(text, Path::new("/news/sunting.toml"), &read).unwrap();
        assert_eq!(config.language, LanguageSetting::Fixed(crate::language::Language::Id));
        assert!(config.ignored.is_empty());
        // The project's ignore file is read beside the configuration; a bad line is an error
        // that names the file and the line.
        let ignore = "{\"rule\": \"typography\", \"text\": \"!!\", \"sentence\": \"Berhenti !!\"}\n";
        let with = Config::parse_with("", Path::new("/news/sunting.toml"), &|p| {
            if p.ends_with(crate::ignore::IGNORE_FILE) { Ok(ignore.into()) } else { Err(std::io::ErrorKind::NotFound.into()) }
        })
        .unwrap();
        assert_eq!(with.ignored.entries().len(), 1);
        let err = Config::parse_with("", Path::new("/news/sunting.toml"), &|p| {
            if p.ends_with(crate::ignore::IGNORE_FILE) { Ok("\nnot json\n".into()) } else { Err(std::io::ErrorKind::NotFound.into()) }
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
}
