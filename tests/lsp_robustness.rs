//! The language server under abuse, in process over `tokio::io::duplex` and as a real process:
//! malformed frames and bodies, requests about documents never opened, positions far out of
//! range and inside surrogate pairs, a client that stops reading and one that vanishes, and a
//! shutdown while a check runs. After each, the server must still answer.

mod common;

use common::lsp::{codes, frame, read_frame};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf};
use tokio::sync::{mpsc, oneshot, Notify};
use tokio::task::JoinHandle;

const TIMEOUT: Duration = Duration::from_secs(30);
const URI: &str = "file:///tmp/sunting-robust/berita.md";
const TEXT: &str = "Polisi datang ke lokasi.\n\nWarga berteriak “Berhenti !!” lalu pergi.\n";

type Pending = Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>>;

/// A small LSP client whose reading can be paused (to play a client that stops reading).
struct Client {
    writer: Arc<tokio::sync::Mutex<WriteHalf<DuplexStream>>>,
    pending: Pending,
    notifications: mpsc::UnboundedReceiver<Value>,
    next_id: i64,
    server: JoinHandle<i32>,
    reader: JoinHandle<()>,
    paused: Arc<Mutex<bool>>,
    resume: Arc<Notify>,
    /// The raw `result` to answer `workspace/configuration` with (`[null]` when unset).
    config_reply: Arc<Mutex<Option<String>>>,
}

impl Client {
    /// A server over pipes of `buffer` bytes each way.
    fn start(buffer: usize) -> Client {
        let (client_end, server_end) = tokio::io::duplex(buffer);
        let (server_read, server_write) = tokio::io::split(server_end);
        let server = tokio::spawn(sunting::lsp::serve(server_read, server_write));
        let (read, writer) = tokio::io::split(client_end);
        let writer = Arc::new(tokio::sync::Mutex::new(writer));
        let pending: Pending = Arc::default();
        let (tx, notifications) = mpsc::unbounded_channel();
        let paused = Arc::new(Mutex::new(false));
        let resume = Arc::new(Notify::new());
        let config_reply = Arc::new(Mutex::new(None));
        let reader = tokio::spawn(Self::read_loop(read, writer.clone(), pending.clone(), tx, paused.clone(), resume.clone(), config_reply.clone()));
        Client { writer, pending, notifications, next_id: 1, server, reader, paused, resume, config_reply }
    }

    async fn read_loop(
        read: ReadHalf<DuplexStream>,
        writer: Arc<tokio::sync::Mutex<WriteHalf<DuplexStream>>>,
        pending: Pending,
        tx: mpsc::UnboundedSender<Value>,
        paused: Arc<Mutex<bool>>,
        resume: Arc<Notify>,
        config_reply: Arc<Mutex<Option<String>>>,
    ) {
        let mut read = BufReader::with_capacity(1024, read);
        loop {
            while *paused.lock().unwrap() {
                resume.notified().await;
            }
            let Some(msg) = read_frame(&mut read).await else { return };
            if msg.get("method").is_some() && msg.get("id").is_some() {
                // A request from the server: answer plainly.
                let result = match msg["method"].as_str() {
                    Some("workspace/configuration") => json!([null]),
                    Some("workspace/applyEdit") => json!({"applied": true}),
                    _ => Value::Null,
                };
                let mut body = serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": msg["id"], "result": result})).unwrap();
                if let (Some("workspace/configuration"), Some(raw)) = (msg["method"].as_str(), config_reply.lock().unwrap().clone()) {
                    body = format!(r#"{{"jsonrpc":"2.0","id":{},"result":{raw}}}"#, msg["id"]).into_bytes();
                }
                let mut w = writer.lock().await;
                let _ = w.write_all(&frame(&body)).await;
            } else if msg.get("method").is_some() {
                let _ = tx.send(msg);
            } else if let Some(id) = msg.get("id").and_then(Value::as_i64) {
                if let Some(waiter) = pending.lock().unwrap().remove(&id) {
                    let _ = waiter.send(msg);
                }
            } else {
                let _ = tx.send(json!({"method": "$/response", "params": msg}));
            }
        }
    }

    fn pause_reading(&self) {
        *self.paused.lock().unwrap() = true;
    }

    fn resume_reading(&self) {
        *self.paused.lock().unwrap() = false;
        self.resume.notify_waiters();
    }

    async fn send_bytes(&self, bytes: &[u8]) {
        let mut w = self.writer.lock().await;
        w.write_all(bytes).await.unwrap();
        w.flush().await.unwrap();
    }

    async fn send_raw(&self, body: &[u8]) {
        self.send_bytes(&frame(body)).await;
    }

    async fn notify(&self, method: &str, params: Value) {
        self.send_raw(&serde_json::to_vec(&json!({"jsonrpc": "2.0", "method": method, "params": params})).unwrap()).await;
    }

    /// Send a request; the answer arrives on the returned channel.
    async fn send_request(&mut self, method: &str, params: Value) -> oneshot::Receiver<Value> {
        let id = self.next_id;
        self.next_id += 1;
        let (tx, rx) = oneshot::channel();
        self.pending.lock().unwrap().insert(id, tx);
        self.send_raw(&serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).unwrap()).await;
        rx
    }

