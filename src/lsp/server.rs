//! The protocol handlers: capabilities, configuration, hover, code actions, pulled
//! diagnostics and commands. Text synchronisation is in [`super::gate`] and [`super::state`].

use super::convert::{self, DiagnosticData, COMMAND_ADD_WORD, COMMAND_DOCUMENT_INFO, COMMAND_FIX_ALL, COMMAND_IGNORE, FIX_ALL_KIND};
use super::document::{byte_of, range_of};
use super::dictionary;
use super::settings::Settings;
use super::state::{self, Shared};
use crate::document::LanguageChoice;
use crate::engine::CheckOptions;
use crate::fix::{fix_until_stable, FixMode};
use crate::ignore::IgnoreEntry;
use tower_lsp_server::ls_types::*;
use serde_json::{json, Value};
use std::sync::Arc;
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::LanguageServer;
use tracing::{debug, warn};

pub struct Backend {
    pub shared: Arc<Shared>,
}

fn invalid_params(message: impl Into<String>) -> Error {
    Error { code: ErrorCode::InvalidParams, message: message.into().into(), data: None }
}

fn not_open(uri: &Uri) -> Error {
    invalid_params(format!("document not open: {}", uri.as_str()))
}

/// Whether a code action of `kind` was asked for.
fn wanted(only: Option<&Vec<CodeActionKind>>, kind: &str) -> bool {
    only.is_none_or(|only| {
        only.iter().any(|k| {
            let k = k.as_str();
            k.is_empty() || kind == k || kind.starts_with(&format!("{k}."))
        })
    })
}

impl Backend {
    pub fn new(shared: Arc<Shared>) -> Backend {
        Backend { shared }
    }

    /// The edits that apply every safe fix (re-checking until nothing changes), with the
    /// version they apply to; `None` when there is nothing to fix.
    async fn fix_all_edits(&self, uri: &Uri) -> Option<(i32, Vec<TextEdit>)> {
        let stored = self.shared.stored(uri);
        let encoding = self.shared.encoding();
        let max_edits = self.shared.settings().fix_all_edits;
        self.shared
            .with_config(uri, move |job| {
                let format = job.format?;
                let diagnostics = stored.filter(|c| c.generation == job.generation).map(|c| c.diagnostics.clone());
                let text = job.rope.to_string();
                let config = &job.resolved.config;
                let options = CheckOptions { format, language: LanguageChoice { forced: None, configured: config.language }, config };
                let (fixed, applied) = fix_until_stable(&text, &options, diagnostics, FixMode::SafeOnly);
                if applied == 0 || fixed == text {
                    return None;
                }
                let edits = convert::merge_edits(&text, convert::diff_edits(&text, &fixed), max_edits)
                    .into_iter()
                    .map(|(span, new_text)| TextEdit { range: range_of(&job.rope, span.start, span.end, encoding), new_text })
                    .collect();
                Some((job.version, edits))
            })
            .await
            .flatten()
    }

    async fn fetch_configuration(&self) {
        if !self.shared.session().flags.configuration {
            return;
        }
        let item = ConfigurationItem { scope_uri: None, section: Some("sunting".to_string()) };
        match self.shared.client.configuration(vec![item]).await {
            Ok(values) => {
                // `null` or `{}`: the client has no settings for us; keep what we have.
                if let Some(v) = values.first().filter(|v| v.as_object().is_some_and(|o| !o.is_empty())) {
                    let section = Settings::section(v).unwrap_or(v).clone();
                    self.apply_settings(&section).await;
                }
            }
            Err(e) => debug!("workspace/configuration: {e}"),
        }
    }

    async fn apply_settings(&self, value: &Value) {
        let (settings, warnings) = Settings::parse(value);
        if !warnings.is_empty() {
            self.shared.report(&warnings.iter().map(|w| format!("setting {w}")).collect::<Vec<_>>()).await;
        }
        self.shared.log(MessageType::INFO, "settings changed; checking again".to_string()).await;
        self.shared.set_settings(settings);
    }

