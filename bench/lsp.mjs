// Language server re-validation latency: an editor changes one value in a 500-line manifest and
// waits for the new diagnostics. Measured over stdio against the built server, for both ways a
// client gets diagnostics: pulling (the change, then a textDocument/diagnostic request) and
// pushing (the change, until publishDiagnostics for that version arrives; debounce set to 0 so
// the number is podlint's work and the transport, not the configured pause).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { median, percentile, ROOT } from './lib.mjs';

/** A multi-document manifest of `lines` lines: Deployments with a few findings each. */
export function manifest500(lines = 500) {
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      `metadata: { name: web-${i}, namespace: shop, labels: { app: web-${i} } }`,
      'spec:',
      '  replicas: 3',
      `  selector: { matchLabels: { app: web-${i} } }`,
      '  template:',
      `    metadata: { labels: { app: web-${i} } }`,
      '    spec:',
      '      containers:',
      '        - name: app',
      `          image: registry.local/shop/web:${i % 3 === 0 ? 'latest' : `1.${i}.0`}`,
      '          ports: [{ containerPort: 8080 }]',
      '          resources:',
      '            requests: { cpu: 100m, memory: 128Mi }',
      '            limits: { memory: 256Mi }',
      '          securityContext:',
      `            privileged: ${i % 5 === 0}`,
      '        - name: proxy',
      '          image: envoyproxy/envoy',
      '          args: [--config-path, /etc/envoy/envoy.yaml]',
      '      volumes:',
      '        - name: config',
      `          configMap: { name: web-${i}-envoy }`,
    );
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

const CAPABILITIES = {
  pull: { textDocument: { diagnostic: {}, synchronization: {} }, workspace: {} },
  push: { textDocument: { synchronization: {}, publishDiagnostics: { versionSupport: true } }, workspace: {} },
};

export async function benchLsp({ mode, iterations = 200, warmup = 20 }) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/podlint.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    waiting.get(params.version)?.(params);
    waiting.delete(params.version);
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: CAPABILITIES[mode], initializationOptions: { debounceMs: 0 } });
  await connection.sendNotification('initialized', {});

  const text = manifest500();
  const uri = 'file:///bench/manifest.yaml';
  const opened = new Promise((resolve) => waiting.set(1, resolve));
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  if (mode === 'push') await opened;

  // Toggle the first container's tag between `latest` and a version, so findings really change.
  const line = text.split('\n').findIndex((l) => l.includes(':latest'));
  const column = text.split('\n')[line].indexOf('latest');
  let current = 'latest';
  let diagnostics = 0;
  const samples = [];
  for (let version = 2; version < 2 + warmup + iterations; version++) {
    const next = current === 'latest' ? '9.9.9' : 'latest';
    const change = { range: { start: { line, character: column }, end: { line, character: column + current.length } }, text: next };
    current = next;
    const start = process.hrtime.bigint();
    if (mode === 'pull') {
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      const report = await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      diagnostics = report.items.length;
    } else {
      const published = new Promise((resolve) => waiting.set(version, resolve));
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
      diagnostics = (await published).diagnostics.length;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (version >= 2 + warmup) samples.push(ms);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await new Promise((resolve) => child.on('exit', resolve));
  connection.dispose();
  return { mode, lines: text.split('\n').length - 1, iterations, diagnostics, medianMs: median(samples), p95Ms: percentile(samples, 95) };
}

export function formatLsp(results) {
  const lines = [`lsp re-validation, ${results[0].lines}-line manifest, ${results[0].iterations} edits each:`];
  for (const r of results) {
    lines.push(`  ${r.mode.padEnd(4)} (change → diagnostics): median ${r.medianMs.toFixed(2)} ms, p95 ${r.p95Ms.toFixed(2)} ms (${r.diagnostics} diagnostics)`);
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatLsp([await benchLsp({ mode: 'pull' }), await benchLsp({ mode: 'push' })]));
}
