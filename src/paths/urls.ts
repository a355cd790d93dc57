import { posix } from 'node:path';

/**
 * The relative URL from one output file to another (both relative to the same folder),
 * e.g. from `case-studies/a/index.html` to `about/index.html` → `../../about/index.html`.
 * Always names the file, so links work from `file://` where folders have no index page.
 */
export function relativeUrl(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to);
  return encodeURI(relative || posix.basename(to));
}

/**
 * The address on the web of a file of the site: `base_url` (ending in `/`) and the file's
 * path from the site's root, each folder and file name percent-encoded.
 */
export function webAddress(baseUrl: string, path: string): string {
  return `${baseUrl}${path.split('/').map(encodeURIComponent).join('/')}`;
}

/** The prefix that leads from an output file back to the folder its path is relative to (`../../`). */
export function rootPrefix(from: string): string {
  const depth = from.split('/').length - 1;
  return '../'.repeat(depth);
}

/**
 * Resolve a relative reference from a file under a base folder; undefined when the result
 * would leave that folder (`../../etc/passwd`).
 */
export function resolveInside(fromFile: string, reference: string): string | undefined {
  const joined = posix.normalize(posix.join(posix.dirname(fromFile), reference));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return undefined;
  return joined === '.' ? '' : joined;
}
