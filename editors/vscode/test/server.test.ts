// The extension's contract with the real server: the commands it calls exist, the settings it
// sends are taken without a warning, the workspace/configuration answer is understood, "fix
// all" edits the document, "add word" writes the word list, and the command-line language
// detection works. Needs SUNTING_BIN (the CI script sets it); skipped without it.

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  ApplyWorkspaceEditRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShowMessageNotification,
  ShutdownRequest,
  ExitNotification,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { SERVER_ARGS } from '../src/discovery';
import { detectLanguage } from '../src/language';
import { configurationAnswer, fromObject, serverSettings } from '../src/settings';

const bin = process.env.SUNTING_BIN;
const skip = bin ? false : 'SUNTING_BIN is not set';

const ARTICLE = 'Warga berteriak “Berhenti !!” lalu pergi.\n';

interface Session {
  conn: ProtocolConnection;
  child: ChildProcess;
  messages: string[];
  stderr: () => string;
  diagnostics: Map<string, PublishDiagnosticsParams>;
  edits: WorkspaceEdit[];
  commands: string[];
}

function wait(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function until<T>(what: string, f: () => T | undefined, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) {
      return v;
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await wait(20);
  }
}

async function start(root: string, settings: object): Promise<Session> {
  const child = spawn(bin as string, [...SERVER_ARGS], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, SUNTING_LOG: 'warn' } });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const s: Session = { conn, child, messages: [], stderr: () => err, diagnostics: new Map(), edits: [], commands: [] };
  conn.onNotification(ShowMessageNotification.type, (p) => s.messages.push(p.message));
  conn.onNotification(LogMessageNotification.type, () => undefined);
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => s.diagnostics.set(p.uri, p));
  conn.onRequest(ConfigurationRequest.type, (p) => configurationAnswer(p.items.map((i) => i.section), settings as never, []));
  conn.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
    s.edits.push(p.edit);
    return { applied: true };
  });
  conn.listen();
  const uri = pathToFileURL(root).toString();
  const result = await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'news' }],
    initializationOptions: settings,
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
    },
  });
  s.commands = result.capabilities.executeCommandProvider?.commands ?? [];
  conn.sendNotification(InitializedNotification.type, {});
  return s;
}

async function stop(s: Session): Promise<void> {
  await s.conn.sendRequest(ShutdownRequest.type);
  s.conn.sendNotification(ExitNotification.type);
  await new Promise((r) => s.child.once('exit', r));
  s.conn.dispose();
}

function article(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return pathToFileURL(file).toString();
}