    /// Ignore the findings of `code` at `ranges` (of the document's current text) in the
    /// project's ignore file.
    async fn ignore(&self, uri: &Uri, code: &str, ranges: &[Range], version: Option<i64>) -> Result<Value> {
        if !self.shared.is_open(uri) {
            return Err(not_open(uri));
        }
        let Some(root) = self.shared.project_root(uri) else {
            return Err(invalid_params("no project folder to keep the ignore file in"));
        };
        let encoding = self.shared.encoding();
        let (code, ranges) = (code.to_string(), ranges.to_vec());
        let entries = self
            .shared
            .with_config(uri, move |job| -> std::result::Result<Vec<IgnoreEntry>, String> {
                if version.is_some_and(|v| v != i64::from(job.version)) {
                    return Err("the document changed since; ask again".to_string());
                }
                let format = job.format.ok_or("this document is not checked")?;
                let text = job.rope.to_string();
                let choice = LanguageChoice { forced: None, configured: job.resolved.config.language };
                ranges
                    .iter()
                    .map(|r| {
                        let span = crate::diagnostic::Span::new(byte_of(&job.rope, r.start, encoding), byte_of(&job.rope, r.end, encoding).max(byte_of(&job.rope, r.start, encoding)));
                        let (doc, _) = crate::document::Document::around(&text, format, choice, &[span]);
                        let sentence = crate::ignore::sentence_around(&doc, span);
                        IgnoreEntry::new(&code, &text[span.start..span.end], &text[sentence.start..sentence.end])
                    })
                    .collect()
            })
            .await
            .ok_or_else(|| not_open(uri))?
            .map_err(invalid_params)?;
        let roots = self.shared.session().roots;
        let written = self.shared.pool_run(move || dictionary::add_ignore_entries(&roots, &root, &entries)).await;
        match written {
            Some(Ok((path, added))) => {
                self.shared.log(MessageType::INFO, format!("ignored {added} finding(s) in {}", path.display())).await;
                self.shared.reload();
                Ok(json!({"added": added, "path": path.display().to_string()}))
            }
            Some(Err(message)) => {
                self.shared.client.show_message(MessageType::ERROR, format!("sunting: {message}")).await;
                Err(Error { code: ErrorCode::InternalError, message: message.into(), data: None })
            }
            None => Err(Error { code: ErrorCode::InternalError, message: "the ignore file could not be written".into(), data: None }),
        }
    }

    async fn add_word(&self, word: &str, uri: Option<&Uri>) -> Result<Value> {
        // Only inside a folder the client opened (see `dictionary`).
        let roots = self.shared.session().roots;
        let root = match uri {
            Some(u) => self.shared.project_root(u),
            None => roots.first().cloned(),
        };
        let Some(root) = root else {
            return Err(invalid_params("no workspace folder to keep the word list in"));
        };
        let dictionary = self.shared.settings().dictionary.clone();
        match dictionary::add_word(&roots, &root, &dictionary, word) {
            Ok(done) => {
                self.shared.log(MessageType::INFO, format!("{word} {} {}", if done.added { "added to" } else { "already in" }, done.path.display())).await;
                self.shared.reload();
                Ok(json!({"added": done.added, "path": done.path.display().to_string()}))
            }
            Err(refusal) => {
                let message = format!("cannot add {word:?} to the dictionary: {refusal}");
                warn!("{message}");
                self.shared.client.show_message(MessageType::ERROR, format!("sunting: {message}")).await;
                Err(invalid_params(message))
            }
        }
    }
}

/// The single word a finding's range covers in `rope`, if it is one.
fn flagged_word(rope: &ropey::Rope, diagnostic: &Diagnostic, encoding: crate::position::PositionEncoding) -> Option<String> {
    let start = byte_of(rope, diagnostic.range.start, encoding);
    let end = byte_of(rope, diagnostic.range.end, encoding);
    let word = rope.byte_slice(start..end.max(start)).to_string();
    (!word.trim().is_empty() && !word.contains(char::is_whitespace)).then_some(word)
}

const FIX_ALL_TITLE: &str = "Apply all safe sunting fixes";


fn arg_str<'a>(args: &'a [Value], index: usize, key: &str) -> Option<&'a str> {
    args.first().and_then(|a| a.get(key)).and_then(Value::as_str).or_else(|| args.get(index).and_then(Value::as_str))
}

