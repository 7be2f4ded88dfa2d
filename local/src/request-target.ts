/** A request target that is not a plain path (`//host/...`, `*`, `http://...`) or not a URL. */
export class MalformedRequestTarget extends Error {
  override name = 'MalformedRequestTarget';
}

/**
 * The path and query of an origin-form request target. A target that starts with `//` would be
 * read by URL parsers as a host name, so it is refused rather than routed by whatever follows.
 */
export const parseRequestTarget = (target: string) => {
  if (!target.startsWith('/') || target.startsWith('//')) {
    throw new MalformedRequestTarget(`not a path: ${target.slice(0, 100)}`);
  }
  try {
    return new URL(target, 'http://local');
  } catch {
    throw new MalformedRequestTarget(`not a valid request target: ${target.slice(0, 100)}`);
  }
};
