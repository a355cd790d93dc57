import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Refusal } from '../model/project-files.js';
import { isInside, shownPath, toProjectPath } from '../paths/project-path.js';

/** What is at a path of the project, once every symbolic link on the way is resolved. */
export type Located =
  { readonly kind: 'file' | 'folder'; readonly real: string } | { readonly kind: 'missing' } | { readonly kind: 'refused'; readonly refusal: Refusal };

const OUTSIDE_HINT =
  'briefkit reads and writes only inside the project folder. Copy the file into the project instead of linking to it, or make the ' +
  'link point inside the project.';

/** The real path of the project folder (itself perhaps reached through a link), the boundary of every read and write. */
export async function realRoot(root: string): Promise<string> {
  return realpath(root).catch(() => root);
}

/**
 * Resolve a path under `root` (which need not exist) to its real path. A path whose real path
 * leaves the project, that goes through a dangling or looping link, or that is neither a file
 * nor a folder (a FIFO would hang the build) is refused, naming the link to blame.
 */
export async function locate(root: string, path: string): Promise<Located> {
  const top = await realRoot(root);
  let real: string;
  try {
    real = await realpath(path);
  } catch (reason) {
    const code = (reason as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      return {
        kind: 'refused',
        refusal: {
          reason: `${shownPath(root, path)} is a symbolic link that leads back to itself`,
          rule: 'symlink-loop',
          hint: 'Remove the link, or make it point to a file.',
        },
      };
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw reason;
    const dangling = await danglingLink(root, path);
    return dangling ? { kind: 'refused', refusal: dangling } : { kind: 'missing' };
  }
  if (!isInside(top, real)) return { kind: 'refused', refusal: await outside(root, top, path, real) };
  const stats = await stat(real);
  if (stats.isFile()) return { kind: 'file', real };
  if (stats.isDirectory()) return { kind: 'folder', real };
  return {
    kind: 'refused',
    refusal: {
      reason: `${shownPath(root, path)} is not a regular file (a device, socket or pipe)`,
      rule: 'not-a-file',
      hint: 'Replace it by an ordinary file.',
    },
  };
}

/** The first link on the way from the project to `path` whose real path leaves the project. */
async function outside(root: string, top: string, path: string, real: string): Promise<Refusal> {
  for (const prefix of prefixes(root, path)) {
    const resolved = await realpath(prefix).catch(() => undefined);
    const isLink = (await lstat(prefix).catch(() => undefined))?.isSymbolicLink() === true;
    if (resolved !== undefined && !isInside(top, resolved) && isLink) {
      return { reason: `${shownPath(root, prefix)} is a symbolic link to ${resolved}, outside the project`, rule: 'symlink-outside', hint: OUTSIDE_HINT };
    }
  }
  // No link takes it out (a path above a folder that does not exist yet, say): blame none.
  return { reason: `${shownPath(root, path)} (${real}) is outside the project`, rule: 'symlink-outside', hint: OUTSIDE_HINT };
}

/** The first symbolic link on the way to `path` that points to nothing, if there is one. */
export async function danglingLink(root: string, path: string): Promise<Refusal | undefined> {
  for (const prefix of prefixes(root, path)) {
    const stats = await lstat(prefix).catch(() => undefined);
    if (!stats) return undefined;
    if (stats.isSymbolicLink() && (await realpath(prefix).catch(() => undefined)) === undefined) {
      const target = await readlink(prefix).catch(() => '?');
      return {
        reason: `${shownPath(root, prefix)} is a symbolic link to ${target}, which does not exist`,
        rule: 'symlink-dangling',
        hint: 'Fix the link or remove it; briefkit never reads or writes through a link that points nowhere.',
      };
    }
  }
  return undefined;
}

/** `root/a`, `root/a/b`, … up to `path` (just `path` if it is not under `root`). */
function prefixes(root: string, path: string): string[] {
  const rest = toProjectPath(root, path);
  if (!rest) return [path];
  const parts = rest.split('/');
  return parts.map((_, index) => join(root, ...parts.slice(0, index + 1)));
}

/** The nearest folder at or above `path` that exists (following links), for checking where a new file would land. */
export async function nearestExisting(path: string): Promise<string> {
  let current = path;
  while ((await lstat(current).catch(() => undefined)) === undefined) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}
