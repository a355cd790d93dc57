import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * Every regular file under a folder, as sorted paths relative to it with forward slashes.
 * Symlinks are left out (content can never pull in a file from outside the project), and so
 * are hidden files and folders. A folder that does not exist has no files.
 */
export async function listFiles(base: string): Promise<string[]> {
  const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch((reason: NodeJS.ErrnoException) => {
    if (reason.code === 'ENOENT') return [];
    throw reason;
  });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(base, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}
