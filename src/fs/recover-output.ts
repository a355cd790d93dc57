import { readdir, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { processAlive } from './process-alive.js';
import { removeTree } from './remove-tree.js';

/**
 * The folders and files a build keeps beside its output folder while it works, each named
 * with its process id: `<out>.briefkit-tmp-<pid>` (being written), `<out>.briefkit-new-<pid>`
 * (complete, about to be swapped in), `<out>.briefkit-old-<pid>` (the previous output, moved
 * aside for the swap), and the lock's drafts.
 */
const LEFTOVER = /^\.briefkit-(tmp|new|old|lock-stale|lock)-(\d+)(?:-\d+)?$/;

/** The names writeAtomic uses for one build's folders beside `outDir`. */
export function swapPaths(outDir: string, pid = process.pid): { readonly temporary: string; readonly complete: string; readonly previous: string } {
  return { temporary: `${outDir}.briefkit-tmp-${pid}`, complete: `${outDir}.briefkit-new-${pid}`, previous: `${outDir}.briefkit-old-${pid}` };
}

/**
 * Finish or undo what a build that died (killed, power cut) left beside `outDir`: if the
 * output folder is missing because the build died between its two renames, put its complete
 * new site (or else the previous one) back in place; then remove every leftover of builds
 * that no longer run. Leftovers of running builds are left alone. Call it holding the lock.
 */
export async function recoverOutput(outDir: string): Promise<void> {
  const folder = dirname(outDir);
  const prefix = basename(outDir);
  const names = await readdir(folder).catch((reason: NodeJS.ErrnoException) => (reason.code === 'ENOENT' ? [] : Promise.reject(reason)));
  const dead = names.flatMap((name) => {
    const match = name.startsWith(prefix) ? LEFTOVER.exec(name.slice(prefix.length)) : null;
    return match && !processAlive(Number(match[2])) ? [{ kind: match[1]!, path: join(folder, name) }] : [];
  });
  if (dead.length === 0) return;
  const missing = await stat(outDir).then(
    () => false,
    (reason: NodeJS.ErrnoException) => (reason.code === 'ENOENT' ? true : Promise.reject(reason)),
  );
  if (missing) {
    // Only `new` folders are complete (renamed from `tmp` after the last file was written).
    const restore = dead.find((leftover) => leftover.kind === 'new') ?? dead.find((leftover) => leftover.kind === 'old');
    if (restore) {
      await rename(restore.path, outDir);
      dead.splice(dead.indexOf(restore), 1);
    }
  }
  // A leftover that cannot be removed is in nobody's way: it must not stop the build.
  await Promise.all(dead.map((leftover) => removeTree(leftover.path).catch(() => undefined)));
}
