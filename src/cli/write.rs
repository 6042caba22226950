//! `fix`'s write: replace an article with its fixed text without losing a byte.
//!
//! The guarantee (Linux; see the README's "What `fix` promises"):
//!
//! - The article is replaced whole or not at all: the fixed text is written to a temporary file
//!   beside it, synced, then swapped in with one `renameat2(RENAME_EXCHANGE)`.
//! - The swap is checked after the fact: the file swapped out must be the very file that was
//!   read (same device and inode) and still hold the bytes that were checked. If another program
//!   saved in between (by replacing the file or by writing into it), the swap is undone, so its
//!   version is back under the article's name, and `fix` reports the file as changed.
//! - The file keeps what is not its text: owner and group (`fchown`), mode (set-user-ID
//!   included), extended attributes (ACLs are `system.posix_acl_*` attributes). A file whose
//!   metadata cannot be kept is not written.
//! - Files `fix` must not replace are refused with a message, untouched: read-only files, files
//!   you may not write, files with several names (hard links: the other names would keep the
//!   old text), files of another user when their owner cannot be kept.
//! - The temporary file is `.NAME.sunting-fix-PID` beside NAME and is locked (`flock`) while
//!   `fix` runs. When `fix` is killed, it stays; the next `fix` of NAME removes it if no running
//!   `fix` holds its lock and it holds nothing the article does not (the article's text or its
//!   fixed text); otherwise it is named in a note, to compare and remove by hand.
//!
//! What remains: a program that keeps the article open and writes into it after the final check
//! (microseconds after the swap) writes into the replaced file. Editors save by writing the
//! whole file anew or by replacing it, which the check sees.
//!
//! On systems or file systems without an atomic exchange, the file is re-read and compared just
//! before an ordinary rename; a save landing between the two is not detected.

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

const CHANGED: &str = "the file changed while it was being fixed; nothing was written";
/// Between an article's name and the process id in its temporary file's name.
pub const TEMP_MARK: &str = ".sunting-fix-";

/// An I/O error, with what to do about the common ones.
pub fn describe(e: &io::Error) -> String {
    #[cfg(unix)]
    {
        let hint = match e.raw_os_error() {
            Some(libc::EPERM) => Some("operation not permitted: the file or its folder may be immutable or append-only (see `lsattr`; `chattr -i` lifts it)"),
            Some(libc::EACCES) => Some("permission denied: fix writes a new file beside the article and swaps it in, so it needs to write the folder"),
            Some(libc::EROFS) => Some("read-only file system"),
            Some(libc::ENOSPC) => Some("no space left on device"),
            Some(libc::EDQUOT) => Some("disk quota exceeded"),
            _ => None,
        };
        if let Some(hint) = hint {
            return format!("{hint}; nothing was written");
        }
    }
    format!("{e}; nothing was written")
}

/// Leftover temporary files found in folders, read once per folder per run.
#[derive(Default)]
pub struct Leftovers {
    by_dir: HashMap<PathBuf, Vec<OsString>>,
}

impl Leftovers {
    fn in_dir(&mut self, dir: &Path) -> &[OsString] {
        self.by_dir.entry(dir.to_path_buf()).or_insert_with(|| {
            let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
            entries.filter_map(Result::ok).map(|e| e.file_name()).filter(|n| n.to_string_lossy().contains(TEMP_MARK)).collect()
        })
    }
}

/// The temporary file's name for an article named `name`, without the process id.
fn temp_prefix(name: &OsStr) -> OsString {
    let mut bytes = name.as_encoded_bytes().to_vec();
    // Room for the mark and a process id within the usual 255-byte limit of a name.
    if bytes.len() > 200 {
        bytes.truncate(200);
    }
    let mut prefix = OsString::from(".");
    // Safety of the conversion: a prefix of an encoded OsStr cut at any byte is not always
    // valid on every platform, so go through lossless bytes only on unix.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        prefix.push(OsStr::from_bytes(&bytes));
    }
    #[cfg(not(unix))]
    prefix.push(String::from_utf8_lossy(&bytes).as_ref());
    prefix.push(TEMP_MARK);
    prefix
}

fn read_from_start(file: &File, limit: u64) -> io::Result<Vec<u8>> {
    let mut f = file;
    f.seek(SeekFrom::Start(0))?;
    let mut bytes = Vec::new();
    f.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Before fixing the article at `path`, read as `original`, to `fixed`: remove the leftovers of
/// interrupted fixes of it that hold nothing else; returns notes for standard error.
pub fn tidy(path: &Path, original: &[u8], fixed: &[u8], leftovers: &mut Leftovers) -> Vec<String> {
    let Ok(path) = std::fs::canonicalize(path) else { return Vec::new() };
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return Vec::new() };
    clean_leftovers(dir, &temp_prefix(name), original, fixed, leftovers)
}

