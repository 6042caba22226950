import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cliArgs, detectLanguage, parseDocumentInfo, parseReport, stdinFileName, wordForDictionary } from '../src/language';

test('standard input is named so that the kind is kept', () => {
  assert.equal(stdinFileName('/news/berita.md', 'markdown'), 'berita.md');
  assert.equal(stdinFileName('C:\\news\\berita.markdown', 'markdown'), 'berita.markdown');
  assert.equal(stdinFileName('Untitled-1', 'markdown'), 'Untitled-1.md');
  assert.equal(stdinFileName('/news/catatan.txt', 'markdown'), 'catatan.txt.md');
  assert.equal(stdinFileName('/news/catatan.txt', 'plaintext'), 'catatan.txt');
  assert.equal(stdinFileName('/news/catatan.adoc', 'plaintext'), 'catatan.adoc.txt');
});

test('the command line', () => {
  assert.deepEqual(cliArgs('/a/b.md', 'markdown', 'auto'), ['check', '--format', 'json', '--fail-on', 'never', '--color', 'never', '--stdin-filename', 'b.md', '-']);
  assert.deepEqual(cliArgs('/a/b.txt', 'plaintext', 'en').slice(-3), ['--language', 'en', '-']);
});

test('reading the language', () => {
  assert.equal(parseReport('{"version":1,"files":[{"path":"a.md","language":"id","diagnostics":[]}]}'), 'id');
  assert.equal(parseReport('{"version":1,"files":[]}'), undefined);
  assert.equal(parseReport('not json'), undefined);
  assert.equal(parseReport('{"files":[{"language":"fr"}]}'), undefined);
  assert.equal(parseDocumentInfo({ language: 'en' }), 'en');
  assert.equal(parseDocumentInfo(null), undefined);
  assert.equal(parseDocumentInfo('id'), undefined);
});

test('a program that is missing or fails gives no language, not an error', async () => {
  assert.equal(await detectLanguage('/nonexistent/sunting', 'x', 'a.md', 'markdown', 'auto', '/'), undefined);
  assert.equal(await detectLanguage('false', 'x', 'a.md', 'markdown', 'auto', '/'), undefined);
});

test('words for the dictionary', () => {
  assert.equal(wordForDictionary('  Zelensky, '), 'Zelensky');
  assert.equal(wordForDictionary('“swasembada”'), 'swasembada');
  assert.equal(wordForDictionary('kupu-kupu'), 'kupu-kupu');
  assert.equal(wordForDictionary("Jum'at"), "Jum'at");
  assert.equal(wordForDictionary('two words'), undefined);
  assert.equal(wordForDictionary('a\nb'), undefined);
  assert.equal(wordForDictionary('!!'), undefined);
  assert.equal(wordForDictionary('2024'), undefined);
  assert.equal(wordForDictionary(undefined), undefined);
});