    /// Expect an answer to `id`, for a request sent by hand.
    fn expect_answer(&self, id: i64) -> oneshot::Receiver<Value> {
        let (tx, rx) = oneshot::channel();
        self.pending.lock().unwrap().insert(id, tx);
        rx
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        let rx = self.send_request(method, params).await;
        tokio::time::timeout(TIMEOUT, rx).await.unwrap_or_else(|_| panic!("no answer to {method}")).unwrap()
    }

    async fn initialize(&mut self, options: Value) {
        self.initialize_with(json!({"processId": null, "capabilities": {}, "initializationOptions": options})).await;
    }

    async fn initialize_with(&mut self, params: Value) {
        let r = self.request("initialize", params).await;
        assert!(r.get("error").is_none(), "{r}");
        self.notify("initialized", json!({})).await;
    }

    async fn next(&mut self, method: &str) -> Value {
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let msg = tokio::time::timeout_at(deadline, self.notifications.recv()).await.unwrap_or_else(|_| panic!("no {method}")).expect("server gone");
            if msg["method"] == method {
                return msg["params"].clone();
            }
        }
    }

    async fn diagnostics_for(&mut self, uri: &str, version: i64) -> Vec<Value> {
        loop {
            let p = self.next("textDocument/publishDiagnostics").await;
            if p["uri"] == uri && p["version"] == version {
                return p["diagnostics"].as_array().cloned().unwrap_or_default();
            }
        }
    }

    async fn open(&self, uri: &str, text: &str) {
        self.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})).await;
    }

    /// The server still answers: a hover on an open document.
    async fn still_answers(&mut self) {
        let r = self.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}})).await;
        assert!(r.get("error").is_none(), "{r}");
    }

    async fn shutdown_and_exit(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null).await;
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null).await;
        let status = tokio::time::timeout(TIMEOUT, self.server).await.expect("server did not stop").unwrap();
        self.reader.abort();
        status
    }
}

fn typography_only() -> Value {
    json!({"enabledCategories": ["typography"], "debounceMs": 0})
}