/// Replace the article at `path` (through symbolic links: the file they point to), read as
/// `original`, with `contents`.
pub fn replace_file(path: &Path, original: &[u8], contents: &[u8]) -> Result<(), String> {
    replace_file_with(path, original, contents, &|| {})
}

/// [`replace_file`], calling `before_swap` just before the swap (the tests save the article
/// there, as another program could).
fn replace_file_with(path: &Path, original: &[u8], contents: &[u8], before_swap: &dyn Fn()) -> Result<(), String> {
    let path = std::fs::canonicalize(path).map_err(|e| e.to_string())?;
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else { return Err("not a file".to_string()) };
    let file = File::open(&path).map_err(|e| e.to_string())?;
    let meta = file.metadata().map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file; nothing was written".to_string());
    }
    refuse_unsafe(&path, &meta)?;
    if read_from_start(&file, original.len() as u64 + 1).map_err(|e| e.to_string())? != original {
        return Err(CHANGED.to_string());
    }
    let mut tmp_name = temp_prefix(name);
    tmp_name.push(std::process::id().to_string());
    let tmp_path = dir.join(&tmp_name);
    let mut tmp = create_temp(&tmp_path).map_err(|e| format!("cannot create the temporary file {}: {}", tmp_path.display(), describe(&e)))?;
    let prepared = tmp.write_all(contents).and_then(|()| copy_metadata(&meta, &file, &tmp)).and_then(|()| tmp.sync_all());
    if let Err(e) = prepared {
        let _ = std::fs::remove_file(&tmp_path);
        return Err(if e.kind() == io::ErrorKind::Other { format!("{e}; nothing was written") } else { describe(&e) });
    }
    before_swap();
    swap_in(&path, &tmp_path, &file, &meta, &tmp, original)
}

/// Refuse what replacing the file would damage.
fn refuse_unsafe(path: &Path, meta: &std::fs::Metadata) -> Result<(), String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mode = meta.mode() & 0o7777;
        if mode & 0o222 == 0 {
            return Err(format!("read-only file (mode {mode:04o}): not written; make it writable (`chmod u+w`) if fix may change it"));
        }
        if meta.nlink() > 1 {
            return Err(format!(
                "the file has {} names (hard links), and replacing it would leave the others with the old text: not written; see the changes with `sunting fix --diff`",
                meta.nlink()
            ));
        }
        let c = std::ffi::CString::new(std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str())).map_err(|e| e.to_string())?;
        // SAFETY: `c` is a valid NUL-terminated path.
        if unsafe { libc::access(c.as_ptr(), libc::W_OK) } != 0 {
            let e = io::Error::last_os_error();
            return Err(match e.raw_os_error() {
                Some(libc::EACCES) => "you may not write this file (permission denied): not written".to_string(),
                _ => describe(&e),
            });
        }
    }
    #[cfg(not(unix))]
    if meta.permissions().readonly() {
        let _ = path;
        return Err("read-only file: not written; make it writable if fix may change it".to_string());
    }
    Ok(())
}

fn create_temp(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path)?;
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        // Held until the process ends: a later fix knows a locked temporary file is in use.
        // SAFETY: a valid open descriptor.
        unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    }
    Ok(file)
}

/// Remove leftovers of interrupted fixes of this article that hold nothing the article does not.
fn clean_leftovers(dir: &Path, prefix: &OsStr, original: &[u8], fixed: &[u8], leftovers: &mut Leftovers) -> Vec<String> {
    let mut notes = Vec::new();
    let prefix = prefix.as_encoded_bytes();
    let names: Vec<OsString> = leftovers.in_dir(dir).iter().filter(|n| n.as_encoded_bytes().starts_with(prefix) && n.as_encoded_bytes()[prefix.len()..].iter().all(u8::is_ascii_digit)).cloned().collect();
    for name in names {
        let path = dir.join(&name);
        match stale_copy(&path, original, fixed) {
            Some(true) if std::fs::remove_file(&path).is_ok() => {
                notes.push(format!("{}: note: removed a temporary file left by an interrupted fix", path.display()));
            }
            Some(false) => notes.push(format!(
                "{}: note: left by an interrupted fix, and its text differs from the article's: compare them and remove it",
                path.display()
            )),
            Some(true) | None => {}
        }
    }
    notes
}