impl LanguageServer for Backend {
    async fn initialize(&self, _params: InitializeParams) -> Result<InitializeResult> {
        // The capabilities were recorded as the request arrived (see `gate`).
        let session = self.shared.session();
        let encoding = match session.encoding {
            crate::position::PositionEncoding::Utf8 => "utf-8",
            crate::position::PositionEncoding::Utf16 => "utf-16",
        };
        let mut capabilities = json!({
            "positionEncoding": encoding,
            "textDocumentSync": {"openClose": true, "change": 2, "save": {"includeText": false}},
            "hoverProvider": true,
            "codeActionProvider": {"codeActionKinds": ["quickfix", "source.fixAll", FIX_ALL_KIND], "resolveProvider": false},
            "executeCommandProvider": {"commands": [COMMAND_ADD_WORD, COMMAND_FIX_ALL, COMMAND_DOCUMENT_INFO, COMMAND_IGNORE]},
            "workspace": {"workspaceFolders": {"supported": true, "changeNotifications": true}},
        });
        if !session.push {
            capabilities["diagnosticProvider"] = json!({"identifier": "sunting", "interFileDependencies": false, "workspaceDiagnostics": false});
        }
        let result = json!({
            "capabilities": capabilities,
            "serverInfo": {"name": "sunting", "version": env!("CARGO_PKG_VERSION")},
        });
        serde_json::from_value(result).map_err(|e| Error { code: ErrorCode::InternalError, message: e.to_string().into(), data: None })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.shared.report_early_problems().await;
        let flags = self.shared.session().flags;
        if flags.watch_files_dynamic {
            let watchers: Vec<Value> = ["**/sunting.toml", "**/.sunting/**", "**/*.dic", "**/*.aff"].iter().map(|g| json!({"globPattern": g})).collect();
            let registration = Registration {
                id: "sunting-config-files".to_string(),
                method: "workspace/didChangeWatchedFiles".to_string(),
                register_options: Some(json!({ "watchers": watchers })),
            };
            if let Err(e) = self.shared.client.register_capability(vec![registration]).await {
                debug!("the client would not watch files: {e}");
            }
        }
        self.fetch_configuration().await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.mark_shut_down();
        debug!("shutdown");
        Ok(())
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let uri = params.text_document.uri;
        if state::uri_path(&uri).is_some_and(|p| self.shared.is_config_file(&p)) {
            self.shared.log(MessageType::INFO, format!("{} saved; checking again", uri.as_str())).await;
            self.shared.reload();
        } else {
            self.shared.touch(&uri);
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        match Settings::section(&params.settings) {
            Some(section) => {
                let section = section.clone();
                self.apply_settings(&section).await;
            }
            None => self.fetch_configuration().await,
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let relevant = params.changes.iter().any(|c| state::uri_path(&c.uri).is_some_and(|p| self.shared.is_config_file(&p)));
        if relevant {
            self.shared.log(MessageType::INFO, "configuration files changed; checking again".to_string()).await;
            self.shared.reload();
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        let paths = |folders: Vec<WorkspaceFolder>| folders.iter().filter_map(|f| state::uri_path(&f.uri)).collect::<Vec<_>>();
        self.shared.set_roots(paths(params.event.added), paths(params.event.removed));
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let uri = params.text_document_position_params.text_document.uri;
        let position = params.text_document_position_params.position;
        let Some(checked) = self.shared.current_within(&uri, Some(state::REQUEST_WAIT)).await else {
            debug!(uri = uri.as_str(), "hover on a document that is not open, or still being checked");
            return Ok(None);
        };
        let encoding = self.shared.encoding();
        let byte = byte_of(&checked.rope, position, encoding);
        let mut hits: Vec<&crate::Diagnostic> = checked.diagnostics.iter().filter(|d| d.span.start <= byte && byte <= d.span.end).collect();
        if hits.is_empty() {
            return Ok(None);
        }
        hits.sort_by_key(|d| d.span.len());
        let mut seen = Vec::new();
        hits.retain(|d| {
            let key = (d.code.clone(), d.message.clone());
            let fresh = !seen.contains(&key);
            seen.push(key);
            fresh
        });
        let markdown = self.shared.session().flags.markdown_hover;
        let text = hits.iter().map(|d| convert::hover_text(d, markdown)).collect::<Vec<_>>().join(if markdown { "\n\n---\n\n" } else { "\n\n" });
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent { kind: if markdown { MarkupKind::Markdown } else { MarkupKind::PlainText }, value: text }),
            range: Some(range_of(&checked.rope, hits[0].span.start, hits[0].span.end, encoding)),
        }))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some((version, rope)) = self.shared.text(&uri) else {
            debug!(uri = uri.as_str(), "code actions for a document that is not open");
            return Ok(None);
        };
        let session = self.shared.session();
        let encoding = session.encoding;
        let only = params.context.only.as_ref();
        // Only the findings that touch the range asked about, each once: some clients send
        // every diagnostic of a long line, some the same one twice.
        let touches = |r: &Range| r.start <= params.range.end && params.range.start <= r.end;
        let mut diagnostics: Vec<&Diagnostic> = Vec::new();
        for d in &params.context.diagnostics {
            let same = |e: &&Diagnostic| e.range == d.range && e.code == d.code && e.message == d.message;
            if d.source.as_deref() == Some(convert::SOURCE) && convert::code_of(d).is_some() && touches(&d.range) && !diagnostics.iter().any(same) {
                diagnostics.push(d);
            }
        }
        let mut actions: Vec<CodeActionOrCommand> = Vec::new();
        let mut current: Option<Option<Arc<crate::lsp::document::Checked>>> = None;
        if wanted(only, "quickfix") {
            let mut ignores: Vec<(&str, Vec<&Diagnostic>)> = Vec::new();
            for diagnostic in &diagnostics {
                let Some(code) = convert::code_of(diagnostic) else { continue };
                // The fixes travel in `data`; if they are missing or of another version, take
                // them from the current check.
                let fixes = match diagnostic.data.as_ref().and_then(DiagnosticData::from_value) {
                    Some(data) if data.version == version => data.fixes,
                    _ => {
                        if current.is_none() {
                            current = Some(self.shared.current_within(&uri, Some(state::REQUEST_WAIT)).await);
                        }
                        match current.as_ref().and_then(Option::as_ref) {
                            Some(checked) if checked.version == version => checked
                                .diagnostics
                                .iter()
                                .find(|d| d.code == code && range_of(&checked.rope, d.span.start, d.span.end, encoding) == diagnostic.range)
                                .map(|d| convert::fix_data(d, &checked.rope, encoding))
                                .unwrap_or_default(),
                            _ => Vec::new(),
                        }
                    }
                };
                for (i, fix) in fixes.into_iter().enumerate() {
                    let edits = fix.edits.into_iter().map(|e| TextEdit { range: e.range, new_text: e.new_text }).collect();
                    let edit = convert::workspace_edit(&uri, Some(version), edits, session.flags.document_changes);
                    actions.push(convert::quick_fix(fix.title, diagnostic, edit, i == 0).into());
                }
                // Only a word no dictionary knows can be added to one; a known non-standard
                // form (*ibukota*) is a word, used wrongly.
                if code == convert::ADDABLE_CODE
                    && let Some(word) = flagged_word(&rope, diagnostic, encoding)
                    && dictionary::valid_word(&word).is_ok()
                {
                    let title = format!("Add '{word}' to dictionary");
                    actions.push(
                        CodeAction {
                            title: title.clone(),
                            kind: Some(CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![(*diagnostic).clone()]),
                            command: Some(Command { title, command: COMMAND_ADD_WORD.to_string(), arguments: Some(vec![json!({"word": word, "uri": uri.as_str()})]) }),
                            ..CodeAction::default()
                        }
                        .into(),
                    );
                }
                match ignores.iter_mut().find(|(c, _)| *c == code) {
                    Some((_, ds)) => ds.push(diagnostic),
                    None => ignores.push((code, vec![diagnostic])),
                }
            }
            // One "Ignore" per rule, for every finding of it here: written to the project's
            // ignore file, not into the copy.
            for (code, ds) in ignores {
                let ranges: Vec<Range> = ds.iter().map(|d| d.range).collect();
                let title = format!("Ignore {code} here (in {})", crate::ignore::IGNORE_FILE);
                actions.push(
                    CodeAction {
                        title: title.clone(),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(ds.iter().map(|d| (*d).clone()).collect()),
                        command: Some(Command {
                            title,
                            command: COMMAND_IGNORE.to_string(),
                            arguments: Some(vec![json!({"uri": uri.as_str(), "version": version, "code": code, "ranges": ranges})]),
                        }),
                        ..CodeAction::default()
                    }
                    .into(),
                );
            }
        }
        // "Apply all": when asked for by kind (as an edit, for fix-on-save), and in the quick-fix
        // menu beside the fixes of a finding here when the document has a safe fix (as the
        // command, so that it is worked out only when chosen).
        let asked_for_fix_all = only.is_some() && wanted(only, FIX_ALL_KIND);
        if asked_for_fix_all {
            if let Some((version, edits)) = self.fix_all_edits(&uri).await {
                actions.push(
                    CodeAction {
                        title: FIX_ALL_TITLE.to_string(),
                        kind: Some(CodeActionKind::from(FIX_ALL_KIND)),
                        edit: Some(convert::workspace_edit(&uri, Some(version), edits, session.flags.document_changes)),
                        ..CodeAction::default()
                    }
                    .into(),
                );
            }
        } else if wanted(only, "quickfix") && !diagnostics.is_empty() {
            let has_safe = match current {
                Some(c) => c,
                None => self.shared.current(&uri).await,
            }
            .is_some_and(|c| c.diagnostics.iter().any(|d| d.fixes.iter().any(|f| f.applicability == crate::diagnostic::Applicability::Safe)));
            if has_safe {
                let command = Command { title: FIX_ALL_TITLE.to_string(), command: COMMAND_FIX_ALL.to_string(), arguments: Some(vec![json!({"uri": uri.as_str()})]) };
                let action = if session.flags.apply_edit {
                    CodeAction { title: FIX_ALL_TITLE.to_string(), kind: Some(CodeActionKind::QUICKFIX), command: Some(command), ..CodeAction::default() }
                } else {
                    match self.fix_all_edits(&uri).await {
                        Some((version, edits)) => CodeAction {
                            title: FIX_ALL_TITLE.to_string(),
                            kind: Some(CodeActionKind::QUICKFIX),
                            edit: Some(convert::workspace_edit(&uri, Some(version), edits, session.flags.document_changes)),
                            ..CodeAction::default()
                        },
                        None => return Ok(Some(actions)),
                    }
                };
                actions.push(action.into());
            }
        }
        Ok(Some(actions))
    }

    async fn diagnostic(&self, params: DocumentDiagnosticParams) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let Some(checked) = self.shared.current(&uri).await else { return Err(not_open(&uri)) };
        let result_id = checked.generation.to_string();
        if params.previous_result_id.as_deref() == Some(result_id.as_str()) {
            return Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
                related_documents: None,
                unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport { result_id },
            })));
        }
        let items = state::lsp_diagnostics(&checked, &uri, self.shared.encoding(), self.shared.settings().max_diagnostics, self.shared.last_edit(&uri));
        Ok(DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport { result_id: Some(result_id), items },
        })))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        let args = params.arguments;
        let uri = arg_str(&args, 1, "uri").and_then(|u| u.parse::<Uri>().ok());
        match params.command.as_str() {
            COMMAND_ADD_WORD => {
                let Some(word) = arg_str(&args, 0, "word") else { return Err(invalid_params("expected a word")) };
                self.add_word(word, uri.as_ref()).await.map(Some)
            }
            COMMAND_FIX_ALL => {
                let uri = match arg_str(&args, 0, "uri").and_then(|u| u.parse::<Uri>().ok()) {
                    Some(u) => u,
                    None => return Err(invalid_params("expected the document's uri")),
                };
                if !self.shared.is_open(&uri) {
                    return Err(not_open(&uri));
                }
                let Some((version, edits)) = self.fix_all_edits(&uri).await else { return Ok(Some(json!({"applied": false, "fixes": 0}))) };
                let count = edits.len();
                let edit = convert::workspace_edit(&uri, Some(version), edits, self.shared.session().flags.document_changes);
                match self.shared.client.apply_edit(edit).await {
                    Ok(response) => Ok(Some(json!({"applied": response.applied, "edits": count}))),
                    Err(e) => {
                        warn!("workspace/applyEdit: {e}");
                        Err(e)
                    }
                }
            }
            COMMAND_IGNORE => {
                let Some(uri) = uri else { return Err(invalid_params("expected the document's uri")) };
                let Some(code) = arg_str(&args, 2, "code") else { return Err(invalid_params("expected a rule code")) };
                let ranges: Vec<Range> = args
                    .first()
                    .and_then(|a| a.get("ranges"))
                    .and_then(|r| serde_json::from_value(r.clone()).ok())
                    .ok_or_else(|| invalid_params("expected the ranges of the findings to ignore"))?;
                let version = args.first().and_then(|a| a.get("version")).and_then(Value::as_i64);
                self.ignore(&uri, code, &ranges, version).await.map(Some)
            }
            COMMAND_DOCUMENT_INFO => {
                let Some(uri) = arg_str(&args, 0, "uri").and_then(|u| u.parse::<Uri>().ok()) else {
                    return Err(invalid_params("expected the document's uri"));
                };
                let info = self
                    .shared
                    .with_config(&uri, |job| {
                        let format = job.format.map(|f| match f {
                            crate::prose::DocFormat::Markdown => "markdown",
                            crate::prose::DocFormat::PlainText => "plaintext",
                        });
                        json!({
                            "uri": job.uri.as_str(),
                            "version": job.version,
                            "language": job.language().map(|l| l.code()),
                            "format": format,
                            "checked": job.format.is_some(),
                            "config": job.resolved.config.path.as_ref().filter(|p| p.is_file()).map(|p| p.display().to_string()),
                            "root": job.resolved.root.as_ref().map(|p| p.display().to_string()),
                        })
                    })
                    .await;
                info.map(Some).ok_or_else(|| not_open(&uri))
            }
            other => Err(invalid_params(format!("unknown command {other:?}"))),
        }
    }
}
