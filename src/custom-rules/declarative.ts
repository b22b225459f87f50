import type { ErrorObject, ValidateFunction } from 'ajv';
import { defineRule, type AnyRule, type ReportDescriptor } from '../engine/define-rule.js';
import type { Severity } from '../engine/severity.js';
import { CONTAINER_ROLE_LABELS, type ContainerRole } from '../k8s/pod-view.js';
import type { LocationTarget } from '../load/source-map.js';
import { formatPath, pointerToPath, type Path } from '../path.js';
import { DEFAULT_DECLARATIVE_ROLES, type DECLARATIVE_TARGETS } from '../config/config-schema.js';

/** A declarative rule as written in the configuration (validated by the config schema). */
export interface DeclarativeRuleDefinition {
  readonly id: string;
  readonly target: (typeof DECLARATIVE_TARGETS)[number];
  readonly containers?: readonly ContainerRole[];
  readonly kinds?: readonly string[];
  readonly severity?: Severity;
  readonly message: string;
  readonly description?: string;
  readonly remediation: string;
  readonly tags?: readonly string[];
  readonly securitySeverity?: number;
  readonly schema: Record<string, unknown>;
}

/** Where one failing target is reported: the deepest path any schema error names. */
interface Violation {
  readonly path: Path;
  readonly target: LocationTarget;
  readonly error: string;
}

/**
 * Builds a rule from a declarative definition, Polaris-style: the target (an object, a pod spec,
 * or each container of the roles listed) must match the JSON Schema; a target that does not gives
 * one finding, at the deepest path the schema errors name (a missing field lands on its closest
 * existing ancestor, an extra field on its key).
 */
export function declarativeRule(definition: DeclarativeRuleDefinition, validate: ValidateFunction): AnyRule {
  const kinds = definition.kinds ? new Set(definition.kinds) : undefined;
  const meta = {
    type: 'suggestion' as const,
    defaultSeverity: definition.severity ?? 'warning',
    docs: { description: definition.description ?? definition.message, remediation: definition.remediation },
    messages: { violation: definition.message },
    defaultOptions: {},
    ...(definition.tags ? { tags: definition.tags } : {}),
    ...(definition.securitySeverity !== undefined ? { securitySeverity: definition.securitySeverity } : {}),
  };
  type Report = (descriptor: ReportDescriptor<'violation'>) => void;
  const check = (value: unknown, base: Path, data: Record<string, string>, report: Report) => {
    const violation = violationOf(validate, value);
    if (!violation) return;
    const path = [...base, ...violation.path];
    report({ path, target: violation.target, messageId: 'violation', data: { ...data, path: formatPath(path), error: violation.error } });
  };
  const identity = (object: { kind: string; name: string | undefined; namespace: string | undefined }) => ({
    kind: object.kind,
    name: object.name ?? '',
    namespace: object.namespace ?? '',
  });

  if (definition.target === 'Object') {
    return defineRule({
      id: definition.id,
      meta: { ...meta, scope: 'object' },
      check({ object, report }) {
        if (kinds && !kinds.has(object.kind)) return;
        check(object.value, [], identity(object), report);
      },
    });
  }
  const roles = new Set<ContainerRole>(definition.containers ?? DEFAULT_DECLARATIVE_ROLES);
  return defineRule({
    id: definition.id,
    meta: { ...meta, scope: 'pod' },
    check({ pod, report }) {
      if (kinds && !kinds.has(pod.object.kind)) return;
      if (definition.target === 'PodSpec') {
        check(pod.spec, pod.specPath, identity(pod.object), report);
        return;
      }
      for (const container of pod.containers) {
        if (!roles.has(container.role)) continue;
        const data = { ...identity(pod.object), container: container.name, role: CONTAINER_ROLE_LABELS[container.role] };
        check(container.spec, container.path, data, report);
      }
    },
  });
}

function violationOf(validate: ValidateFunction, value: unknown): Violation | undefined {
  if (validate(value)) return undefined;
  let deepest: Violation | undefined;
  for (const error of validate.errors ?? []) {
    const violation = errorLocation(error, value);
    if (!deepest || violation.path.length > deepest.path.length) deepest = violation;
  }
  return deepest;
}

function errorLocation(error: ErrorObject, root: unknown): Violation {
  const path = pointerToPath(error.instancePath, root);
  const params = error.params as { missingProperty?: string; additionalProperty?: string; propertyName?: string };
  const message = error.message ?? 'does not match the schema';
  if (error.keyword === 'required' && params.missingProperty !== undefined) {
    return { path: [...path, params.missingProperty], target: 'value', error: message };
  }
  const extra = params.additionalProperty ?? params.propertyName;
  if ((error.keyword === 'additionalProperties' || error.keyword === 'propertyNames') && extra !== undefined) {
    return { path: [...path, extra], target: 'key', error: message };
  }
  return { path, target: 'value', error: message };
}
