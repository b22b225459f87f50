// podlint over the replicated corpus with configuration files, against the same run without
// any: the cost of finding, loading and resolving configurations per file, and proof that each
// configuration file is read once however many files it applies to.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { countManifests, measureNode, median, removeDir, replicateCorpus, ROOT } from './lib.mjs';

// The recommended rules with small changes, so both runs report about the same findings and the
// difference is the configuration machinery (plus one declarative rule). Rule options at both
// levels, so every distinct configuration has options to validate and prepare.
const ROOT_CONFIG = `kubernetesVersion: "1.35"
ignorePatterns: ["**/staging/**/*.json"]
rules:
  latest-image-tag: [warning, { allowedImages: ["registry.local/dev/*"] }]
  secret-in-env-value: [warning, { ignoredNames: ["_FILE$", "_URL$"] }]
overrides:
  - files: ["**/guestbook*/**"]
    rules: { latest-image-tag: off }
  - files: ["*.json"]
    rules: { run-as-root: info }
customRules:
  - id: require-app-label
    target: Object
    kinds: [Deployment, StatefulSet, DaemonSet]
    message: '{{kind}} {{name}} has no app label.'
    remediation: Add metadata.labels.app.
    schema: { properties: { metadata: { required: [labels], properties: { labels: { required: [app] } } } } }
`;

export function benchConfig({ copies = 40, runs = 3 } = {}) {
  const dir = replicateCorpus(copies);
  try {
    mkdirSync(path.join(dir, '.git'));
    const files = countManifests(dir);
    const plain = [];
    for (let run = 0; run < runs; run++) plain.push(lint(dir));
    writeFileSync(path.join(dir, '.podlint.yaml'), ROOT_CONFIG);
    // Every copy gets its own configuration extending the root one: 1 + copies files in all.
    for (const copy of readdirSync(dir).filter((name) => name.startsWith('copy-'))) {
      writeFileSync(
        path.join(dir, copy, '.podlint.yaml'),
        'extends: ../.podlint.yaml\nrules:\n  read-only-root-filesystem: info\n  missing-liveness-probe: [warning, { ignoreContainers: ["istio-*"] }]\n',
      );
    }
    const configured = [];
    for (let run = 0; run < runs; run++) configured.push(lint(dir));
    const resolved = [];
    for (let run = 0; run < runs; run++) resolved.push(resolveAll(dir));
    const counts = /podlint-bench-config-reads=(\d+) podlint-bench-config-lookups=(\d+)/.exec(configured[0].stderr);
    return {
      files,
      configFiles: copies + 1,
      plainMs: median(plain.map((r) => r.wallMs)),
      plainPeakMiB: median(plain.map((r) => r.peakRssMiB)),
      configuredMs: median(configured.map((r) => r.wallMs)),
      configuredPeakMiB: median(configured.map((r) => r.peakRssMiB)),
      configReads: Number(counts?.[1]),
      configLookups: Number(counts?.[2]),
      resolveMs: median(resolved.map((r) => r.ms)),
      distinctSettings: resolved[0].settings,
    };
  } finally {
    removeDir(dir);
  }
}

function lint(dir) {
  const result = measureNode(
    ['--import', path.join(ROOT, 'bench/count-config-reads.mjs'), path.join(ROOT, 'bin/podlint.js'), '--format', 'json', '--output-file', path.join(dir, '..', 'podlint-bench-config.json'), dir],
    { cwd: dir },
  );
  if (result.status !== 0 && result.status !== 1) throw new Error(`podlint exited ${result.status}`);
  return result;
}

/** The configuration machinery alone, in one process: every file's settings, no linting. */
function resolveAll(dir) {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bench/resolve-configs.mjs'), dir], { cwd: dir, encoding: 'utf8' });
  const match = /podlint-bench-resolve-ms=([\d.]+) files=\d+ settings=(\d+)/.exec(result.stdout);
  if (!match) throw new Error(`resolve-configs failed: ${result.stderr.slice(0, 500)}`);
  return { ms: Number(match[1]), settings: Number(match[2]) };
}

export function formatConfig(r) {
  return [
    `configuration: ${r.files} files, ${r.configFiles} configuration files (extends, overrides, ignorePatterns, a declarative rule)`,
    `  without configuration files: ${r.plainMs.toFixed(0)} ms, peak ${r.plainPeakMiB.toFixed(0)} MiB`,
    `  with configuration files:    ${r.configuredMs.toFixed(0)} ms, peak ${r.configuredPeakMiB.toFixed(0)} MiB`,
    `  configuration files read ${r.configReads} times; ${r.configLookups} .podlint.* paths looked for`,
    `  resolving every file's settings alone: ${r.resolveMs.toFixed(0)} ms for ${r.distinctSettings} distinct settings`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  console.log(formatConfig(benchConfig({ copies: Number(process.env.PODLINT_BENCH_COPIES ?? 40) })));
}
