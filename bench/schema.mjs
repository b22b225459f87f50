// Schema validation costs: cold start of a one-file lint against `node -e 0`, and the time to
// validate 1,000 Pods (the compiled validator alone, and the schema rules inside a full lint).
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { measureNode, median, ROOT } from './lib.mjs';

const dist = (file) => path.join(ROOT, 'dist', file);

function coldStart(runs) {
  const file = path.join(ROOT, 'examples/web.yaml');
  const node = [];
  const podlint = [];
  for (let run = 0; run < runs; run++) {
    node.push(measureNode(['-e', '0']).wallMs);
    podlint.push(measureNode([path.join(ROOT, 'bin/podlint.js'), file]).wallMs);
  }
  return { nodeMs: median(node), podlintMs: median(podlint) };
}

function podManifest(index) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `web-${index}`, namespace: 'shop', labels: { app: 'web', shard: String(index % 7) }, annotations: { owner: 'team-a' } },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'config', configMap: { name: 'web' } }],
      containers: [
        {
          name: 'web',
          image: `registry.example.com/shop/web:2.${index % 10}.1`,
          ports: [{ name: 'http', containerPort: 8080 }],
          env: [{ name: 'MODE', value: 'production' }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
          readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
          resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: 1, memory: '256Mi' } },
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }, { name: 'config', mountPath: '/etc/web' }],
        },
      ],
    },
  };
}

async function validationPer1000Pods(rounds) {
  const { loadValidator } = await import(dist('src/validate/load-validator.js'));
  const { lintText } = await import(dist('src/lint.js'));
  const { configureRules } = await import(dist('src/engine/rule-settings.js'));
  const { builtinRules } = await import(dist('rules/index.js'));
  const pods = Array.from({ length: 1000 }, (_, index) => podManifest(index));
  const validate = loadValidator('1.36', 'v1', 'Pod');
  const raw = [];
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    for (const pod of pods) if (!validate(pod)) throw new Error(JSON.stringify(validate.errors));
    raw.push(performance.now() - start);
  }
  // The same Pods as one YAML stream, linted with every rule off and with the schema rules on.
  const text = pods.map((pod) => JSON.stringify(pod)).join('\n---\n');
  const only = (ids) => configureRules(builtinRules, Object.fromEntries(builtinRules.map((rule) => [rule.id, ids.includes(rule.id) ? 'error' : 'off'])));
  const none = only([]);
  const schema = only(['schema-validation', 'duplicate-list-entry', 'removed-api-version']);
  const timed = (rules) => {
    const start = performance.now();
    const result = lintText('pods.yaml', text, { rules, kubernetesVersion: '1.36' });
    if (result.findings.length > 0) throw new Error(result.findings[0].message);
    return performance.now() - start;
  };
  const lintNone = [];
  const lintSchema = [];
  for (let round = 0; round < rounds; round++) {
    lintNone.push(timed(none));
    lintSchema.push(timed(schema));
  }
  return { validatorMs: median(raw), lintNoRulesMs: median(lintNone), lintSchemaMs: median(lintSchema) };
}

function validatorsSize() {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dist('validators'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

export async function benchSchema({ runs = 10, rounds = 7 } = {}) {
  return { ...coldStart(runs), ...(await validationPer1000Pods(rounds)), ...validatorsSize() };
}

export function formatSchema(r) {
  return [
    'schema validation:',
    `  cold start, one-file lint (examples/web.yaml): ${r.podlintMs.toFixed(0)} ms; node -e 0: ${r.nodeMs.toFixed(0)} ms; podlint's own: ${(r.podlintMs - r.nodeMs).toFixed(0)} ms`,
    `  1,000 Pods, compiled validator alone:         ${r.validatorMs.toFixed(1)} ms`,
    `  1,000 Pods, lint with schema rules / no rules: ${r.lintSchemaMs.toFixed(0)} ms / ${r.lintNoRulesMs.toFixed(0)} ms (validation ${(r.lintSchemaMs - r.lintNoRulesMs).toFixed(0)} ms)`,
    `  compiled validators in dist/validators:       ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB`,
  ].join('\n');
}
