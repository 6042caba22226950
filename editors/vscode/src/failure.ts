// Why the language server did not start or stopped, told once: the server process's exit status
// and the error it printed, watched from the moment it is spawned, and the policy of when the
// client may start it again. Pure apart from watching a child process, so it runs in plain Node.

import { ChildProcess } from 'child_process';

/** How a server process ended. */
export interface ServerExit {
  code: number | null;
  signal: string | null;
  /** The error of a spawn that failed (`ENOENT`, `EACCES`), if it did. */
  spawnError?: string;
}

/** The last bytes a stream wrote, decoded as UTF-8. */
export class OutputTail {
  private chunks: string[] = [];
  private size = 0;
  constructor(private readonly keep = 16 * 1024) {}

  push(chunk: string | Buffer): void {
    const s = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    this.chunks.push(s);
    this.size += s.length;
    while (this.chunks.length > 1 && this.size - this.chunks[0].length >= this.keep) {
      this.size -= this.chunks.shift()!.length;
    }
  }

  text(): string {
    const s = this.chunks.join('');
    return s.length > this.keep ? s.slice(s.length - this.keep) : s;
  }
}

/** A spawned server process: its stderr (kept, the client logs it too) and how it ended. */
export class ServerWatch {
  readonly stderr = new OutputTail();
  exit: ServerExit | undefined;
  /** Settles when the process has ended (or failed to spawn). */
  readonly ended: Promise<ServerExit>;

  constructor(readonly child: ChildProcess) {
    this.ended = new Promise((resolve) => {
      child.stderr?.on('data', (d: string | Buffer) => this.stderr.push(d));
      // Without an 'error' listener a failed spawn would throw in the extension host.
      child.on('error', (err: NodeJS.ErrnoException) => {
        if (child.pid === undefined && !this.exit) {
          this.exit = { code: null, signal: null, spawnError: err.code ? `${err.code}: ${err.message}` : err.message };
          resolve(this.exit);
        }
      });
      child.on('close', (code, signal) => {
        if (!this.exit) {
          this.exit = { code, signal };
        }
        resolve(this.exit);
      });
    });
  }

  /** How it ended, waiting at most `ms` for the exit to be seen; undefined if still running. */
  async endedWithin(ms: number): Promise<ServerExit | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), ms)));
    try {
      return await Promise.race([this.ended, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

const MAX_CAUSE = 400;

/** The line of a program's stderr that says what went wrong: the first `error…` line (a
 * command-line parser's or sunting's own), else a panic's message, else the last line. */
export function stderrCause(stderr: string): string | undefined {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) {
    return undefined;
  }
  const error = lines.find((l) => /^(error|fatal)\b/i.test(l));
  let cause = error;
  if (!cause) {
    const panic = lines.findIndex((l) => /\bpanicked at\b/.test(l));
    cause = panic >= 0 ? (lines[panic + 1] ? `${lines[panic]} ${lines[panic + 1]}` : lines[panic]) : lines[lines.length - 1];
  }
  return cause.length > MAX_CAUSE ? `${cause.slice(0, MAX_CAUSE - 1)}…` : cause;
}

/** "exited with code 2", "was killed by SIGKILL", "could not be run (ENOENT: …)". */
export function describeExit(exit: ServerExit): string {
  if (exit.spawnError) {
    return `could not be run (${exit.spawnError})`;
  }
  if (exit.signal) {
    return `was killed by ${exit.signal}`;
  }
  if (exit.code !== null) {
    return `exited with code ${exit.code}`;
  }
  return 'stopped';
}

/** The one sentence a failed start or a crash is explained with: what was run, how it ended and
 * the error it printed; `clientError` (the client's own, e.g. a failed initialize) stands in when
 * the process said nothing. */
export function failureMessage(commandLine: string, ran: boolean, exit: ServerExit | undefined, stderr: string, clientError?: string): string {
  const what = ran ? `the language server (${commandLine}) stopped` : `the language server (${commandLine}) did not start`;
  const how = exit ? `: it ${describeExit(exit)}` : '';
  const cause = stderrCause(stderr) ?? (clientError && clientError.trim().length > 0 ? clientError.trim() : undefined);
  return `sunting: ${what}${how}${cause ? `: ${cause.replace(/[.:]$/, '')}` : ''}.`;
}

/** When the client may start a server that ended again: never if it ended before it ever ran
 * (the same command would fail the same way), and after a crash at most `max` times in
 * `windowMs` (then the failure is shown). */
export class RestartPolicy {
  private restarts: number[] = [];
  constructor(
    private readonly max = 4,
    private readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  shouldRestart(everRan: boolean): boolean {
    if (!everRan) {
      return false;
    }
    const t = this.now();
    this.restarts = this.restarts.filter((r) => t - r < this.windowMs);
    if (this.restarts.length >= this.max) {
      return false;
    }
    this.restarts.push(t);
    return true;
  }

  reset(): void {
    this.restarts = [];
  }
}
