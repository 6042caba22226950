//! The language server in process, over `tokio::io::duplex`: the fast cases of the protocol,
//! ordering, robustness and configuration. (End-to-end tests with real client capability sets
//! are in `tests/lsp/`, in Python.)

mod common;

use common::lsp::{codes, frame, read_frame};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use sunting::lsp::convert;
use sunting::position::PositionEncoding;
use tokio::io::{AsyncWriteExt, BufReader, DuplexStream};
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

const TIMEOUT: Duration = Duration::from_secs(20);

type Pending = Arc<Mutex<HashMap<i64, oneshot::Sender<Value>>>>;
type Answer = Arc<dyn Fn(&str, &Value) -> Value + Send + Sync>;

/// A minimal LSP client: requests by id, notifications in a queue, and server-to-client
/// requests answered by `answer` (and recorded).
struct Client {
    writer: Arc<tokio::sync::Mutex<tokio::io::WriteHalf<DuplexStream>>>,
    pending: Pending,
    notifications: mpsc::UnboundedReceiver<Value>,
    /// Requests the server sent to the client, in order.
    server_requests: Arc<Mutex<Vec<Value>>>,
    next_id: i64,
    server: JoinHandle<i32>,
    _reader: JoinHandle<()>,
}

impl Client {
    fn start_with(answer: Answer) -> Client {
        let (client_end, server_end) = tokio::io::duplex(1 << 20);
        let (server_read, server_write) = tokio::io::split(server_end);
        let server = tokio::spawn(sunting::lsp::serve(server_read, server_write));
        let (read, writer) = tokio::io::split(client_end);
        let writer = Arc::new(tokio::sync::Mutex::new(writer));
        let pending: Pending = Arc::default();
        let server_requests: Arc<Mutex<Vec<Value>>> = Arc::default();
        let (tx, notifications) = mpsc::unbounded_channel();
        let reader = {
            let pending = pending.clone();
            let server_requests = server_requests.clone();
            let writer = writer.clone();
            tokio::spawn(async move {
                let mut read = BufReader::new(read);
                while let Some(msg) = read_frame(&mut read).await {
                    if msg.get("method").is_some() && msg.get("id").is_some() {
                        server_requests.lock().unwrap().push(msg.clone());
                        let result = answer(msg["method"].as_str().unwrap_or(""), &msg["params"]);
                        let body = serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": msg["id"], "result": result})).unwrap();
                        let frame = [format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes(), &body].concat();
                        let mut w = writer.lock().await;
                        let _ = w.write_all(&frame).await;
                        let _ = w.flush().await;
                    } else if msg.get("method").is_some() {
                        let _ = tx.send(msg);
                    } else if let Some(id) = msg.get("id").and_then(Value::as_i64) {
                        if let Some(waiter) = pending.lock().unwrap().remove(&id) {
                            let _ = waiter.send(msg);
                        }
                    } else {
                        // A response without a usable id (to a malformed message).
                        let _ = tx.send(json!({"method": "$/response", "params": msg}));
                    }
                }
            })
        };
        Client { writer, pending, notifications, server_requests, next_id: 1, server, _reader: reader }
    }

    fn start() -> Client {
        Client::start_with(Arc::new(|method, _params| match method {
            "workspace/applyEdit" => json!({"applied": true}),
            "workspace/configuration" => json!([null]),
            _ => Value::Null,
        }))
    }

    async fn send_raw(&mut self, body: &[u8]) {
        let frame = frame(body);
        let mut w = self.writer.lock().await;
        w.write_all(&frame).await.unwrap();
        w.flush().await.unwrap();
    }

    async fn notify(&mut self, method: &str, params: Value) {
        let body = serde_json::to_vec(&json!({"jsonrpc": "2.0", "method": method, "params": params})).unwrap();
        self.send_raw(&body).await;
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let (tx, rx) = oneshot::channel();
        self.pending.lock().unwrap().insert(id, tx);
        let body = serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).unwrap();
        self.send_raw(&body).await;
        tokio::time::timeout(TIMEOUT, rx).await.unwrap_or_else(|_| panic!("no answer to {method}")).unwrap()
    }

    async fn initialize(&mut self, capabilities: Value, options: Value, root: Option<&std::path::Path>) -> Value {
        let mut params = json!({"processId": null, "capabilities": capabilities, "initializationOptions": options});
        if let Some(root) = root {
            let uri = format!("file://{}", root.display());
            params["rootUri"] = json!(uri);
            params["workspaceFolders"] = json!([{"uri": uri, "name": "ws"}]);
        }
        let response = self.request("initialize", params).await;
        self.notify("initialized", json!({})).await;
        response
    }

    /// The next notification of this method (others are dropped).
    async fn next(&mut self, method: &str) -> Value {
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let msg = tokio::time::timeout_at(deadline, self.notifications.recv())
                .await
                .unwrap_or_else(|_| panic!("no {method} notification"))
                .expect("server gone");
            if msg["method"] == method {
                return msg["params"].clone();
            }
        }
    }

    /// The next notification of this method within `wait`, if any (others are dropped).
    async fn next_within(&mut self, method: &str, wait: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            let msg = tokio::time::timeout_at(deadline, self.notifications.recv()).await.ok()??;
            if msg["method"] == method {
                return Some(msg["params"].clone());
            }
        }
    }

    /// The next diagnostics published for `uri` at `version` (earlier ones are skipped).
    async fn diagnostics_for(&mut self, uri: &str, version: i64) -> Vec<Value> {
        loop {
            let p = self.next("textDocument/publishDiagnostics").await;
            if p["uri"] == uri && p["version"] == version {
                return p["diagnostics"].as_array().cloned().unwrap_or_default();
            }
        }
    }

    async fn open(&mut self, uri: &str, language_id: &str, text: &str) {
        self.notify("textDocument/didOpen", json!({"textDocument": {"uri": uri, "languageId": language_id, "version": 1, "text": text}})).await;
    }

    async fn shutdown_and_exit(mut self) -> i32 {
        let r = self.request("shutdown", Value::Null).await;
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null).await;
        tokio::time::timeout(TIMEOUT, self.server).await.expect("server did not stop").unwrap()
    }
}

/// What two publications of the same text share (their versions and `data` may differ).
fn strip(diags: &[Value]) -> Vec<(Value, Value, Value)> {
    diags.iter().map(|d| (d["code"].clone(), d["range"].clone(), d["message"].clone())).collect()
}

fn typography_only(extra: Value) -> Value {
    let mut o = json!({"enabledCategories": ["typography"], "debounceMs": 0});
    if let (Some(o), Some(e)) = (o.as_object_mut(), extra.as_object()) {
        for (k, v) in e {
            o.insert(k.clone(), v.clone());
        }
    }
    o
}

