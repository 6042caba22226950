//! A guard in front of tower-lsp's reader. Its codec ends the whole input stream at the first
//! message that does not decode (tokio-util's framed reader stops after a decoder error), which
//! would end the server. This guard reads the frames itself and passes on only well-formed
//! JSON-RPC; in place of a malformed message it passes a stand-in request that the gate above
//! it (`lsp::gate`) answers with the proper error (`-32700` parse error or `-32600` invalid
//! request), and frames it cannot even delimit are logged and skipped.
//!
//! - **Depth.** serde's decoder in tower-lsp gives up (and ends the stream) at 128 levels of
//!   nesting, so a message nested more than [`MAX_DEPTH`] levels never reaches it: a request gets
//!   `-32600`, an answer to one of the server's requests becomes an error answer (so the server
//!   stops waiting for it), a notification is dropped.
//! - **Resynchronisation.** A wrong `Content-Length` must not leave the server deaf. A header is
//!   looked for anywhere in a line (leftover bytes of a short frame glue onto the next header);
//!   a body longer than its message is cut after the first JSON value and the rest read again as
//!   input; a body that does not parse gives back what looks like the next header inside it; and
//!   a body still waiting for bytes that already holds one whole JSON value is taken as it is once
//!   the input goes quiet (the client is waiting for an answer), and so is a whole JSON object met
//!   where a header should be (a frame whose header was no use).
//! - **Memory.** A body is read as its bytes arrive, never allocated from the header alone, and a
//!   length over the limit (the `maxDocumentBytes` setting, twice over for JSON escapes, plus
//!   [`HEADROOM`]) is skipped unread into memory.

use serde::Deserialize;
use serde_json::Value;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt, DuplexStream};
use tracing::{debug, error, warn};

/// Stand-in methods for messages that are not JSON-RPC, which the gate answers with the
/// proper error.
pub const PARSE_ERROR_METHOD: &str = "$/sunting/parseError";
pub const INVALID_REQUEST_METHOD: &str = "$/sunting/invalidRequest";
/// Stand-in for a request nested deeper than [`MAX_DEPTH`].
pub const TOO_DEEP_METHOD: &str = "$/sunting/tooDeep";

/// Longest header line taken before giving up on it.
const MAX_HEADER_LINE: usize = 8 * 1024;
/// Room for a message's envelope and escapes beyond the document it carries.
pub const HEADROOM: usize = 1024 * 1024;
/// The deepest nesting of arrays and objects passed on (serde's limit, which ends tower-lsp's
/// stream, is 128; protocol messages need about ten).
pub const MAX_DEPTH: usize = 64;
/// How long the input may stay quiet before a body that already holds a whole message (its
/// `Content-Length` too long) is taken as it is.
const STALL: Duration = Duration::from_millis(200);
/// Bytes asked of the input at once.
const CHUNK: usize = 64 * 1024;
/// The header that starts a frame, looked for when resynchronising.
const HEADER: &[u8] = b"content-length:";

/// The largest body taken for a `maxDocumentBytes` of `max_document_bytes`.
pub fn message_limit(max_document_bytes: usize) -> usize {
    max_document_bytes.saturating_mul(2).saturating_add(HEADROOM)
}

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

fn stand_in(method: &str, id: Value) -> Vec<u8> {
    serde_json::to_vec(&serde_json::json!({"jsonrpc": "2.0", "id": id, "method": method})).unwrap_or_default()
}

/// Which bytes of a JSON text are structure: fed a byte at a time, it says whether the byte
/// lies inside a string (a quote that opens or closes one counts as inside), so brackets in
/// strings are not taken for nesting.
#[derive(Default)]
struct Strings {
    inside: bool,
    escaped: bool,
}

impl Strings {
    fn in_string(&mut self, b: u8) -> bool {
        if self.inside {
            match b {
                _ if self.escaped => self.escaped = false,
                b'\\' => self.escaped = true,
                b'"' => self.inside = false,
                _ => {}
            }
            return true;
        }
        self.inside = b == b'"';
        self.inside
    }
}