#[tokio::test]
async fn malformed_frames_and_bodies_leave_the_server_answering() {
    let mut c = Client::start(1 << 20);
    c.initialize(typography_only()).await;
    c.open(URI, TEXT).await;
    c.diagnostics_for(URI, 1).await;

    // A body that is not UTF-8: a parse error.
    c.send_raw(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\xff\xfe\"}").await;
    assert_eq!(c.next("$/response").await["error"]["code"], -32700);
    // A batch (arrays are not taken) and a bare value.
    c.send_raw(br#"[{"jsonrpc":"2.0","id":70,"method":"shutdown"}]"#).await;
    assert_eq!(c.next("$/response").await["error"]["code"], -32600);
    c.send_raw(b"null").await;
    assert_eq!(c.next("$/response").await["error"]["code"], -32600);
    // The wrong protocol version, an error object of the wrong shape.
    c.send_raw(br#"{"jsonrpc":"1.0","method":"initialized"}"#).await;
    assert_eq!(c.next("$/response").await["error"]["code"], -32600);
    c.send_raw(br#"{"jsonrpc":"2.0","id":9005,"error":"bad"}"#).await;
    // Headers that cannot be read: a non-numeric length, a line far too long, stray bytes.
    c.send_bytes(b"Content-Length: lots\r\n\r\n").await;
    c.send_bytes(&[b"X-Long: ".as_slice(), &vec![b'x'; 20_000], b"\r\n\r\n"].concat()).await;
    c.send_bytes(b"\xff\xfe\x00garbage\r\n\r\n").await;
    // Parameters of the wrong type: an error for a request, silence for a notification.
    let r = c.request("textDocument/hover", json!({"textDocument": 7})).await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = c.request("textDocument/codeAction", json!(null)).await;
    assert!(r.get("error").is_some(), "{r}");
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": "all of it"})).await;
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI}, "contentChanges": [{"range": {"start": {"line": -1, "character": 0}}, "text": "x"}]})).await;
    // didOpen sent as a request: refused, not applied.
    let r = c.request("textDocument/didOpen", json!({"textDocument": {"uri": "file:///x.md", "languageId": "markdown", "version": 1, "text": "x"}})).await;
    assert_eq!(r["error"]["code"], -32600, "{r}");
    // A response to a request the server never made.
    c.send_raw(br#"{"jsonrpc":"2.0","id":424242,"result":{"applied":true}}"#).await;
    // A request whose id is a string.
    c.send_raw(br#"{"jsonrpc":"2.0","id":"s-1","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///tmp/sunting-robust/berita.md"},"position":{"line":0,"character":0}}}"#).await;
    let r = c.next("$/response").await;
    assert_eq!(r["id"], "s-1", "{r}");
    assert!(r.get("error").is_none(), "{r}");

    // The document is intact and still checked: a real edit is published as before.
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 3}, "contentChanges": [{"text": "Berhenti !!"}]})).await;
    assert_eq!(codes(&c.diagnostics_for(URI, 3).await), ["typography/space-before-punctuation", "typography/doubled-punctuation"]);
    c.still_answers().await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn documents_never_opened_and_closed_ones() {
    let mut c = Client::start(1 << 20);
    c.initialize(typography_only()).await;
    let nope = "file:///tmp/sunting-robust/tidak-ada.md";
    let range = json!({"start": {"line": 0, "character": 0}, "end": {"line": 3, "character": 9}});
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": nope}, "position": {"line": 0, "character": 0}})).await;
    assert_eq!(r["result"], Value::Null, "{r}");
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": nope}, "range": range, "context": {"diagnostics": [], "only": ["source.fixAll"]}})).await;
    assert!(r.get("error").is_none(), "{r}");
    let r = c.request("workspace/executeCommand", json!({"command": "sunting.fixAll", "arguments": [{"uri": nope}]})).await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = c.request("workspace/executeCommand", json!({"command": "sunting.fixAll", "arguments": []})).await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": nope}})).await;
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": nope, "version": 9}, "contentChanges": [{"text": "Berhenti !!"}]})).await;
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": nope}})).await;

    // Open, close, then ask about it and change it: nothing is published for a closed document.
    c.open(URI, TEXT).await;
    c.diagnostics_for(URI, 1).await;
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": URI}})).await;
    let cleared = c.next("textDocument/publishDiagnostics").await;
    assert!(cleared["diagnostics"].as_array().is_some_and(|d| d.is_empty()), "{cleared}");
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": URI}})).await;
    assert_eq!(r["error"]["code"], -32602, "{r}");
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": "Berhenti !!"}]})).await;
    // Opened again (twice, as some clients do), it is checked afresh.
    c.open(URI, "Berhenti !!").await;
    c.open(URI, "Berhenti !!").await;
    assert_eq!(codes(&c.diagnostics_for(URI, 1).await), ["typography/space-before-punctuation", "typography/doubled-punctuation"]);
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn positions_out_of_range_and_inside_surrogate_pairs() {
    let mut c = Client::start(1 << 20);
    c.initialize(typography_only()).await;
    let text = "A😀b ,\r\nc";
    c.open(URI, text).await;
    c.diagnostics_for(URI, 1).await;
    let max = u32::MAX;
    for position in [json!({"line": max, "character": max}), json!({"line": 0, "character": max}), json!({"line": 0, "character": 2}), json!({"line": 1, "character": 99})] {
        let r = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": position})).await;
        assert!(r.get("error").is_none(), "{position}: {r}");
    }
    let far = json!({"start": {"line": max, "character": max}, "end": {"line": 0, "character": 0}});
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": URI}, "range": far, "context": {"diagnostics": []}})).await;
    assert!(r.get("error").is_none(), "{r}");
    // Edits: inside the emoji's surrogate pair (column 2 rounds down to its start, so this
    // replaces the emoji and "b"), reversed across lines, and wholly past the end.
    let edits = [
        (json!({"start": {"line": 0, "character": 2}, "end": {"line": 0, "character": 4}}), "X"),
        (json!({"start": {"line": 1, "character": 1}, "end": {"line": 0, "character": 3}}), " Berhenti !!\r\n"),
        (json!({"start": {"line": max, "character": 0}, "end": {"line": max, "character": max}}), "\r\nAkhir ."),
    ];
    let mut expected = text.to_string();
    expected.replace_range(1..6, "X");
    let start = expected.find(',').unwrap();
    expected.replace_range(start..expected.len(), " Berhenti !!\r\n");
    expected.push_str("\r\nAkhir .");
    for (version, (range, new_text)) in edits.iter().enumerate() {
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2 + version}, "contentChanges": [{"range": range, "text": new_text}]})).await;
    }
    let diags = c.diagnostics_for(URI, 4).await;
    // The server's text is the expected one: a fresh open of it gets the same findings.
    let fresh = "file:///tmp/sunting-robust/fresh.md";
    c.open(fresh, &expected).await;
    let strip = |v: &[Value]| v.iter().map(|d| (d["code"].clone(), d["range"].clone())).collect::<Vec<_>>();
    assert_eq!(strip(&c.diagnostics_for(fresh, 1).await), strip(&diags), "{expected:?}");
    c.still_answers().await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn a_client_that_stops_reading_then_resumes() {
    // Small pipes: the server's output fills up quickly while the client is not reading.
    let mut c = Client::start(4 * 1024);
    c.initialize(typography_only()).await;
    c.open(URI, TEXT).await;
    c.diagnostics_for(URI, 1).await;
    c.pause_reading();
    // Many documents full of findings, each published while nobody reads, and a request.
    let noisy = "Warga berteriak Berhenti !! lalu pergi , kata dia .\n\n".repeat(40);
    let sender = {
        let writer = c.writer.clone();
        let noisy = noisy.clone();
        tokio::spawn(async move {
            for i in 0..50 {
                let body = serde_json::to_vec(&json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": format!("file:///tmp/sunting-robust/{i}.md"), "languageId": "markdown", "version": 1, "text": noisy}}})).unwrap();
                let mut w = writer.lock().await;
                w.write_all(&frame(&body)).await.unwrap();
            }
        })
    };
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(!c.server.is_finished(), "the server gave up on a slow client");
    c.resume_reading();
    tokio::time::timeout(TIMEOUT, sender).await.expect("the server stopped reading for good").unwrap();
    // Everything arrives, and the server answers.
    let last = "file:///tmp/sunting-robust/49.md";
    assert!(!c.diagnostics_for(last, 1).await.is_empty());
    c.still_answers().await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn a_client_that_vanishes_ends_the_server() {
    let mut c = Client::start(4 * 1024);
    c.initialize(json!({"debounceMs": 0})).await;
    let huge = "Warga berteriak Berhenti !! lalu pergi ke pasar membeli sayur.\n\n".repeat(5_000);
    c.open(URI, &huge).await;
    // Gone mid-check: both pipe ends dropped.
    let Client { writer, reader, server, .. } = c;
    reader.abort();
    drop(writer);
    let status = tokio::time::timeout(TIMEOUT, server).await.expect("the server outlived its client").unwrap();
    assert_eq!(status, 1, "no shutdown was asked for");
}

#[tokio::test]
async fn shutdown_while_checking_then_requests_after_it() {
    let mut c = Client::start(1 << 20);
    c.initialize(json!({"debounceMs": 0})).await;
    let huge = "Warga berteriak Berhenti !! lalu pergi ke pasar membeli sayur.\n\n".repeat(20_000);
    c.open(URI, &huge).await;
    let r = c.request("shutdown", Value::Null).await;
    assert!(r.get("error").is_none(), "{r}");
    // After shutdown: requests are refused, notifications ignored, and exit is prompt.
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}})).await;
    assert_eq!(r["error"]["code"], -32600, "{r}");
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": "x"}]})).await;
    let started = std::time::Instant::now();
    c.notify("exit", Value::Null).await;
    let status = tokio::time::timeout(TIMEOUT, c.server).await.expect("server did not stop").unwrap();
    assert_eq!(status, 0);
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}

