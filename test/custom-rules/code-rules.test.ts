import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../rules/index.js';
import { ConfigError } from '../../src/config/config-error.js';
import { ConfigResolver } from '../../src/config/resolve-config.js';
import { CustomRuleError } from '../../src/custom-rules/custom-rule-error.js';
import type { Finding } from '../../src/engine/finding.js';
import { lintText } from '../../src/lint.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { at } from '../helpers/lint.js';
import { repoWorkspace as workspace } from '../helpers/workspace.js';

const BUILTIN_IDS = new Set(builtinRules.map((rule) => rule.id));

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - containerPort: 80
          hostPort: 8080
        - containerPort: 9090
`;

// A rule as a policy team would write it, in a repository that does not install podlint: the
// 'podlint' import must resolve to the podlint that runs it.
const HOST_PORT_RULE = `import { defineRule, type ContainerView, type PodView } from 'podlint';
import { portsOf } from './lib/ports.js';

export default defineRule({
  id: 'acme/no-host-port',
  meta: {
    type: 'problem',
    defaultSeverity: 'warning',
    docs: { description: 'Forbid hostPort.', remediation: 'Expose the port through a Service.' },
    messages: { hostPort: 'Container "{{container}}" binds host port {{port}}.' },
    schema: { type: 'object', additionalProperties: false, properties: { allowed: { type: 'array', items: { type: 'integer' } } } },
    defaultOptions: { allowed: [] as number[] },
  },
  check({ pod, report }: { pod: PodView; report: (descriptor: object) => void }, options) {
    pod.containers.forEach((container: ContainerView) => {
      for (const { index, hostPort } of portsOf(container)) {
        if (hostPort === undefined || options.allowed.includes(hostPort)) continue;
        report({ path: [...container.path, 'ports', index, 'hostPort'], messageId: 'hostPort', data: { container: container.name, port: hostPort } });
      }
    });
  },
});
`;
const PORTS_HELPER = `import type { ContainerView } from 'podlint';

export interface Port { readonly index: number; readonly hostPort: number | undefined }

export function portsOf(container: ContainerView): Port[] {
  const ports = (container.spec.ports ?? []) as { hostPort?: number }[];
  return ports.map((port, index): Port => ({ index, hostPort: port.hostPort }));
}
`;

async function lintIn(dir: string, file = 'pod.yaml'): Promise<Finding[]> {
  const config = await new ConfigResolver(dir).forFile(path.join(dir, file));
  // Only what the custom rules report and nobody suppressed: built-in rules have their own tests.
  return lintText(file, readFileSync(path.join(dir, file), 'utf8'), config.settings, dir).findings.filter((finding) => !BUILTIN_IDS.has(finding.ruleId) && !finding.suppressions);
}

async function problemsIn(dir: string): Promise<string[]> {
  try {
    await lintIn(dir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems.map((problem) => `${path.relative(dir, problem.filePath)}:${problem.range!.start.line + 1}:${problem.range!.start.column + 1} ${problem.message}`);
  }
  throw new Error('expected a ConfigError');
}

describe('TypeScript custom rules', () => {
  it('are checked, compiled and run, with "podlint" resolving to the running podlint and TypeScript helpers compiled too', async () => {
    const dir = workspace({
      '.podlint.yaml': 'customRules: ["./policies/*.ts"]\nrules:\n  acme/no-host-port: [error, { allowed: [9090] }]\n',
      'policies/no-host-port.ts': HOST_PORT_RULE,
      'policies/lib/ports.ts': PORTS_HELPER,
      'pod.yaml': POD,
    });
    const findings = await lintIn(dir);
    expect(findings.map((finding) => [finding.ruleId, finding.severity, at(finding), finding.message])).toEqual([
      ['acme/no-host-port', 'error', '10:21-10:25', 'Container "app" binds host port 8080.'],
    ]);
  });

  it('a directive can suppress a custom rule by its id', async () => {
    const dir = workspace({
      '.podlint.yaml': 'customRules: ["./policies/*.ts"]\n',
      'policies/no-host-port.ts': HOST_PORT_RULE,
      'policies/lib/ports.ts': PORTS_HELPER,
      'pod.yaml': POD.replace('hostPort: 8080', 'hostPort: 8080 # podlint-disable-line acme/no-host-port -- node exporter'),
    });
    expect(await lintIn(dir)).toEqual([]);
  });

  it('report metadata that is not literal or complete, and unknown messageIds, at the rule file\'s line', async () => {
    const rule = `import { defineRule } from 'podlint';