/// Apply protocol edits (UTF-16 positions) to a text, as a client would.
fn apply_edits(text: &str, edits: &[Value]) -> String {
    let rope = ropey::Rope::from_str(text);
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            let pos = |p: &Value| sunting::position::Position { line: p["line"].as_u64().unwrap() as u32, character: p["character"].as_u64().unwrap() as u32 };
            let s = sunting::position::position_to_byte(&rope, pos(&e["range"]["start"]), PositionEncoding::Utf16);
            let t = sunting::position::position_to_byte(&rope, pos(&e["range"]["end"]), PositionEncoding::Utf16);
            (s, t, e["newText"].as_str().unwrap().to_string())
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (s, t, new) in spans {
        out.replace_range(s..t, &new);
    }
    out
}

fn edits_of(action: &Value, uri: &str) -> Vec<Value> {
    let edit = &action["edit"];
    if let Some(changes) = edit["documentChanges"].as_array() {
        return changes[0]["edits"].as_array().cloned().unwrap_or_default();
    }
    edit["changes"][uri].as_array().cloned().unwrap_or_default()
}

const URI: &str = "file:///tmp/sunting-lsp-test/berita.md";
const TEXT: &str = "Polisi datang ke lokasi.\n\nWarga berteriak “Berhenti !!” lalu pergi.\n";