/// For a leftover: `None` when it is in use or not ours to judge; else whether it only holds a
/// copy of the article's text or of its fixed text.
fn stale_copy(path: &Path, original: &[u8], fixed: &[u8]) -> Option<bool> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        use std::os::unix::fs::MetadataExt;
        // SAFETY: plain calls on a valid descriptor.
        if meta.uid() != unsafe { libc::geteuid() } || unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
            return None;
        }
    }
    let limit = original.len().max(fixed.len()) as u64 + 1;
    let bytes = read_from_start(&file, limit).ok()?;
    Some(bytes == original || bytes == fixed)
}

#[cfg(target_os = "linux")]
fn copy_metadata(meta: &std::fs::Metadata, from: &File, to: &File) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    use std::os::unix::fs::MetadataExt;
    let (src, dst) = (from.as_raw_fd(), to.as_raw_fd());
    // Extended attributes first (ACLs among them), while the temporary file is still ours.
    for name in xattr_names(src)? {
        let value = xattr_get(src, &name)?;
        if xattr_get(dst, &name).ok().as_deref() == Some(&value[..]) {
            continue;
        }
        // SAFETY: valid descriptor, NUL-terminated name, value pointer and length from a Vec.
        if unsafe { libc::fsetxattr(dst, name.as_ptr(), value.as_ptr().cast(), value.len(), 0) } != 0 {
            let e = io::Error::last_os_error();
            return Err(io::Error::other(format!("cannot keep the extended attribute {}: {e}", name.to_string_lossy())));
        }
    }
    let mine = to.metadata()?;
    if (mine.uid(), mine.gid()) != (meta.uid(), meta.gid()) {
        // SAFETY: valid descriptor.
        if unsafe { libc::fchown(dst, meta.uid(), meta.gid()) } != 0 {
            let e = io::Error::last_os_error();
            let whose = if mine.uid() != meta.uid() { format!("user {}", meta.uid()) } else { format!("group {}", meta.gid()) };
            return Err(io::Error::other(format!("the file belongs to {whose}, which fix cannot keep ({e}); run fix as its owner")));
        }
    }
    // After the change of owner, which clears set-user-ID bits.
    // SAFETY: valid descriptor.
    if unsafe { libc::fchmod(dst, meta.mode() & 0o7777) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(())
}

#[cfg(all(unix, not(target_os = "linux")))]
fn copy_metadata(meta: &std::fs::Metadata, _from: &File, to: &File) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let mine = to.metadata()?;
    if (mine.uid(), mine.gid()) != (meta.uid(), meta.gid()) {
        std::os::unix::fs::fchown(to, Some(meta.uid()), Some(meta.gid())).map_err(|e| io::Error::other(format!("the file belongs to user {}, which fix cannot keep ({e}); run fix as its owner", meta.uid())))?;
    }
    to.set_permissions(std::fs::Permissions::from_mode(meta.mode() & 0o7777))
}

#[cfg(not(unix))]
fn copy_metadata(meta: &std::fs::Metadata, _from: &File, to: &File) -> io::Result<()> {
    to.set_permissions(meta.permissions())
}

