import type { DocumentOptions, ParseOptions, SchemaOptions, Tags, ToJSOptions } from 'yaml';

// Kubernetes decodes manifests with sigs.k8s.io/yaml, which uses go-yaml v2: YAML 1.1 booleans
// (yes/no/on/off/y/n), octal 0755, binary 0b101, but no sexagesimal numbers (1:20 stays a string)
// and no timestamps when decoding into untyped JSON (a date stays a string). The yaml package's
// 1.1 schema has those two, so they are dropped.
function kubernetesTags(tags: Tags): Tags {
  return tags.filter((tag) => {
    if (typeof tag !== 'object' || tag === null) return true;
    const { tag: uri, format } = tag as { tag?: string; format?: string };
    return uri !== 'tag:yaml.org,2002:timestamp' && format !== 'TIME';
  });
}

export const KUBERNETES_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: kubernetesTags,
  // Duplicate keys are still detected (error code DUPLICATE_KEY), and become podlint's own
  // `duplicate-key` finding: kubectl rejects them, but the rest of the document is still linted.
  uniqueKeys: true,
  merge: true,
};

export const KUBERNETES_TO_JS_OPTIONS: ToJSOptions = {
  // Alias expansion is capped so a "billion laughs" document cannot exhaust memory.
  maxAliasCount: 100,
};
