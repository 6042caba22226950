//! The command line on bad input: unreadable files, files over the size limit, invalid UTF-8 on
//! standard input, broken configurations and word lists, binary and odd files; and `fix`, which
//! must never lose data (lossily read files, symbolic links, files it must not touch).

mod common;

use common::cli::{json, stderr, sunting, sunting_streamed, temp_with};
use std::path::Path;
use std::time::{Duration, Instant};

const FIXABLE: &str = "Warga berteriak “Berhenti !!” lalu pergi.\n";

#[test]
fn unreadable_files_are_reported_and_the_rest_checked() {
    let dir = temp_with(&[("locked.md", FIXABLE.as_bytes()), ("ok.md", b"Polisi datang.\n")]);
    let locked = dir.path().join("locked.md");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        if std::fs::read(&locked).is_err() {
            let out = sunting(&["check", "--format", "json", "locked.md", "ok.md"], dir.path());
            assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
            assert!(stderr(&out).contains("locked.md: error:"), "{}", stderr(&out));
            assert_eq!(json(&out)["summary"]["files"], 1);
            let out = sunting(&["fix", "locked.md"], dir.path());
            assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        }
        // As root, mode 000 does not stop a read; a file whose read fails does (the kernel's
        // write-only clear_refs, through a link with an article's name).
        let unreadable = Path::new("/proc/self/clear_refs");
        if unreadable.exists() && std::fs::read(unreadable).is_err() {
            std::os::unix::fs::symlink(unreadable, dir.path().join("proc.md")).unwrap();
            let out = sunting(&["check", "--format", "json", "proc.md", "ok.md"], dir.path());
            assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
            assert!(stderr(&out).contains("proc.md: error:"), "{}", stderr(&out));
            assert_eq!(json(&out)["summary"]["files"], 1, "the readable file is still reported");
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    // A path through a file, as if it were a folder.
    let out = sunting(&["check", "ok.md/inner.md", "ok.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("ok.md/inner.md: error:"), "{}", stderr(&out));
}

#[test]
fn files_over_the_limit_are_refused_unread() {
    // A sparse 200 MiB file: its size is real, its blocks are not written.
    let dir = temp_with(&[("ok.md", b"Polisi datang.\n")]);
    let big = dir.path().join("big.md");
    std::fs::File::create(&big).unwrap().set_len(200 * 1024 * 1024).unwrap();
    let started = Instant::now();
    let out = sunting(&["check", "--format", "json", "big.md", "ok.md"], dir.path());
    assert!(started.elapsed() < Duration::from_secs(20), "{:?}", started.elapsed());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("big.md: error: 209715200 bytes is larger than the limit of 67108864 bytes (64 MiB)"), "{err}");
    assert_eq!(json(&out)["summary"]["files"], 1);
    // fix refuses it too, and leaves it as it was.
    let out = sunting(&["fix", "big.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("limit of 67108864 bytes (64 MiB)"), "{}", stderr(&out));
    assert_eq!(std::fs::metadata(&big).unwrap().len(), 200 * 1024 * 1024);

    // Standard input stops being read past the limit.
    let out = sunting_streamed(&["check", "-"], dir.path(), |w| {
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..65 {
            if w.write_all(&chunk).is_err() {
                return;
            }
        }
        let _ = w.write_all(b"a");
    });
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("<stdin>: error: larger than the limit of 67108864 bytes (64 MiB)"), "{}", stderr(&out));

    // A device or a pipe reports no size; it is still read no further than the limit.
    #[cfg(unix)]
    if Path::new("/dev/zero").exists() {
        std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.md")).unwrap();
        let started = Instant::now();
        let out = sunting(&["check", "zero.md"], dir.path());
        assert_eq!(out.status.code(), Some(2));
        assert!(stderr(&out).contains("zero.md: error: larger than the limit of 67108864 bytes (64 MiB)"), "{}", stderr(&out));
        assert!(started.elapsed() < Duration::from_secs(30), "{:?}", started.elapsed());
    }
}

#[test]
fn invalid_utf8_on_standard_input_names_the_byte() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = b"Polisi datang.\n\xc3\x28 lagi\n".to_vec();
    let input = bytes.clone();
    let out = sunting_streamed(&["check", "--stdin-filename", "kiriman.md", "-"], dir.path(), move |w| {
        let _ = w.write_all(&input);
    });
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("kiriman.md: error: invalid UTF-8 at byte 15"), "{}", stderr(&out));
    let out = sunting_streamed(&["check", "--lossy", "--format", "json", "-"], dir.path(), move |w| {
        let _ = w.write_all(&bytes);
    });
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["summary"]["files"], 1);
}

