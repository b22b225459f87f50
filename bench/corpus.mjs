// podlint over the kubernetes/examples corpus replicated N times, against parsing the same files
// with yaml alone. Prints wall time and peak memory for both, and the ratio.
import path from 'node:path';
import { countManifests, measureNode, median, removeDir, replicateCorpus, ROOT } from './lib.mjs';

export function benchCorpus({ copies = 40, runs = 3 } = {}) {
  const dir = replicateCorpus(copies);
  try {
    const files = countManifests(dir);
    const podlint = [];
    const parse = [];
    for (let run = 0; run < runs; run++) {
      podlint.push(measureNode([path.join(ROOT, 'bin/podlint.js'), '--format', 'json', '--output-file', path.join(dir, '..', 'podlint-bench-report.json'), dir]));
      parse.push(measureNode([path.join(ROOT, 'bench/parse-only.mjs'), dir]));
    }
    const bad = podlint.find((result) => result.status !== 0 && result.status !== 1);
    if (bad) throw new Error(`podlint exited ${bad.status}`);
    const result = {
      files,
      documents: Number(parse[0].stdout.trim()),
      podlintMs: median(podlint.map((r) => r.wallMs)),
      podlintPeakMiB: median(podlint.map((r) => r.peakRssMiB)),
      parseOnlyMs: median(parse.map((r) => r.wallMs)),
      parseOnlyPeakMiB: median(parse.map((r) => r.peakRssMiB)),
    };
    return { ...result, timeRatio: result.podlintMs / result.parseOnlyMs, memoryRatio: result.podlintPeakMiB / result.parseOnlyPeakMiB };
  } finally {
    removeDir(dir);
  }
}

export function formatCorpus(r) {
  return [
    `corpus x copies: ${r.files} files, ${r.documents} documents`,
    `  podlint (all rules, json to a file): ${r.podlintMs.toFixed(0)} ms, peak ${r.podlintPeakMiB.toFixed(0)} MiB`,
    `  yaml parseAllDocuments only:         ${r.parseOnlyMs.toFixed(0)} ms, peak ${r.parseOnlyPeakMiB.toFixed(0)} MiB`,
    `  ratio podlint / parse only:          time ${r.timeRatio.toFixed(2)}x, memory ${r.memoryRatio.toFixed(2)}x`,
  ].join('\n');
}
