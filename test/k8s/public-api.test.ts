import { describe, expect, it } from 'vitest';
// The package entry, as users import it (`npm test` builds dist/ first).
import { effectivePodRequests, formatResourcesMarkdown, loadText, parseQuantity, podQosClass, podView, QuantityError, resourceReport, workloadResources } from 'podlint';

describe("the package's resource API", () => {
  it('parses quantities and computes a pod\'s resources from the package entry', () => {
    expect(parseQuantity('1.5Gi').toString()).toBe('1536Mi');
    expect(() => parseQuantity('1 Gi')).toThrow(QuantityError);
    const file = loadText('p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers: [{ name: a, image: a:1, resources: { limits: { cpu: 1, memory: 1Gi } } }]\n');
    const pod = podView(file.documents[0]!.objects[0]!)!;
    expect(podQosClass(pod)).toBe('Guaranteed');
    expect(effectivePodRequests(pod).get('memory')?.toString()).toBe('1Gi');
    expect(workloadResources(pod).replicas).toBe(1);
    expect(formatResourcesMarkdown(resourceReport([file]), { headingLevel: 3 })).toMatch(/^### Resources\n/);
  });
});
