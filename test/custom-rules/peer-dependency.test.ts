import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MissingPeerDependencyError, requirePeer } from '../../src/custom-rules/peer-dependency.js';
import { workspace } from '../helpers/workspace.js';

describe('optional peer dependencies of TypeScript rules', () => {
  it("is found with podlint's own install first", () => {
    const elsewhere = path.join(workspace({}), 'rule.ts');
    expect(requirePeer<{ version: string }>('typescript', elsewhere).version).toMatch(/^\d+\.\d+/);
  });

  it("falls back to the rule file's project, and says which package is missing", () => {
    const project = workspace({ 'node_modules/podlint-test-peer/package.json': '{"name":"podlint-test-peer","main":"index.js"}' });
    writeFileSync(path.join(project, 'node_modules/podlint-test-peer/index.js'), 'module.exports = { from: "project" };');
    mkdirSync(path.join(project, 'policies'));
    expect(requirePeer<{ from: string }>('podlint-test-peer', path.join(project, 'policies/rule.ts'))).toEqual({ from: 'project' });
    expect(() => requirePeer('podlint-test-missing-peer', path.join(project, 'policies/rule.ts'))).toThrow(MissingPeerDependencyError);
    expect(() => requirePeer('podlint-test-missing-peer', path.join(project, 'policies/rule.ts'))).toThrow('Cannot find podlint-test-missing-peer');
  });
});