/// The real binary on standard input: garbage, then the end of input, ends it with status 1;
/// garbage before a proper session does not stop the session.
#[test]
fn the_process_survives_garbage_and_ends_with_its_input() {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_sunting")).arg("lsp").stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null()).spawn().unwrap()
    };
    let wait = |child: &mut std::process::Child| {
        let started = std::time::Instant::now();
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status.code();
            }
            if started.elapsed() > TIMEOUT {
                let _ = child.kill();
                panic!("the server did not end with its input");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let garbage: Vec<u8> = (0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
    let mut child = spawn();
    child.stdin.take().unwrap().write_all(&garbage).unwrap();
    assert_eq!(wait(&mut child), Some(1));

    // A session, each step waiting for its answer as a client does.
    let mut child = spawn();
    let mut stdin = child.stdin.take().unwrap();
    let output = Arc::new(Mutex::new(Vec::new()));
    let mut stdout = child.stdout.take().unwrap();
    let sink = output.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let await_output = |needle: &str| {
        let started = std::time::Instant::now();
        while !String::from_utf8_lossy(&output.lock().unwrap()).contains(needle) {
            assert!(started.elapsed() < TIMEOUT, "no {needle} in {}", String::from_utf8_lossy(&output.lock().unwrap()));
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    let message = |v: Value| frame(&serde_json::to_vec(&v).unwrap());
    stdin.write_all(&[garbage.as_slice(), b"\r\n\r\n"].concat()).unwrap();
    stdin.write_all(&message(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))).unwrap();
    await_output("\"capabilities\"");
    stdin.write_all(b"Content-Length: 5\r\n\r\n{bad}").unwrap();
    await_output("-32700");
    stdin.write_all(&message(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))).unwrap();
    await_output("\"id\":2");
    stdin.write_all(&message(json!({"jsonrpc": "2.0", "method": "exit"}))).unwrap();
    assert_eq!(wait(&mut child), Some(0), "{}", String::from_utf8_lossy(&output.lock().unwrap()));
}

/// `sunting lsp --stdio`, as vscode-languageclient and most other clients start it, answers
/// `initialize` and ends cleanly (the flag was once refused, and the VS Code extension never
/// started).
#[test]
fn the_stdio_flag_that_clients_add_is_accepted() {
    use std::io::{BufRead, BufReader, Read, Write};
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_sunting"))
        .args(["lsp", "--stdio"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let message = |v: Value| frame(&serde_json::to_vec(&v).unwrap());
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    // One framed message from the server, `None` at the end of its output.
    let mut next = move || -> Option<Value> {
        let mut length = 0;
        loop {
            let mut line = String::new();
            if stdout.read_line(&mut line).ok()? == 0 {
                return None;
            }
            match line.trim_end() {
                "" => break,
                l => length = l.strip_prefix("Content-Length:").and_then(|v| v.trim().parse().ok()).unwrap_or(length),
            }
        }
        let mut body = vec![0; length];
        stdout.read_exact(&mut body).ok()?;
        serde_json::from_slice(&body).ok()
    };
    let mut answer = |id: i64| loop {
        let m = next().unwrap_or_else(|| panic!("the server ended before answering request {id}"));
        if m["id"] == id {
            return m;
        }
    };
    stdin.write_all(&message(json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}))).unwrap();
    assert!(answer(1)["result"]["capabilities"].is_object());
    stdin.write_all(&message(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}))).unwrap();
    stdin.write_all(&message(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))).unwrap();
    assert!(answer(2).get("error").is_none());
    stdin.write_all(&message(json!({"jsonrpc": "2.0", "method": "exit"}))).unwrap();
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(0));
}

