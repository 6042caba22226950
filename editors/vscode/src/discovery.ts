// Finding the `sunting` program: the `sunting.path` setting, else PATH, else Cargo's bin folder
// (`cargo install` puts it there, and an editor started from a desktop menu often lacks it on
// PATH). Pure apart from `isExecutable`, which the caller passes in, so it runs in plain Node.

import * as fs from 'fs';
import * as path from 'path';

export interface DiscoveryEnv {
  platform: NodeJS.Platform;
  /** The environment: PATH (or Path on Windows), PATHEXT, HOME, USERPROFILE, CARGO_HOME. */
  env: Record<string, string | undefined>;
  isExecutable(file: string): boolean;
}

export type Discovery =
  | { found: true; path: string; source: 'setting' | 'PATH' | 'cargo' }
  | { found: false; reason: string; tried: string[] };

/** The server's arguments, as the extension starts it: `--stdio` is what vscode-languageclient's
 * stdio transport adds and most other clients pass; `sunting lsp` takes it (and talks over
 * stdio either way). The contract test (test/server.test.ts) starts the server with these. */
export const SERVER_ARGS: readonly string[] = ['lsp', '--stdio'];

/** The install instructions the "cannot find" message links to. */
export const INSTALL_URL = 'https://github.com/sunting-news/sunting#install';

function pathModule(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

function envVar(env: Record<string, string | undefined>, name: string, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') {
    return env[name];
  }
  // Windows variable names are case-insensitive (PATH is often `Path`).
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}

function home(e: DiscoveryEnv): string | undefined {
  return envVar(e.env, 'HOME', e.platform) || (e.platform === 'win32' ? envVar(e.env, 'USERPROFILE', e.platform) : undefined);
}

/** The file names `sunting` may have in a folder: with each PATHEXT extension on Windows. */
export function programNames(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform !== 'win32') {
    return ['sunting'];
  }
  const exts = (envVar(env, 'PATHEXT', platform) || '.COM;.EXE;.BAT;.CMD')
    .split(';')
    .map((x) => x.trim().toLowerCase())
    .filter((x) => x.length > 0);
  return exts.map((x) => `sunting${x}`);
}

/** `sunting.path` with `~` made the home folder. Nothing else is expanded: a path relative to
 * the workspace (or `${workspaceFolder}`) would let the repository that is open choose the
 * program the editor runs. */
export function expandConfiguredPath(configured: string, e: DiscoveryEnv): string {
  const p = pathModule(e.platform);
  const s = configured.trim();
  const h = home(e);
  if (h && (s === '~' || s.startsWith('~/') || (e.platform === 'win32' && s.startsWith('~\\')))) {
    return p.join(h, s.slice(1));
  }
  return s;
}

/** Where to look for `sunting`, in order. */
export function candidates(e: DiscoveryEnv): { file: string; source: 'PATH' | 'cargo' }[] {
  const p = pathModule(e.platform);
  const delimiter = e.platform === 'win32' ? ';' : ':';
  const names = programNames(e.platform, e.env);
  const out: { file: string; source: 'PATH' | 'cargo' }[] = [];
  for (const dir of (envVar(e.env, 'PATH', e.platform) || '').split(delimiter)) {
    const d = dir.trim().replace(/^"(.*)"$/, '$1');
    if (d.length === 0) {
      continue;
    }
    for (const n of names) {
      out.push({ file: p.join(d, n), source: 'PATH' });
    }
  }
  const h = home(e);
  const cargoHome = envVar(e.env, 'CARGO_HOME', e.platform) || (h ? p.join(h, '.cargo') : undefined);
  if (cargoHome) {
    for (const n of e.platform === 'win32' ? ['sunting.exe'] : ['sunting']) {
      out.push({ file: p.join(cargoHome, 'bin', n), source: 'cargo' });
    }
  }
  return out;
}

/** Find `sunting`. A configured path is used as it is or not at all: no silent fallback. */
export function findSunting(configured: string | undefined | null, e: DiscoveryEnv): Discovery {
  if (configured && configured.trim().length > 0) {
    const file = expandConfiguredPath(configured, e);
    if (!pathModule(e.platform).isAbsolute(file)) {
      return {
        found: false,
        reason: `The setting sunting.path is "${configured}", which is not an absolute path: give the program's full path (or one starting with ~). Paths relative to the workspace are not taken, so that an opened folder cannot choose the program.`,
        tried: [],
      };
    }
    if (e.isExecutable(file)) {
      return { found: true, path: file, source: 'setting' };
    }
    return {
      found: false,
      reason: `The setting sunting.path is "${configured}", but ${file} is not an executable file.`,
      tried: [file],
    };
  }
  const tried: string[] = [];
  for (const c of candidates(e)) {
    tried.push(c.file);
    if (e.isExecutable(c.file)) {
      return { found: true, path: c.file, source: c.source };
    }
  }
  return {
    found: false,
    reason: 'Cannot find the sunting program on PATH or in Cargo\'s bin folder. Install it (cargo install) or set sunting.path.',
    tried,
  };
}

/** A regular file that we may run (on Windows, any regular file: PATHEXT decides). */
export function isExecutableFile(file: string, platform: NodeJS.Platform = process.platform): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}
