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
