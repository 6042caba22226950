import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SERVER_ARGS } from '../src/discovery';
import { describeExit, failureMessage, OutputTail, RestartPolicy, ServerWatch, stderrCause } from '../src/failure';

function script(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

test('the cause is the error line of stderr, else a panic, else the last line', () => {
  const clap = "error: unexpected argument '--stdio' found\n\nUsage: sunting lsp\n\nFor more information, try '--help'.\n";
  assert.equal(stderrCause(clap), "error: unexpected argument '--stdio' found");
  assert.equal(
    stderrCause("thread 'main' panicked at src/lsp/mod.rs:10:5:\nindex out of bounds\nnote: run with `RUST_BACKTRACE=1`\n"),
    "thread 'main' panicked at src/lsp/mod.rs:10:5: index out of bounds",
  );
  assert.equal(stderrCause('starting\nsomething broke\n'), 'something broke');
  assert.equal(stderrCause('  \n\n'), undefined);
  assert.equal(stderrCause(`error: ${'x'.repeat(1000)}`)!.length, 400);
});

test('the message names the command, how it ended and the cause', () => {
  const m = failureMessage('/opt/sunting lsp --stdio', false, { code: 2, signal: null }, "error: unexpected argument '--stdio' found\n");
  assert.equal(m, "sunting: the language server (/opt/sunting lsp --stdio) did not start: it exited with code 2: error: unexpected argument '--stdio' found.");
  assert.match(failureMessage('s lsp', true, { code: null, signal: 'SIGKILL' }, ''), /stopped: it was killed by SIGKILL\.$/);
  assert.match(failureMessage('s lsp', false, undefined, '', 'Connection got disposed.'), /did not start: Connection got disposed\.$/);
  assert.equal(describeExit({ code: null, signal: null, spawnError: 'ENOENT: spawn x ENOENT' }), 'could not be run (ENOENT: spawn x ENOENT)');
});

test('the output tail keeps the end of a long stream', () => {
  const t = new OutputTail(10);
  t.push('0123456789');
  t.push(Buffer.from('abcdef'));
  assert.equal(t.text(), '6789abcdef');
});

test('a server that never ran is not restarted; a crashing one at most max times in the window', () => {
  let now = 0;
  const p = new RestartPolicy(2, 1000, () => now);
  assert.equal(p.shouldRestart(false), false);
  assert.equal(p.shouldRestart(true), true);
  now = 10;
  assert.equal(p.shouldRestart(true), true);
  now = 20;
  assert.equal(p.shouldRestart(true), false);
  now = 1015;
  assert.equal(p.shouldRestart(true), true, 'the first restart left the window');
});

test('a watched process that rejects the arguments: exit code and its error are kept', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunting-failure-'));
  try {
    // Like sunting before it took --stdio: a command-line parser's refusal.
    const old = script(dir, 'old-sunting', `for a in "$@"; do [ "$a" = --stdio ] && { echo "error: unexpected argument '--stdio' found" >&2; echo >&2; echo "Usage: sunting lsp" >&2; exit 2; }; done; exit 0`);
    const w = new ServerWatch(spawn(old, [...SERVER_ARGS], { stdio: 'pipe' }));
    const exit = await w.endedWithin(10000);
    assert.deepEqual(exit, { code: 2, signal: null });
    assert.equal(
      failureMessage(`${old} ${SERVER_ARGS.join(' ')}`, false, exit, w.stderr.text()),
      `sunting: the language server (${old} lsp --stdio) did not start: it exited with code 2: error: unexpected argument '--stdio' found.`,
    );
    // A process still running is reported as such, without waiting for it.
    const sleeper = spawn(script(dir, 'sleeper', 'exec sleep 30'), [], { stdio: 'pipe' });
    const s = new ServerWatch(sleeper);
    assert.equal(await s.endedWithin(50), undefined);
    sleeper.kill('SIGTERM');
    assert.deepEqual(await s.endedWithin(10000), { code: null, signal: 'SIGTERM' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a program that cannot be run is reported, not thrown', async () => {
  const w = new ServerWatch(spawn(path.join(os.tmpdir(), 'sunting-does-not-exist', 'sunting'), [...SERVER_ARGS], { stdio: 'pipe' }));
  const exit = await w.endedWithin(10000);
  assert.ok(exit?.spawnError?.startsWith('ENOENT'), JSON.stringify(exit));
});
