import { defineRule, type PodRuleContext } from '../src/engine/define-rule.js';
import { asArray, asObject, asString, type JsonObject } from '../src/json.js';
import { errorList, invalidValue, kubernetesPath, rejection, unsupportedValue } from '../src/k8s/kubernetes-errors.js';
import { envFilesEnabled, relaxedEnvironmentVariableNames } from '../src/k8s/kubernetes-version.js';
import { CONTAINER_ROLE_LABELS, type ContainerView, type PodView } from '../src/k8s/pod-view.js';
import {
  configMapKeyErrors,
  dns1123SubdomainErrors,
  envVarNameErrors,
  qualifiedNameErrors,
  relaxedEnvVarNameErrors,
} from '../src/k8s/value-formats.js';
import type { Path } from '../src/path.js';

/** The downward API fields an environment variable may read (sorted, as the API server lists them). */
const ENV_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
/** Every field label the v1 conversion knows (podshelper.ConvertDownwardAPIFieldLabel), env or not. */
const CONVERTIBLE_FIELD_PATHS = new Set([...ENV_FIELD_PATHS, 'metadata.annotations', 'metadata.labels', 'spec.restartPolicy', 'spec.schedulerName', 'status.phase']);
/** The container resources resourceFieldRef may read, besides `requests.hugepages-*` and `limits.hugepages-*`. */
const ENV_RESOURCES = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];
const KEY_REFS = ['configMapKeyRef', 'secretKeyRef'] as const;

