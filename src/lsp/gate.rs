//! A tower layer in front of the language server that applies text synchronisation the moment
//! each message is read, strictly in the order received.
//!
//! tower-lsp runs handlers concurrently (up to a few futures at a time, polled in no promised
//! order: tower-lsp issue 284), so a `didChange` handled inside an `async fn` could overtake the
//! one before it. `Service::call` here runs synchronously in the read loop, before any `.await`,
//! so `didOpen`, `didChange` and `didClose` are applied to the rope in arrival order. The same
//! goes for recording the capabilities from `initialize`, so the position encoding is settled
//! before any document arrives. It also answers the stand-in requests that
//! [`super::transport`] puts in place of malformed messages.

use super::state::Shared;
use super::transport::{INVALID_REQUEST_METHOD, MAX_DEPTH, PARSE_ERROR_METHOD, TOO_DEEP_METHOD};
use tower_lsp_server::ls_types::{DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams};
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use tower_lsp_server::jsonrpc::{Error, Id, Request, Response};
use tower_lsp_server::ExitedError;
use tower_service::Service;
use tracing::warn;

pub struct Gate<S> {
    inner: S,
    shared: Arc<Shared>,
}

impl<S> Gate<S> {
    pub fn new(inner: S, shared: Arc<Shared>) -> Self {
        Gate { inner, shared }
    }
}

fn params<T: DeserializeOwned>(req: &Request) -> Result<T, String> {
    // From a reference: a huge document's text is copied once, not twice.
    match req.params() {
        Some(value) => T::deserialize(value).map_err(|e| e.to_string()),
        None => T::deserialize(&Value::Null).map_err(|e| e.to_string()),
    }
}

type Reply = Result<Option<Response>, ExitedError>;
type BoxFuture = Pin<Box<dyn Future<Output = Reply> + Send>>;

fn ready(reply: Option<Response>) -> BoxFuture {
    Box::pin(std::future::ready(Ok(reply)))
}

impl<S> Service<Request> for Gate<S>
where
    S: Service<Request, Response = Option<Response>, Error = ExitedError>,
    S::Future: Send + 'static,
{
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = BoxFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let answer = |id: Option<Id>, error: Error| -> Self::Future { ready(Some(Response::from_error(id.unwrap_or(Id::Null), error))) };
        match req.method() {
            PARSE_ERROR_METHOD => return answer(req.id().cloned(), Error::parse_error()),
            INVALID_REQUEST_METHOD => return answer(req.id().cloned(), Error::invalid_request()),
            TOO_DEEP_METHOD => {
                let message = format!("invalid request: nested more than {} levels deep", MAX_DEPTH);
                return answer(req.id().cloned(), Error { code: tower_lsp_server::jsonrpc::ErrorCode::InvalidRequest, message: message.into(), data: None });
            }
            // (A second `initialize` is refused by tower-lsp and changes nothing here.)
            "initialize" if !self.shared.initialize_seen() => {
                if let Some(p) = req.params() {
                    self.shared.on_initialize(p);
                }
            }
            // Only a `shutdown` that tower-lsp will accept: before `initialize` it is refused
            // (-32002) and must change nothing. (tower-lsp holds every request back while
            // `initialize` runs, so once it has been seen, `shutdown` is answered.)
            "shutdown" if self.shared.initialize_seen() => self.shared.mark_shut_down(),
            method @ ("textDocument/didOpen" | "textDocument/didChange" | "textDocument/didClose") => {
                if let Some(id) = req.id().cloned() {
                    return answer(Some(id), Error::invalid_request());
                }
                if !self.shared.accepting() {
                    warn!("{method} before initialize or after shutdown; ignored");
                    return ready(None);
                }
                let outcome = match method {
                    "textDocument/didOpen" => params::<DidOpenTextDocumentParams>(&req).map(|p| self.shared.did_open(p)),
                    "textDocument/didChange" => params::<DidChangeTextDocumentParams>(&req).map(|p| self.shared.did_change(p)),
                    _ => params::<DidCloseTextDocumentParams>(&req).map(|p| self.shared.did_close(p)),
                };
                if let Err(e) = outcome {
                    warn!("{method} with invalid parameters ignored: {e}");
                }
                return ready(None);
            }
            _ => {}
        }
        Box::pin(self.inner.call(req))
    }
}
