import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { describeCounts, emptyCounts, statusView } from '../src/status';

test('running: language and number of findings', () => {
  const v = statusView({ state: 'running', checked: true, language: 'id', counts: { error: 0, warning: 2, info: 1, hint: 0 } });
  assert.equal(v.visible, true);
  assert.equal(v.text, '$(warning) sunting ID · 3');
  assert.equal(v.tooltip, 'sunting\nArticle language: Indonesian (id)\n3 findings: 2 warnings, 1 info\nClick to open the Problems panel');
  assert.equal(v.command, 'workbench.actions.view.problems');
  assert.equal(v.error, false);
});

test('running: no findings, an error, a language not known yet', () => {
  assert.equal(statusView({ state: 'running', checked: true, language: 'en', counts: emptyCounts() }).text, '$(check) sunting EN · 0');
  assert.equal(statusView({ state: 'running', checked: true, language: 'en', counts: { error: 1, warning: 0, info: 0, hint: 0 } }).text, '$(error) sunting EN · 1');
  const unknown = statusView({ state: 'running', checked: true });
  assert.equal(unknown.text, '$(check) sunting … · 0');
  assert.match(unknown.tooltip, /not known yet/);
  assert.match(unknown.tooltip, /No findings/);
});

test('hidden for documents sunting does not check, unless something is wrong', () => {
  assert.equal(statusView({ state: 'running', checked: false }).visible, false);
  assert.equal(statusView({ state: 'starting', checked: false }).visible, false);
  const missing = statusView({ state: 'missing', checked: false });
  assert.equal(missing.visible, true);
  assert.equal(missing.error, true);
  assert.equal(missing.command, 'sunting.showOutput');
  assert.match(missing.tooltip, /not found/);
  assert.equal(statusView({ state: 'stopped', checked: true }).error, true);
});

test('counts in words', () => {
  assert.equal(describeCounts(emptyCounts()), 'no findings');
  assert.equal(describeCounts({ error: 1, warning: 1, info: 0, hint: 2 }), '4 findings: 1 error, 1 warning, 2 hints');
  assert.equal(describeCounts({ error: 0, warning: 1, info: 0, hint: 0 }), '1 finding: 1 warning');
});