/// A hover request's body, with its id.
fn hover_body(id: i64) -> Vec<u8> {
    serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover", "params": {"textDocument": {"uri": URI}, "position": {"line": 2, "character": 25}}})).unwrap()
}

/// A frame whose `Content-Length` is wrong by any of the ways clients and proxies get it wrong
/// does not leave the server deaf: the requests after it are answered (the attack report's
/// D19), and so is the bad frame itself where its message is whole.
#[tokio::test]
async fn a_wrong_content_length_does_not_leave_the_server_deaf() {
    let mut c = Client::start(1 << 20);
    c.initialize(typography_only()).await;
    c.open(URI, TEXT).await;
    c.diagnostics_for(URI, 1).await;
    type Framing = Box<dyn Fn(&[u8]) -> Vec<u8>>;
    let bad_frames: [(&str, Framing); 5] = [
        ("10 bytes short", Box::new(|b: &[u8]| [format!("Content-Length: {}\r\n\r\n", b.len() - 10).as_bytes(), b].concat())),
        ("10 bytes long", Box::new(|b: &[u8]| [format!("Content-Length: {}\r\n\r\n", b.len() + 10).as_bytes(), b].concat())),
        ("1 byte long", Box::new(|b: &[u8]| [format!("Content-Length: {}\r\n\r\n", b.len() + 1).as_bytes(), b].concat())),
        ("negative", Box::new(|b: &[u8]| [b"Content-Length: -5\r\n\r\n".as_slice(), b].concat())),
        ("Content-Type only", Box::new(|b: &[u8]| [b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n".as_slice(), b].concat())),
    ];
    let mut answers = Vec::new();
    for (i, (label, bad)) in bad_frames.iter().enumerate() {
        let bad_id = 1000 + i as i64;
        answers.push((label, c.expect_answer(bad_id)));
        c.send_bytes(&bad(&hover_body(bad_id))).await;
        // Later requests, sent straight after: every one is answered.
        let mut later = Vec::new();
        for _ in 0..5 {
            later.push(c.send_request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 25}})).await);
        }
        for rx in later {
            let r = tokio::time::timeout(TIMEOUT, rx).await.unwrap_or_else(|_| panic!("{label}: a later request was not answered")).unwrap();
            assert!(r["result"]["contents"].is_object(), "{label}: {r}");
        }
    }
    // The short frame's message is cut, so it gets a parse error; every other bad frame held its
    // whole message, which is answered.
    assert_eq!(c.next("$/response").await["error"]["code"], -32700);
    for (label, rx) in answers.into_iter().skip(1) {
        let r = tokio::time::timeout(TIMEOUT, rx).await.unwrap_or_else(|_| panic!("{label}: its own message was not answered")).unwrap();
        assert!(r["result"]["contents"].is_object(), "{label}: {r}");
    }
    // A frame too long with nothing after it (the client waits for its answer): once the input
    // goes quiet, the whole message in hand is taken.
    let body = hover_body(4242);
    let rx = c.expect_answer(4242);
    c.send_bytes(&[format!("Content-Length: {}\r\n\r\n", body.len() + 10).as_bytes(), &body].concat()).await;
    let r = tokio::time::timeout(TIMEOUT, rx).await.expect("the last frame, too long, was not answered").unwrap();
    assert!(r["result"]["contents"].is_object(), "{r}");
    // So is a last frame whose length is no use, or missing.
    for (id, header) in [(4243, "Content-Length: -5\r\n\r\n"), (4244, "Content-Type: application/vscode-jsonrpc\r\n\r\n")] {
        let rx = c.expect_answer(id);
        c.send_bytes(&[header.as_bytes(), &hover_body(id)].concat()).await;
        let r = tokio::time::timeout(TIMEOUT, rx).await.unwrap_or_else(|_| panic!("{header:?} as the last frame was not answered")).unwrap();
        assert!(r["result"]["contents"].is_object(), "{r}");
    }
    c.still_answers().await;
    assert_eq!(c.shutdown_and_exit().await, 0);
}

