//! The language server (`sunting lsp`): a thin adapter over the core. Being built (issue 3).

/// Serve LSP over standard input and output until the client exits; returns the exit status.
pub fn run() -> i32 {
    eprintln!("sunting: the language server is not built yet");
    2
}
