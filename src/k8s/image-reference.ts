/** An image reference split as container runtimes read it (distribution/reference grammar). */
export interface ImageReference {
  readonly text: string;
  /** Registry host with optional port, when the first component names one. */
  readonly registry: string | undefined;
  /** Repository path without registry, tag or digest. */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: string | undefined;
}

/**
 * Splits an image reference. The first path component is a registry only when a `/` follows
 * and it contains a `.` or a `:`, or is `localhost`; so in `registry.local:5000/app` the `:5000`
 * is a port, not a tag. A tag is a `:` in the last path component.
 */
export function parseImageReference(text: string): ImageReference {
  let rest = text.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon !== -1 && !rest.slice(colon).includes('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { text, registry, repository: rest, tag, digest };
}