test('the server takes the extension\'s settings and commands', { skip, timeout: 60000 }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sunting-vscode-'));
  try {
    const settings = serverSettings(
      fromObject({
        language: 'id',
        severity: { 'typography/doubled-punctuation': 'error' },
        enabledCategories: ['typography'],
        dictionary: '.sunting/kamus.txt',
        debounceMs: 0,
        diagnosticMode: 'push',
        maxDocumentBytes: 1 << 20,
        documentTypes: ['markdown', 'plaintext'],
      }),
    );
    const s = await start(root, settings);
    assert.ok(s.commands.includes('sunting.fixAll'), `server commands: ${s.commands}`);
    assert.ok(s.commands.includes('sunting.addToDictionary'), `server commands: ${s.commands}`);

    const uri = article(root, 'berita.md', ARTICLE);
    s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: ARTICLE } });
    const published = await until('diagnostics', () => {
      const p = s.diagnostics.get(uri);
      return p && p.diagnostics.length >= 2 ? p : undefined;
    });
    const codes = published.diagnostics.map((d) => `${d.code}:${d.severity}`).sort();
    assert.deepEqual(codes, ['typography/doubled-punctuation:1', 'typography/space-before-punctuation:2']);

    // A settings change as the extension sends it.
    const changed = serverSettings(fromObject({ language: 'auto', severity: { typography: 'hint' }, debounceMs: 0, documentTypes: ['markdown'] }));
    s.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { sunting: changed } });
    await until('hints', () => (s.diagnostics.get(uri)?.diagnostics.every((d) => d.severity === 4) ? true : undefined));

    // A plain text document is off now that documentTypes is only markdown.
    const txt = article(root, 'catatan.txt', ARTICLE);
    s.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: txt, languageId: 'plaintext', version: 1, text: ARTICLE } });

    const fixed = await s.conn.sendRequest(ExecuteCommandRequest.type, { command: 'sunting.fixAll', arguments: [{ uri }] });
    assert.equal((fixed as { applied?: boolean } | null)?.applied, true, `sunting.fixAll answered ${JSON.stringify(fixed)}`);
    assert.ok(s.edits.length === 1 && countEdits(s.edits[0]) > 0, 'one workspace/applyEdit with edits');
    assert.equal(applyAll(ARTICLE, s.edits[0]), 'Warga berteriak “Berhenti!” lalu pergi.\n');

    const added = (await s.conn.sendRequest(ExecuteCommandRequest.type, { command: 'sunting.addToDictionary', arguments: [{ word: 'Zelensky', uri }] })) as {
      added: boolean;
      path: string;
    };
    assert.equal(added.added, true);
    assert.equal(fs.readFileSync(path.join(root, '.sunting', 'kamus.txt'), 'utf8'), 'Zelensky\n');

    await wait(300);
    const txtDiagnostics = s.diagnostics.get(txt)?.diagnostics ?? [];
    assert.deepEqual(txtDiagnostics, [], 'plaintext is off');
    assert.deepEqual(s.messages, [], 'the server warned about a setting');
    assert.doesNotMatch(s.stderr(), /WARN.*(initializationOptions|setting)/, 'the server warned about initializationOptions');
    await stop(s);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

function countEdits(e: WorkspaceEdit): number {
  const dc = e.documentChanges ?? [];
  return dc.reduce((n, c) => n + ('edits' in c ? c.edits.length : 0), 0) + Object.values(e.changes ?? {}).reduce((n, l) => n + l.length, 0);
}

/** Apply a one-line document's edits (the test article is one line). */
function applyAll(text: string, e: WorkspaceEdit | undefined): string {
  assert.ok(e, 'the server sent no workspace/applyEdit');
  const edits = (e.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : [])).concat(...Object.values(e.changes ?? {}));
  const utf16 = [...edits].sort((a, b) => b.range.start.character - a.range.start.character);
  let out = text;
  for (const ed of utf16) {
    assert.equal(ed.range.start.line, 0);
    assert.equal(ed.range.end.line, 0);
    out = out.slice(0, ed.range.start.character) + ('newText' in ed ? ed.newText : '') + out.slice(ed.range.end.character);
  }
  return out;
}

test('the command line tells the article\'s language', { skip, timeout: 30000 }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunting-lang-'));
  try {
    const id = 'Warga berteriak dan lalu pergi dari rumah yang kebanjiran itu karena air sudah tinggi.\n';
    const en = 'The residents shouted and then left the house because the water was already high.\n';
    assert.equal(await detectLanguage(bin as string, id, path.join(dir, 'a.md'), 'markdown', 'auto', dir), 'id');
    assert.equal(await detectLanguage(bin as string, en, path.join(dir, 'b.txt'), 'plaintext', 'auto', dir), 'en');
    assert.equal(await detectLanguage(bin as string, id, path.join(dir, 'a.md'), 'markdown', 'en', dir), 'en');
    // Front matter and the folder's sunting.toml count, as they do for the server.
    assert.equal(await detectLanguage(bin as string, `---\nlang: en\n---\n${id}`, path.join(dir, 'c.md'), 'markdown', 'auto', dir), 'en');
    fs.writeFileSync(path.join(dir, 'sunting.toml'), 'language = "en"\n');
    assert.equal(await detectLanguage(bin as string, id, path.join(dir, 'a.md'), 'markdown', 'auto', dir), 'en');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
