//! Running the `sunting` binary from a test.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub fn sunting(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sunting")).args(args).current_dir(dir).output().expect("run sunting")
}

/// Run with `input` streamed to standard input from another thread (the child may stop reading).
pub fn sunting_streamed(args: &[&str], dir: &Path, input: impl FnOnce(&mut dyn Write) + Send + 'static) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sunting"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run sunting");
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || input(&mut stdin));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// Run with `input` on standard input.
pub fn sunting_stdin(args: &[&str], dir: &Path, input: &[u8]) -> Output {
    let input = input.to_vec();
    sunting_streamed(args, dir, move |w| w.write_all(&input).unwrap())
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&output.stdout)))
}

/// A temporary folder holding `files` (name, bytes); names may have folders.
pub fn temp_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, body).unwrap();
    }
    dir
}
