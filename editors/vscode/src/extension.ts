// The VS Code extension: starts `sunting lsp` through vscode-languageclient, keeps the server's
// settings in step with VS Code's, shows the article's language and findings in the status bar,
// and offers commands, and explains once why the server did not start. The logic worth testing
// lives in discovery.ts, settings.ts, status.ts, language.ts and failure.ts, which do not import
// `vscode`; e2e/ runs the packaged extension in code-server.

import { spawn } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { findSunting, INSTALL_URL, isExecutableFile, SERVER_ARGS } from './discovery';
import { failureMessage, RestartPolicy, ServerWatch } from './failure';
import { DOCUMENT_INFO_COMMAND, detectLanguage, parseDocumentInfo, wordForDictionary } from './language';
import { configurationAnswer, documentKind, documentTypes, RESTART_SETTINGS, serverSettings } from './settings';
import { ArticleLanguage, Counts, emptyCounts, ServerState, statusView } from './status';

const SERVER_FIX_ALL = 'sunting.fixAll';
const SERVER_ADD_WORD = 'sunting.addToDictionary';

/** One start of the server (the first, or one asked for by a command or a setting), with the
 * restarts the client makes after a crash: its failure is told once. */
interface Session {
  commandLine: string;
  policy: RestartPolicy;
  /** The current server process. */
  watch?: ServerWatch;
  /** Whether the current process got as far as answering `initialize`. */
  ran: boolean;
  reported: boolean;
}

/** A LanguageClient that leaves the explaining of a failed start or a crash to the extension:
 * while the server is not up, the client's own error notifications (one per failed write,
 * "couldn't create connection", "Restarting server failed") go to the output only. */
class SuntingClient extends LanguageClient {
  constructor(
    private readonly session: Session,
    serverOptions: ServerOptions,
    clientOptions: LanguageClientOptions,
  ) {
    super('sunting', 'sunting', serverOptions, clientOptions);
  }

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    const up = this.session.ran && this.session.watch !== undefined && this.session.watch.exit === undefined;
    super.error(message, data, up ? showNotification : false);
  }
}

let client: LanguageClient | undefined;
let session: Session | undefined;
let program: string | undefined;
let state: ServerState = 'starting';
let output: vscode.OutputChannel;
let statusItem: vscode.StatusBarItem;
/** The language per document, with the version it was found for. */
const languages = new Map<string, { version: number; language: ArticleLanguage | undefined }>();
let languageTimer: NodeJS.Timeout | undefined;
let languageRun = 0;

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('sunting');
}

function isChecked(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return doc !== undefined && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && documentTypes(config()).includes(doc.languageId);
}

function log(message: string): void {
  output.appendLine(`[extension] ${message}`);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('sunting');
  statusItem = vscode.window.createStatusBarItem('sunting.status', vscode.StatusBarAlignment.Right, 100);
  statusItem.name = 'sunting';
  context.subscriptions.push(output, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand('sunting.fixAllSafe', fixAllSafe),
    vscode.commands.registerCommand('sunting.addWord', addWord),
    vscode.commands.registerCommand('sunting.restartServer', restart),
    vscode.commands.registerCommand('sunting.showOutput', () => output.show(true)),
    vscode.window.onDidChangeActiveTextEditor(() => {
      updateStatus();
      scheduleLanguage();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) {
        updateStatus();
        scheduleLanguage();
      }
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      if (doc === vscode.window.activeTextEditor?.document) {
        scheduleLanguage();
      }
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => languages.delete(doc.uri.toString())),
    vscode.workspace.onDidChangeConfiguration(onConfigurationChanged),
    { dispose: () => void stopClient() },
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

async function onConfigurationChanged(e: vscode.ConfigurationChangeEvent): Promise<void> {
  if (!e.affectsConfiguration('sunting')) {
    return;
  }
  languages.clear();
  if (RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
    log('sunting.path or sunting.documentTypes changed: restarting the server');
    await restart();
    return;
  }
  if (client?.isRunning()) {
    await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { sunting: serverSettings(config()) } });
  }
  updateStatus();
  scheduleLanguage();
}

