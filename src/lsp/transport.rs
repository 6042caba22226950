//! A guard in front of tower-lsp's reader. Its codec ends the whole input stream at the first
//! message that does not decode (tokio-util's framed reader stops after a decoder error), which
//! would end the server. This guard reads the frames itself and passes on only well-formed
//! JSON-RPC; in place of a malformed message it passes a stand-in request that
//! [`super::gate`] answers with the proper error (`-32700` parse error or `-32600` invalid
//! request), and frames it cannot even delimit are logged and skipped.

use super::gate::{INVALID_REQUEST_METHOD, PARSE_ERROR_METHOD};
use serde::Deserialize;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};
use tracing::{debug, error, warn};

/// Longest header line taken before giving up on it.
const MAX_HEADER_LINE: u64 = 8 * 1024;
/// Bodies larger than this are skipped unread (a document this large is refused anyway).
pub const MAX_MESSAGE_BYTES: usize = 512 * 1024 * 1024;

/// What a message must look like for tower-lsp to take it.
#[derive(Deserialize)]
struct Probe<'a> {
    #[serde(borrow)]
    jsonrpc: Option<std::borrow::Cow<'a, str>>,
    #[serde(default, deserialize_with = "present")]
    method: Option<Value>,
    #[serde(default, deserialize_with = "present")]
    id: Option<Value>,
    #[serde(default)]
    #[allow(dead_code)]
    params: Option<serde::de::IgnoredAny>,
    #[serde(default)]
    #[allow(dead_code)]
    result: Option<serde::de::IgnoredAny>,
    #[serde(default, deserialize_with = "present")]
    error: Option<Value>,
}

/// Deserialize a field that is present (even as `null`) as `Some`.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

fn valid_id(id: &Value) -> bool {
    id.is_null() || id.is_string() || id.as_i64().is_some()
}

/// Decide what to pass on for one body: itself, or a stand-in request.
fn screen(body: &[u8]) -> Result<(), Vec<u8>> {
    let stand_in = |method: &str, id: Value| {
        serde_json::to_vec(&serde_json::json!({"jsonrpc": "2.0", "id": id, "method": method})).unwrap_or_default()
    };
    let probe: Probe<'_> = match serde_json::from_slice(body) {
        Ok(p) => p,
        Err(e) if e.is_syntax() || e.is_eof() => {
            warn!("malformed JSON in a message: {e}");
            return Err(stand_in(PARSE_ERROR_METHOD, Value::Null));
        }
        Err(e) => {
            // Valid JSON but not an object of the expected shape (an array, a number, ...).
            warn!("a message that is not JSON-RPC: {e}");
            return Err(stand_in(INVALID_REQUEST_METHOD, Value::Null));
        }
    };
    let id_ok = probe.id.as_ref().is_none_or(valid_id);
    let method_ok = probe.method.as_ref().is_none_or(Value::is_string);
    let error_ok = probe.error.as_ref().is_none_or(|e| e.get("code").and_then(Value::as_i64).is_some() && e.get("message").is_some_and(Value::is_string));
    if probe.jsonrpc.as_deref() == Some("2.0") && id_ok && method_ok && error_ok {
        return Ok(());
    }
    warn!("an invalid JSON-RPC message");
    let id = probe.id.filter(valid_id).unwrap_or(Value::Null);
    Err(stand_in(INVALID_REQUEST_METHOD, id))
}

async fn forward(out: &mut DuplexStream, body: &[u8]) -> std::io::Result<()> {
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()).await?;
    out.write_all(body).await
}

/// Read LSP frames from `input` and write the screened ones to `out` until either ends.
pub async fn pump<R: AsyncRead + Unpin>(input: R, mut out: DuplexStream) {
    let mut reader = BufReader::with_capacity(64 * 1024, input);
    let mut line = Vec::new();
    let mut body = Vec::new();
    'frames: loop {
        // Headers, up to an empty line.
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        loop {
            line.clear();
            let n = match (&mut reader).take(MAX_HEADER_LINE).read_until(b'\n', &mut line).await {
                Ok(n) => n,
                Err(e) => {
                    // Also what a read cut short by the runtime's shutdown looks like.
                    debug!("the input ended: {e}");
                    break 'frames;
                }
            };
            if n == 0 {
                break 'frames;
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if text.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            saw_header = true;
            match text.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => warn!("invalid Content-Length {:?}", value.trim()),
                },
                Some((name, _)) if name.trim().eq_ignore_ascii_case("content-type") => {}
                _ => {
                    warn!("skipping a line that is not a header: {:?}", text.chars().take(80).collect::<String>());
                    saw_header = false;
                }
            }
        }
        let Some(length) = length else {
            warn!("a message without a Content-Length; skipped");
            continue;
        };
        if length > MAX_MESSAGE_BYTES {
            warn!("a message of {length} bytes is over the limit of {MAX_MESSAGE_BYTES}; skipped");
            if let Err(e) = tokio::io::copy(&mut (&mut reader).take(length as u64), &mut tokio::io::sink()).await {
                error!("reading the input: {e}");
                break;
            }
            continue;
        }
        body.clear();
        body.resize(length, 0);
        if let Err(e) = reader.read_exact(&mut body).await {
            debug!("input ended inside a message: {e}");
            break;
        }
        let result = match screen(&body) {
            Ok(()) => forward(&mut out, &body).await,
            Err(stand_in) => forward(&mut out, &stand_in).await,
        };
        if result.is_err() {
            // The server stopped reading: it has exited.
            break;
        }
        if body.capacity() > 1024 * 1024 {
            // Do not keep a huge buffer around after one huge message.
            body = Vec::new();
        }
    }
    let _ = out.shutdown().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_messages() {
        assert!(screen(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).is_ok());
        assert!(screen(br#"{"jsonrpc":"2.0","method":"initialized"}"#).is_ok());
        assert!(screen(br#"{"jsonrpc":"2.0","id":"a","result":null}"#).is_ok());
        let err = |b: &[u8]| String::from_utf8(screen(b).unwrap_err()).unwrap();
        assert!(err(b"{not json").contains(PARSE_ERROR_METHOD));
        assert!(err(b"[1,2]").contains(INVALID_REQUEST_METHOD));
        assert!(err(br#"{"id":3,"method":"x"}"#).contains(r#""id":3"#));
        assert!(err(br#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#).contains(r#""id":null"#));
        assert!(err(br#"{"jsonrpc":"2.0","id":2,"method":7}"#).contains(INVALID_REQUEST_METHOD));
    }
}
