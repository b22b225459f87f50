import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/engine/finding.js';
import { mentionsKubernetes, editorFindings } from '../../src/lsp/lint-document.js';
import { documentPath, isConfigFile } from '../../src/lsp/settings.js';

const range = { start: { line: 0, column: 0 }, end: { line: 0, column: 1 }, startOffset: 0, endOffset: 1 };
const object = { apiVersion: 'v1', kind: 'Pod', name: 'a', namespace: undefined };
const finding = (extra: Partial<Finding>): Finding => ({ ruleId: 'r', severity: 'error', message: 'm', filePath: 'f', range, ...extra });

describe('what the editor shows', () => {
  it('drops suppressed findings, keeps the rest', () => {
    const kept = finding({ object });
    const suppressed = finding({ object, suppressions: [{ kind: 'directive', reason: 'debug pod' }] });
    expect(editorFindings([kept, suppressed], 'kind: Pod')).toEqual([kept]);
  });

  it('shows load problems only for text that looks like a manifest', () => {
    const syntax = finding({ ruleId: 'yaml-syntax' });
    expect(editorFindings([syntax], 'apiVersion: v1\nkind: Pod\nmetadata: { name: a\n')).toEqual([syntax]);
    expect(editorFindings([syntax], '{"kind": "Pod", "spec": [}')).toEqual([syntax]);
    expect(editorFindings([syntax], 'services:\n  web: [\n')).toEqual([]);
    expect(mentionsKubernetes('- kind: Pod')).toBe(true);
    expect(mentionsKubernetes('kinds: [a]\nmykind: b')).toBe(false);
  });
});

describe('documents and configuration files', () => {
  it('recognizes configuration files by name', () => {
    expect(isConfigFile('file:///w/.podlint.yaml')).toBe(true);
    expect(isConfigFile('file:///w/sub/.podlint.json')).toBe(true);
    expect(isConfigFile('file:///w/podlint.yaml')).toBe(false);
    expect(isConfigFile('file:///w/.podlint.yaml.bak')).toBe(false);
  });

  it('lints file URIs under their path and unsaved buffers under their URI', () => {
    expect(documentPath('file:///w/my%20app/pod.yaml')).toBe('/w/my app/pod.yaml');
    expect(documentPath('untitled:Untitled-1')).toBe('untitled:Untitled-1');
  });
});