async function startClient(): Promise<void> {
  // sunting.path has `machine` scope: only the user's (or the remote machine's) settings set it,
  // never a workspace's, since it names a program to run.
  const found = findSunting(config().get<string>('path'), {
    platform: process.platform,
    env: process.env,
    isExecutable: (f) => isExecutableFile(f),
  });
  if (!found.found) {
    program = undefined;
    setState('missing');
    log(found.reason);
    log(`Looked at:\n  ${found.tried.join('\n  ') || '(nothing: PATH is empty)'}`);
    void notFound(found.reason);
    return;
  }
  program = found.path;
  const commandLine = [program, ...SERVER_ARGS].join(' ');
  log(`starting ${commandLine} (found through ${found.source})`);

  const run: Session = { commandLine, policy: new RestartPolicy(), ran: false, reported: false };
  session = run;
  const exe = program;
  const folder0 = vscode.workspace.workspaceFolders?.[0]?.uri;
  // The process is spawned here rather than by the client, to keep its stderr and exit status
  // for the one message that explains a failure (the client still logs stderr to the output).
  const serverOptions: ServerOptions = async () => {
    const child = spawn(exe, [...SERVER_ARGS], {
      cwd: folder0?.scheme === 'file' ? folder0.fsPath : os.homedir(),
      env: process.env,
      stdio: 'pipe',
    });
    run.watch = new ServerWatch(child);
    run.ran = false;
    return child;
  };
  const selector = documentTypes(config()).flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    initializationOptions: () => serverSettings(config()),
    outputChannel: output,
    // A failed initialize is told by reportFailure (from the start() below), not by the
    // client's own notification of the bare error.
    initializationFailedHandler: (err) => {
      log(`initialize failed: ${err instanceof Error ? err.message : String(err)}`);
      return false;
    },
    errorHandler: {
      error: (err, _message, count) => {
        // A write to a server that has ended fails once per message: the close says it all.
        const ended = run.watch?.exit !== undefined || !run.ran;
        log(`connection error: ${err.message}`);
        if (!ended && count !== undefined && count > 3) {
          void reportFailure(run, err.message);
          return { action: ErrorAction.Shutdown, handled: true };
        }
        return { action: ErrorAction.Continue, handled: true };
      },
      closed: () => {
        if (run.policy.shouldRestart(run.ran)) {
          log('the server stopped: starting it again');
          return { action: CloseAction.Restart, handled: true };
        }
        void reportFailure(run);
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    },
    middleware: {
      // A pulled report whose request was cancelled (the document changed while it was being
      // checked) comes back from vscode-languageclient as an empty report, which it shows: every
      // squiggle vanishes until the next pull answers, seen as a blank of up to 2 s while typing
      // fast in a long article. Told as a cancellation instead, the client keeps the squiggles it
      // has and pulls again.
      provideDiagnostics: async (document, previousResultId, token, next) => {
        let report;
        try {
          report = await next(document, previousResultId, token);
        } catch (err) {
          if (token.isCancellationRequested) {
            throw new vscode.CancellationError();
          }
          throw err;
        }
        if (token.isCancellationRequested) {
          throw new vscode.CancellationError();
        }
        return report;
      },
      workspace: {
        // The server asks for section `sunting`: answer in its shape, not VS Code's raw one.
        configuration: async (params, token, next) => {
          const sections = params.items.map((i) => i.section);
          const ours = sections.map((s) => s === 'sunting' || (s ?? '').startsWith('sunting.'));
          const fallback = ours.every(Boolean) ? [] : await next(params, token);
          if (!Array.isArray(fallback)) {
            return fallback;
          }
          return configurationAnswer(sections, serverSettings(config()), fallback);
        },
      },
    },
  };
  const c = new SuntingClient(run, serverOptions, clientOptions);
  client = c;
  c.onDidChangeState((e) => {
    if (client !== c) {
      return;
    }
    if (e.newState === State.Running) {
      run.ran = true;
    }
    setState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
    if (e.newState === State.Running) {
      scheduleLanguage(0);
    }
  });
  setState('starting');
  try {
    await c.start();
  } catch (err) {
    if (client === c) {
      setState('stopped');
      void reportFailure(run, err instanceof Error ? err.message : String(err));
    }
  }
}

