import { constants } from 'node:fs';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { VFile } from 'vfile';
import { isInside, shownPath } from '../paths/project-path.js';
import { danglingLink, locate, nearestExisting, realRoot } from './locate.js';
import { readBytes, SIZE_LIMITS } from './read.js';

// O_EXCL: fail if anything (even a dangling link) is already there; O_NOFOLLOW: never through a link.
const CREATE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Why briefkit may not write `target` (absolute, under `root`), or undefined if it may: a
 * link there that points nowhere or out of the project, or a folder on the way whose real path
 * leaves the project. A link whose target stays inside the project may be written through.
 */
export async function refuseWrite(root: string, target: string): Promise<string | undefined> {
  const dangling = await danglingLink(root, target);
  if (dangling) return `${dangling.reason}; briefkit does not write through it`;
  const existing = await nearestExisting(target);
  const found = await locate(root, existing);
  if (found.kind === 'refused') return `${found.refusal.reason}; briefkit does not write there`;
  if (found.kind === 'missing' || !isInside(await realRoot(root), found.real))
    return `${shownPath(root, target)} is outside the project; briefkit does not write there`;
  return undefined;
}

/** Why briefkit may not create `target` as a new file: it exists, or `refuseWrite` says why. */
export async function refuseCreate(root: string, target: string): Promise<string | undefined> {
  const refusal = await refuseWrite(root, target);
  if (refusal) return refusal;
  return (await lstat(target).then(
    () => true,
    () => false,
  ))
    ? `${shownPath(root, target)} already exists`
    : undefined;
}

/**
 * Create a new file of the project (and its folders). Refuses, with the reason, a target that
 * exists or that a link would take out of the project; the file is opened so that it can only
 * be created, never written through a link planted meanwhile.
 */
export async function createProjectFile(root: string, target: string, text: string): Promise<string | undefined> {
  const refusal = await refuseCreate(root, target);
  if (refusal) return refusal;
  await mkdir(dirname(target), { recursive: true });
  const again = await refuseWrite(root, dirname(target));
  if (again) return again;
  let handle;
  try {
    handle = await open(target, CREATE, 0o666);
  } catch (reason) {
    if ((reason as NodeJS.ErrnoException).code === 'EEXIST' || (reason as NodeJS.ErrnoException).code === 'ELOOP')
      return `${shownPath(root, target)} already exists (or became a link); nothing was written`;
    throw reason;
  }
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
  return undefined;
}

/**
 * Change a text file of the project in place: `edit` gets its text (BOM dropped, line endings
 * as in the file) and returns the new text, which is written with the file's BOM kept, into a
 * new file beside the real one and renamed over it (a reader never sees half a file, and no
 * link is written through). Returns why it refused, or undefined.
 */
export async function editProjectFile(root: string, target: string, edit: (text: string) => string): Promise<string | undefined> {
  const found = await locate(root, target);
  if (found.kind === 'refused') return `${found.refusal.reason}; briefkit does not write through it`;
  if (found.kind !== 'file') return `${shownPath(root, target)} is not a file`;
  const file = new VFile({ path: target, cwd: root });
  const decoded = await readBytes(found.real, SIZE_LIMITS['.md']!, file);
  if ('problem' in decoded) return `${shownPath(root, target)}: ${decoded.problem.reason}`;
  const updated = edit(decoded.text);
  if (updated === decoded.text) return undefined;
  const mode = (await lstat(found.real)).mode & 0o7777;
  const temporary = `${found.real}.briefkit-tmp-${process.pid}`;
  try {
    const handle = await open(temporary, CREATE, mode);
    try {
      await handle.writeFile(decoded.bom ? `\uFEFF${updated}` : updated);
    } finally {
      await handle.close();
    }
    await rename(temporary, found.real);
  } catch (reason) {
    await rm(temporary, { force: true });
    throw reason;
  }
  return undefined;
}