fn nested(depth: usize) -> String {
    format!("{}1{}", "[".repeat(depth), "]".repeat(depth))
}

/// Messages nested past serde's recursion limit (which ended tower-lsp's input stream and the
/// server with it: D6) are refused, in requests, notifications, `initializationOptions`,
/// `didChangeConfiguration` and an answer to `workspace/configuration`.
#[tokio::test]
async fn messages_nested_too_deep_are_refused_and_the_server_lives() {
    let mut c = Client::start(1 << 20);
    // initialize itself, too deep: refused, and a proper one after it works.
    let deep_init = format!(r#"{{"jsonrpc":"2.0","id":1,"method":"initialize","params":{{"capabilities":{{}},"initializationOptions":{{"sunting":{{"words":{}}}}}}}}}"#, nested(130));
    let rx = c.expect_answer(1);
    c.send_raw(deep_init.as_bytes()).await;
    let r = rx.await.unwrap();
    assert_eq!((r["id"].clone(), r["error"]["code"].clone()), (json!(1), json!(-32600)), "{r}");
    c.next_id = 2;
    c.initialize_with(json!({"processId": null, "capabilities": {"workspace": {"configuration": true}}, "initializationOptions": typography_only()})).await;
    c.open(URI, TEXT).await;
    c.diagnostics_for(URI, 1).await;
    for depth in [127, 128, 1000, 100_000] {
        let request = format!(r#"{{"jsonrpc":"2.0","id":{depth},"method":"textDocument/hover","params":{{"textDocument":{{"uri":"{URI}"}},"position":{{"line":0,"character":0}},"x":{}}}}}"#, nested(depth));
        let rx = c.expect_answer(depth as i64);
        c.send_raw(request.as_bytes()).await;
        let r = tokio::time::timeout(TIMEOUT, rx).await.expect("no answer").unwrap();
        assert_eq!((r["id"].clone(), r["error"]["code"].clone()), (json!(depth), json!(-32600)), "{r}");
        let notification = format!(r#"{{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{{"settings":{{"sunting":{{"words":{}}}}}}}}}"#, nested(depth));
        c.send_raw(notification.as_bytes()).await;
        c.still_answers().await;
    }
    // Settings fetched from the client, answered too deep: refused; the server goes on.
    *c.config_reply.lock().unwrap() = Some(format!(r#"[{{"debounceMs":0,"words":{}}}]"#, nested(200)));
    c.notify("workspace/didChangeConfiguration", json!({"settings": null})).await;
    c.still_answers().await;
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": "Berhenti !!"}]})).await;
    assert_eq!(codes(&c.diagnostics_for(URI, 2).await), ["typography/space-before-punctuation", "typography/doubled-punctuation"]);
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// A `shutdown` sent before `initialize` is refused and changes nothing: the session that
/// follows checks documents as usual (D23).
#[tokio::test]
async fn a_shutdown_refused_before_initialize_changes_nothing() {
    let mut c = Client::start(1 << 20);
    let r = c.request("shutdown", Value::Null).await;
    assert_eq!(r["error"]["code"], -32002, "{r}");
    c.initialize(typography_only()).await;
    c.open(URI, TEXT).await;
    assert_eq!(codes(&c.diagnostics_for(URI, 1).await), ["typography/space-before-punctuation", "typography/doubled-punctuation"]);
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 25}})).await;
    assert!(r["result"]["contents"].is_object(), "{r}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// `Content-Length: 120000000` and no body: the server does not allocate the body from the
/// header (it once zeroed 512 MiB at once: D20), and a length over the limit derived from
/// `maxDocumentBytes` is skipped without being kept.
#[cfg(target_os = "linux")]
#[test]
fn a_huge_content_length_allocates_nothing_up_front() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_sunting")).arg("lsp").stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&frame(&serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})).unwrap())).unwrap();
    stdin.write_all(b"Content-Length: 120000000\r\n\r\n{\"jsonrpc\":\"2.0\"").unwrap();
    stdin.flush().unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap();
    let peak_kb: u64 = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok()).unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(peak_kb < 100 * 1024, "peak resident size {peak_kb} kB after a 120 MB header with no body");
}

/// "Add to dictionary" writes only a plain file inside a workspace folder, and only a word (D5):
/// not through a symbolic link the repository ships, not to a path the settings lead out of the
/// project, not to a project whose `sunting.toml` lies above the workspace folder.
#[cfg(unix)]
#[tokio::test]
async fn add_to_dictionary_stays_inside_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    std::fs::write(home.join(".bashrc"), "# bashrc\n").unwrap();
    let add = |word: &str, uri: &str| json!({"command": "sunting.addToDictionary", "arguments": [{"word": word, "uri": uri}]});
    let session = |root: &std::path::Path, options: Value| {
        let root = root.to_path_buf();
        async move {
            let mut c = Client::start(1 << 20);
            let folder = format!("file://{}", root.display());
            c.initialize_with(json!({"processId": null, "capabilities": {}, "rootUri": folder, "workspaceFolders": [{"uri": folder, "name": "repo"}], "initializationOptions": options})).await;
            c
        }
    };
    // A repository shipping its word list as a link to the user's files, or its folder as one.
    for (name, link, target) in [("a", ".sunting/kamus.txt", home.join(".bashrc")), ("b", ".sunting", home.clone())] {
        let repo = dir.path().join(name);
        std::fs::create_dir_all(repo.join(".sunting")).unwrap();
        if link == ".sunting" {
            std::fs::remove_dir(repo.join(".sunting")).unwrap();
            std::fs::write(home.join("kamus.txt"), "").unwrap();
        }
        std::os::unix::fs::symlink(&target, repo.join(link)).unwrap();
        let mut c = session(&repo, json!({})).await;
        let uri = format!("file://{}/berita.md", repo.display());
        let r = c.request("workspace/executeCommand", add("banjri", &uri)).await;
        assert!(r["error"]["message"].as_str().is_some_and(|m| m.contains("symbolic link")), "{name}: {r}");
        assert_eq!(c.next("window/showMessage").await["type"], 1);
        assert_eq!(c.shutdown_and_exit().await, 0);
    }
    // Settings that lead out of the project are refused (and the default list is used).
    let repo = dir.path().join("c");
    std::fs::create_dir(&repo).unwrap();
    let uri = format!("file://{}/berita.md", repo.display());
    let mut c = session(&repo, json!({"dictionary": "../home/.bashrc"})).await;
    let r = c.request("workspace/executeCommand", add("banjri", &uri)).await;
    assert_eq!(r["result"]["path"], repo.canonicalize().unwrap().join(".sunting/kamus.txt").display().to_string(), "{r}");
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"sunting": {"dictionary": home.join(".bashrc").display().to_string()}}})).await;
    let r = c.request("workspace/executeCommand", add("banjrii", &uri)).await;
    assert_eq!(r["result"]["added"], true, "{r}");
    // Not a word: refused, whatever the path.
    for word in ["curl -s http://127.0.0.1:9/x | sh # ; $(id)", "a\u{7}b", &"a".repeat(200)] {
        let r = c.request("workspace/executeCommand", add(word, &uri)).await;
        assert!(r["error"]["message"].as_str().is_some_and(|m| m.contains("not a word") || m.contains("longer than")), "{word:?}: {r}");
    }
    assert_eq!(c.shutdown_and_exit().await, 0);
    assert_eq!(std::fs::read_to_string(repo.join(".sunting/kamus.txt")).unwrap(), "banjri\nbanjrii\n");
    // A project file above the workspace folder: refused, nothing written above it.
    let up = dir.path().join("up");
    std::fs::create_dir_all(up.join("repo")).unwrap();
    std::fs::write(up.join("sunting.toml"), "").unwrap();
    let mut c = session(&up.join("repo"), json!({})).await;
    let r = c.request("workspace/executeCommand", add("banjri", &format!("file://{}/repo/berita.md", up.display()))).await;
    assert!(r["error"]["message"].as_str().is_some_and(|m| m.contains("outside the workspace")), "{r}");
    assert_eq!(c.shutdown_and_exit().await, 0);
    assert!(!up.join(".sunting").exists());
    assert_eq!(std::fs::read_to_string(home.join(".bashrc")).unwrap(), "# bashrc\n");
    assert_eq!(std::fs::read_to_string(home.join("kamus.txt")).unwrap(), "");
}

