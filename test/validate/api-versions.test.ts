import { describe, expect, it } from 'vitest';
import { isBuiltinGroup } from '../../src/validate/api-versions.js';

describe('isBuiltinGroup', () => {
  it("is true for the core group and every group a bundled version serves, false for custom resources' groups", () => {
    for (const apiVersion of ['v1', 'v2beta9', 'apps/v1', 'apps/v1beta2', 'batch/v1', 'networking.k8s.io/v1beta1', 'policy/v1beta1']) {
      expect(isBuiltinGroup(apiVersion), apiVersion).toBe(true);
    }
    for (const apiVersion of ['example.com/v1', 'cert-manager.io/v1', 'apps.example.com/v1', 'k8s.io/v1']) {
      expect(isBuiltinGroup(apiVersion), apiVersion).toBe(false);
    }
  });
});
