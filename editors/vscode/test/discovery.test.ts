import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { candidates, DiscoveryEnv, expandConfiguredPath, findSunting, isExecutableFile, programNames } from '../src/discovery';

function env(over: Partial<DiscoveryEnv> & { files?: string[] }): DiscoveryEnv {
  const files = new Set(over.files ?? []);
  return {
    platform: over.platform ?? 'linux',
    env: over.env ?? {},
    isExecutable: (f) => files.has(f),
  };
}

test('finds sunting on PATH, in PATH order', () => {
  const e = env({ env: { PATH: '/usr/local/bin:/opt/a/bin::/opt/b/bin', HOME: '/home/w' }, files: ['/opt/a/bin/sunting', '/opt/b/bin/sunting'] });
  assert.deepEqual(findSunting(undefined, e), { found: true, path: '/opt/a/bin/sunting', source: 'PATH' });
});

test('falls back to Cargo\'s bin folder, honouring CARGO_HOME', () => {
  assert.deepEqual(findSunting('', env({ env: { PATH: '/usr/bin', HOME: '/home/w' }, files: ['/home/w/.cargo/bin/sunting'] })), {
    found: true,
    path: '/home/w/.cargo/bin/sunting',
    source: 'cargo',
  });
  assert.deepEqual(findSunting('  ', env({ env: { PATH: '/usr/bin', HOME: '/home/w', CARGO_HOME: '/opt/cargo' }, files: ['/opt/cargo/bin/sunting'] })), {
    found: true,
    path: '/opt/cargo/bin/sunting',
    source: 'cargo',
  });
});

test('says what it tried when sunting is nowhere', () => {
  const r = findSunting(undefined, env({ env: { PATH: '/usr/bin:/bin', HOME: '/home/w' } }));
  assert.equal(r.found, false);
  if (!r.found) {
    assert.deepEqual(r.tried, ['/usr/bin/sunting', '/bin/sunting', '/home/w/.cargo/bin/sunting']);
    assert.match(r.reason, /Cannot find the sunting program/);
    assert.match(r.reason, /sunting\.path/);
  }
});

test('a configured path is used as it is, with no fallback', () => {
  const e = env({ env: { PATH: '/usr/bin', HOME: '/home/w' }, files: ['/usr/bin/sunting', '/work/news/bin/sunting', '/home/w/tools/sunting'] });
  assert.deepEqual(findSunting('/work/news/bin/sunting', e), { found: true, path: '/work/news/bin/sunting', source: 'setting' });
  assert.deepEqual(findSunting('~/tools/sunting', e), { found: true, path: '/home/w/tools/sunting', source: 'setting' });
  const missing = findSunting('/nope/sunting', e);
  assert.equal(missing.found, false);
  if (!missing.found) {
    assert.match(missing.reason, /sunting\.path is "\/nope\/sunting"/);
    assert.deepEqual(missing.tried, ['/nope/sunting']);
  }
});

test('Windows: PATHEXT, case-insensitive Path, USERPROFILE', () => {
  assert.deepEqual(programNames('win32', { PATHEXT: '.EXE;.CMD' }), ['sunting.exe', 'sunting.cmd']);
  const e = env({
    platform: 'win32',
    env: { Path: 'C:\\Tools;"C:\\Program Files\\sunting"', USERPROFILE: 'C:\\Users\\w', PATHEXT: '.EXE' },
    files: ['C:\\Program Files\\sunting\\sunting.exe'],
  });
  assert.deepEqual(findSunting(undefined, e), { found: true, path: 'C:\\Program Files\\sunting\\sunting.exe', source: 'PATH' });
  assert.deepEqual(
    candidates(e).map((c) => c.file),
    ['C:\\Tools\\sunting.exe', 'C:\\Program Files\\sunting\\sunting.exe', 'C:\\Users\\w\\.cargo\\bin\\sunting.exe'],
  );
  assert.equal(expandConfiguredPath('~\\bin\\sunting.exe', e), 'C:\\Users\\w\\bin\\sunting.exe');
});

test('isExecutableFile checks a real file\'s mode', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sunting-discovery-'));
  try {
    const exe = path.join(dir, 'sunting');
    const plain = path.join(dir, 'notes.txt');
    fs.writeFileSync(exe, '#!/bin/sh\n', { mode: 0o755 });
    fs.writeFileSync(plain, 'x', { mode: 0o644 });
    assert.equal(isExecutableFile(exe, 'linux'), true);
    assert.equal(isExecutableFile(plain, 'linux'), false);
    assert.equal(isExecutableFile(dir, 'linux'), false);
    assert.equal(isExecutableFile(path.join(dir, 'missing'), 'linux'), false);
    assert.equal(
      findSunting(undefined, { platform: 'linux', env: { PATH: dir }, isExecutable: (f) => isExecutableFile(f, 'linux') }).found,
      true,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// D18: a repository's .vscode/settings.json must not choose the program the editor runs.
test('a relative or workspace-relative sunting.path is refused, not resolved against the workspace', () => {
  const e = env({ env: { PATH: '/usr/bin', HOME: '/home/w' }, files: ['/usr/bin/sunting', 'bin/sunting', './tools/evil', '${workspaceFolder}/bin/sunting'] });
  for (const configured of ['bin/sunting', './tools/evil', '${workspaceFolder}/bin/sunting']) {
    const r = findSunting(configured, e);
    assert.equal(r.found, false, configured);
    if (!r.found) {
      assert.match(r.reason, /not an absolute path/);
      assert.deepEqual(r.tried, []);
    }
  }
  assert.equal(expandConfiguredPath('${workspaceFolder}/bin/sunting', e), '${workspaceFolder}/bin/sunting');
  const w = env({ platform: 'win32', env: { Path: 'C:\\Tools', USERPROFILE: 'C:\\Users\\w' }, files: ['bin\\sunting.exe'] });
  assert.equal(findSunting('bin\\sunting.exe', w).found, false);
});

test('the manifest keeps sunting.path out of workspace settings and restricted in untrusted folders', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['sunting.path'];
  // `machine`: user or remote settings only; not `machine-overridable`, `window` or `resource`.
  assert.equal(setting.scope, 'machine');
  const untrusted = manifest.capabilities?.untrustedWorkspaces;
  assert.ok(untrusted, 'capabilities.untrustedWorkspaces is declared');
  assert.ok(untrusted.supported === false || untrusted.supported === 'limited', `supported: ${untrusted.supported}`);
  if (untrusted.supported === 'limited') {
    assert.ok(untrusted.restrictedConfigurations.includes('sunting.path'));
    assert.ok(typeof untrusted.description === 'string' && untrusted.description.length > 0);
  }
});