// Verified against validation.go before EnvFiles; from 1.35 the API server may also name
// `fileKeyRef` in this list (not verified), so the text is kept as it was.
const NO_SOURCE = 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`';

/** The ids of meta.messages, for the helpers below (the source check keeps the two in step). */
type MessageId =
  | 'nameRequired'
  | 'name'
  | 'prefix'
  | 'noSource'
  | 'fileKeyRefDropped'
  | 'valueAndValueFrom'
  | 'twoSources'
  | 'fieldPath'
  | 'fieldPathKey'
  | 'fieldRefApiVersion'
  | 'required'
  | 'resource'
  | 'key'
  | 'refName'
  | 'refNameMissing'
  | 'envFromNoSource'
  | 'envFromTwoSources'
  | 'envFromName';
type Report = PodRuleContext<MessageId>['report'];

interface Context {
  readonly pod: PodView;
  readonly container: ContainerView;
  readonly report: Report;
  readonly version: string;
  readonly who: Readonly<Record<string, string>>;
}

export default defineRule({
  id: 'invalid-env-var',
  meta: {
    type: 'problem',
    defaultSeverity: 'error',
    docs: {
      description:
        'Require environment variables the API server accepts, in containers of every role: a valid name (any printable ASCII but `=` from Kubernetes 1.32), exactly one of value or one valueFrom source, Pod fields and container resources the downward API offers, valid ConfigMap and Secret keys, and envFrom entries with one source and a valid prefix.',
      remediation:
        'Give each variable a name and either a `value` or a `valueFrom` with one source; read only the Pod fields the message lists (or a label or annotation as `metadata.labels[\'key\']`); use keys of letters, digits, `-`, `_` and `.`; give each envFrom entry one configMapRef or secretRef.',
      rationale:
        'These are the API server\'s checks, quoted in the finding. Names follow RelaxedEnvironmentVariableValidation, on by default from 1.32 and GA in 1.34: printable ASCII except `=`; before it, letters, digits, `_`, `-` and `.`, not starting with a digit. `valueFrom.fileKeyRef` needs the EnvFiles feature gate, alpha and off in 1.34, on by default from 1.35: in 1.34 the API server drops it, and a variable whose only source it was is rejected. A Pod field path is converted first (`spec.host` still means spec.nodeName), so an unknown path gets the conversion\'s error rather than the list of supported fields.',
    },
    messages: {
      nameRequired: '{{Role}} "{{container}}" has an environment variable with an empty name (env[{{index}}]). {{rejection}}: {{error}}.',
      name: 'Environment variable name "{{name}}" of {{role}} "{{container}}" is not one Kubernetes {{version}} accepts ({{rule}}). {{rejection}}: {{error}}.',
      prefix: 'The envFrom prefix "{{name}}" of {{role}} "{{container}}" is not one Kubernetes {{version}} accepts ({{rule}}). {{rejection}}: {{error}}.',
      noSource: 'Environment variable "{{name}}" of {{role}} "{{container}}" has a valueFrom with no source in it. {{rejection}}: {{error}}.',
      fileKeyRefDropped:
        'Environment variable "{{name}}" of {{role}} "{{container}}" reads fileKeyRef, which Kubernetes {{version}} drops (its EnvFiles feature gate is alpha and off; on by default from 1.35), leaving valueFrom with no source. {{rejection}}: {{error}}.',
      valueAndValueFrom:
        'Environment variable "{{name}}" of {{role}} "{{container}}" has both a value and a valueFrom; it can have only one. {{rejection}}: {{error}}.',
      twoSources: 'Environment variable "{{name}}" of {{role}} "{{container}}" reads {{sources}} at once; valueFrom takes one source. {{rejection}}: {{error}}.',
      fieldPath:
        'Environment variable "{{name}}" of {{role}} "{{container}}" reads the Pod field "{{fieldPath}}", which the downward API does not give environment variables. {{rejection}}: {{error}}.',
      fieldPathKey:
        'Environment variable "{{name}}" of {{role}} "{{container}}" reads {{fieldPath}}, whose key is not a valid label or annotation key. {{rejection}}: {{error}}.',
      fieldRefApiVersion:
        'Environment variable "{{name}}" of {{role}} "{{container}}" reads a Pod field of apiVersion "{{apiVersion}}"; only v1 (the default) has any. {{rejection}}: {{error}}.',
      required: 'Environment variable "{{name}}" of {{role}} "{{container}}" has an empty {{field}}. {{rejection}}: {{error}}.',
      resource:
        'Environment variable "{{name}}" of {{role}} "{{container}}" reads the resource "{{resource}}", which resourceFieldRef does not offer. {{rejection}}: {{error}}.',
      key: 'Environment variable "{{name}}" of {{role}} "{{container}}" reads the key "{{key}}", which no ConfigMap or Secret can have. {{rejection}}: {{error}}.',
      refName:
        'Environment variable "{{name}}" of {{role}} "{{container}}" reads {{source}} "{{refName}}", which is not a valid object name. {{rejection}}: {{error}}.',
      refNameMissing:
        'Environment variable "{{name}}" of {{role}} "{{container}}" reads a {{source}} with no name; the API server checks it as an object name all the same. {{rejection}}: {{error}}.',
      envFromNoSource:
        'An envFrom entry of {{role}} "{{container}}" names no source; it needs a configMapRef or a secretRef. {{rejection}}: {{error}}.',
      envFromTwoSources:
        'An envFrom entry of {{role}} "{{container}}" names both a configMapRef and a secretRef; each entry takes one. {{rejection}}: {{error}}.',
      envFromName: 'An envFrom entry of {{role}} "{{container}}" has an empty {{source}} name. {{rejection}}: {{error}}.',
    },
    defaultOptions: {},
  },
  check({ pod, report, kubernetesVersion }) {
    for (const container of pod.containers) {
      const context: Context = {
        pod,
        container,
        report,
        version: kubernetesVersion,
        who: {
          Role: CONTAINER_ROLE_LABELS[container.role],
          role: CONTAINER_ROLE_LABELS[container.role].toLowerCase(),
          container: container.name,
          rejection: rejection(pod),
        },
      };
      asArray(container.spec.env).forEach((item, index) => {
        const variable = asObject(item);
        if (variable) checkVariable(context, variable, [...container.path, 'env', index], index);
      });
      asArray(container.spec.envFrom).forEach((item, index) => {
        const source = asObject(item);
        if (source) checkEnvFrom(context, source, index);
      });
    }
  },
});

