import { isObject } from './json.js';

// A path into an object, as rules report it: keys and array indices.
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** Formats a path the way Kubernetes prints field paths: `spec.containers[0].image`. */
export function formatPath(path: Path): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${segment}]`; // map keys as Kubernetes prints them: limits[nvidia.com/gpu]
  }
  return text;
}

/** Reads a value at a path of keys and indices; undefined when any step is missing. */
export function valueAt(root: unknown, path: Path): unknown {
  let value: unknown = root;
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined;
    else value = isObject(value) ? value[segment] : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

/**
 * A JSON pointer (as ajv's errors give `instancePath`) into `root`, as a path: a segment is a
 * number where the data holds a list at that point, a key everywhere else.
 */
export function pointerToPath(pointer: string, root: unknown): PathSegment[] {
  if (pointer === '') return [];
  const path: PathSegment[] = [];
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      const index = Number(key);
      path.push(index);
      node = node[index];
    } else {
      path.push(key);
      node = isObject(node) ? node[key] : undefined;
    }
  }
  return path;
}
