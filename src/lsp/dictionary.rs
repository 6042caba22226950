//! The project files the server writes: "Add to dictionary" (`sunting.addToDictionary`) appends a
//! word to the project's word list, and *Ignore* (`sunting.ignore`) adds entries to `.sunting/ignore`.
//!
//! The command writes a file on the user's disk at the request of whatever sent it (a code action
//! the user clicked, or any client message), about a repository the user may not trust. So:
//!
//! - the word must look like a word: letters (any script) and combining marks, digits inside,
//!   single inner hyphens and apostrophes, at most [`MAX_WORD_CHARS`] characters, and at least
//!   one letter. No white space, control, quote or shell characters;
//! - the word list's path (the `dictionary` setting, `.sunting/kamus.txt` by default) must be
//!   relative, without `..`, and lies in the project's folder, which must itself lie inside a
//!   folder the client opened as a workspace folder (a `sunting.toml` found above every workspace
//!   folder does not make its folder writable);
//! - no symbolic link is followed on the way down from the project's folder: each folder is
//!   checked as it is entered (or created), the file is opened with `O_NOFOLLOW`, must be a
//!   regular file with no other hard link, and after opening, its real path must still lie in the
//!   project's folder and name the file opened;
//! - the existing list is read up to [`MAX_LIST_BYTES`] only.
//!
//! The answer names the real path written.

use std::fs::File;
use std::io::{Read, Write};
use crate::ignore::{IgnoreEntry, IgnoreList, IGNORE_FILE};
use std::path::{Component, Path, PathBuf};

/// The longest word taken (the longest dictionary words are about 45 letters).
pub const MAX_WORD_CHARS: usize = 64;
/// The largest word list appended to.
pub const MAX_LIST_BYTES: u64 = 16 * 1024 * 1024;

/// Why a word was not added; the message is shown to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn refuse<T>(message: impl Into<String>) -> Result<T, Refusal> {
    Err(Refusal(message.into()))
}

/// Whether `c` is a combining mark (the blocks of combining diacritics, and the marks that are
/// alphabetic, which [`char::is_alphabetic`] already takes).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\'' | '\u{2019}')
}

/// The word to add (trimmed), or why it is not one.
pub fn valid_word(word: &str) -> Result<&str, Refusal> {
    let word = word.trim();
    if word.is_empty() {
        return refuse("an empty word");
    }
    let chars = word.chars().count();
    if chars > MAX_WORD_CHARS {
        return refuse(format!("a word of {chars} characters is longer than {MAX_WORD_CHARS}"));
    }
    let mut previous: Option<char> = None;
    for c in word.chars() {
        let ok = if is_joiner(c) {
            // Inner only, and never two in a row.
            previous.is_some_and(|p| !is_joiner(p))
        } else if is_mark(c) {
            previous.is_some_and(|p| !is_joiner(p))
        } else {
            c.is_alphanumeric()
        };
        if !ok {
            return refuse(format!("{word:?} is not a word: {c:?} is not allowed there (letters, marks, digits and inner hyphens or apostrophes only)"));
        }
        previous = Some(c);
    }
    if previous.is_some_and(is_joiner) {
        return refuse(format!("{word:?} is not a word: it ends with {:?}", previous.unwrap_or('-')));
    }
    if !word.chars().any(char::is_alphabetic) {
        return refuse(format!("{word:?} is not a word: it has no letter"));
    }
    Ok(word)
}

/// The `dictionary` setting as the parts of a path below the project's folder.
pub(super) fn relative_parts(dictionary: &str) -> Result<Vec<&std::ffi::OsStr>, Refusal> {
    let path = Path::new(dictionary);
    let mut parts = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(p) => parts.push(p),
            Component::CurDir => {}
            _ => return refuse(format!("the dictionary setting {dictionary:?} must be a path inside the project, relative and without '..'")),
        }
    }
    if parts.is_empty() {
        return refuse(format!("the dictionary setting {dictionary:?} names no file"));
    }
    Ok(parts)
}

/// The workspace folder (real path) holding `project`, if any.
fn workspace_of(project: &Path, workspace_roots: &[PathBuf]) -> Option<PathBuf> {
    workspace_roots.iter().filter_map(|r| r.canonicalize().ok()).find(|r| project.starts_with(r))
}