function checkVariable(context: Context, variable: JsonObject, path: Path, index: number): void {
  const { pod, report, who } = context;
  const written = asString(variable.name);
  // A missing name, or one that is not a string, is a schema finding.
  const name = written ?? `env[${index}]`;
  const namePath = [...path, 'name'];
  if (written === '') {
    report({ path: namePath, messageId: 'nameRequired', data: { ...who, index, error: `${kubernetesPath(pod, namePath)}: Required value` } });
  } else if (written !== undefined) {
    const errors = nameErrors(context.version, written);
    if (errors.length > 0) {
      report({ path: namePath, messageId: 'name', data: { ...who, name, ...nameRule(context.version), error: invalid(pod, namePath, name, errors) } });
    }
  }

  const valueFrom = asObject(variable.valueFrom);
  if (!valueFrom) return;
  const fromPath = [...path, 'valueFrom'];
  const data = { ...who, name };
  const present = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef', 'fileKeyRef'].filter((source) => asObject(valueFrom[source]));
  const sources = envFilesEnabled(context.version) ? present : present.filter((source) => source !== 'fileKeyRef');
  const error = (text: string) => `${kubernetesPath(pod, fromPath)}: ${invalidValue('', text)}`;
  if (sources.length === 0) {
    const dropped = present.includes('fileKeyRef');
    report({
      path: dropped ? [...fromPath, 'fileKeyRef'] : fromPath,
      target: 'key',
      messageId: dropped ? 'fileKeyRefDropped' : 'noSource',
      data: { ...data, version: context.version, error: error(NO_SOURCE) },
    });
  } else if (asString(variable.value)) {
    report({ path: fromPath, target: 'key', messageId: 'valueAndValueFrom', data: { ...data, error: error('may not be specified when `value` is not empty') } });
  } else if (sources.length > 1) {
    report({
      path: [...fromPath, sources[1]!],
      target: 'key',
      messageId: 'twoSources',
      data: { ...data, sources: sources.join(' and '), error: error('may not have more than one field specified at a time') },
    });
  }

  const fieldRef = asObject(valueFrom.fieldRef);
  if (fieldRef) checkFieldRef(context, fieldRef, [...fromPath, 'fieldRef'], name);
  const resourceFieldRef = asObject(valueFrom.resourceFieldRef);
  if (resourceFieldRef) {
    const resource = asString(resourceFieldRef.resource);
    const resourcePath = [...fromPath, 'resourceFieldRef', 'resource'];
    if (resource === '') {
      report({ path: resourcePath, messageId: 'required', data: { ...data, field: 'resourceFieldRef.resource', error: `${kubernetesPath(pod, resourcePath)}: Required value` } });
    } else if (resource !== undefined && !ENV_RESOURCES.includes(resource) && !/^(requests|limits)\.hugepages-/.test(resource)) {
      report({ path: resourcePath, messageId: 'resource', data: { ...data, resource, error: `${kubernetesPath(pod, resourcePath)}: ${unsupportedValue(resource, ENV_RESOURCES)}` } });
    }
  }
  for (const source of KEY_REFS) {
    const ref = asObject(valueFrom[source]);
    if (ref) checkKeyRef(context, ref, [...fromPath, source], source, name);
  }
}

function checkFieldRef(context: Context, fieldRef: JsonObject, path: Path, name: string): void {
  const { pod, report, who } = context;
  const data = { ...who, name };
  const fieldPath = asString(fieldRef.fieldPath);
  const fieldPathPath = [...path, 'fieldPath'];
  // An empty apiVersion is defaulted to v1.
  const apiVersion = asString(fieldRef.apiVersion) || 'v1';
  if (fieldPath === undefined) return; // a schema finding
  if (fieldPath === '') {
    report({ path: fieldPathPath, messageId: 'required', data: { ...data, field: 'fieldRef.fieldPath', error: `${kubernetesPath(pod, fieldPathPath)}: Required value` } });
    return;
  }
  const conversion = (detail: string) => `${kubernetesPath(pod, fieldPathPath)}: ${invalidValue(fieldPath, `error converting fieldPath: ${detail}`)}`;
  if (apiVersion !== 'v1') {
    report({ path: [...path, 'apiVersion'], messageId: 'fieldRefApiVersion', data: { ...data, apiVersion, error: conversion(`unsupported pod version: ${apiVersion}`) } });
    return;
  }
  const subscripted = splitSubscript(fieldPath);
  if (subscripted) {
    if (subscripted.path !== 'metadata.annotations' && subscripted.path !== 'metadata.labels') {
      report({ path: fieldPathPath, messageId: 'fieldPath', data: { ...data, fieldPath, error: conversion(`field label does not support subscript: ${fieldPath}`) } });
      return;
    }
    // Annotation keys are compared in lower case.
    const key = subscripted.path === 'metadata.annotations' ? subscripted.key.toLowerCase() : subscripted.key;
    const errors = qualifiedNameErrors(key);
    if (errors.length > 0) report({ path: fieldPathPath, messageId: 'fieldPathKey', data: { ...data, fieldPath, error: invalid(pod, path, key, errors) } });
    return;
  }
  // Old clients' spec.host is converted to spec.nodeName.
  const converted = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  if (!CONVERTIBLE_FIELD_PATHS.has(converted)) {
    report({ path: fieldPathPath, messageId: 'fieldPath', data: { ...data, fieldPath, error: conversion(`field label not supported: ${fieldPath}`) } });
  } else if (!ENV_FIELD_PATHS.includes(converted)) {
    report({ path: fieldPathPath, messageId: 'fieldPath', data: { ...data, fieldPath, error: `${kubernetesPath(pod, fieldPathPath)}: ${unsupportedValue(converted, ENV_FIELD_PATHS)}` } });
  }
}

