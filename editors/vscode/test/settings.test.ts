import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CATEGORIES, configurationAnswer, documentKind, documentTypes, fromObject, serverSettings } from '../src/settings';

// What VS Code hands over when nothing is set: package.json's defaults.
const defaults = {
  path: '',
  documentTypes: ['markdown', 'plaintext'],
  language: 'auto',
  severity: {},
  enabledCategories: [...CATEGORIES],
  words: [],
  dictionary: '.sunting/kamus.txt',
  debounceMs: 150,
  diagnosticMode: 'auto',
  maxDocumentBytes: 67108864,
  statusBar: { enabled: true },
  trace: { server: 'off' },
};

test('the defaults map to the server\'s defaults, and no editor-only key is sent', () => {
  assert.deepEqual(serverSettings(fromObject(defaults)), {
    language: 'auto',
    dictionary: '.sunting/kamus.txt',
    debounceMs: 150,
    diagnosticMode: 'auto',
    maxDocumentBytes: 67108864,
    documentKinds: { markdown: 'markdown', plaintext: 'plaintext', text: 'off' },
  });
  assert.deepEqual(serverSettings(fromObject({})), {
    language: 'auto',
    documentKinds: { markdown: 'markdown', plaintext: 'plaintext', text: 'off' },
  });
});

test('every setting maps to the server\'s shape', () => {
  const s = serverSettings(
    fromObject({
      ...defaults,
      language: 'ID',
      severity: { typography: 'Error', 'typography/doubled-word': 'off', spelling: 'loud', '': 'hint' },
      enabledCategories: ['typography', 'figures', 'bogus', 'typography'],
      words: [' kamus/redaksi.txt ', '', 3],
      dictionary: ' .sunting/nama.txt ',
      debounceMs: 99.6,
      diagnosticMode: 'push',
      maxDocumentBytes: 1000.5,
      documentTypes: ['markdown', 'asciidoc', 'mdx', 'markdown'],
    }),
  );
  assert.deepEqual(s, {
    language: 'id',
    severity: { typography: 'error', 'typography/doubled-word': 'off' },
    enabledCategories: ['typography', 'figures'],
    words: ['kamus/redaksi.txt'],
    dictionary: '.sunting/nama.txt',
    debounceMs: 100,
    diagnosticMode: 'push',
    maxDocumentBytes: 1000,
    documentKinds: { markdown: 'markdown', asciidoc: 'plaintext', mdx: 'markdown', plaintext: 'off', text: 'off' },
  });
});

test('bad values fall back rather than reach the server', () => {
  const s = serverSettings(fromObject({ language: 'fr', severity: ['x'], enabledCategories: 'typography', debounceMs: -5, diagnosticMode: 'sometimes', maxDocumentBytes: 0, words: 'a.txt' }));
  assert.deepEqual(s, { language: 'auto', debounceMs: 0, documentKinds: { markdown: 'markdown', plaintext: 'plaintext', text: 'off' } });
  assert.equal(serverSettings(fromObject({ debounceMs: 1e9 })).debounceMs, 60000);
  assert.deepEqual(serverSettings(fromObject({ enabledCategories: [] })).enabledCategories, []);
});

test('document types and kinds', () => {
  assert.deepEqual(documentTypes(fromObject({})), ['markdown', 'plaintext']);
  assert.deepEqual(documentTypes(fromObject({ documentTypes: ['text', ' text ', 'latex'] })), ['text', 'latex']);
  assert.equal(documentKind('markdown'), 'markdown');
  assert.equal(documentKind('github-markdown'), 'markdown');
  assert.equal(documentKind('mdx'), 'markdown');
  assert.equal(documentKind('plaintext'), 'plaintext');
  assert.equal(documentKind('asciidoc'), 'plaintext');
});

test('workspace/configuration answers in the server\'s shape', () => {
  const s = serverSettings(fromObject({ language: 'en', debounceMs: 10 }));
  assert.deepEqual(configurationAnswer(['sunting', 'sunting.language', 'sunting.nothing', 'editor', undefined], s, [1, 2, 3, { tabSize: 4 }, 'x']), [
    s,
    'en',
    null,
    { tabSize: 4 },
    'x',
  ]);
});