/** Tell the user, once per session, why the server is not running: the process's exit status
 * and the error it printed. Never awaited by its callers, so a notification left open holds
 * nothing up (activation, Show output, Restart server). */
async function reportFailure(run: Session, clientError?: string): Promise<void> {
  if (run.reported || session !== run) {
    return;
  }
  run.reported = true;
  const watch = run.watch;
  const exit = watch ? await watch.endedWithin(3000) : undefined;
  const message = failureMessage(run.commandLine, run.ran, exit, watch?.stderr.text() ?? '', clientError);
  log(message);
  if (session !== run) {
    return;
  }
  const pick = await vscode.window.showErrorMessage(message, 'Show output', 'Open settings', 'Restart server');
  if (pick === 'Show output') {
    output.show(true);
  } else if (pick === 'Open settings') {
    openPathSetting();
  } else if (pick === 'Restart server') {
    void restart();
  }
}

async function notFound(reason: string): Promise<void> {
  const pick = await vscode.window.showErrorMessage(`sunting: ${reason}`, 'Install instructions', 'Set sunting.path', 'Show output');
  if (pick === 'Install instructions') {
    void vscode.env.openExternal(vscode.Uri.parse(INSTALL_URL));
  } else if (pick === 'Set sunting.path') {
    openPathSetting();
  } else if (pick === 'Show output') {
    output.show(true);
  }
}

/** The settings editor at sunting.path: in a remote window (Remote-SSH, WSL, code-server) its
 * Remote tab, since a `machine` setting is the machine's where the server runs. */
function openPathSetting(): void {
  if (vscode.env.remoteName) {
    void vscode.commands.executeCommand('workbench.action.openRemoteSettings', { query: 'sunting.path' });
  } else {
    void vscode.commands.executeCommand('workbench.action.openSettings', 'sunting.path');
  }
}