function checkKeyRef(context: Context, ref: JsonObject, path: Path, source: (typeof KEY_REFS)[number], name: string): void {
  const { pod, report, who } = context;
  const data = { ...who, name };
  // The name is optional in the schema, but the API server checks it as an object name, empty or
  // not; a name that is not a string is a schema finding.
  const refName = ref.name === undefined ? '' : asString(ref.name);
  const nameErrors = refName === undefined ? [] : dns1123SubdomainErrors(refName);
  if (refName !== undefined && nameErrors.length > 0) {
    const namePath = [...path, 'name'];
    report({
      path: ref.name === undefined ? path : namePath,
      target: ref.name === undefined ? 'key' : 'value',
      messageId: refName === '' ? 'refNameMissing' : 'refName',
      data: { ...data, source, refName, error: invalid(pod, namePath, refName, nameErrors) },
    });
  }
  const key = asString(ref.key);
  const keyPath = [...path, 'key'];
  if (key === '') {
    report({ path: keyPath, messageId: 'required', data: { ...data, field: `${source}.key`, error: `${kubernetesPath(pod, keyPath)}: Required value` } });
  } else if (key !== undefined) {
    const errors = configMapKeyErrors(key);
    if (errors.length > 0) report({ path: keyPath, messageId: 'key', data: { ...data, key, error: invalid(pod, keyPath, key, errors) } });
  }
}

function checkEnvFrom(context: Context, source: JsonObject, index: number): void {
  const { pod, report, who, container } = context;
  const path = [...container.path, 'envFrom', index];
  const prefix = asString(source.prefix);
  if (prefix) {
    const errors = nameErrors(context.version, prefix);
    const prefixPath = [...path, 'prefix'];
    if (errors.length > 0) report({ path: prefixPath, messageId: 'prefix', data: { ...who, name: prefix, ...nameRule(context.version), error: invalid(pod, prefixPath, prefix, errors) } });
  }
  const refs = (['configMapRef', 'secretRef'] as const).filter((ref) => asObject(source[ref]));
  // These two errors name the envFrom list, not the entry.
  const listPath = [...container.path, 'envFrom'];
  const error = (text: string) => `${kubernetesPath(pod, listPath)}: ${invalidValue('', text)}`;
  if (refs.length === 0) {
    report({ path, messageId: 'envFromNoSource', data: { ...who, error: error('must specify one of: `configMapRef` or `secretRef`') } });
  } else if (refs.length > 1) {
    report({ path: [...path, 'secretRef'], target: 'key', messageId: 'envFromTwoSources', data: { ...who, error: error('may not have more than one field specified at a time') } });
  }
  for (const ref of refs) {
    const namePath = [...path, ref, 'name'];
    if (asString(asObject(source[ref])?.name) === '' || asObject(source[ref])?.name === undefined) {
      report({
        path: namePath,
        messageId: 'envFromName',
        data: { ...who, source: ref, error: `${kubernetesPath(pod, namePath)}: Required value` },
      });
    }
  }
}

function nameErrors(version: string, name: string): string[] {
  return relaxedEnvironmentVariableNames(version) ? relaxedEnvVarNameErrors(name) : envVarNameErrors(name);
}

function nameRule(version: string): { version: string; rule: string } {
  return {
    version,
    rule: relaxedEnvironmentVariableNames(version)
      ? 'printable ASCII characters other than "="'
      : 'letters, digits, "_", "-" and ".", not starting with a digit',
  };
}

function invalid(pod: PodView, path: Path, value: string, errors: readonly string[]): string {
  return errorList(errors.map((detail) => `${kubernetesPath(pod, path)}: ${invalidValue(value, detail)}`));
}

/** `fieldpath.SplitMaybeSubscriptedPath`: `metadata.labels['app']` → path and key. */
function splitSubscript(fieldPath: string): { path: string; key: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const inner = fieldPath.slice(0, -2);
  const open = inner.indexOf("['");
  if (open <= 0) return undefined;
  return { path: inner.slice(0, open), key: inner.slice(open + 2) };
}
