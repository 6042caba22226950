// VS Code's `sunting.*` settings mapped to the shape the server takes (initializationOptions,
// workspace/didChangeConfiguration and workspace/configuration, section `sunting`; see
// src/lsp/settings.rs). Only keys the server knows are sent, and only valid values, so the
// server has nothing to warn about; settings that are the editor's own (`path`,
// `documentTypes`, `statusBar`, `trace`) stay here.

export const CATEGORIES = ['spelling', 'untranslated', 'figures', 'quotes', 'typography', 'names'] as const;
export const LEVELS = ['off', 'hint', 'info', 'warning', 'error'] as const;
export const LANGUAGES = ['auto', 'id', 'en'] as const;
export const DIAGNOSTIC_MODES = ['auto', 'push', 'pull'] as const;
/** The language ids the server checks unless told otherwise (src/lsp/settings.rs). */
export const SERVER_DEFAULT_KINDS = ['markdown', 'plaintext', 'text'] as const;
export const DEFAULT_DOCUMENT_TYPES = ['markdown', 'plaintext'];

export type Level = (typeof LEVELS)[number];
export type DocumentKind = 'markdown' | 'plaintext' | 'off';

export interface ServerSettings {
  language?: (typeof LANGUAGES)[number];
  severity?: Record<string, Level>;
  enabledCategories?: string[];
  words?: string[];
  dictionary?: string;
  debounceMs?: number;
  documentKinds?: Record<string, DocumentKind>;
  diagnosticMode?: (typeof DIAGNOSTIC_MODES)[number];
  maxDocumentBytes?: number;
}

/** What `vscode.workspace.getConfiguration('sunting')` offers (and a plain object in tests). */
export interface ConfigReader {
  get<T>(key: string): T | undefined;
}

export function fromObject(o: Record<string, unknown>): ConfigReader {
  return { get: <T>(key: string) => o[key] as T | undefined };
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | undefined {
  if (typeof v !== 'string') {
    return undefined;
  }
  const s = v.trim().toLowerCase();
  return (allowed as readonly string[]).includes(s) ? (s as T) : undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter((x) => x.length > 0) : [];
}

/** The language ids to check (`sunting.documentTypes`), without duplicates. */
export function documentTypes(cfg: ConfigReader): string[] {
  const v = cfg.get<unknown>('documentTypes');
  const list = v === undefined || v === null ? DEFAULT_DOCUMENT_TYPES : strings(v);
  return [...new Set(list)];
}

/** How the server should read a language id: Markdown dialects as Markdown, anything else as
 * plain text. */
export function documentKind(languageId: string): 'markdown' | 'plaintext' {
  const id = languageId.toLowerCase();
  return id === 'markdown' || id.endsWith('markdown') || id === 'mdx' || id === 'gfm' || id === 'quarto' || id === 'rmd'
    ? 'markdown'
    : 'plaintext';
}

/** The `sunting` settings section for the server. */
export function serverSettings(cfg: ConfigReader): ServerSettings {
  const out: ServerSettings = {};
  const language = oneOf(cfg.get('language'), LANGUAGES);
  out.language = language ?? 'auto';

  const severity = cfg.get<unknown>('severity');
  if (severity && typeof severity === 'object' && !Array.isArray(severity)) {
    const levels: Record<string, Level> = {};
    for (const [key, value] of Object.entries(severity as Record<string, unknown>)) {
      const level = oneOf(value, LEVELS);
      if (key.trim().length > 0 && level) {
        levels[key.trim()] = level;
      }
    }
    if (Object.keys(levels).length > 0) {
      out.severity = levels;
    }
  }

  const enabled = cfg.get<unknown>('enabledCategories');
  if (Array.isArray(enabled)) {
    const known = [...new Set(strings(enabled).map((c) => c.toLowerCase()))].filter((c) => (CATEGORIES as readonly string[]).includes(c));
    // All of them enabled is the same as saying nothing: leave sunting.toml in charge.
    if (known.length < CATEGORIES.length) {
      out.enabledCategories = known;
    }
  }

  const words = strings(cfg.get('words'));
  if (words.length > 0) {
    out.words = words;
  }
  const dictionary = cfg.get<unknown>('dictionary');
  if (typeof dictionary === 'string' && dictionary.trim().length > 0) {
    out.dictionary = dictionary.trim();
  }
  const debounce = cfg.get<unknown>('debounceMs');
  if (typeof debounce === 'number' && Number.isFinite(debounce)) {
    out.debounceMs = Math.min(60000, Math.max(0, Math.round(debounce)));
  }
  const mode = oneOf(cfg.get('diagnosticMode'), DIAGNOSTIC_MODES);
  if (mode) {
    out.diagnosticMode = mode;
  }
  const max = cfg.get<unknown>('maxDocumentBytes');
  if (typeof max === 'number' && Number.isFinite(max) && max > 0) {
    out.maxDocumentBytes = Math.floor(max);
  }

  const kinds: Record<string, DocumentKind> = {};
  const types = documentTypes(cfg);
  for (const id of types) {
    kinds[id] = documentKind(id);
  }
  for (const id of SERVER_DEFAULT_KINDS) {
    if (!types.includes(id)) {
      kinds[id] = 'off';
    }
  }
  out.documentKinds = kinds;
  return out;
}

/** The answer to a `workspace/configuration` request: our settings for `sunting` (or one of
 * its keys, `sunting.language`), and `fallback[i]` (what the editor would answer) for others. */
export function configurationAnswer(sections: (string | undefined)[], settings: ServerSettings, fallback: unknown[]): unknown[] {
  return sections.map((section, i) => {
    if (section === 'sunting') {
      return settings;
    }
    if (section !== undefined && section.startsWith('sunting.')) {
      const key = section.slice('sunting.'.length) as keyof ServerSettings;
      return settings[key] ?? null;
    }
    return fallback[i] ?? null;
  });
}

/** Whether a change of these settings needs a new server (rather than a settings
 * notification): the program, or which documents it is given. */
export const RESTART_SETTINGS = ['sunting.path', 'sunting.documentTypes'];