async function stopClient(): Promise<void> {
  const c = client;
  const run = session;
  client = undefined;
  session = undefined;
  if (c) {
    try {
      if (c.needsStop()) {
        await c.stop(2000);
      }
    } catch (err) {
      log(`stopping the server: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  // The client only kills a process it spawned itself: end ours if `exit` did not.
  const watch = run?.watch;
  if (watch && !(await watch.endedWithin(1000))) {
    watch.child.kill();
  }
}

async function restart(): Promise<void> {
  await stopClient();
  languages.clear();
  await startClient();
}

function activeCheckedDocument(): vscode.TextDocument | undefined {
  const doc = vscode.window.activeTextEditor?.document;
  return isChecked(doc) ? doc : undefined;
}

function runningClient(): LanguageClient | undefined {
  if (client?.isRunning()) {
    return client;
  }
  void vscode.window
    .showWarningMessage('sunting: the language server is not running.', 'Restart server', 'Show output')
    .then((pick) => (pick === 'Restart server' ? restart() : pick === 'Show output' ? output.show(true) : undefined));
  return undefined;
}

async function fixAllSafe(): Promise<void> {
  const doc = activeCheckedDocument();
  if (!doc) {
    void vscode.window.showInformationMessage(`sunting: open an article (${documentTypes(config()).join(', ')}) to fix it.`);
    return;
  }
  const c = runningClient();
  if (!c) {
    return;
  }
  try {
    const result = (await c.sendRequest(ExecuteCommandRequest.type, {
      command: SERVER_FIX_ALL,
      arguments: [{ uri: c.code2ProtocolConverter.asUri(doc.uri) }],
    })) as { applied?: boolean; edits?: number } | null;
    if (result && result.applied === false) {
      vscode.window.setStatusBarMessage('sunting: no safe fixes to apply', 3000);
    } else if (result && typeof result.edits === 'number') {
      vscode.window.setStatusBarMessage(`sunting: applied safe fixes (${result.edits} ${result.edits === 1 ? 'edit' : 'edits'})`, 3000);
    }
  } catch (err) {
    void vscode.window.showErrorMessage(`sunting: fixing failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function addWord(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const c = runningClient();
  if (!c) {
    return;
  }
  let word: string | undefined;
  if (editor) {
    const sel = editor.selection;
    if (!sel.isEmpty) {
      word = wordForDictionary(editor.document.getText(sel));
    } else {
      const range = editor.document.getWordRangeAtPosition(sel.active, /[\p{L}\p{M}\p{N}'’-]+/u);
      word = range ? wordForDictionary(editor.document.getText(range)) : undefined;
    }
  }
  const typed = await vscode.window.showInputBox({
    title: 'sunting: add a word to the dictionary',
    prompt: `The word is appended to ${serverSettings(config()).dictionary ?? '.sunting/kamus.txt'} in the project folder.`,
    value: word ?? '',
    validateInput: (v) => (wordForDictionary(v) ? undefined : 'One word, without spaces'),
  });
  word = wordForDictionary(typed);
  if (!word) {
    return;
  }
  const uri = editor && isChecked(editor.document) ? c.code2ProtocolConverter.asUri(editor.document.uri) : undefined;
  try {
    const result = (await c.sendRequest(ExecuteCommandRequest.type, {
      command: SERVER_ADD_WORD,
      arguments: [uri ? { word, uri } : { word }],
    })) as { added?: boolean; path?: string } | null;
    const where = result?.path ? ` (${result.path})` : '';
    void vscode.window.showInformationMessage(
      result?.added === false ? `sunting: '${word}' is already in the dictionary${where}.` : `sunting: added '${word}' to the dictionary${where}.`,
    );
  } catch (err) {
    void vscode.window.showErrorMessage(`sunting: cannot add '${word}': ${err instanceof Error ? err.message : String(err)}`);
  }
}

// ---- Status bar ----

function setState(s: ServerState): void {
  state = s;
  updateStatus();
}

function countsFor(uri: vscode.Uri): Counts {
  const counts = emptyCounts();
  for (const d of vscode.languages.getDiagnostics(uri)) {
    if (d.source !== 'sunting') {
      continue;
    }
    switch (d.severity) {
      case vscode.DiagnosticSeverity.Error:
        counts.error++;
        break;
      case vscode.DiagnosticSeverity.Warning:
        counts.warning++;
        break;
      case vscode.DiagnosticSeverity.Information:
        counts.info++;
        break;
      default:
        counts.hint++;
    }
  }
  return counts;
}

function updateStatus(): void {
  if (!statusItem) {
    return;
  }
  const doc = activeCheckedDocument();
  const view = statusView({
    state,
    checked: doc !== undefined,
    language: doc ? languages.get(doc.uri.toString())?.language : undefined,
    counts: doc ? countsFor(doc.uri) : undefined,
  });
  if (!view.visible || !config().get<boolean>('statusBar.enabled', true)) {
    statusItem.hide();
    return;
  }
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.command = view.command;
  statusItem.backgroundColor = view.error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  statusItem.show();
}

/** Find the active article's language a little after the last change. */
function scheduleLanguage(delayMs = 400): void {
  if (languageTimer) {
    clearTimeout(languageTimer);
  }
  languageTimer = setTimeout(() => void refreshLanguage(), delayMs);
}

async function refreshLanguage(): Promise<void> {
  const doc = activeCheckedDocument();
  const c = client;
  if (!doc || !c?.isRunning() || !program) {
    return;
  }
  const key = doc.uri.toString();
  const version = doc.version;
  if (languages.get(key)?.version === version) {
    return;
  }
  const run = ++languageRun;
  let language: ArticleLanguage | undefined;
  const commands = c.initializeResult?.capabilities.executeCommandProvider?.commands ?? [];
  if (commands.includes(DOCUMENT_INFO_COMMAND)) {
    try {
      language = parseDocumentInfo(
        await c.sendRequest(ExecuteCommandRequest.type, { command: DOCUMENT_INFO_COMMAND, arguments: [{ uri: c.code2ProtocolConverter.asUri(doc.uri) }] }),
      );
    } catch {
      language = undefined;
    }
  }
  if (language === undefined) {
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri)?.uri;
    const cwd = doc.uri.scheme === 'file' ? path.dirname(doc.uri.fsPath) : folder?.scheme === 'file' ? folder.fsPath : os.homedir();
    language = await detectLanguage(program, doc.getText(), doc.fileName, documentKind(doc.languageId), serverSettings(config()).language, cwd);
  }
  if (run !== languageRun) {
    return;
  }
  languages.set(key, { version, language });
  updateStatus();
}
