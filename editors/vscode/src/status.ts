// The status bar item's text, tooltip and click, from the server's state, the article's
// language and its findings. Pure, so it runs in plain Node.

export type ServerState = 'starting' | 'running' | 'stopped' | 'missing';
export type ArticleLanguage = 'id' | 'en';

export interface Counts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export interface StatusInput {
  state: ServerState;
  /** Whether the active editor holds a document sunting checks. */
  checked: boolean;
  /** The article's language, once known. */
  language?: ArticleLanguage;
  counts?: Counts;
}

export interface StatusView {
  visible: boolean;
  text: string;
  tooltip: string;
  /** The command run on a click. */
  command: string;
  /** Whether to draw it as an error (a server that is not running). */
  error: boolean;
}

export const LANGUAGE_NAMES: Record<ArticleLanguage, string> = { id: 'Indonesian', en: 'English' };

export function emptyCounts(): Counts {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

export function total(c: Counts): number {
  return c.error + c.warning + c.info + c.hint;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 findings: 1 error, 2 warnings", "no findings". */
export function describeCounts(c: Counts): string {
  const n = total(c);
  if (n === 0) {
    return 'no findings';
  }
  const parts: string[] = [];
  if (c.error) parts.push(plural(c.error, 'error', 'errors'));
  if (c.warning) parts.push(plural(c.warning, 'warning', 'warnings'));
  if (c.info) parts.push(plural(c.info, 'info', 'infos'));
  if (c.hint) parts.push(plural(c.hint, 'hint', 'hints'));
  return `${plural(n, 'finding', 'findings')}: ${parts.join(', ')}`;
}

export function statusView(s: StatusInput): StatusView {
  switch (s.state) {
    case 'missing':
      return {
        visible: true,
        text: '$(error) sunting',
        tooltip: 'sunting: the sunting program was not found. Click for the output and the install instructions.',
        command: 'sunting.showOutput',
        error: true,
      };
    case 'stopped':
      return {
        visible: true,
        text: '$(error) sunting',
        tooltip: 'sunting: the language server is not running. Click for its output; "Sunting: Restart server" starts it again.',
        command: 'sunting.showOutput',
        error: true,
      };
    case 'starting':
      return {
        visible: s.checked,
        text: '$(sync~spin) sunting',
        tooltip: 'sunting: starting the language server',
        command: 'sunting.showOutput',
        error: false,
      };
    case 'running': {
      const counts = s.counts ?? emptyCounts();
      const n = total(counts);
      const lang = s.language ? s.language.toUpperCase() : '…';
      const icon = counts.error > 0 ? '$(error)' : n > 0 ? '$(warning)' : '$(check)';
      const language = s.language ? `Article language: ${LANGUAGE_NAMES[s.language]} (${s.language})` : 'Article language: not known yet';
      return {
        visible: s.checked,
        text: `${icon} sunting ${lang} · ${n}`,
        tooltip: `sunting\n${language}\n${describeCounts(counts)[0].toUpperCase()}${describeCounts(counts).slice(1)}\nClick to open the Problems panel`,
        command: 'workbench.actions.view.problems',
        error: false,
      };
    }
  }
}