#[tokio::test]
async fn negotiates_the_position_encoding() {
    let mut c = Client::start();
    let r = c.initialize(json!({}), Value::Null, None).await;
    assert_eq!(r["result"]["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(r["result"]["capabilities"]["textDocumentSync"]["change"], 2);
    assert_eq!(c.shutdown_and_exit().await, 0);

    let mut c = Client::start();
    let r = c.initialize(json!({"general": {"positionEncodings": ["utf-32", "utf-16", "utf-8"]}}), Value::Null, None).await;
    assert_eq!(r["result"]["capabilities"]["positionEncoding"], "utf-8");
    // Columns are now bytes: the curly quote is three bytes, one UTF-16 unit.
    c.initialize_done_open_and_check_utf8().await;
}

impl Client {
    async fn initialize_done_open_and_check_utf8(mut self) {
        self.notify("workspace/didChangeConfiguration", json!({"settings": {"sunting": typography_only(json!({}))}})).await;
        self.open(URI, "markdown", TEXT).await;
        let diags = loop {
            let d = self.diagnostics_for(URI, 1).await;
            if !d.is_empty() && codes(&d).iter().all(|c| c.starts_with("typography/")) {
                break d;
            }
        };
        let space = diags.iter().find(|d| d["code"] == "typography/space-before-punctuation").unwrap();
        let line = TEXT.lines().nth(2).unwrap();
        let byte_col = line.find(" !!").unwrap();
        assert_eq!(space["range"]["start"], json!({"line": 2, "character": byte_col}));
        assert_eq!(self.shutdown_and_exit().await, 0);
    }
}

#[tokio::test]
async fn open_publishes_then_a_quick_fix_clears_the_finding() {
    let mut c = Client::start();
    c.initialize(json!({"workspace": {"workspaceEdit": {"documentChanges": true}}}), typography_only(json!({})), None).await;
    c.open(URI, "markdown", TEXT).await;
    let diags = c.diagnostics_for(URI, 1).await;
    assert_eq!(codes(&diags), ["typography/space-before-punctuation", "typography/doubled-punctuation"]);
    let space = &diags[0];
    // “ is one UTF-16 unit: "Warga berteriak “Berhenti" is 25 units.
    assert_eq!(space["range"], json!({"start": {"line": 2, "character": 25}, "end": {"line": 2, "character": 26}}));
    assert!(space["codeDescription"]["href"].as_str().unwrap().ends_with("#typography-space-before-punctuation"));
    assert_eq!(space["data"]["version"], 1);

    let actions = c
        .request("textDocument/codeAction", json!({"textDocument": {"uri": URI}, "range": space["range"], "context": {"diagnostics": [space]}}))
        .await;
    let actions = actions["result"].as_array().unwrap().clone();
    let fix = actions.iter().find(|a| a["isPreferred"] == true).expect("a preferred quick fix");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["edit"]["documentChanges"][0]["textDocument"]["version"], 1);
    assert!(actions.iter().any(|a| a["title"].as_str().unwrap().starts_with("Ignore typography/space-before-punctuation here")));

    let fixed = apply_edits(TEXT, &edits_of(fix, URI));
    assert!(fixed.contains("“Berhenti!!”"), "{fixed}");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": edits_of(fix, URI).iter().map(|e| json!({"range": e["range"], "text": e["newText"]})).collect::<Vec<_>>()}),
    )
    .await;
    let diags = c.diagnostics_for(URI, 2).await;
    assert_eq!(codes(&diags), ["typography/doubled-punctuation"]);

    // Fix all: the rest goes.
    let actions = c
        .request("textDocument/codeAction", json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": [], "only": ["source.fixAll"]}}))
        .await;
    let all = &actions["result"][0];
    assert_eq!(all["kind"], "source.fixAll.sunting");
    let fixed2 = apply_edits(&fixed, &edits_of(all, URI));
    assert!(fixed2.contains("“Berhenti!”"), "{fixed2}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// Item 5 of issue 17: "Ignore" keeps the copy as it is and writes the project's ignore file,
/// keyed by rule, flagged text and sentence; the finding goes, in the editor and for the CLI,
/// and a second finding of the same words in another sentence stays.
#[tokio::test]
async fn ignore_writes_the_project_ignore_file_not_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let uri = format!("file://{}/berita.txt", root.display());
    let mut c = Client::start();
    c.initialize(json!({"workspace": {"applyEdit": true}}), typography_only(json!({})), Some(&root)).await;
    // A wrapped paragraph: the finding is on its second line.
    let text = "Satu.\n\nWarga berteriak keras\nBerhenti !! lalu pergi.\n\nLain kali Berhenti !! lagi.\n";
    c.open(&uri, "plaintext", text).await;
    let diags = c.diagnostics_for(&uri, 1).await;
    let doubled: Vec<Value> = diags.iter().filter(|d| d["code"] == "typography/doubled-punctuation").cloned().collect();
    assert_eq!(doubled.len(), 2, "{diags:?}");
    let d = doubled[0].clone();
    let actions = c.request("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}})).await;
    let ignore = actions["result"].as_array().unwrap().iter().find(|a| a["title"].as_str().unwrap().starts_with("Ignore")).unwrap().clone();
    assert!(ignore.get("edit").is_none_or(Value::is_null), "the copy is not edited: {ignore}");
    let command = &ignore["command"];
    let r = c.request("workspace/executeCommand", json!({"command": command["command"], "arguments": command["arguments"]})).await;
    assert_eq!(r["result"]["added"], 1, "{r}");
    let file = std::fs::read_to_string(root.join(".sunting/ignore")).unwrap();
    assert!(file.contains(r#""rule":"typography/doubled-punctuation","text":"!!","sentence":"Berhenti !! lalu pergi.""#) || file.contains("Warga berteriak keras Berhenti !! lalu pergi."), "{file}");
    // Re-checked: the ignored finding is gone, the one in the other sentence stays.
    let diags = c.diagnostics_for(&uri, 1).await;
    let left: Vec<&Value> = diags.iter().filter(|d| d["code"] == "typography/doubled-punctuation").collect();
    assert_eq!(left.len(), 1, "{diags:?}");
    assert_eq!(left[0]["range"]["start"]["line"], 5);
    // Asking again adds nothing.
    let r = c.request("workspace/executeCommand", json!({"command": command["command"], "arguments": command["arguments"]})).await;
    assert_eq!(r["result"]["added"], 0, "{r}");
    assert_eq!(c.shutdown_and_exit().await, 0);
    // The command line reads the same file.
    std::fs::write(root.join("berita.txt"), text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sunting"))
        .args(["check", "--format", "json", "berita.txt"])
        .current_dir(&root)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)));
    let found = report.to_string().matches("typography/doubled-punctuation").count();
    assert_eq!(found, 1, "{report}");
}

/// The ignore file is never written through a symbolic link, nor over a file it cannot read, nor
/// outside the workspace folders.
#[test]
fn the_ignore_file_stays_inside_the_project() {
    use sunting::lsp::dictionary;
    use sunting::ignore::IgnoreEntry;
    // The project is its own workspace folder here.
    let add = |root: &std::path::Path, entries: &[IgnoreEntry]| dictionary::add_ignore_entries(&[root.to_path_buf()], root, entries);
    let entry = IgnoreEntry::new("typography/doubled-word", "yang yang", "Dia yang yang datang.").unwrap();
    let outside = tempfile::tempdir().unwrap();
    let project = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(outside.path(), project.path().join(".sunting")).unwrap();
    assert!(add(project.path(), std::slice::from_ref(&entry)).unwrap_err().contains("symbolic link"));
    assert!(std::fs::read_dir(outside.path()).unwrap().next().is_none());
    let project = tempfile::tempdir().unwrap();
    std::fs::create_dir(project.path().join(".sunting")).unwrap();
    let target = outside.path().join("victim");
    std::fs::write(&target, "keep\n").unwrap();
    std::os::unix::fs::symlink(&target, project.path().join(".sunting/ignore")).unwrap();
    assert!(add(project.path(), std::slice::from_ref(&entry)).unwrap_err().contains("symbolic link"));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep\n");
    // A broken file is not rewritten.
    let project = tempfile::tempdir().unwrap();
    std::fs::create_dir(project.path().join(".sunting")).unwrap();
    std::fs::write(project.path().join(".sunting/ignore"), "not json\n").unwrap();
    assert!(add(project.path(), std::slice::from_ref(&entry)).unwrap_err().contains(":1:"));
    assert_eq!(std::fs::read_to_string(project.path().join(".sunting/ignore")).unwrap(), "not json\n");
    // A fresh project gets the folder and the file; entries are not repeated.
    let project = tempfile::tempdir().unwrap();
    let (path, added) = add(project.path(), &[entry.clone(), entry.clone()]).unwrap();
    assert_eq!(added, 1);
    assert_eq!(add(project.path(), std::slice::from_ref(&entry)).unwrap().1, 0);
    assert!(sunting::ignore::IgnoreList::parse(&std::fs::read_to_string(path).unwrap()).unwrap().contains(&entry));
    // A project folder outside every workspace folder (a sunting.toml above it) is refused.
    let workspace = tempfile::tempdir().unwrap();
    let above = tempfile::tempdir().unwrap();
    let refused = dictionary::add_ignore_entries(&[workspace.path().to_path_buf()], above.path(), std::slice::from_ref(&entry)).unwrap_err();
    assert!(refused.contains("outside the workspace"), "{refused}");
    assert!(!above.path().join(".sunting").exists());
}

#[tokio::test]
async fn rapid_incremental_edits_end_where_a_fresh_open_does() {
    let mut c = Client::start();
    c.initialize(json!({}), typography_only(json!({})), None).await;
    let mut text = String::from("Awal berita.\n");
    c.open(URI, "markdown", &text).await;
    let pieces = ["Kata ", "😀 ", "東京 ", "kata", " !!", "\r\n", "Lagi ,", " dan", "\n\n", "yang yang ", "e\u{301} "];
    let mut published: HashMap<i64, Vec<Value>> = HashMap::new();
    let mut texts: HashMap<i64, String> = HashMap::new();
    texts.insert(1, text.clone());
    let mut seed = 7u64;
    let mut rand = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for version in 2..=300i64 {
        let rope = ropey::Rope::from_str(&text);
        // A random char boundary, sometimes a deletion, sometimes an insertion.
        let chars = rope.len_chars();
        let a = rand(chars + 1);
        let b = if rand(3) == 0 { (a + rand(4)).min(chars) } else { a };
        let ins = if rand(4) == 0 { "" } else { pieces[rand(pieces.len())] };
        let (sa, sb) = (rope.char_to_byte(a), rope.char_to_byte(b));
        let range = |x| {
            let p = sunting::position::byte_to_position(&rope, x, PositionEncoding::Utf16);
            json!({"line": p.line, "character": p.character})
        };
        // Do not split a CRLF: the client would not either.
        if text[..sa].ends_with('\r') || text[..sb].ends_with('\r') {
            continue;
        }
        let change = json!({"range": {"start": range(sa), "end": range(sb)}, "text": ins});
        text.replace_range(sa..sb, ins);
        texts.insert(version, text.clone());
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]})).await;
        while let Ok(msg) = c.notifications.try_recv() {
            if msg["method"] == "textDocument/publishDiagnostics" {
                published.insert(msg["params"]["version"].as_i64().unwrap(), msg["params"]["diagnostics"].as_array().unwrap().clone());
            }
        }
    }
    let last = *texts.keys().max().unwrap();
    let final_diags = c.diagnostics_for(URI, last).await;
    published.insert(last, final_diags.clone());

    // Every publication matches a check of the text of its version: never stale, never mixed.
    let config = sunting::config::Config::default();
    let mut config = config;
    for cat in ["spelling", "untranslated", "figures", "quotes", "names"] {
        config.severity.insert(cat.into(), sunting::config::Level::Off);
    }
    for rule in sunting::rules::REGISTRY {
        if rule.meta().category != sunting::Category::Typography {
            config.severity.insert(rule.meta().code.into(), sunting::config::Level::Off);
        }
    }
    let uri: tower_lsp_server::ls_types::Uri = URI.parse().unwrap();
    for (version, diags) in &published {
        let t = &texts[version];
        let options = sunting::CheckOptions { format: sunting::DocFormat::Markdown, language: Default::default(), config: &config };
        let expected = sunting::check(t, &options);
        let rope = ropey::Rope::from_str(t);
        let expected: Vec<Value> = expected
            .diagnostics
            .iter()
            .map(|d| serde_json::to_value(convert::to_lsp(d, &rope, PositionEncoding::Utf16, &uri, *version as i32)).unwrap())
            .collect();
        assert_eq!(diags, &expected, "version {version}: {t:?}");
    }

    // And the server's text is the client's: a fresh open of the final text agrees.
    let other = "file:///tmp/sunting-lsp-test/fresh.md";
    c.open(other, "markdown", &text).await;
    let fresh = c.diagnostics_for(other, 1).await;
    assert_eq!(strip(&fresh), strip(&final_diags));
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn malformed_and_unknown_messages_get_errors_not_a_crash() {
    let mut c = Client::start();
    c.initialize(json!({}), typography_only(json!({})), None).await;
    c.send_raw(b"{this is not json").await;
    let r = c.next("$/response").await;
    assert_eq!(r["error"]["code"], -32700);
    c.send_raw(b"[1, 2, 3]").await;
    let r = c.next("$/response").await;
    assert_eq!(r["error"]["code"], -32600);
    // Garbage between frames and a frame with no Content-Length are skipped.
    c.writer.lock().await.write_all(b"garbage line\r\nX-Nonsense: 1\r\n\r\n").await.unwrap();
    let r = c.request("textDocument/unknownThing", json!({})).await;
    assert_eq!(r["error"]["code"], -32601);
    // An id of the wrong type: an invalid request.
    let (tx, rx) = oneshot::channel();
    c.pending.lock().unwrap().insert(99, tx);
    c.send_raw(br#"{"jsonrpc":"2.0","id":99,"method":5}"#).await;
    let r = tokio::time::timeout(TIMEOUT, rx).await.unwrap().unwrap();
    assert_eq!(r["error"]["code"], -32600);
    // Requests about a document never opened.
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": "file:///nope.md"}, "position": {"line": 0, "character": 0}})).await;
    assert_eq!(r["result"], Value::Null);
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": "file:///nope.md"}})).await;
    assert_eq!(r["error"]["code"], -32602);
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": "file:///nope.md"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}})).await;
    assert!(r.get("error").is_none(), "{r}");
    // Edits to a closed document, invalid params: logged and ignored.
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": "file:///nope.md", "version": 2}, "contentChanges": [{"text": "x"}]})).await;
    c.notify("textDocument/didOpen", json!({"textDocument": 5})).await;
    // Positions past the end clamp.
    c.open(URI, "markdown", TEXT).await;
    c.diagnostics_for(URI, 1).await;
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": {"start": {"line": 99, "character": 5}, "end": {"line": 120, "character": 0}}, "text": "Akhir ."}]})).await;
    let diags = c.diagnostics_for(URI, 2).await;
    assert!(codes(&diags).contains(&"typography/space-before-punctuation".to_string()));
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 500, "character": 500}})).await;
    assert!(r.get("error").is_none(), "{r}");
    // An unknown languageId is tracked but not checked.
    c.open("file:///tmp/x.rs", "rust", "fn main() {} !!").await;
    assert!(c.diagnostics_for("file:///tmp/x.rs", 1).await.is_empty());
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn exit_without_shutdown_is_status_1() {
    let mut c = Client::start();
    c.initialize(json!({}), Value::Null, None).await;
    c.notify("exit", Value::Null).await;
    assert_eq!(tokio::time::timeout(TIMEOUT, c.server).await.unwrap().unwrap(), 1);
}