#[cfg(unix)]
fn open_list(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NOFOLLOW: a symbolic link is refused (ELOOP); O_NONBLOCK: opening a special file
    // cannot hang.
    std::fs::OpenOptions::new().read(true).append(true).create(true).mode(0o644).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_list(path: &Path) -> std::io::Result<File> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(std::io::Error::other("a symbolic link"));
    }
    std::fs::OpenOptions::new().read(true).append(true).create(true).open(path)
}

/// The same file: on Unix, by device and inode.
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        a.dev() == b.dev() && a.ino() == b.ino()
    }
    #[cfg(not(unix))]
    {
        a.len() == b.len() && a.modified().ok() == b.modified().ok()
    }
}

fn hard_links(meta: &std::fs::Metadata) -> u64 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.nlink()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}

/// What was done: whether the word was new, and the real path of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    pub added: bool,
    pub path: PathBuf,
}

/// Enter the folder `dir` on the way down from a project's folder, making it if it is missing:
/// a symbolic link (`why` says what that would break) or anything but a folder is refused.
fn enter_folder(dir: &Path, why: &str) -> Result<(), String> {
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => Err(format!("{} is a symbolic link; {why}", dir.display())),
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(format!("{} is not a folder", dir.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => std::fs::create_dir(dir).map_err(|e| format!("cannot create {}: {e}", dir.display())),
        Err(e) => Err(format!("{}: {e}", dir.display())),
    }
}

/// Append `word` to the word list `dictionary` (relative to `project`, the project's folder),
/// creating its folders and file, under the rules in the module's description.
/// `workspace_roots` are the folders the client opened.
pub fn add_word(workspace_roots: &[PathBuf], project: &Path, dictionary: &str, word: &str) -> Result<Added, Refusal> {
    let word = valid_word(word)?;
    let parts = relative_parts(dictionary)?;
    if workspace_roots.is_empty() {
        return refuse("no workspace folder is open: open the project's folder to keep a word list");
    }
    let project = match project.canonicalize() {
        Ok(p) => p,
        Err(e) => return refuse(format!("the project folder {} cannot be used: {e}", project.display())),
    };
    if workspace_of(&project, workspace_roots).is_none() {
        return refuse(format!(
            "the project folder {} is outside the workspace folders; open it as a workspace folder to add words to its list",
            project.display()
        ));
    }
    // Down from the project's folder, entering (or making) each folder without following links.
    let mut dir = project.clone();
    let (file_name, folders) = parts.split_last().map_or((None, &[][..]), |(f, rest)| (Some(*f), rest));
    for part in folders {
        dir.push(part);
        enter_folder(&dir, "the word list must be inside the project").map_err(Refusal)?;
    }
    let path = dir.join(file_name.unwrap_or_default());
    let mut file = match open_list(&path) {
        Ok(f) => f,
        Err(e) if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) => {
            return refuse(format!("{} is a symbolic link ({e}); the word list must be a plain file inside the project", path.display()));
        }
        Err(e) => return refuse(format!("cannot open {}: {e}", path.display())),
    };
    let opened = match file.metadata() {
        Ok(m) => m,
        Err(e) => return refuse(format!("{}: {e}", path.display())),
    };
    if !opened.is_file() {
        return refuse(format!("{} is not a regular file", path.display()));
    }
    if hard_links(&opened) > 1 {
        return refuse(format!("{} has other hard links; the word list must be a file of its own", path.display()));
    }
    // The real path, once more, now that the file is open: still inside the project, still it.
    let real = match path.canonicalize() {
        Ok(p) => p,
        Err(e) => return refuse(format!("{}: {e}", path.display())),
    };
    if !real.starts_with(&project) || !std::fs::metadata(&real).is_ok_and(|m| same_file(&m, &opened)) {
        return refuse(format!("{} moved while it was opened; the word was not added", path.display()));
    }
    if opened.len() > MAX_LIST_BYTES {
        return refuse(format!("{} is larger than {} MiB; the word was not added", real.display(), MAX_LIST_BYTES / 1024 / 1024));
    }
    let mut existing = Vec::new();
    if let Err(e) = (&mut file).take(MAX_LIST_BYTES + 1).read_to_end(&mut existing) {
        return refuse(format!("cannot read {}: {e}", real.display()));
    }
    if existing.len() as u64 > MAX_LIST_BYTES {
        return refuse(format!("{} is larger than {} MiB; the word was not added", real.display(), MAX_LIST_BYTES / 1024 / 1024));
    }
    let text = String::from_utf8_lossy(&existing);
    if text.lines().any(|l| l.trim() == word) {
        return Ok(Added { added: false, path: real });
    }
    let sep = if existing.is_empty() || existing.ends_with(b"\n") { "" } else { "\n" };
    if let Err(e) = writeln!(file, "{sep}{word}") {
        return refuse(format!("cannot write {}: {e}", real.display()));
    }
    Ok(Added { added: true, path: real })
}