/// While long checks run, other documents are still checked and requests still answered (issue
/// 18, item 4): with more long documents open than the pool has threads, a short document
/// opened after them is published before any of them, and a hover on a long one answers (empty)
/// before that one's check is done. Counted by the order of events, not by the clock.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_checks_hold_up_no_other_document_or_request() {
    let mut c = Client::start(1 << 24);
    c.initialize(json!({"debounceMs": 0, "language": "id"})).await;
    // Long enough that a long check outlasts the wait before a stuck job gets a thread of its
    // own, by a wide margin, in an optimised build as in a debug one.
    let paragraphs = if cfg!(debug_assertions) { 6_000 } else { 40_000 };
    let long = "Warga berteriak Berhenti !! lalu pergi ke pasar , kata dia . Polisi datang ke lokasi kejadian pada pagi hari.\n\n".repeat(paragraphs);
    let threads = sunting::lsp::pool::Pool::default_size();
    let long_uris: Vec<String> = (0..threads + 1).map(|i| format!("file:///tmp/sunting-robust/long-{i}.md")).collect();
    for uri in &long_uris {
        c.open(uri, &long).await;
    }
    let hover = c.send_request("textDocument/hover", json!({"textDocument": {"uri": long_uris[0]}, "position": {"line": 0, "character": 18}})).await;
    c.open(URI, TEXT).await;
    let mut hover = Some(hover);
    let mut order = Vec::new();
    while order.len() < long_uris.len() + 1 {
        let p = c.next("textDocument/publishDiagnostics").await;
        if let Some(rx) = hover.as_mut()
            && let Ok(r) = rx.try_recv()
        {
            assert!(r.get("error").is_none(), "{r}");
            order.push("hover".to_string());
            hover = None;
        }
        order.push(p["uri"].as_str().unwrap_or("").to_string());
    }
    let short_at = order.iter().position(|u| u == URI).unwrap();
    let first_long = order.iter().position(|u| long_uris.contains(u)).unwrap();
    assert!(short_at < first_long, "{order:?}");
    if let Some(h) = order.iter().position(|u| u == "hover") {
        assert!(h <= first_long, "{order:?}");
    } else {
        panic!("the hover was not answered before the long checks ended: {order:?}");
    }
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// A document with thousands of findings is published without the fixes in `data` (they made up
/// most of the 330 MB a megabyte of noisy text held at its publication: D9), and its quick fixes
/// still come, from the stored check.
#[tokio::test]
async fn a_noisy_document_is_published_compactly_and_keeps_its_quick_fixes() {
    let mut c = Client::start(1 << 24);
    // No cap on what is published (`maxDiagnostics` 0): the whole noisy list goes out.
    let mut options = typography_only();
    options["maxDiagnostics"] = json!(0);
    c.initialize(options).await;
    let text = "Berhenti !!\n\n".repeat(1_200);
    c.open(URI, &text).await;
    let diags = c.diagnostics_for(URI, 1).await;
    assert_eq!(diags.len(), 2_400);
    assert!(diags.iter().all(|d| d.get("data").is_none()), "{}", diags[0]);
    let d = diags.iter().find(|d| d["code"] == "typography/doubled-punctuation" && d["range"]["start"]["line"] == 600).unwrap().clone();
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": URI}, "range": d["range"], "context": {"diagnostics": [d], "only": ["quickfix"]}})).await;
    let actions = r["result"].as_array().unwrap();
    let fix = actions.iter().find(|a| a["title"] == "Replace with '!'").unwrap_or_else(|| panic!("{r}"));
    let edits = &fix["edit"]["changes"][URI];
    assert_eq!(edits[0]["newText"], "!", "{fix}");
    assert_eq!(edits[0]["range"]["start"]["line"], 600, "{fix}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}
