//! The configuration: what `sunting.toml` says (severities, word lists, dictionaries, house
//! styles, the ignore file beside it), as data the rules read, and where it is found (walking
//! up from each article, no higher than the repository root). Reading it, which checks the
//! rules it names against the rules there are, is the `config_file` module's, above the rules.

use crate::diagnostic::{RuleMeta, Severity};
use crate::ignore::IgnoreList;
use crate::language::LanguageSetting;
use crate::lexicon::hunspell::Dialect;
use crate::style::Styles;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
        (!self.words.is_empty() && self.words.contains(&*crate::lexicon::lowercase(word))) || self.dictionaries.iter().any(|d| d.check(word))
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
    /// The project's ignore file ([`crate::ignore::IGNORE_FILE`]), read beside the
    /// configuration: findings ignored without touching the copy.
    pub ignored: Arc<IgnoreList>,
    /// The file this came from, if any.
    pub path: Option<PathBuf>,
}

impl Config {
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
            .find(|d| d.join(PROJECT_WORDS).symlink_metadata().is_ok() || d.join(crate::ignore::IGNORE_FILE).symlink_metadata().is_ok())
            .map(|d| d.join(PROJECT_WORDS))
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
