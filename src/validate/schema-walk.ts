import type { Path } from '../path.js';

/** A JSON Schema node, as the walker reads it. */
export type SchemaNode = { readonly [key: string]: unknown };

/** Resolves a `$ref` to its node, or undefined when it points outside what the resolver knows. */
export type RefResolver = (ref: string) => SchemaNode | undefined;

/**
 * The schema of the value at a path, following properties, map values, list items, `$ref`s and
 * `allOf`. Only runs when a finding needs it (the fields an object allows, for a suggestion).
 */
export function schemaAt(root: SchemaNode, path: Path, resolve: RefResolver): SchemaNode | undefined {
  let node: SchemaNode | undefined = deref(root, resolve);
  for (const segment of path) {
    if (!node) return undefined;
    node = deref(childOf(node, segment, resolve), resolve);
  }
  return node;
}

/** The field names an object schema allows, or undefined when it is not a closed object. */
export function propertyNames(node: SchemaNode | undefined, resolve: RefResolver): string[] | undefined {
  const properties = objectProperties(node, resolve);
  return properties ? Object.keys(properties) : undefined;
}

function childOf(node: SchemaNode, segment: string | number, resolve: RefResolver): SchemaNode | undefined {
  if (typeof segment === 'number') return asNode(node.items);
  const properties = objectProperties(node, resolve);
  return asNode(properties?.[segment]) ?? asNode(node.additionalProperties);
}

function objectProperties(node: SchemaNode | undefined, resolve: RefResolver): Record<string, unknown> | undefined {
  const resolved = deref(node, resolve);
  if (!resolved) return undefined;
  if (isRecord(resolved.properties)) return resolved.properties;
  if (Array.isArray(resolved.allOf)) {
    for (const part of resolved.allOf) {
      const properties = objectProperties(asNode(part), resolve);
      if (properties) return properties;
    }
  }
  return undefined;
}

function deref(node: SchemaNode | undefined, resolve: RefResolver): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 32; hops++) current = resolve(current.$ref);
  if (current && Array.isArray(current.allOf) && current.allOf.length === 1 && !current.properties) {
    return deref(asNode(current.allOf[0]), resolve) ?? current;
  }
  return current;
}

function asNode(value: unknown): SchemaNode | undefined {
  return isRecord(value) ? value : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
