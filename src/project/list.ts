import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { locate } from './locate.js';
import type { ProjectFiles, Refusal } from '../model/project-files.js';
import { refusedFile } from './read.js';

/** The stage files take it from here until their rewrite (issue 30); it is a model type. */
export type { ProjectFiles } from '../model/project-files.js';

/** The files of one project folder. */
export interface Listing {
  /** Every file, sorted: path relative to the folder → real path (inside the project). */
  readonly files: ReadonlyMap<string, string>;
  /** Links briefkit refuses, by path relative to the folder (`''` for the folder itself). */
  readonly refused: ReadonlyMap<string, Refusal>;
  /** The refused links the caller asked to report, as files carrying the reason. */
  readonly problems: readonly VFile[];
}

/** What to list. */
export interface ListOptions {
  /** Descend into sub-folders (default: yes). */
  readonly recursive?: boolean;
  /** Which refused files to report now (a refused folder always is, when listing recursively); the rest are reported where used. */
  readonly report?: (path: string) => boolean;
}

/**
 * Every file under `root/dir` (hidden ones left out). A symbolic link is followed while its
 * real path stays inside the project; one that leaves it, points nowhere or loops is refused
 * and named, never silently skipped, and nothing behind it is read.
 */
export async function listProjectFiles(root: string, dir: string, options: ListOptions = {}): Promise<Listing> {
  const base = join(root, dir);
  const files = new Map<string, string>();
  const refused = new Map<string, Refusal>();
  const problems: VFile[] = [];
  const refuse = async (path: string, refusal: Refusal) => {
    refused.set(path, refusal);
    // Only the link's own metadata: whether what it points to is a folder (which may hold pages).
    const folder =
      options.recursive !== false &&
      (await stat(join(base, path)).then(
        (stats) => stats.isDirectory(),
        () => false,
      ));
    if (path === '' || folder || options.report?.(path)) problems.push(refusedFile(root, join(base, path), refusal));
  };
  const top = await locate(root, base);
  if (top.kind === 'refused') await refuse('', top.refusal);
  if (top.kind !== 'folder') return { files, refused, problems };
  const seen = new Set<string>();
  const walk = async (real: string, relativeDir: string): Promise<void> => {
    // A link back to a folder being listed would otherwise list forever.
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(real, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isFile()) files.set(path, join(real, entry.name));
      else if (entry.isDirectory()) {
        if (options.recursive !== false) await walk(join(real, entry.name), path);
      } else {
        const found = await locate(root, join(base, path));
        if (found.kind === 'refused') await refuse(path, found.refusal);
        else if (found.kind === 'file') files.set(path, found.real);
        else if (found.kind === 'folder' && options.recursive !== false) await walk(found.real, path);
      }
    }
  };
  await walk(top.real, '');
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), refused, problems };
}

/** Why a path (or a folder it is in) is a refused link, if it is one. */
export function refusalOf(files: ProjectFiles, path: string): Refusal | undefined {
  const parts = path.split('/');
  for (let length = parts.length; length >= 0; length--) {
    const entry = files.get(parts.slice(0, length).join('/'));
    if (entry !== undefined && typeof entry !== 'string') return entry;
  }
  return undefined;
}

/** A listing as the map a page's links are checked against: files and refused links together. */
export function linkableFiles(listing: Listing): ProjectFiles {
  return new Map<string, string | Refusal>([...listing.refused, ...listing.files]);
}
