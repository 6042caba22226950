//! The language server (`sunting lsp`): a thin adapter over the core, built on
//! `tower-lsp-server` (the community fork of tower-lsp).
//!
//! - [`transport`]: screens the input so a malformed message gets an error, not an exit.
//! - [`gate`]: applies text synchronisation synchronously, in the order received.
//! - [`state`]: documents, settings, configurations and the per-document check workers.
//! - [`pool`]: the threads checks run on.
//! - [`document`]: one open document's rope and versions.
//! - [`convert`]: diagnostics, fixes, code actions and hover in protocol terms.
//! - [`dictionary`]: "Add to dictionary", confined to the workspace.
//! - [`settings`]: the editor's settings and how they combine with `sunting.toml`.
//! - [`server`]: the protocol handlers.
//!
//! Logs go to standard error through `tracing`; `SUNTING_LOG` sets the filter (default
//! `warn`: clients show whatever arrives on standard error as an error). Routine news goes to
//! the client's log through `window/logMessage` ([`state::Shared::log`]).

pub mod convert;
pub mod dictionary;
pub mod document;
pub mod gate;
pub mod pool;
pub mod server;
pub mod settings;
pub mod state;
pub mod transport;

use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

/// How many requests are worked on at once (the protocol default is 4).
const CONCURRENCY: usize = 16;

/// Serve LSP over standard input and output until the client exits; returns the exit status:
/// 0 after `shutdown` then `exit`, 1 when the client left without a `shutdown`.
pub fn run() -> i32 {
    let filter = tracing_subscriber::EnvFilter::try_from_env("SUNTING_LOG").unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt().with_writer(std::io::stderr).with_ansi(false).with_env_filter(filter).try_init();
    pool::tune_allocator();
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).max_blocking_threads(8).enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("sunting: cannot start the language server: {e}");
            return 2;
        }
    };
    let status = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // A check still running, or the blocked read of standard input, must not hold up the exit.
    runtime.shutdown_timeout(Duration::from_millis(200));
    status
}

/// Serve LSP over any pair of streams (the tests use in-memory pipes). Returns the exit status
/// as [`run`] does.
pub async fn serve<I, O>(input: I, output: O) -> i32
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let mut shared = None;
    let (service, socket) = LspService::new(|client| {
        let s = Arc::new(state::Shared::new(client));
        shared = Some(s.clone());
        server::Backend::new(s)
    });
    let Some(shared) = shared else { return 2 };
    let (screened_in, screened_out) = tokio::io::duplex(256 * 1024);
    let settings_of = shared.clone();
    let limit = move || transport::message_limit(settings_of.settings().max_document_bytes);
    let pump = tokio::spawn(transport::pump(input, screened_in, limit));
    let gate = gate::Gate::new(service, shared.clone());
    Server::new(screened_out, output, socket).concurrency_level(CONCURRENCY).serve(gate).await;
    pump.abort();
    tracing::info!("the language server stopped");
    if shared.is_shut_down() { 0 } else { 1 }
}
