// Shared helpers for benchmarks: a replicated corpus and child-process measurements.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CORPUS = path.join(ROOT, 'test/fixtures/corpus/kubernetes-examples');

/** Copies the corpus `copies` times into a fresh temporary directory. */
export function replicateCorpus(copies) {
  const dir = mkdtempSync(path.join(tmpdir(), 'podlint-bench-'));
  for (let i = 0; i < copies; i++) cpSync(CORPUS, path.join(dir, `copy-${String(i).padStart(3, '0')}`), { recursive: true });
  return dir;
}

/** Counts the manifest files (.yaml, .yml, .json) under a directory. */
export function countManifests(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ya?ml|json)$/.test(entry.name)) count++;
  }
  return count;
}

export function removeDir(dir) {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs `node args...` and returns wall time (ms) and the child's peak RSS (MiB), read from the
 * child itself through a preloaded module so no external tool is needed.
 */
export function measureNode(args, { cwd = ROOT } = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', path.join(ROOT, 'bench/report-rss.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = /podlint-bench-max-rss-kib=(\d+)/.exec(result.stderr);
  if (!rss) throw new Error(`no RSS report from node ${args.join(' ')}: ${result.stderr.slice(0, 500)}`);
  return { wallMs, peakRssMiB: Number(rss[1]) / 1024, status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