const description = 'Computed, so podlint cannot read it.';

export default defineRule({
  id: 'acme/bad',
  meta: {
    type: 'problem',
    defaultSeverty: 'warning',
    docs: { description },
    messages: { found: 'Found {{name}}.' },
    defaultOptions: {},
  },
  check({ pod, report }) {
    for (const container of pod.containers) {
      report({ path: container.path, messageId: 'fonud', data: { name: container.name } });
    }
  },
});
`;
    const dir = workspace({ '.podlint.yaml': 'customRules: [./policies/bad.ts]', 'policies/bad.ts': rule, 'pod.yaml': POD });
    expect(await problemsIn(dir)).toEqual([
      'policies/bad.ts:9:5 Unknown key "defaultSeverty" in meta; meta has type, defaultSeverity, docs, messages, schema, defaultOptions, scope, tags, securitySeverity.',
      'policies/bad.ts:7:3 meta has no defaultSeverity.',
      'policies/bad.ts:10:13 meta.docs.description must be a non-empty string literal.',
      'policies/bad.ts:10:5 meta.docs has no remediation.',
      'policies/bad.ts:16:49 messageId "fonud" is not in meta.messages (found).',
    ]);
  });

  it('report a default export that is not a literal rule, and an id that is already taken', async () => {
    const dir = workspace({
      '.podlint.yaml': 'customRules: ["./policies/*.ts"]',
      'policies/built.ts': `import { defineRule } from 'podlint';\nconst make = (id: string) => defineRule({ id } as never);\nexport default make('acme/built');\n`,
      'policies/taken.ts': `import { defineRule } from 'podlint';
export default defineRule({
  id: 'latest-image-tag',
  meta: { type: 'problem', defaultSeverity: 'warning', docs: { description: 'd', remediation: 'r' }, messages: { m: 'm' }, defaultOptions: {} },
  check({ report }) { report({ path: [], messageId: 'm' }); },
});
`,
      'pod.yaml': POD,
    });
    expect(await problemsIn(dir)).toEqual([
      'policies/built.ts:3:1 The default export must be `defineRule({ ... })` with the rule object written out literally, so podlint can check it before running it.',
      'policies/taken.ts:3:7 The rule id "latest-image-tag" is already taken by a built-in rule; custom rule ids must be unique.',
    ]);
  });

  it('report a rule glob that matches nothing at its place in the configuration', async () => {
    const dir = workspace({ '.podlint.yaml': 'customRules:\n  - ./policies/*.ts\n', 'pod.yaml': POD });
    expect(await problemsIn(dir)).toEqual(['.podlint.yaml:2:5 "./policies/*.ts" matches no rule module (.js, .mjs, .ts, .mts) next to this configuration.']);
  });

  it('validate a custom rule\'s options against its own schema, at the configuration\'s line', async () => {
    const dir = workspace({
      '.podlint.yaml': 'customRules: ["./policies/*.ts"]\nrules:\n  acme/no-host-port: [error, { allowed: ["80"] }]\n',
      'policies/no-host-port.ts': HOST_PORT_RULE,
      'policies/lib/ports.ts': PORTS_HELPER,
      'pod.yaml': POD,
    });
    expect(await problemsIn(dir)).toEqual(['.podlint.yaml:3:42 rules[acme/no-host-port][1].allowed[0] must be an integer.']);
  });
});

describe('JavaScript custom rules', () => {
  const JS_RULE = `import { defineRule } from 'podlint';