#[tokio::test]
async fn shutdown_during_a_check_of_a_huge_document() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({"debounceMs": 0}), None).await;
    let huge = "Warga berteriak Berhenti !! lalu pergi ke pasar membeli sayur.\n\n".repeat(40_000);
    c.open(URI, "markdown", &huge).await;
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "X"}]})).await;
    let started = std::time::Instant::now();
    assert_eq!(c.shutdown_and_exit().await, 0);
    assert!(started.elapsed() < Duration::from_secs(5), "{:?}", started.elapsed());
}

#[tokio::test]
async fn pull_diagnostics_for_clients_that_prefer_them() {
    let mut c = Client::start();
    let r = c.initialize(json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}), typography_only(json!({})), None).await;
    assert_eq!(r["result"]["capabilities"]["diagnosticProvider"]["identifier"], "sunting");
    c.open(URI, "markdown", TEXT).await;
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": URI}})).await;
    assert_eq!(r["result"]["kind"], "full");
    assert_eq!(codes(r["result"]["items"].as_array().unwrap()), ["typography/space-before-punctuation", "typography/doubled-punctuation"]);
    let id = r["result"]["resultId"].clone();
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": URI}, "previousResultId": id})).await;
    assert_eq!(r["result"]["kind"], "unchanged");
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": "Bersih."}]})).await;
    let r = c.request("textDocument/diagnostic", json!({"textDocument": {"uri": URI}, "previousResultId": id})).await;
    assert_eq!(r["result"]["kind"], "full");
    assert!(r["result"]["items"].as_array().unwrap().is_empty());
    // Nothing was pushed.
    while let Ok(msg) = c.notifications.try_recv() {
        assert_ne!(msg["method"], "textDocument/publishDiagnostics");
    }
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn settings_change_severities_and_categories() {
    let mut c = Client::start();
    c.initialize(json!({}), typography_only(json!({"severity": {"typography/doubled-punctuation": "error"}})), None).await;
    c.open(URI, "markdown", TEXT).await;
    let diags = c.diagnostics_for(URI, 1).await;
    let doubled = diags.iter().find(|d| d["code"] == "typography/doubled-punctuation").unwrap();
    assert_eq!(doubled["severity"], 1);
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"sunting": typography_only(json!({"severity": {"typography/doubled-punctuation": "off"}}))}})).await;
    let diags = c.diagnostics_for(URI, 1).await;
    assert_eq!(codes(&diags), ["typography/space-before-punctuation"]);
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"sunting": {"enabledCategories": ["spelling"], "debounceMs": 0}}})).await;
    let diags = c.diagnostics_for(URI, 1).await;
    assert!(diags.iter().all(|d| d["code"].as_str().unwrap().starts_with("spelling/")), "{diags:?}");
    // A bad setting is reported, not fatal.
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"sunting": {"language": "fr", "debounceMs": 0}}})).await;
    let m = c.next("window/showMessage").await;
    assert!(m["message"].as_str().unwrap().contains("language"), "{m}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn hover_explains_the_rule() {
    let mut c = Client::start();
    c.initialize(json!({"textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}}}), typography_only(json!({})), None).await;
    c.open(URI, "markdown", TEXT).await;
    let diags = c.diagnostics_for(URI, 1).await;
    let doubled = diags.iter().find(|d| d["code"] == "typography/doubled-punctuation").unwrap();
    let mut at = doubled["range"]["start"].clone();
    at["character"] = json!(at["character"].as_u64().unwrap() + 1);
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": at})).await;
    let value = r["result"]["contents"]["value"].as_str().unwrap();
    assert_eq!(r["result"]["contents"]["kind"], "markdown");
    assert!(value.contains("**typography/doubled-punctuation**"), "{value}");
    // The finding first, then the rule.
    assert_eq!(value.lines().next(), doubled["message"].as_str(), "{value}");
    assert!(value.contains("Example") && value.contains('✗') && value.contains('✓'), "{value}");
    assert_eq!(r["result"]["range"], doubled["range"]);
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 1}})).await;
    assert_eq!(r["result"], Value::Null);
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn add_to_dictionary_writes_the_word_list_and_rechecks() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let uri = format!("file://{}/berita.md", root.display());
    let mut c = Client::start();
    c.initialize(json!({}), json!({"enabledCategories": ["spelling"], "debounceMs": 0, "language": "id"}), Some(&root)).await;
    let text = "Juru bicara pemerinatah mengatakan bantuan akan datang besok.\n";
    c.open(&uri, "markdown", text).await;
    let diags = c.diagnostics_for(&uri, 1).await;
    let d = diags.iter().find(|d| d["code"] == "spelling/misspelled").expect("a misspelling").clone();
    let actions = c.request("textDocument/codeAction", json!({"textDocument": {"uri": uri}, "range": d["range"], "context": {"diagnostics": [d]}})).await;
    let add = actions["result"].as_array().unwrap().iter().find(|a| a["title"] == "Add 'pemerinatah' to dictionary").expect("add to dictionary").clone();
    let command = &add["command"];
    let r = c.request("workspace/executeCommand", json!({"command": command["command"], "arguments": command["arguments"]})).await;
    assert_eq!(r["result"]["added"], true, "{r}");
    assert_eq!(std::fs::read_to_string(root.join(".sunting/kamus.txt")).unwrap(), "pemerinatah\n");
    let diags = c.diagnostics_for(&uri, 1).await;
    assert!(!diags.iter().any(|d| d["code"] == "spelling/misspelled"), "{diags:?}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn config_file_changes_recheck_open_documents() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let uri = format!("file://{}/berita.md", root.display());
    std::fs::write(root.join("sunting.toml"), "[severity]\n\"typography/doubled-punctuation\" = \"off\"\n").unwrap();
    let mut c = Client::start();
    c.initialize(json!({}), typography_only(json!({})), Some(&root)).await;
    c.open(&uri, "markdown", TEXT).await;
    assert_eq!(codes(&c.diagnostics_for(&uri, 1).await), ["typography/space-before-punctuation"]);
    std::fs::write(root.join("sunting.toml"), "[severity]\n\"typography/space-before-punctuation\" = \"off\"\n").unwrap();
    let toml_uri = format!("file://{}/sunting.toml", root.display());
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": toml_uri, "type": 2}]})).await;
    assert_eq!(codes(&c.diagnostics_for(&uri, 1).await), ["typography/doubled-punctuation"]);
    // A broken file is reported with its line and column; the defaults apply.
    std::fs::write(root.join("sunting.toml"), "language = [\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": toml_uri, "type": 2}]})).await;
    let m = c.next("window/showMessage").await;
    assert!(m["message"].as_str().unwrap().contains("sunting.toml:"), "{m}");
    assert_eq!(codes(&c.diagnostics_for(&uri, 1).await).len(), 2);
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn debounce_holds_back_publication() {
    let mut c = Client::start();
    c.initialize(json!({}), typography_only(json!({"debounceMs": 300})), None).await;
    c.open(URI, "markdown", TEXT).await;
    c.diagnostics_for(URI, 1).await;
    let started = std::time::Instant::now();
    for v in 2..=5 {
        // (Before the findings, so that each version's differ: the same findings are not sent again.)
        c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": v}, "contentChanges": [{"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "text": "a"}]})).await;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // Only the last version is published, a debounce after the last change.
    let p = c.next("textDocument/publishDiagnostics").await;
    assert_eq!(p["version"], 5);
    assert!(started.elapsed() >= Duration::from_millis(450), "{:?}", started.elapsed());
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn fix_all_command_and_file_watching_go_through_the_client() {
    let mut c = Client::start();
    c.initialize(json!({"workspace": {"applyEdit": true, "didChangeWatchedFiles": {"dynamicRegistration": true}}}), typography_only(json!({})), None).await;
    c.open(URI, "markdown", TEXT).await;
    c.diagnostics_for(URI, 1).await;
    let r = c.request("workspace/executeCommand", json!({"command": "sunting.fixAll", "arguments": [{"uri": URI}]})).await;
    assert_eq!(r["result"]["applied"], true, "{r}");
    let requests = c.server_requests.lock().unwrap().clone();
    let methods: Vec<&str> = requests.iter().map(|r| r["method"].as_str().unwrap()).collect();
    assert_eq!(methods, ["client/registerCapability", "workspace/applyEdit"]);
    let watchers = &requests[0]["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert!(watchers.as_array().unwrap().iter().any(|w| w["globPattern"] == "**/sunting.toml"));
    let edits = requests[1]["params"]["edit"]["changes"][URI].as_array().unwrap().clone();
    assert_eq!(apply_edits(TEXT, &edits), TEXT.replace("Berhenti !!", "Berhenti!"));
    let r = c.request("workspace/executeCommand", json!({"command": "sunting.nope", "arguments": []})).await;
    assert_eq!(r["error"]["code"], -32602);
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn a_document_over_the_size_limit_is_tracked_not_checked() {
    let mut c = Client::start();
    c.initialize(json!({}), typography_only(json!({"maxDocumentBytes": 64})), None).await;
    c.open(URI, "markdown", &TEXT.repeat(10)).await;
    let m = c.next("window/showMessage").await;
    assert!(m["message"].as_str().unwrap().contains("maxDocumentBytes"), "{m}");
    assert!(c.diagnostics_for(URI, 1).await.is_empty());
    // Edits still apply: cut it below the limit and it is checked.
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": "Berhenti !!"}]})).await;
    assert_eq!(codes(&c.diagnostics_for(URI, 2).await).len(), 2);
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn related_information_points_at_the_other_mention() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({"enabledCategories": ["figures"], "debounceMs": 0, "language": "id"}), None).await;
    let text = "Serangan itu menewaskan setidaknya 12 orang.\n\nPolisi mengatakan 10 orang tewas dan 90 terluka.\n";
    c.open(URI, "markdown", text).await;
    let diags = c.diagnostics_for(URI, 1).await;
    let conflict = diags.iter().find(|d| d["code"] == "figures/conflict").expect("a conflict");
    let related = conflict["relatedInformation"].as_array().expect("related information");
    assert_eq!(related[0]["location"]["uri"], URI);
    let (a, b) = (&conflict["range"]["start"]["line"], &related[0]["location"]["range"]["start"]["line"]);
    assert_ne!(a, b, "{conflict}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn bad_initialization_options_are_shown_not_fatal() {
    let mut c = Client::start();
    let r = c.initialize(json!({}), json!({"debounceMs": "soon", "severity": {"typography/nope": "off"}}), None).await;
    assert!(r.get("error").is_none(), "{r}");
    let mut messages = vec![c.next("window/showMessage").await, c.next("window/showMessage").await];
    messages.sort_by_key(|m| m["message"].as_str().unwrap().to_string());
    assert!(messages[0]["message"].as_str().unwrap().contains("debounceMs"), "{messages:?}");
    assert!(messages[1]["message"].as_str().unwrap().contains("typography/nope"), "{messages:?}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn document_info_reports_language_and_kind() {
    let mut c = Client::start();
    c.initialize(json!({}), typography_only(json!({})), None).await;
    c.open(URI, "markdown", "The police said the suspect had fled the city on Monday.\n").await;
    let r = c.request("workspace/executeCommand", json!({"command": "sunting.documentInfo", "arguments": [{"uri": URI}]})).await;
    assert_eq!(r["result"]["language"], "en", "{r}");
    assert_eq!(r["result"]["format"], "markdown");
    assert_eq!(r["result"]["checked"], true);
    c.open("file:///tmp/x.rs", "rust", "fn main() {}").await;
    let r = c.request("workspace/executeCommand", json!({"command": "sunting.documentInfo", "arguments": ["file:///tmp/x.rs"]})).await;
    assert_eq!(r["result"]["checked"], false, "{r}");
    assert_eq!(r["result"]["language"], Value::Null);
    let r = c.request("workspace/executeCommand", json!({"command": "sunting.documentInfo", "arguments": [{"uri": "file:///nope.md"}]})).await;
    assert_eq!(r["error"]["code"], -32602);
    assert_eq!(c.shutdown_and_exit().await, 0);
}

#[tokio::test]
async fn a_long_article_gets_one_quick_publication_the_full_check_agrees_with() {
    let mut c = Client::start();
    c.initialize(json!({}), json!({"debounceMs": 0}), None).await;
    // Over 32 KiB: long enough that an edit is first answered from the last full check.
    let paragraph = "Banjir menewaskan setidaknya 12 orang di Jakarta pada Senin pagi, kata polisi kepada wartawan yang meliput di lokasi.";
    let mut text = String::new();
    while text.len() < 40 * 1024 {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text.push_str("Sebanyak 10 orang tewas dalam banjir itu.\n");
    c.open(URI, "markdown", &text).await;
    let opened = c.diagnostics_for(URI, 1).await;
    assert!(codes(&opened).iter().any(|c| c.starts_with("figures/")), "{:?}", codes(&opened));

    // Put a space before a comma in the middle of the article.
    let at = text.len() / 2;
    let at = at + text[at..].find(", kata").unwrap();
    let rope = ropey::Rope::from_str(&text);
    let p = sunting::position::byte_to_position(&rope, at, PositionEncoding::Utf16);
    let pos = json!({"line": p.line, "character": p.character});
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"range": {"start": pos, "end": pos}, "text": " "}]})).await;
    text.insert(at, ' ');
    let quick = c.diagnostics_for(URI, 2).await;
    // The full check agrees with the quick one: it is not sent again (issue 17, item 3).
    let again = c.next_within("textDocument/publishDiagnostics", Duration::from_secs(3)).await;
    assert!(again.is_none(), "a second publication of the same findings: {again:?}");
    let full = quick.clone();
    let line = p.line as u64;
    let at_edit = |diags: &[Value]| diags.iter().filter(|d| d["range"]["start"]["line"] == line).map(|d| d["code"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    // The quick one already has the new finding; the article-wide figures come with it, carried.
    assert!(at_edit(&quick).contains(&"typography/space-before-punctuation".to_string()), "{quick:?}");
    assert!(codes(&quick).iter().any(|c| c.starts_with("figures/")));
    // It leaves the fixes out of `data`; a code action asked of it still gets them.
    let space = quick.iter().find(|d| d["code"] == "typography/space-before-punctuation" && d["range"]["start"]["line"] == line).unwrap().clone();
    assert!(space.get("data").is_none_or(Value::is_null), "{space}");
    let actions = c
        .request("textDocument/codeAction", json!({"textDocument": {"uri": URI}, "range": space["range"], "context": {"diagnostics": [space]}}))
        .await;
    let actions = actions["result"].as_array().cloned().unwrap_or_default();
    assert!(actions.iter().any(|a| a["kind"] == "quickfix" && !edits_of(a, URI).is_empty()), "{actions:?}");
    // The full one is what a fresh open of the same text gets.
    let other = "file:///tmp/sunting-lsp-test/fresh-long.md";
    c.open(other, "markdown", &text).await;
    let fresh = c.diagnostics_for(other, 1).await;
    assert_eq!(strip(&full), strip(&fresh));
    assert_eq!(c.shutdown_and_exit().await, 0);
}

// ---- Issue 17, items 3-7: the editor experience ----

fn position_of(text: &str, needle: &str) -> Value {
    let rope = ropey::Rope::from_str(text);
    let p = sunting::position::byte_to_position(&rope, text.find(needle).unwrap(), PositionEncoding::Utf16);
    json!({"line": p.line, "character": p.character})
}

/// Item 3: a check that finds what was already published sends nothing (a save, a setting that
/// changes nothing the user sees), and at most `maxDiagnostics` findings are sent, the most
/// severe first.
#[tokio::test]
async fn the_same_findings_are_not_published_twice_and_the_list_is_capped() {
    let mut c = Client::start();
    c.initialize(json!({}), typography_only(json!({"severity": {"typography/doubled-punctuation": "error"}, "maxDiagnostics": 2})), None).await;
    let text = "Satu , dua , tiga , empat.\n\nWarga berteriak Berhenti !! lalu pergi.\n";
    c.open(URI, "markdown", text).await;
    let diags = c.diagnostics_for(URI, 1).await;
    assert_eq!(diags.len(), 2, "{diags:?}");
    // The error comes first of all, then the earliest warning, in the order of the text.
    assert_eq!(codes(&diags), ["typography/space-before-punctuation", "typography/doubled-punctuation"]);
    assert_eq!(diags[0]["range"]["start"], json!({"line": 0, "character": 4}));
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": URI}})).await;
    let again = c.next_within("textDocument/publishDiagnostics", Duration::from_millis(1500)).await;
    assert!(again.is_none(), "{again:?}");
    // An edit that changes them is published.
    c.notify("textDocument/didChange", json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": "Bersih.\n"}]})).await;
    assert!(c.diagnostics_for(URI, 2).await.is_empty());
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// Item 3: "fix all" sends one edit per paragraph, and one for the whole range when there are
/// many; the result is the same text.
#[tokio::test]
async fn fix_all_sends_few_edits() {
    // (paragraphs, fixAllEdits setting, edits expected): the default is 4.
    for (paragraphs, setting, expected) in [(3usize, Value::Null, 3usize), (60, Value::Null, 4), (60, json!(1), 1), (60, json!(1000), 60)] {
        let mut c = Client::start();
        c.initialize(json!({"workspace": {"applyEdit": true}}), typography_only(json!({"fixAllEdits": setting, "maxDiagnostics": 0})), None).await;
        let text: String = (0..paragraphs).map(|i| format!("Warga {i} datang , lalu pergi , kata dia .\n\n")).collect();
        c.open(URI, "markdown", &text).await;
        let diags = c.diagnostics_for(URI, 1).await;
        assert!(diags.len() >= 3 * paragraphs, "{}", diags.len());
        let r = c.request("workspace/executeCommand", json!({"command": "sunting.fixAll", "arguments": [{"uri": URI}]})).await;
        assert_eq!(r["result"]["applied"], true, "{r}");
        let sent = c.server_requests.lock().unwrap().iter().find(|m| m["method"] == "workspace/applyEdit").cloned().unwrap();
        let edits = sent["params"]["edit"]["changes"][URI].as_array().cloned().unwrap();
        assert_eq!(edits.len(), expected, "{edits:?}");
        let fixed = apply_edits(&text, &edits);
        assert_eq!(fixed, (0..paragraphs).map(|i| format!("Warga {i} datang, lalu pergi, kata dia.\n\n")).collect::<String>());
        assert_eq!(c.shutdown_and_exit().await, 0);
    }
}

/// Item 4: code actions for the findings that touch the range only, each once; one "Ignore" per
/// rule; "Apply all" in the quick-fix menu; no "Add to dictionary" for a known non-standard form.
#[tokio::test]
async fn code_actions_answer_for_the_cursor() {
    let mut c = Client::start();
    c.initialize(json!({"workspace": {"applyEdit": true}}), json!({"debounceMs": 0, "language": "id", "enabledCategories": ["typography", "spelling"]}), None).await;
    let text = "Warga di ibukota itu datang ke lokasi. Mereka berteriak Berhenti !! lalu pergi , kata juru bicara pemerinatah itu.\n";
    c.open(URI, "markdown", text).await;
    let diags = c.diagnostics_for(URI, 1).await;
    assert!(diags.len() >= 5, "{diags:?}");
    // As Neovim 0.7 sends them: every finding of the line, one of them twice.
    let mut sent = diags.clone();
    sent.push(diags[0].clone());
    let comma = position_of(text, " , kata");
    let ask = |only: Value| json!({"textDocument": {"uri": URI}, "range": {"start": comma, "end": comma}, "context": {"diagnostics": sent, "only": only}});
    let actions = c.request("textDocument/codeAction", ask(Value::Null)).await["result"].as_array().cloned().unwrap();
    let titles: Vec<&str> = actions.iter().map(|a| a["title"].as_str().unwrap()).collect();
    assert!(titles.iter().all(|t| !t.contains("ibukota") && !t.contains("pemerinatah") && !t.contains("'!'")), "{titles:?}");
    assert_eq!(titles.iter().filter(|t| t.starts_with("Ignore")).count(), 1, "{titles:?}");
    assert_eq!(titles.iter().filter(|t| t.starts_with("Ignore typography/space-before-punctuation")).count(), 1, "{titles:?}");
    let all: Vec<&Value> = actions.iter().filter(|a| a["title"] == "Apply all safe sunting fixes").collect();
    assert_eq!(all.len(), 1, "{titles:?}");
    assert_eq!(all[0]["kind"], "quickfix");
    // The quick-fix menu (only: quickfix) has it too.
    let quick = c.request("textDocument/codeAction", ask(json!(["quickfix"]))).await["result"].as_array().cloned().unwrap();
    assert!(quick.iter().any(|a| a["title"] == "Apply all safe sunting fixes"), "{quick:?}");
    // A known non-standard form is a word: it gets its fix, not "Add to dictionary".
    let ibukota = position_of(text, "ibukota");
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": URI}, "range": {"start": ibukota, "end": ibukota}, "context": {"diagnostics": sent}})).await;
    let titles: Vec<String> = r["result"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap().to_string()).collect();
    assert!(titles.iter().any(|t| t.contains("ibu kota")), "{titles:?}");
    assert!(!titles.iter().any(|t| t.starts_with("Add")), "{titles:?}");
    // A misspelling gets it.
    let slip = position_of(text, "pemerinatah");
    let r = c.request("textDocument/codeAction", json!({"textDocument": {"uri": URI}, "range": {"start": slip, "end": slip}, "context": {"diagnostics": sent}})).await;
    let titles: Vec<String> = r["result"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap().to_string()).collect();
    assert!(titles.contains(&"Add 'pemerinatah' to dictionary".to_string()), "{titles:?}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// Item 6: with the default filter nothing routine reaches standard error (clients show it as
/// errors); what is worth telling goes to `window/logMessage`; a warning names no Rust types.
#[test]
fn routine_news_goes_to_the_client_log_not_standard_error() {
    use std::io::{Read, Write};
    // The real server with the default log filter; `stdout` is where its messages go.
    let spawn = |stdout: std::process::Stdio| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sunting"))
            .arg("lsp")
            .env_remove("SUNTING_LOG")
            .stdin(std::process::Stdio::piped())
            .stdout(stdout)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut child = spawn(std::process::Stdio::piped());
    let mut stdin = child.stdin.take().unwrap();
    let send = |w: &mut std::process::ChildStdin, v: Value| {
        let body = serde_json::to_vec(&v).unwrap();
        w.write_all(&frame(&body)).unwrap();
        w.flush().unwrap();
    };
    send(&mut stdin, json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "capabilities": {}}}));
    // (A client waits for the answer before it goes on.)
    std::thread::sleep(Duration::from_millis(300));
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": URI, "languageId": "markdown", "version": 3, "text": TEXT}}}));
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"sunting": {"debounceMs": 10}}}}));
    std::thread::sleep(Duration::from_millis(500));
    send(&mut stdin, json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}));
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    drop(stdin);
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    assert!(child.wait().unwrap().success());
    assert_eq!(err, "", "standard error should be quiet");
    assert!(out.contains("window/logMessage") && out.contains("settings changed"), "{}", &out[out.len().saturating_sub(3000)..]);

    // A change whose version does not increase is worth a warning, in words.
    let mut child = spawn(std::process::Stdio::null());
    let mut stdin = child.stdin.take().unwrap();
    send(&mut stdin, json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": null, "capabilities": {}}}));
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": URI, "languageId": "markdown", "version": 57, "text": TEXT}}}));
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": URI, "version": 57}, "contentChanges": [{"text": "x"}]}}));
    send(&mut stdin, json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}));
    send(&mut stdin, json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    drop(stdin);
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    child.wait().unwrap();
    assert!(err.contains("version 57, not newer than the document's 57"), "{err}");
    assert!(!err.contains("Version {") && !err.contains("current:"), "{err}");
}