#[cfg(target_os = "linux")]
fn xattr_names(fd: i32) -> io::Result<Vec<std::ffi::CString>> {
    // SAFETY: `sized` passes a buffer with its true length (or a null one of length 0).
    match sized(|buf, len| unsafe { libc::flistxattr(fd, buf.cast(), len) }) {
        Ok(buf) => Ok(buf.split(|&b| b == 0).filter(|n| !n.is_empty()).filter_map(|n| std::ffi::CString::new(n).ok()).collect()),
        Err(e) if e.raw_os_error() == Some(libc::ENOTSUP) => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// What a call of the `*xattr` kind gives: asked first for its size (a null buffer of length 0),
/// then into a buffer of that size, again if the value grew in between (`ERANGE`).
#[cfg(target_os = "linux")]
fn sized(call: impl Fn(*mut u8, usize) -> isize) -> io::Result<Vec<u8>> {
    loop {
        let size = call(std::ptr::null_mut(), 0);
        if size < 0 {
            return Err(io::Error::last_os_error());
        }
        let mut buf = vec![0u8; size as usize];
        let got = call(buf.as_mut_ptr(), buf.len());
        if got < 0 {
            let e = io::Error::last_os_error();
            if e.raw_os_error() == Some(libc::ERANGE) {
                continue;
            }
            return Err(e);
        }
        buf.truncate(got as usize);
        return Ok(buf);
    }
}

#[cfg(target_os = "linux")]
fn xattr_get(fd: i32, name: &std::ffi::CStr) -> io::Result<Vec<u8>> {
    // SAFETY: `sized` passes a buffer with its true length (or a null one of length 0).
    sized(|buf, len| unsafe { libc::fgetxattr(fd, name.as_ptr(), buf.cast(), len) })
}

/// Swap two names atomically; `Ok(false)` when the system or file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use std::os::unix::ffi::OsStrExt;
    let a = std::ffi::CString::new(a.as_os_str().as_bytes())?;
    let b = std::ffi::CString::new(b.as_os_str().as_bytes())?;
    const RENAME_EXCHANGE: libc::c_uint = 1 << 1;
    // SAFETY: valid NUL-terminated paths; renameat2 has no other inputs.
    let r = unsafe { libc::syscall(libc::SYS_renameat2, libc::AT_FDCWD, a.as_ptr(), libc::AT_FDCWD, b.as_ptr(), RENAME_EXCHANGE) };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    match e.raw_os_error() {
        Some(libc::EINVAL | libc::ENOSYS | libc::ENOTSUP) => Ok(false),
        _ => Err(e),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<bool> {
    Ok(false)
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
fn same_file(_a: &std::fs::Metadata, _b: &std::fs::Metadata) -> bool {
    true
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Put the temporary file (`tmp`, holding the fixed text) in the article's place, and make sure
/// the file swapped out is the one that was read (`file`), unchanged.
fn swap_in(path: &Path, tmp_path: &Path, file: &File, meta: &std::fs::Metadata, tmp: &File, original: &[u8]) -> Result<(), String> {
    let dir = path.parent().unwrap_or(Path::new("."));
    match exchange(tmp_path, path) {
        Ok(true) => {}
        Ok(false) => return rename_after_check(path, tmp_path, original),
        Err(e) => {
            let _ = std::fs::remove_file(tmp_path);
            return Err(describe(&e));
        }
    }
    // `tmp_path` now names what was the article.
    let swapped_out = std::fs::symlink_metadata(tmp_path);
    let unchanged = swapped_out.as_ref().is_ok_and(|m| same_file(m, meta)) && read_from_start(file, original.len() as u64 + 1).is_ok_and(|now| now == original);
    if unchanged {
        std::fs::remove_file(tmp_path).map_err(|e| format!("fixed, but the old text stays in {}: {e}", tmp_path.display()))?;
        sync_dir(dir);
        return Ok(());
    }
    // Another program saved meanwhile: give its version its name back.
    let kept = |why: String| {
        format!(
            "the file changed while it was being fixed, and {why}: its new version is in {}, the fixed text in {}; nothing is lost",
            tmp_path.display(),
            path.display()
        )
    };
    match exchange(tmp_path, path) {
        Ok(true) => {}
        Ok(false) => return Err(kept("swapping it back is not supported here".to_string())),
        Err(e) => return Err(kept(format!("swapping it back failed ({e})"))),
    }
    // Remove the fixed text only if the name still holds our temporary file.
    match (std::fs::symlink_metadata(tmp_path), tmp.metadata()) {
        (Ok(now), Ok(ours)) if same_file(&now, &ours) => {
            let _ = std::fs::remove_file(tmp_path);
        }
        _ => return Err(format!("the file changed while it was being fixed; nothing was written, and {} was left as found", tmp_path.display())),
    }
    sync_dir(dir);
    Err(CHANGED.to_string())
}

/// Without an atomic exchange: re-read just before an ordinary rename.
fn rename_after_check(path: &Path, tmp_path: &Path, original: &[u8]) -> Result<(), String> {
    let now = std::fs::read(path);
    if !now.as_ref().is_ok_and(|now| now == original) {
        let _ = std::fs::remove_file(tmp_path);
        return Err(CHANGED.to_string());
    }
    if let Err(e) = std::fs::rename(tmp_path, path) {
        let _ = std::fs::remove_file(tmp_path);
        return Err(describe(&e));
    }
    sync_dir(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};

    const ORIGINAL: &[u8] = b"Berhenti !!\n";
    const FIXED: &[u8] = b"Berhenti!\n";

    fn article() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, ORIGINAL).unwrap();
        (dir, path)
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_save_that_replaces_the_file_during_the_fix_is_kept() {
        let (dir, path) = article();
        let saved = b"Berhenti !!\nPARAGRAF BARU\n";
        let err = replace_file_with(&path, ORIGINAL, FIXED, &|| {
            let new = dir.path().join("a.md.new");
            std::fs::write(&new, saved).unwrap();
            std::fs::rename(&new, &path).unwrap();
        })
        .unwrap_err();
        assert!(err.contains("changed"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), saved);
        assert_eq!(names(dir.path()), ["a.md"], "no temporary file is left");
    }

    #[test]
    fn a_save_that_writes_into_the_file_during_the_fix_is_kept() {
        let (dir, path) = article();
        let err = replace_file_with(&path, ORIGINAL, FIXED, &|| {
            std::fs::OpenOptions::new().append(true).open(&path).unwrap().write_all(b"APPENDED\n").unwrap();
        })
        .unwrap_err();
        assert!(err.contains("changed"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), b"Berhenti !!\nAPPENDED\n");
        assert_eq!(names(dir.path()), ["a.md"]);
    }

    #[test]
    fn a_quiet_fix_replaces_the_text_and_keeps_mode_and_attributes() {
        let (dir, path) = article();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: valid path, name and value.
        let xattr = unsafe { libc::setxattr(c.as_ptr(), c"user.note".as_ptr(), b"keep".as_ptr().cast(), 4, 0) } == 0;
        // An access ACL granting user 1 read (what `setfacl -m u:daemon:r` writes), where the
        // file system keeps ACLs.
        let mut acl = 2u32.to_le_bytes().to_vec();
        for (tag, perm, id) in [(0x01u16, 6u16, u32::MAX), (0x02, 4, 1), (0x04, 4, u32::MAX), (0x10, 4, u32::MAX), (0x20, 4, u32::MAX)] {
            acl.extend(tag.to_le_bytes().into_iter().chain(perm.to_le_bytes()).chain(id.to_le_bytes()));
        }
        // SAFETY: valid path, name and value.
        let has_acl = unsafe { libc::setxattr(c.as_ptr(), c"system.posix_acl_access".as_ptr(), acl.as_ptr().cast(), acl.len(), 0) } == 0;
        // The ACL's entries and the mode's bits are kept together: set the mode after the ACL.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        let acl_before = {
            use std::os::fd::AsRawFd;
            xattr_get(File::open(&path).unwrap().as_raw_fd(), c"system.posix_acl_access").ok()
        };
        let inode = std::fs::metadata(&path).unwrap().ino();
        replace_file(&path, ORIGINAL, FIXED).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), FIXED);
        let meta = std::fs::metadata(&path).unwrap();
        assert_eq!(meta.mode() & 0o7777, 0o640);
        assert_ne!(meta.ino(), inode, "a new file took the old one's place");
        if xattr {
            let file = File::open(&path).unwrap();
            use std::os::fd::AsRawFd;
            assert_eq!(xattr_get(file.as_raw_fd(), c"user.note").unwrap(), b"keep");
        }
        if has_acl {
            let file = File::open(&path).unwrap();
            use std::os::fd::AsRawFd;
            assert_eq!(xattr_get(file.as_raw_fd(), c"system.posix_acl_access").ok(), acl_before, "the ACL is kept");
            assert!(acl_before.is_some_and(|a| a.len() == acl.len()), "the ACL still names user 1");
        }
        assert_eq!(names(dir.path()), ["a.md"]);
    }

    #[test]
    fn files_fix_must_not_replace_are_refused_untouched() {
        let (dir, path) = article();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
        let err = replace_file(&path, ORIGINAL, FIXED).unwrap_err();
        assert!(err.contains("read-only file (mode 0444)"), "{err}");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::hard_link(&path, dir.path().join("b.md")).unwrap();
        let err = replace_file(&path, ORIGINAL, FIXED).unwrap_err();
        assert!(err.contains("2 names (hard links)"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), ORIGINAL);
        assert_eq!(names(dir.path()), ["a.md", "b.md"]);
    }

    #[test]
    fn leftovers_of_an_interrupted_fix_are_removed_only_when_they_hold_nothing_new() {
        let (dir, path) = article();
        let stale_copy = dir.path().join(".a.md.sunting-fix-4000001");
        let stale_other = dir.path().join(".a.md.sunting-fix-4000002");
        let in_use = dir.path().join(".a.md.sunting-fix-4000003");
        let unrelated = dir.path().join(".b.md.sunting-fix-4000004");
        std::fs::write(&stale_copy, FIXED).unwrap();
        std::fs::write(&stale_other, b"someone's other text\n").unwrap();
        std::fs::write(&unrelated, FIXED).unwrap();
        // A fix still running holds its temporary file's lock.
        let held = create_temp(&in_use).unwrap();
        let notes = tidy(&path, ORIGINAL, FIXED, &mut Leftovers::default());
        assert!(!stale_copy.exists(), "a copy of the fixed text is removed");
        assert!(stale_other.exists() && in_use.exists() && unrelated.exists());
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes.iter().any(|n| n.contains("4000002") && n.contains("compare")), "{notes:?}");
        drop(held);
    }
}
