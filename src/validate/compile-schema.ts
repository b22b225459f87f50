// What the build step (scripts/schemas/compile-validators.ts) and the run-time fallback share:
// the schema as compiled, and the two keywords of our own. Only types are imported from ajv
// here, so loading this module does not load ajv; callers pass ajv's pieces in.
import type { Ajv, KeywordCxt, _ as Codegen } from 'ajv';
import type { callRef as CallRef } from 'ajv/dist/vocabularies/core/ref.js';

type Schema = { [key: string]: unknown };

/** ajv's code generation helpers, as the caller loaded them. */
export interface AjvCodegen {
  readonly _: typeof Codegen;
  readonly callRef: typeof CallRef;
}

export const REF_PREFIX = '#/definitions/';

/** The ajv options of every compiled validator: podlint writes its own messages. */
export const AJV_OPTIONS = {
  allErrors: true,
  strict: false,
  allowUnionTypes: true,
  validateFormats: false,
  messages: false,
} as const;

/**
 * Adds `x-podlint-ref` (a `$ref` compiled as a call into the named definition's validator, which
 * `validatorOf` gives at run time and `load(name)` in standalone code) and `x-podlint-list-map`
 * (list-map entries with the same keys, reported at the later entry with its list's name).
 */
export function addPodlintKeywords(ajv: Ajv, { _, callRef }: AjvCodegen, validatorOf: (definition: string) => unknown): void {
  ajv.addKeyword({
    keyword: 'x-podlint-ref',
    schemaType: 'string',
    code(cxt: KeywordCxt) {
      const name = cxt.schema as string;
      const validator = cxt.gen.scopeValue('func', { key: name, ref: validatorOf(name), code: _`load(${name})` });
      callRef(cxt, validator);
    },
  });
  ajv.addKeyword({
    keyword: 'x-podlint-list-map',
    type: 'array',
    schemaType: 'object',
    error: {
      message: 'duplicate list-map entry',
      params: ({ params }) => _`{list: ${params.list}, keys: ${params.keys}, first: ${params.first}, index: ${params.index}}`,
    },
    code(cxt: KeywordCxt) {
      const { gen, data } = cxt;
      const { keys, list } = cxt.schema as { keys: string[]; list: string };
      const seen = gen.const('seen', _`new Map()`);
      gen.forRange('i', 0, _`${data}.length`, (i) => {
        const item = gen.const('item', _`${data}[${i}]`);
        gen.if(_`${item} && typeof ${item} == "object" && !Array.isArray(${item})`, () => {
          // Kubernetes defaults a missing protocol to TCP before it compares entries.
          const values = keys.map((key) => (key === 'protocol' ? _`(${item}[${key}] || "TCP")` : _`${item}[${key}]`));
          // An entry that lacks a key is a required-field error, not a duplicate.
          const complete = keys.map((key) => (key === 'protocol' ? _`true` : _`${item}[${key}] !== undefined`)).reduce((a, b) => _`${a} && ${b}`);
          gen.if(complete, () => {
            const key = gen.const('key', _`JSON.stringify([${values.reduce((a, b) => _`${a}, ${b}`)}])`);
            const first = gen.const('first', _`${seen}.get(${key})`);
            gen.if(
              _`${first} === undefined`,
              () => gen.code(_`${seen}.set(${key}, ${i})`),
              () => {
                // The error points at the later entry: its index as a JSON pointer segment.
                const segment = gen.const('segment', _`String(${i})`);
                cxt.error(false, { list: _`${list}`, keys: _`${JSON.stringify(keys)}`, first, index: i }, { instancePath: segment });
              },
            );
          });
        });
      });
    },
  });
}

/**
 * A definition as compiled: `$ref`s become calls into the referenced definition's validator, and
 * list-map keys become the duplicate check, which names its list for the report.
 */
export function forCompilation(schema: Schema, definition: string): Schema {
  const rewrite = (node: Schema, property: string | undefined): Schema => {
    if (typeof node.$ref === 'string') return { 'x-podlint-ref': node.$ref.slice(REF_PREFIX.length) };
    const out: Schema = { ...node };
    if (isSchema(node.properties)) {
      const properties: Schema = {};
      for (const [key, value] of Object.entries(node.properties)) properties[key] = rewrite(value as Schema, key);
      out.properties = properties;
    }
    if (isSchema(node.items)) out.items = rewrite(node.items, undefined);
    if (isSchema(node.additionalProperties)) out.additionalProperties = rewrite(node.additionalProperties, undefined);
    if (Array.isArray(node['x-kubernetes-list-map-keys']) && node['x-kubernetes-list-type'] === 'map') {
      out['x-podlint-list-map'] = { keys: node['x-kubernetes-list-map-keys'], list: `${definition}.${property ?? ''}` };
    }
    delete out['x-kubernetes-list-map-keys'];
    delete out['x-kubernetes-list-type'];
    delete out['x-kubernetes-group-version-kind'];
    return out;
  };
  return rewrite(schema, undefined);
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