/// Item 7: the rule documentation the hover and `codeDescription` link to exists and is
/// current. `SUNTING_UPDATE_DOCS=1 cargo test --test lsp_inprocess rules_doc` rewrites it.
#[test]
fn rules_doc_is_current_and_every_linked_anchor_exists() {
    let mut doc = String::from(
        "# sunting's rules\n\n<!-- Generated from the rule registry by `SUNTING_UPDATE_DOCS=1 cargo test --test lsp_inprocess rules_doc`; do not edit by hand. -->\n\n\
         Each rule's code is `category/rule`; the editor's hover and the link on each finding lead here. \
         `sunting explain CODE` prints the same text, and `sunting.toml`'s `[severity]` table sets a rule's severity by its code or category.\n\n",
    );
    for rule in sunting::rules::REGISTRY {
        let m = rule.meta();
        let languages = if m.languages.is_empty() { "all".to_string() } else { m.languages.iter().map(|l| l.code()).collect::<Vec<_>>().join(", ") };
        doc.push_str(&format!(
            "<a id=\"{}\"></a>\n\n## `{}`\n\n{}\n\nCategory: {}. Default severity: {}. Languages: {}.\n\n{}\n\n- ✗ {}\n- ✓ {}\n\n",
            m.code.replace('/', "-"),
            m.code,
            m.summary,
            m.category.as_str(),
            m.default_severity.as_str(),
            languages,
            m.explanation.trim(),
            m.example_bad,
            m.example_good
        ));
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    if std::env::var_os("SUNTING_UPDATE_DOCS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &doc).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == doc, "docs/rules.md is out of date: run SUNTING_UPDATE_DOCS=1 cargo test --test lsp_inprocess rules_doc");
    for rule in sunting::rules::REGISTRY {
        let href = convert::rule_docs_href(rule.meta().code);
        let (file, anchor) = href.split_once('#').unwrap();
        assert!(file.ends_with("/docs/rules.md"), "{href}");
        assert!(on_disk.contains(&format!("<a id=\"{anchor}\"></a>")), "{href}");
    }
}

/// Item 7: the project's word list is not an article; a document whose languageId the client
/// left empty is judged by its extension; the hover says the finding first, once.
#[tokio::test]
async fn word_lists_are_not_articles_and_empty_language_ids_go_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    std::fs::create_dir_all(root.join(".sunting")).unwrap();
    std::fs::write(root.join("istilah.txt"), "Berhenti !!\n").unwrap();
    std::fs::write(root.join("sunting.toml"), "words = [\"istilah.txt\"]\n").unwrap();
    let mut c = Client::start();
    c.initialize(json!({"textDocument": {"hover": {"contentFormat": ["markdown"]}}}), typography_only(json!({})), Some(&root)).await;
    for name in [".sunting/kamus.txt", "istilah.txt"] {
        let uri = format!("file://{}/{name}", root.display());
        c.open(&uri, "plaintext", "Berhenti !!\n").await;
        let diags = c.diagnostics_for(&uri, 1).await;
        assert!(diags.is_empty(), "{name}: {diags:?}");
    }
    for (name, id) in [("berita.md", ""), ("catatan.txt", ""), ("lain.markdown", "unknown")] {
        let uri = format!("file://{}/{name}", root.display());
        c.open(&uri, id, "Warga berteriak Berhenti !! lalu pergi.\n").await;
        let diags = c.diagnostics_for(&uri, 1).await;
        assert!(codes(&diags).contains(&"typography/doubled-punctuation".to_string()), "{name}: {diags:?}");
    }
    let uri = format!("file://{}/berita.md", root.display());
    let mut at = position_of("Warga berteriak Berhenti !! lalu pergi.\n", "!!");
    at["character"] = json!(at["character"].as_u64().unwrap() + 1);
    let r = c.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": at})).await;
    let value = r["result"]["contents"]["value"].as_str().unwrap().to_string();
    let first = value.lines().next().unwrap();
    assert_eq!(first, "'!!': one '!' is enough", "{value}");
    let message_lines = value.lines().filter(|l| *l == first).count();
    assert_eq!(message_lines, 1, "{value}");
    assert!(value.contains("[Documentation]("), "{value}");
    assert_eq!(c.shutdown_and_exit().await, 0);
}

/// Item 5: the command line reads the project's ignore file too, and a broken one is an error
/// that names the file and the line, not something silently skipped.
#[test]
fn the_command_line_reports_a_broken_ignore_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".sunting")).unwrap();
    std::fs::write(dir.path().join(".sunting/ignore"), "# comment\ntypography/doubled-word yang yang\n").unwrap();
    std::fs::write(dir.path().join("berita.md"), "Dia yang yang datang.\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sunting")).args(["check", "berita.md"]).current_dir(dir.path()).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains(".sunting/ignore:2"), "{err}");
}
