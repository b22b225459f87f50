import type { DocumentOptions, ParseOptions, SchemaOptions, Tags, ToJSOptions } from 'yaml';

// Kubernetes decodes manifests with sigs.k8s.io/yaml, which uses go-yaml v2: YAML 1.1 booleans
// (yes/no/on/off/y/n), octal 0755, binary 0b101, but no sexagesimal numbers (1:20 stays a string)
// and no timestamps when decoding into untyped JSON (a date stays a string). The yaml package's
// 1.1 schema has those two, so they are dropped. go-yaml also ignores !!omap, !!pairs and !!set
// (the collection stays a plain list or mapping) and decodes !!binary to a string itself, as
// kubernetes-json.ts does: the yaml package's versions of those four are dropped too.
const DROPPED_TAGS = new Set(['timestamp', 'omap', 'pairs', 'set', 'binary'].map((name) => `tag:yaml.org,2002:${name}`));

function kubernetesTags(tags: Tags): Tags {
  const kept = tags.filter((tag) => {
    if (typeof tag !== 'object' || tag === null) return true;
    const { tag: uri, format } = tag as { tag?: string; format?: string };
    return !DROPPED_TAGS.has(uri ?? '') && format !== 'TIME';
  });
  return [...kept, GO_PREFIXED_INT];
}

// go-yaml v2 strips underscores and hands a plain scalar to Go's strconv.ParseInt(s, 0, 64), which
// also reads the prefixes YAML 1.1 lacks: 0o17 and 0O17 (octal), 0X1F, 0B1, with a sign. The yaml
// package keeps those as strings; Kubernetes sees numbers. Out of int64 range (and uint64 for
// positive values) Go fails and the scalar stays a string.
const GO_PREFIXED_INT = {
  tag: 'tag:yaml.org,2002:int',
  format: 'GO',
  default: true,
  test: /^[-+]?0(?:[oO]_*[0-7][0-7_]*|[xX]_*[0-9a-fA-F][0-9a-fA-F_]*|[bB]_*[01][01_]*)$/,
  resolve(text: string): number | string {
    const sign = text.startsWith('-') ? -1n : 1n;
    const digits = text.replace(/^[-+]/, '').replace(/_/g, '').toLowerCase();
    const value = sign * BigInt(digits); // BigInt reads 0o, 0x and 0b itself
    const fits = value >= -(2n ** 63n) && (sign < 0n ? true : value < 2n ** 64n);
    return fits ? Number(value) : text;
  },
};

// These options shape the parsed nodes (positions, node values for editors and the source map).
// The JSON value of a document, the one rules see, comes from kubernetes-json.ts, which resolves
// scalars, keys, merges and duplicates the way go-yaml does.
export const KUBERNETES_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: kubernetesTags,
  // kubectl keeps the last of two equal keys (kubernetes-json.ts reports them as `duplicate-key`,
  // comparing keys as Kubernetes does: `1` and "1" are the same key, 1e6 and 1000000 are not).
  uniqueKeys: false,
  // `<<` is merged by kubernetes-json.ts in go-yaml's order; here it stays an ordinary key.
  merge: false,
};

/**
 * How YAML that is not a manifest becomes data with the yaml package's toJS (configuration files,
 * --schema-dir schemas, tests; manifests go through kubernetes-json.ts): alias expansion is
 * capped so a "billion laughs" document cannot exhaust memory.
 */
export const SAFE_TO_JS_OPTIONS: ToJSOptions = {
  maxAliasCount: 100,
};