#[test]
fn configuration_problems_name_the_file_line_and_column() {
    // A TOML syntax error.
    let dir = temp_with(&[("a.md", FIXABLE.as_bytes()), ("sunting.toml", b"language = \"id\"\n[severity\ntypography = \"off\"\n")]);
    let out = sunting(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let at = err.find("sunting.toml:2:").unwrap_or_else(|| panic!("{err}"));
    assert!(err[at + "sunting.toml:2:".len()..].starts_with(|c: char| c.is_ascii_digit()), "{err}");
    assert_eq!(sunting(&["rules"], dir.path()).status.code(), Some(2));
    assert_eq!(sunting(&["fix", "a.md"], dir.path()).status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), FIXABLE, "nothing fixed under a broken configuration");

    // A word list that is not there.
    std::fs::write(dir.path().join("kamus.txt"), "Zelenskyy\n").unwrap();
    std::fs::write(dir.path().join("sunting.toml"), "words = [\"kamus.txt\",\n  \"hilang.txt\"]\n").unwrap();
    let out = sunting(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("sunting.toml:2:3:") && err.contains("hilang.txt"), "{err}");

    // A dictionary without its .aff, and a --config that does not exist.
    std::fs::write(dir.path().join("redaksi.dic"), "1\nkata\n").unwrap();
    std::fs::write(dir.path().join("sunting.toml"), "dictionaries = [\"redaksi.dic\"]\n").unwrap();
    let out = sunting(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("sunting.toml:1:") && stderr(&out).contains("redaksi.aff"), "{}", stderr(&out));
    let out = sunting(&["check", "--config", "nope.toml", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nope.toml"), "{}", stderr(&out));
}

#[test]
fn an_unknown_rule_in_a_suppression_comment_is_only_a_warning() {
    let text = "<!-- sunting-disable typography/tidak-ada -->\nPolisi datang ke lokasi.\n";
    let dir = temp_with(&[("a.md", text.as_bytes())]);
    let out = sunting(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("a.md: warning:") && err.contains("typography/tidak-ada"), "{err}");
    let out = sunting(&["fix", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn binary_odd_and_empty_files() {
    let late_nul = [FIXABLE.repeat(400).as_bytes(), b"\x00"].concat();
    let dir = temp_with(&[
        ("news/bin.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"),
        ("news/empty.md", b""),
        ("news/bom.md", b"\xef\xbb\xbf"),
        ("news/cr.txt", b"\r\r\r"),
        ("news/late-nul.md", &late_nul),
        ("news/ok.md", b"Polisi datang.\n"),
    ]);
    #[cfg(unix)]
    std::os::unix::fs::symlink("nowhere.md", dir.path().join("news/dangling.md")).unwrap();
    let out = sunting(&["check", "--format", "json", "--fail-on", "never", "news"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("bin.md: skipped: binary file"), "{}", stderr(&out));
    let report = json(&out);
    let mut paths: Vec<&str> = report["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    paths.sort();
    assert_eq!(paths, ["news/bom.md", "news/cr.txt", "news/empty.md", "news/late-nul.md", "news/ok.md"]);
    // fix leaves the binary file alone; having checked nothing is an error unless allowed.
    let out = sunting(&["fix", "news/bin.md"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no article was checked (1 skipped (binary))"), "{}", stderr(&out));
    let out = sunting(&["fix", "--allow-empty", "news/bin.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.path().join("news/bin.md")).unwrap(), b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR");
}

#[test]
fn pathological_markdown_is_checked_in_bounded_time() {
    let nested = format!("{}Polisi datang !!\n", "> ".repeat(2_000));
    let brackets = format!("{} Polisi datang .\n", "[".repeat(20_000));
    let emphasis = format!("{}kata{}\n", "*_".repeat(10_000), "_*".repeat(10_000));
    // One sentence of 200 KB on one line, and 20,000 findings on another.
    let long_line = format!("{}\n\n{}\n", "Polisi datang ke lokasi dan ".repeat(7_000), "kata ".repeat(20_000));
    let dir = temp_with(&[("nested.md", nested.as_bytes()), ("brackets.md", brackets.as_bytes()), ("emphasis.md", emphasis.as_bytes()), ("line.txt", long_line.as_bytes())]);
    let started = Instant::now();
    let out = sunting(&["check", "--format", "json", "--fail-on", "never", "nested.md", "brackets.md", "emphasis.md", "line.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["summary"]["files"], 4);
    assert!(started.elapsed() < Duration::from_secs(60), "{:?}", started.elapsed());
}

#[test]
fn fix_never_rewrites_bytes_it_read_lossily() {
    let mut bytes = FIXABLE.as_bytes().to_vec();
    bytes.extend_from_slice(b"Lagi \xff\xfe data lama.\n");
    let dir = temp_with(&[("a.md", &bytes)]);
    let out = sunting(&["fix", "--lossy", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("a.md: error:") && stderr(&out).contains("UTF-8"), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.path().join("a.md")).unwrap(), bytes, "the invalid bytes are kept");
    // --diff may still show what would change.
    let out = sunting(&["fix", "--lossy", "--diff", "a.md"], dir.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("“Berhenti!”"), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(std::fs::read(dir.path().join("a.md")).unwrap(), bytes);
}

#[cfg(unix)]
#[test]
fn fix_through_a_symbolic_link_fixes_the_target_and_keeps_the_link() {
    let dir = temp_with(&[("real/a.md", FIXABLE.as_bytes())]);
    std::os::unix::fs::symlink("real/a.md", dir.path().join("link.md")).unwrap();
    let out = sunting(&["fix", "link.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(dir.path().join("link.md")).unwrap().file_type().is_symlink(), "the link was replaced by a file");
    assert_eq!(std::fs::read_to_string(dir.path().join("real/a.md")).unwrap(), "Warga berteriak “Berhenti!” lalu pergi.\n");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("real")).unwrap().flatten().filter(|e| e.file_name().to_string_lossy().contains(".sunting-")).collect();
    assert!(leftovers.is_empty());
}

#[test]
fn fix_keeps_lone_cr_line_ends_and_a_missing_final_newline() {
    let text = "Polisi datang ke lokasi.\r\rWarga berteriak “Berhenti !!” lalu pergi.";
    let dir = temp_with(&[("a.md", text.as_bytes())]);
    let out = sunting(&["fix", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), "Polisi datang ke lokasi.\r\rWarga berteriak “Berhenti!” lalu pergi.");
}

/// A file of exactly the size limit plus one byte is named with exact byte counts.
#[test]
fn the_size_message_counts_bytes() {
    let dir = temp_with(&[]);
    let big = dir.path().join("big.md");
    std::fs::File::create(&big).unwrap().set_len(64 * 1024 * 1024 + 1).unwrap();
    let out = sunting(&["check", "big.md"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("67108865 bytes is larger than the limit of 67108864 bytes"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn fix_keeps_owner_and_refuses_what_it_must_not_replace() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = temp_with(&[("own.md", FIXABLE.as_bytes()), ("ro.md", FIXABLE.as_bytes()), ("hl.md", FIXABLE.as_bytes())]);
    let p = |n: &str| dir.path().join(n);
    // As root, a file of another user keeps its owner.
    // SAFETY: plain calls.
    let root = unsafe { libc::geteuid() } == 0;
    if root {
        let c = std::ffi::CString::new(p("own.md").to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::chown(c.as_ptr(), 65534, 65534) }, 0);
    }
    let before = std::fs::metadata(p("own.md")).unwrap();
    let out = sunting(&["fix", "own.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = std::fs::metadata(p("own.md")).unwrap();
    assert_eq!((after.uid(), after.gid(), after.mode()), (before.uid(), before.gid(), before.mode()));
    assert_eq!(std::fs::read_to_string(p("own.md")).unwrap(), "Warga berteriak “Berhenti!” lalu pergi.\n");

    // A read-only file and a file with two names are refused, untouched, and the summary
    // does not claim them.
    std::fs::set_permissions(p("ro.md"), std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::hard_link(p("hl.md"), p("hl2.md")).unwrap();
    let out = sunting(&["fix", "ro.md", "hl.md"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("ro.md: error: read-only file (mode 0444)"), "{err}");
    assert!(err.contains("hl.md: error: the file has 2 names (hard links)"), "{err}");
    assert!(err.contains("applied 0 fixes in 0 files; 2 files not written"), "{err}");
    for name in ["ro.md", "hl.md", "hl2.md"] {
        assert_eq!(std::fs::read_to_string(p(name)).unwrap(), FIXABLE, "{name}");
    }
    assert_eq!(std::fs::metadata(p("hl.md")).unwrap().ino(), std::fs::metadata(p("hl2.md")).unwrap().ino());
}

#[cfg(unix)]
#[test]
fn the_same_file_named_twice_is_fixed_once() {
    let dir = temp_with(&[("a.md", FIXABLE.as_bytes())]);
    std::os::unix::fs::symlink("a.md", dir.path().join("link.md")).unwrap();
    let out = sunting(&["fix", "a.md", "link.md", "./a.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("in 1 file"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.path().join("a.md")).unwrap(), "Warga berteriak “Berhenti!” lalu pergi.\n");
}

#[test]
fn fix_on_standard_input_is_a_filter() {
    let dir = temp_with(&[]);
    let clean = "Polisi datang ke lokasi.\n";
    let out = common::cli::sunting_stdin(&["fix", "-"], dir.path(), clean.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), clean, "unchanged text is echoed");
    let out = common::cli::sunting_stdin(&["fix", "-"], dir.path(), FIXABLE.as_bytes());
    assert_eq!(String::from_utf8_lossy(&out.stdout), "Warga berteriak “Berhenti!” lalu pergi.\n");
    // Invalid bytes read with --lossy pass through as they came.
    let bytes = b"Berhenti !! \xff\n".to_vec();
    let out = common::cli::sunting_stdin(&["fix", "--lossy", "-"], dir.path(), &bytes);
    assert_eq!(out.stdout, bytes);
    assert_eq!(out.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn write_errors_end_the_command_without_a_panic() {
    let dir = temp_with(&[("many.md", "Berhenti !!\n\n".repeat(20_000).as_bytes())]);
    let full = Path::new("/dev/full");
    if full.exists() {
        for args in [&["rules"][..], &["explain", "typography/doubled-word"], &["fix", "--diff", "many.md"]] {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_sunting")).args(args).current_dir(dir.path()).stdout(std::fs::File::create(full).unwrap()).output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
            assert!(stderr(&out).contains("cannot write the output"), "{args:?}: {}", stderr(&out));
            assert!(!stderr(&out).contains("panicked"), "{args:?}: {}", stderr(&out));
        }
    }
    // A reader that goes away: a quiet end.
    for args in [&["fix", "--diff", "many.md"][..], &["rules"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_sunting"))
            .args(args)
            .current_dir(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(matches!(out.status.code(), Some(0)), "{args:?}: {:?} {}", out.status, stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
    for jobs in ["100000", "18446744073709551615"] {
        let out = sunting(&["check", "-j", jobs, "many.md"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("-j") || stderr(&out).contains("--jobs"), "{}", stderr(&out));
    }
}

#[cfg(unix)]
#[test]
fn special_files_in_the_configuration_are_refused_promptly() {
    let dir = temp_with(&[("a.md", FIXABLE.as_bytes()), ("sunting.toml", b"language = \"id\"\n")]);
    std::fs::create_dir(dir.path().join(".sunting")).unwrap();
    let kamus = dir.path().join(".sunting/kamus.txt");
    std::os::unix::fs::symlink("/dev/zero", &kamus).unwrap();
    let out = sunting(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("kamus.txt") && stderr(&out).contains("not a regular file"), "{}", stderr(&out));
    std::fs::remove_file(&kamus).unwrap();
    let c = std::ffi::CString::new(kamus.to_str().unwrap()).unwrap();
    // SAFETY: a valid path.
    if unsafe { libc::mkfifo(c.as_ptr(), 0o600) } == 0 {
        // Refused at once: a FIFO with no writer would otherwise block the open forever (the
        // test would hang, not fail on a clock).
        let out = sunting(&["check", "a.md"], dir.path());
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("not a regular file"), "{}", stderr(&out));
    }
    std::fs::remove_file(&kamus).unwrap();
    std::fs::write(dir.path().join("sunting.toml"), "words = [\"/dev/zero\"]\n").unwrap();
    let out = sunting(&["check", "a.md"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("sunting.toml:1:10") && stderr(&out).contains("not a regular file"), "{}", stderr(&out));
}

#[test]
fn utf16_articles_are_checked_and_fixed_in_utf16() {
    let utf16 = |text: &str, bom: bool| -> Vec<u8> {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    };
    let dir = temp_with(&[("bom.md", &utf16(FIXABLE, true)), ("nobom.md", &utf16(FIXABLE, false))]);
    let out = sunting(&["check", "--format", "json", "bom.md"], dir.path());
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(json(&out)["files"][0]["diagnostics"].as_array().unwrap().iter().any(|d| d["code"] == "typography/doubled-punctuation"));
    let out = sunting(&["check", "nobom.md"], dir.path());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("nobom.md: error: looks like UTF-16 without a byte-order mark"), "{}", stderr(&out));
    let out = sunting(&["fix", "bom.md"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.path().join("bom.md")).unwrap(), utf16("Warga berteriak “Berhenti!” lalu pergi.\n", true));
}

#[test]
fn jsonl_input_lines_over_the_limit_are_skipped_unheld() {
    let dir = temp_with(&[]);
    let out = sunting_streamed(&["check", "--jsonl-input", "--fail-on", "never"], dir.path(), |w| {
        let _ = w.write_all(b"{\"id\": 1, \"text\": \"Polisi datang.\"}\n");
        let chunk = vec![b'x'; 1 << 20];
        for _ in 0..65 {
            if w.write_all(&chunk).is_err() {
                return;
            }
        }
        let _ = w.write_all(b"\n{\"id\": 3, \"text\": \"Berhenti !!\"}\n");
    });
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], 1);
    assert!(lines[1]["error"].as_str().unwrap().contains("larger than the limit"), "{}", lines[1]);
    assert_eq!(lines[2]["id"], 3);
}
