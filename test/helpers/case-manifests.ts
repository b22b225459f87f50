import { expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { podView, type PodView } from '../../src/k8s/pod-view.js';
import { loadText } from '../../src/load/load-text.js';
import { SEMANTICS } from './case-tables.js';

export interface CaseManifest {
  /** The `podlint.test/case` annotation: the table row, with `#n` for a row's variants. */
  readonly id: string;
  readonly options: readonly string[];
  readonly pod: PodView;
}

/** The pods of a case fixture, one or more per table row. */
export function readCaseManifests(name: string): CaseManifest[] {
  const file = loadText(name, readFileSync(path.join(SEMANTICS, name), 'utf8'));
  expect(file.problems).toEqual([]);
  return file.documents.flatMap((document) =>
    document.objects.map((object) => {
      const annotations = (object.value.metadata as { annotations: Record<string, string> }).annotations;
      return {
        id: annotations['podlint.test/case']!,
        options: (annotations['podlint.test/options'] ?? '').split(',').filter(Boolean),
        pod: podView(object)!,
      };
    }),
  );
}

/** The manifests that stand for one table row (`id`, or its variants `id#1`, `id#2`...). */
export function manifestsFor(manifests: readonly CaseManifest[], id: string): CaseManifest[] {
  const found = manifests.filter((manifest) => manifest.id === id || manifest.id.startsWith(`${id}#`));
  expect(found, `a manifest for the case "${id}"`).not.toHaveLength(0);
  return found;
}
