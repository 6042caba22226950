// The article's language for the status bar. The language server does not (yet) report it, so
// the extension asks the same program's command line: `sunting check --format json` on the
// buffer's text, run in the article's folder so that its `sunting.toml` and front matter count
// exactly as they do for the server. If the server ever offers a `sunting.documentInfo`
// command that answers `{"language": "id"}`, the extension uses that instead.

import { spawn } from 'child_process';
import type { ArticleLanguage } from './status';

export const DOCUMENT_INFO_COMMAND = 'sunting.documentInfo';

/** The name standard input gets: its extension decides Markdown or plain text, as the server's
 * document kind does. */
export function stdinFileName(fileName: string, kind: 'markdown' | 'plaintext'): string {
  const base = fileName.split(/[\\/]/).pop() || 'untitled';
  const lower = base.toLowerCase();
  if (kind === 'plaintext') {
    return lower.endsWith('.txt') ? base : `${base}.txt`;
  }
  return lower.endsWith('.txt') || !/\.[^.]+$/.test(base) ? `${base}.md` : base;
}

/** The command line that reports the article's language. */
export function cliArgs(fileName: string, kind: 'markdown' | 'plaintext', language: string | undefined): string[] {
  const args = ['check', '--format', 'json', '--fail-on', 'never', '--color', 'never', '--stdin-filename', stdinFileName(fileName, kind)];
  if (language === 'id' || language === 'en') {
    args.push('--language', language);
  }
  args.push('-');
  return args;
}

function asLanguage(v: unknown): ArticleLanguage | undefined {
  return v === 'id' || v === 'en' ? v : undefined;
}

/** The language out of the JSON report (version 1: `files[0].language`). */
export function parseReport(stdout: string): ArticleLanguage | undefined {
  try {
    const report = JSON.parse(stdout) as { files?: { language?: unknown }[] };
    return asLanguage(report.files?.[0]?.language);
  } catch {
    return undefined;
  }
}

/** The language out of a `sunting.documentInfo` answer. */
export function parseDocumentInfo(v: unknown): ArticleLanguage | undefined {
  return v && typeof v === 'object' ? asLanguage((v as { language?: unknown }).language) : undefined;
}

/** Run `program` on `text` and read the language from its report; `undefined` on any failure
 * (the status bar then says it does not know). */
export function detectLanguage(
  program: string,
  text: string,
  fileName: string,
  kind: 'markdown' | 'plaintext',
  language: string | undefined,
  cwd: string,
  timeoutMs = 10000,
): Promise<ArticleLanguage | undefined> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: ArticleLanguage | undefined) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        resolve(v);
      }
    };
    let child;
    try {
      child = spawn(program, cliArgs(fileName, kind, language), { cwd, stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
    } catch {
      finish(undefined);
      return;
    }
    const timer = setTimeout(() => {
      child.kill();
      finish(undefined);
    }, timeoutMs);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', () => finish(undefined));
    child.on('close', () => finish(parseReport(Buffer.concat(chunks).toString('utf8'))));
    child.stdin.on('error', () => undefined);
    child.stdin.end(text, 'utf8');
  });
}

/** A word for the dictionary from a selection or the word under the cursor: trimmed, one line,
 * no white space inside, not only punctuation. `undefined` when it is not a word. */
export function wordForDictionary(s: string | undefined): string | undefined {
  if (s === undefined) {
    return undefined;
  }
  const w = s.trim().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
  if (w.length === 0 || /\s/u.test(w) || !/\p{L}/u.test(w)) {
    return undefined;
  }
  return w;
}