export default defineRule({
  id: 'acme/needs-owner',
  meta: {
    type: 'suggestion',
    scope: 'object',
    defaultSeverity: 'info',
    docs: { description: 'Objects name an owner.', remediation: 'Add an owner label.' },
    messages: { missing: '{{kind}} {{name}} has no owner label.' },
    defaultOptions: {},
  },
  check({ object, report }) {
    if (!object.value.metadata?.labels?.owner) report({ path: ['metadata'], messageId: 'missing', data: { kind: object.kind, name: object.name } });
  },
});
`;

  it('are imported as they are, with "podlint" pointed at the running podlint when Node cannot find it', async () => {
    const dir = workspace({ '.podlint.yaml': 'customRules: ["./policies/*.mjs"]', 'policies/owner.mjs': JS_RULE, 'pod.yaml': POD });
    const findings = await lintIn(dir);
    expect(findings.map((finding) => [finding.ruleId, finding.severity, at(finding), finding.message])).toEqual([
      ['acme/needs-owner', 'info', '3:1-3:9', 'Pod web has no owner label.'],
    ]);
  });

  it('are checked for their shape after loading', async () => {
    const dir = workspace({ '.podlint.yaml': 'customRules: ["./policies/*.mjs"]', 'policies/bad.mjs': 'export default { id: "Bad Id", meta: {} };\n', 'pod.yaml': POD });
    const problems = await problemsIn(dir);
    expect(problems[0]).toBe('policies/bad.mjs:1:1 The rule needs an id: lowercase words joined by "-".');
    expect(problems).toContain('policies/bad.mjs:1:1 The rule has no check function.');
  });

  it('that throw stop the run with an error naming the rule, its module and the file', async () => {
    const throwing = JS_RULE.replace("if (!object.value.metadata?.labels?.owner)", "throw new Error('boom');");
    const dir = workspace({ '.podlint.yaml': 'customRules: ["./policies/*.mjs"]', 'policies/owner.mjs': throwing, 'pod.yaml': POD });
    const error = await lintIn(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CustomRuleError);
    expect((error as Error).message).toBe(`custom rule "acme/needs-owner" (${path.join(dir, 'policies/owner.mjs')}) failed on pod.yaml: boom`);
  });
});

describe('loading cost', () => {
  // Runs the CLI in a fresh process and reports whether the TypeScript compiler was loaded.
  function loadsTypeScript(dir: string): boolean {
    const main = pathToFileURL(path.join(REPO_ROOT, 'dist/src/cli/main.js')).href;
    const script = `import { createRequire } from 'node:module';
const { main } = await import(${JSON.stringify(main)});
const code = await main(['pod.yaml', '--format', 'json']);
const cache = createRequire(import.meta.url).cache;
console.log(JSON.stringify({ code, typescript: Object.keys(cache).some((file) => /[\\\\/]node_modules[\\\\/](typescript|@typescript-eslint)[\\\\/]/.test(file)) }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    const last = run.stdout.trim().split('\n').pop() ?? '';
    return (JSON.parse(last) as { typescript: boolean }).typescript;
  }

  it('a run without TypeScript rules (declarative ones included) never loads the parser or the compiler; a TypeScript rule does', () => {
    const declarative = workspace({
      '.podlint.yaml': 'customRules:\n  - { id: x, target: PodSpec, message: m, remediation: r, schema: {} }\n',
      'pod.yaml': POD,
    });
    expect(loadsTypeScript(declarative)).toBe(false);
    const typescript = workspace({
      '.podlint.yaml': 'customRules: ["./policies/*.ts"]',
      'policies/no-host-port.ts': HOST_PORT_RULE,
      'policies/lib/ports.ts': PORTS_HELPER,
      'pod.yaml': POD,
    });
    expect(loadsTypeScript(typescript)).toBe(true);
  });
});