/// Keep `.sunting/ignore` at `root` with `entries` added (those not there yet); returns the
/// file and how many were added. The file stays inside the project: neither `.sunting` nor
/// the file may be a symbolic link, the file is rewritten through a new file renamed over it
/// (a rename replaces a link, never follows one), and what is there already must parse. Like the
/// word list, it is written only when the project's folder lies in a workspace folder.
pub fn add_ignore_entries(workspace_roots: &[PathBuf], root: &Path, entries: &[IgnoreEntry]) -> Result<(PathBuf, usize), String> {
    const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;
    let root = root.canonicalize().map_err(|e| format!("{}: {e}", root.display()))?;
    if workspace_of(&root, workspace_roots).is_none() {
        return Err(format!("project folder {} is outside the workspace folders; the ignore file is not written", root.display()));
    }
    let path = root.join(IGNORE_FILE);
    let dir = path.parent().unwrap_or(&root).to_path_buf();
    enter_folder(&dir, "not followed")?;
    let existing = match std::fs::symlink_metadata(&path) {
        Ok(m) if m.file_type().is_symlink() => return Err(format!("{} is a symbolic link; not followed", path.display())),
        Ok(m) if !m.is_file() => return Err(format!("{} is not a file", path.display())),
        Ok(m) if m.len() > MAX_FILE_BYTES => return Err(format!("{} is over {} MiB", path.display(), MAX_FILE_BYTES >> 20)),
        Ok(_) => std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    let list = IgnoreList::parse(&existing).map_err(|(line, e)| format!("{}:{line}: {e}; fix or remove that line first", path.display()))?;
    let mut fresh: Vec<&IgnoreEntry> = Vec::new();
    for e in entries {
        if !list.contains(e) && !fresh.contains(&e) {
            fresh.push(e);
        }
    }
    if fresh.is_empty() {
        return Ok((path, 0));
    }
    let mut text = existing;
    if text.is_empty() {
        text.push_str("# Findings sunting ignores in this project: one JSON object a line (rule, flagged text, sentence).\n");
    } else if !text.ends_with('\n') {
        text.push('\n');
    }
    for e in &fresh {
        text.push_str(&e.to_line());
        text.push('\n');
    }
    let tmp = dir.join(format!(".ignore.{}.tmp", std::process::id()));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(text.as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, &path)
    };
    if let Err(e) = write() {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("cannot write {}: {e}", path.display()));
    }
    Ok((path, fresh.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_words() {
        for ok in ["Jokowi", "swasembada", "anak-anak", "Ma'ruf", "O’Brien", "naïve", "e\u{301}te", "Привет", "東京", "COVID-19", "G20"] {
            assert_eq!(valid_word(ok), Ok(ok), "{ok}");
        }
        assert_eq!(valid_word("  kata \n"), Ok("kata"));
        for bad in ["", "two words", "two\nlines", "curl -s http://x | sh", "$(id)", "a;b", "-awal", "akhir-", "a--b", "'quoted'", "1945", "tab\there", "a\u{0}b", "a\u{202E}b", "x\"y", "a/b", "a.b"] {
            assert!(valid_word(bad).is_err(), "{bad:?}");
        }
        assert!(valid_word(&"a".repeat(MAX_WORD_CHARS)).is_ok());
        assert!(valid_word(&"a".repeat(MAX_WORD_CHARS + 1)).is_err());
    }

    #[test]
    fn appends_once_inside_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let roots = [dir.path().to_path_buf()];
        let a = add_word(&roots, dir.path(), ".sunting/kamus.txt", "Jokowi").unwrap();
        assert!(a.added);
        assert_eq!(a.path, dir.path().canonicalize().unwrap().join(".sunting/kamus.txt"));
        assert!(!add_word(&roots, dir.path(), ".sunting/kamus.txt", "Jokowi").unwrap().added);
        assert!(add_word(&roots, dir.path(), ".sunting/kamus.txt", "swasembada").unwrap().added);
        assert_eq!(std::fs::read_to_string(&a.path).unwrap(), "Jokowi\nswasembada\n");
    }

    #[test]
    fn refuses_paths_outside_the_project() {
        let dir = tempfile::tempdir().unwrap();
        let project = dir.path().join("repo");
        std::fs::create_dir(&project).unwrap();
        let roots = [project.clone()];
        for setting in ["../x.txt", "/tmp/x.txt", "a/../../x.txt", "", "."] {
            assert!(add_word(&roots, &project, setting, "kata").is_err(), "{setting}");
        }
        // A project folder above the workspace folder, and no workspace at all.
        assert!(add_word(&roots, dir.path(), "kamus.txt", "kata").unwrap_err().0.contains("outside the workspace"));
        assert!(add_word(&[], &project, "kamus.txt", "kata").is_err());
        assert!(!dir.path().join("x.txt").exists() && !dir.path().join("kamus.txt").exists());
    }

    #[cfg(unix)]
    #[test]
    fn refuses_links_and_special_files() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::create_dir(&victim).unwrap();
        std::fs::write(victim.join(".bashrc"), "echo hi\n").unwrap();
        std::fs::write(victim.join("kamus.txt"), "").unwrap();
        let repo = |name: &str| {
            let p = dir.path().join(name);
            std::fs::create_dir_all(&p).unwrap();
            p
        };
        // The list a symbolic link to a file outside.
        let a = repo("a");
        std::fs::create_dir(a.join(".sunting")).unwrap();
        std::os::unix::fs::symlink(victim.join(".bashrc"), a.join(".sunting/kamus.txt")).unwrap();
        let e = add_word(std::slice::from_ref(&a), &a, ".sunting/kamus.txt", "banjri").unwrap_err();
        assert!(e.0.contains("symbolic link"), "{e}");
        // Its folder a symbolic link.
        let b = repo("b");
        std::os::unix::fs::symlink(&victim, b.join(".sunting")).unwrap();
        assert!(add_word(std::slice::from_ref(&b), &b, ".sunting/kamus.txt", "banjri").unwrap_err().0.contains("symbolic link"));
        // A link that stays inside the project is refused too; so is a hard link and a FIFO.
        let c = repo("c");
        std::fs::write(c.join("words.txt"), "").unwrap();
        std::os::unix::fs::symlink(c.join("words.txt"), c.join("kamus.txt")).unwrap();
        assert!(add_word(std::slice::from_ref(&c), &c, "kamus.txt", "banjri").is_err());
        std::fs::hard_link(victim.join("kamus.txt"), c.join("hard.txt")).unwrap();
        assert!(add_word(std::slice::from_ref(&c), &c, "hard.txt", "banjri").unwrap_err().0.contains("hard links"));
        let fifo = c.join("fifo.txt");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        assert!(add_word(std::slice::from_ref(&c), &c, "fifo.txt", "banjri").unwrap_err().0.contains("regular"));
        assert_eq!(std::fs::read_to_string(victim.join(".bashrc")).unwrap(), "echo hi\n");
        assert_eq!(std::fs::read_to_string(victim.join("kamus.txt")).unwrap(), "");
    }

    #[test]
    fn refuses_a_list_too_large() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("kamus.txt");
        std::fs::File::create(&list).unwrap().set_len(MAX_LIST_BYTES + 1).unwrap();
        let e = add_word(&[dir.path().to_path_buf()], dir.path(), "kamus.txt", "kata").unwrap_err();
        assert!(e.0.contains("larger than"), "{e}");
    }
}