/// The deepest nesting of arrays and objects in `body` (brackets inside strings do not count).
pub fn max_depth(body: &[u8]) -> usize {
    let (mut depth, mut max, mut strings) = (0usize, 0usize, Strings::default());
    for &b in body {
        if strings.in_string(b) {
            continue;
        }
        match b {
            b'{' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// `body` with every value below the top level replaced by `null`: shallow enough to read the
/// `id` and `method` of a message nested too deep to parse.
fn top_level(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    let (mut depth, mut strings) = (0usize, Strings::default());
    for &b in body {
        let keep = depth <= 1;
        if strings.in_string(b) {
            if keep {
                out.push(b);
            }
            continue;
        }
        match b {
            b'{' | b'[' => {
                depth += 1;
                match depth {
                    1 => out.push(b),
                    2 => out.extend_from_slice(b"null"),
                    _ => {}
                }
            }
            b'}' | b']' => {
                if depth == 1 {
                    out.push(b);
                }
                depth = depth.saturating_sub(1);
            }
            _ if keep => out.push(b),
            _ => {}
        }
    }
    out
}

/// What to pass on for a message nested deeper than [`MAX_DEPTH`], if anything.
fn too_deep(body: &[u8]) -> Option<Vec<u8>> {
    let shallow = top_level(body);
    let probe: Probe<'_> = serde_json::from_slice(&shallow).ok()?;
    let id = probe.id.filter(valid_id);
    match (probe.method, id) {
        // A request: answered with an error.
        (Some(_), Some(id)) => Some(stand_in(TOO_DEEP_METHOD, id)),
        // An answer to the server's request (`workspace/configuration`): an error in its place.
        (None, Some(id)) if !id.is_null() => serde_json::to_vec(&serde_json::json!({
            "jsonrpc": "2.0",
            "id": id,
            "error": {"code": -32600, "message": format!("the answer was nested more than {MAX_DEPTH} levels deep")},
        }))
        .ok(),
        // A notification, or nothing recognisable: dropped.
        _ => None,
    }
}

/// Decide what to pass on for one body: itself (`Ok`), a replacement (`Err(Some)`), or nothing.
fn screen(body: &[u8]) -> Result<(), Option<Vec<u8>>> {
    if max_depth(body) > MAX_DEPTH {
        warn!("a message nested more than {MAX_DEPTH} levels deep; refused");
        return Err(too_deep(body));
    }
    let probe: Probe<'_> = match serde_json::from_slice(body) {
        Ok(p) => p,
        Err(e) if e.is_syntax() || e.is_eof() => {
            warn!("malformed JSON in a message: {e}");
            return Err(Some(stand_in(PARSE_ERROR_METHOD, Value::Null)));
        }
        Err(e) => {
            // Valid JSON but not an object of the expected shape (an array, a number, ...).
            warn!("a message that is not JSON-RPC: {e}");
            return Err(Some(stand_in(INVALID_REQUEST_METHOD, Value::Null)));
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
    Err(Some(stand_in(INVALID_REQUEST_METHOD, id)))
}

/// Where the first JSON value in `body` ends, if it starts with one (after white space).
fn first_value_end(body: &[u8]) -> Option<usize> {
    if max_depth(body) > MAX_DEPTH {
        return None;
    }
    let mut values = serde_json::Deserializer::from_slice(body).into_iter::<serde::de::IgnoredAny>();
    match values.next() {
        Some(Ok(_)) => Some(values.byte_offset()),
        _ => None,
    }
}

/// The first place in `bytes` where a `Content-Length` header starts (any case).
fn find_header(bytes: &[u8]) -> Option<usize> {
    bytes.windows(HEADER.len()).position(|w| w.eq_ignore_ascii_case(HEADER))
}

/// How many bytes at the end of `bytes` could be the start of a header cut off by the end of a
/// body.
fn header_prefix_at_end(bytes: &[u8]) -> usize {
    (1..HEADER.len()).rev().find(|&k| bytes.len() >= k && bytes[bytes.len() - k..].eq_ignore_ascii_case(&HEADER[..k])).unwrap_or(0)
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Buffered input whose bytes can be given back, to read them again as headers.
struct Input<R> {
    inner: R,
    buf: Vec<u8>,
    pos: usize,
}

impl<R: AsyncRead + Unpin> Input<R> {
    fn new(inner: R) -> Self {
        Input { inner, buf: Vec::with_capacity(CHUNK), pos: 0 }
    }

    fn available(&self) -> &[u8] {
        &self.buf[self.pos..]
    }

    /// Read more input (cancel-safe: nothing read is lost if the future is dropped). `Ok(0)` at
    /// the end of the input.
    async fn fill(&mut self) -> std::io::Result<usize> {
        if self.pos == self.buf.len() {
            self.buf.clear();
            self.pos = 0;
        } else if self.pos >= CHUNK {
            self.buf.drain(..self.pos);
            self.pos = 0;
        }
        if self.buf.capacity() > 4 * CHUNK && self.buf.len() < CHUNK {
            self.buf.shrink_to(2 * CHUNK);
        }
        self.buf.reserve(CHUNK);
        self.inner.read_buf(&mut self.buf).await
    }

    /// Put `bytes` back in front of what is still to be read.
    fn unread(&mut self, bytes: &[u8]) {
        let mut front = bytes.to_vec();
        front.extend_from_slice(self.available());
        self.buf = front;
        self.pos = 0;
    }

    /// One line, with its `\n`; at most `MAX_HEADER_LINE` bytes (a longer line comes in pieces).
    /// `None` at the end of the input.
    async fn line(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        loop {
            let available = self.available();
            let window = &available[..available.len().min(MAX_HEADER_LINE)];
            if let Some(i) = window.iter().position(|&b| b == b'\n') {
                let line = window[..=i].to_vec();
                self.pos += i + 1;
                return Ok(Some(line));
            }
            if window.len() == MAX_HEADER_LINE {
                // Keep the last few bytes: a header may straddle the cut.
                let take = MAX_HEADER_LINE - HEADER.len();
                let line = window[..take].to_vec();
                self.pos += take;
                return Ok(Some(line));
            }
            // A whole JSON object with no line end after it (a message that came without a
            // usable header, its client waiting for the answer): taken once the input goes quiet.
            let trimmed = window.trim_ascii();
            let object_like = trimmed.first() == Some(&b'{') && trimmed.last() == Some(&b'}');
            let filled = if object_like {
                match tokio::time::timeout(STALL, self.fill()).await {
                    Ok(n) => n?,
                    Err(_) if first_value_end(self.available().trim_ascii()) == Some(self.available().trim_ascii().len()) => {
                        let line = self.available().to_vec();
                        self.pos = self.buf.len();
                        return Ok(Some(line));
                    }
                    Err(_) => continue,
                }
            } else {
                self.fill().await?
            };
            if filled == 0 {
                if self.available().is_empty() {
                    return Ok(None);
                }
                let line = self.available().to_vec();
                self.pos = self.buf.len();
                return Ok(Some(line));
            }
        }
    }

    /// A body of `length` bytes, read as they arrive. `Ok(false)` when the input ended first.
    /// When the input goes quiet with a whole JSON value in hand, that value is the body.
    async fn body(&mut self, length: usize, out: &mut Vec<u8>) -> std::io::Result<bool> {
        out.clear();
        loop {
            let want = length - out.len();
            let take = want.min(self.available().len());
            out.extend_from_slice(&self.available()[..take]);
            self.pos += take;
            if out.len() == length {
                return Ok(true);
            }
            let whole = out.iter().rev().find(|b| !b.is_ascii_whitespace()) == Some(&b'}');
            let n = if whole {
                match tokio::time::timeout(STALL, self.fill()).await {
                    Ok(n) => n?,
                    Err(_) if first_value_end(out).is_some_and(|end| is_blank(&out[end..])) => {
                        warn!("a Content-Length of {length} for a message of {} bytes; taken as it is", out.len());
                        return Ok(true);
                    }
                    Err(_) => continue,
                }
            } else {
                self.fill().await?
            };
            if n == 0 {
                return Ok(false);
            }
        }
    }

    /// Skip `length` bytes without keeping them.
    async fn skip(&mut self, mut length: usize) -> std::io::Result<bool> {
        loop {
            let take = length.min(self.available().len());
            self.pos += take;
            length -= take;
            if length == 0 {
                return Ok(true);
            }
            if self.fill().await? == 0 {
                return Ok(false);
            }
        }
    }
}

async fn forward(out: &mut DuplexStream, body: &[u8]) -> std::io::Result<()> {
    out.write_all(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()).await?;
    out.write_all(body).await
}

/// Screen one body and pass on what it stands for. `Err` when the server stopped reading.
async fn deliver(out: &mut DuplexStream, body: &[u8]) -> std::io::Result<()> {
    match screen(body) {
        Ok(()) => forward(out, body).await,
        Err(Some(replacement)) => forward(out, &replacement).await,
        Err(None) => Ok(()),
    }
}

/// Read LSP frames from `input` and write the screened ones to `out` until either ends.
/// `limit` gives the largest body taken (see [`message_limit`]); it is asked at each frame, so a
/// change of settings applies to the next message.
pub async fn pump<R: AsyncRead + Unpin>(input: R, mut out: DuplexStream, limit: impl Fn() -> usize) {
    let mut input = Input::new(input);
    let mut body = Vec::new();
    'frames: loop {
        // Headers, up to an empty line.
        let mut length: Option<usize> = None;
        let mut saw_header = false;
        loop {
            let line = match input.line().await {
                Ok(Some(line)) => line,
                Ok(None) => break 'frames,
                Err(e) => {
                    // Also what a read cut short by the runtime's shutdown looks like.
                    debug!("the input ended: {e}");
                    break 'frames;
                }
            };
            let mut text: &[u8] = &line;
            while let [rest @ .., b'\r' | b'\n'] = text {
                text = rest;
            }
            if text.is_empty() {
                if saw_header {
                    break;
                }
                continue;
            }
            let header = String::from_utf8_lossy(text);
            match header.split_once(':') {
                Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                    saw_header = true;
                    match value.trim().parse::<usize>() {
                        Ok(n) => length = Some(n),
                        Err(_) => warn!("invalid Content-Length {:?}", value.trim()),
                    }
                }
                Some((name, _)) if name.trim().eq_ignore_ascii_case("content-type") => saw_header = true,
                _ => match find_header(text) {
                    // Leftover bytes of a frame whose length was short, glued to the next header.
                    Some(at) => {
                        let before = &text[..at];
                        let trimmed = before.trim_ascii();
                        if trimmed.first() == Some(&b'{') && first_value_end(trimmed).is_some_and(|end| end == trimmed.len()) {
                            // A whole message that came without a usable header.
                            warn!("a message without a usable Content-Length; taken as it is");
                            if deliver(&mut out, trimmed).await.is_err() {
                                break 'frames;
                            }
                        } else {
                            warn!("skipping {} bytes before a header", before.len());
                        }
                        input.unread(&line[at..]);
                        length = None;
                        saw_header = false;
                    }
                    None => {
                        let trimmed = text.trim_ascii();
                        if trimmed.first() == Some(&b'{') && first_value_end(trimmed) == Some(trimmed.len()) {
                            // A whole message on its own, after a header that was no use.
                            warn!("a message without a usable Content-Length; taken as it is");
                            if deliver(&mut out, trimmed).await.is_err() {
                                break 'frames;
                            }
                            length = None;
                        } else {
                            warn!("skipping a line that is not a header: {:?}", header.chars().take(80).collect::<String>());
                        }
                        saw_header = false;
                    }
                },
            }
        }
        let Some(length) = length else {
            warn!("a message without a Content-Length; skipped");
            continue;
        };
        let limit = limit();
        if length > limit {
            warn!("a message of {length} bytes is over the limit of {limit} (from maxDocumentBytes); skipped");
            match input.skip(length).await {
                Ok(true) => continue,
                Ok(false) => break,
                Err(e) => {
                    error!("reading the input: {e}");
                    break;
                }
            }
        }
        match input.body(length, &mut body).await {
            Ok(true) => {}
            Ok(false) => {
                debug!("input ended inside a message");
                break;
            }
            Err(e) => {
                debug!("input ended inside a message: {e}");
                break;
            }
        }
        match first_value_end(&body) {
            // A length too long: the rest belongs to the next frame.
            Some(end) if !is_blank(&body[end..]) => {
                warn!("a Content-Length of {length} for a message of {end} bytes; the rest is read again");
                input.unread(&body[end..]);
                body.truncate(end);
            }
            Some(_) => {}
            // Not JSON: give back a header inside it, or the start of one at its end.
            None => {
                let at = find_header(&body).filter(|&at| at > 0).unwrap_or_else(|| body.len() - header_prefix_at_end(&body));
                if at < body.len() {
                    input.unread(&body[at..]);
                    body.truncate(at);
                }
            }
        }
        if deliver(&mut out, &body).await.is_err() {
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

    fn err(b: &[u8]) -> String {
        String::from_utf8(screen(b).unwrap_err().unwrap()).unwrap()
    }

    #[test]
    fn screens_messages() {
        assert!(screen(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#).is_ok());
        assert!(screen(br#"{"jsonrpc":"2.0","method":"initialized"}"#).is_ok());
        assert!(screen(br#"{"jsonrpc":"2.0","id":"a","result":null}"#).is_ok());
        assert!(err(b"{not json").contains(PARSE_ERROR_METHOD));
        assert!(err(b"[1,2]").contains(INVALID_REQUEST_METHOD));
        assert!(err(br#"{"id":3,"method":"x"}"#).contains(r#""id":3"#));
        assert!(err(br#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#).contains(r#""id":null"#));
        assert!(err(br#"{"jsonrpc":"2.0","id":2,"method":7}"#).contains(INVALID_REQUEST_METHOD));
    }

    fn nested(depth: usize) -> String {
        format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
    }

    #[test]
    fn refuses_messages_nested_too_deep() {
        assert_eq!(max_depth(br#"{"a":"[[[{{","b":[{"c":"\"]]"}]}"#), 3);
        let ok = format!(r#"{{"jsonrpc":"2.0","id":1,"method":"x","params":{}}}"#, nested(MAX_DEPTH - 1));
        assert!(screen(ok.as_bytes()).is_ok());
        for depth in [MAX_DEPTH, 127, 128, 1000, 100_000] {
            let request = format!(r#"{{"jsonrpc":"2.0","id":7,"method":"x","params":{}}}"#, nested(depth));
            let replacement = err(request.as_bytes());
            assert!(replacement.contains(TOO_DEEP_METHOD) && replacement.contains(r#""id":7"#), "{replacement}");
            let notification = format!(r#"{{"jsonrpc":"2.0","method":"x","params":{}}}"#, nested(depth));
            assert_eq!(screen(notification.as_bytes()), Err(None));
            let answer = format!(r#"{{"jsonrpc":"2.0","id":3,"result":{}}}"#, nested(depth));
            let replacement: Value = serde_json::from_str(&err(answer.as_bytes())).unwrap();
            assert_eq!(replacement["id"], 3);
            assert_eq!(replacement["error"]["code"], -32600);
        }
    }

    #[test]
    fn finds_where_a_message_ends_and_the_next_header_starts() {
        assert_eq!(first_value_end(br#"{"a":1}Content-Le"#), Some(7));
        assert_eq!(first_value_end(br#"{"a":"#), None);
        assert_eq!(find_header(b"}}content-LENGTH: 5"), Some(2));
        assert_eq!(header_prefix_at_end(b"{bad}Content-Le"), 10);
        assert_eq!(header_prefix_at_end(b"{bad}"), 0);
        assert_eq!(message_limit(usize::MAX), usize::MAX);
    }
}
