import type { Path } from '../path.js';

/** Where a kind keeps its pod spec and the metadata of its pod template. */
export interface PodSpecLocation {
  /** Path from the object root to the pod spec. */
  readonly spec: Path;
  /** Path to the pod template's metadata (labels, annotations), or the object's own for a Pod. */
  readonly metadata: Path;
  /** API groups that serve this kind with this layout (`''` is the core group). */
  readonly groups: readonly string[];
  /** True when the pod spec is a template that controllers stamp Pods from. */
  readonly template: boolean;
}

const TEMPLATE: Pick<PodSpecLocation, 'spec' | 'metadata'> = {
  spec: ['spec', 'template', 'spec'],
  metadata: ['spec', 'template', 'metadata'],
};

/** The built-in kinds that carry a pod spec, and where. */
export const POD_SPEC_LOCATIONS: Readonly<Record<string, PodSpecLocation>> = {
  Pod: { spec: ['spec'], metadata: ['metadata'], groups: [''], template: false },
  PodTemplate: { spec: ['template', 'spec'], metadata: ['template', 'metadata'], groups: [''], template: true },
  ReplicationController: { ...TEMPLATE, groups: [''], template: true },
  Deployment: { ...TEMPLATE, groups: ['apps', 'extensions'], template: true },
  ReplicaSet: { ...TEMPLATE, groups: ['apps', 'extensions'], template: true },
  StatefulSet: { ...TEMPLATE, groups: ['apps'], template: true },
  DaemonSet: { ...TEMPLATE, groups: ['apps', 'extensions'], template: true },
  Job: { ...TEMPLATE, groups: ['batch'], template: true },
  CronJob: {
    spec: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    metadata: ['spec', 'jobTemplate', 'spec', 'template', 'metadata'],
    groups: ['batch'],
    template: true,
  },
};

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function apiGroup(apiVersion: string | undefined): string {
  if (!apiVersion) return '';
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/**
 * The pod spec location of an object, or undefined when it carries none. A custom resource that
 * reuses a built-in kind name in its own group (`kind: Deployment` of `example.com/v1`) is not one.
 */
export function podSpecLocation(apiVersion: string | undefined, kind: string): PodSpecLocation | undefined {
  const location = POD_SPEC_LOCATIONS[kind];
  if (!location) return undefined;
  return location.groups.includes(apiGroup(apiVersion)) ? location : undefined;
}

/**
 * Where custom kinds keep a pod template, by `apiVersion/kind` (`example.com/v1/MyKind`): the
 * path to the template, whose `spec` is the pod spec and `metadata` its metadata.
 */
export type PodTemplatePaths = Readonly<Record<string, Path>>;

/** The pod spec location of a custom kind configured with a pod template path. */
export function customPodSpecLocation(
  apiVersion: string | undefined,
  kind: string,
  paths: PodTemplatePaths | undefined,
): PodSpecLocation | undefined {
  const template = paths?.[`${apiVersion ?? ''}/${kind}`];
  if (!template) return undefined;
  return { spec: [...template, 'spec'], metadata: [...template, 'metadata'], groups: [apiGroup(apiVersion)], template: true };
}

/** Parses `spec.template` or `spec.jobTemplate.spec.template` (numbers are list indices). */
export function parseTemplatePath(text: string): Path {
  return text
    .split('.')
    .filter((segment) => segment !== '')
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** A pod template path that cannot be read; the message continues the option's name. */
export class PodTemplatePathError extends Error {
  override name = 'PodTemplatePathError';
}

/** `example.com/v1/MyKind=spec.template` (each) → `{ 'example.com/v1/MyKind': ['spec', 'template'] }`. */
export function parsePodTemplatePaths(values: readonly string[]): PodTemplatePaths {
  const paths: Record<string, readonly (string | number)[]> = {};
  for (const value of values) {
    const match = /^(.+)\/([^/=]+)=(.+)$/.exec(value);
    const path = match ? parseTemplatePath(match[3]!) : [];
    if (!match || path.length === 0) {
      throw new PodTemplatePathError(`needs <apiVersion>/<kind>=<path>, for example example.com/v1/MyKind=spec.template (got "${value}").`);
    }
    paths[`${match[1]}/${match[2]}`] = path;
  }
  return paths;
}
