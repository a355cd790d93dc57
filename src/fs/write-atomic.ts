import { constants } from 'node:fs';
import { copyFile, link, lstat, mkdir, readFile, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../model/output-file.js';
import { isInside } from '../paths/project-path.js';
import { resolveInside } from '../paths/urls.js';
import { swapPaths } from './recover-output.js';
import { removeTree } from './remove-tree.js';
import { uninterruptible } from './signals.js';

/** The file briefkit leaves in every output folder, so it only ever replaces its own output. */
export const OUTPUT_MARKER = '.briefkit-output';

/** What the marker says to someone who finds it. */
export const MARKER_TEXT = 'Written by briefkit build. Each build replaces what it builds in this folder.\n';

/**
 * Write the whole site into a temporary folder beside `outDir`, then swap it in. A build
 * that fails part-way leaves the previous output exactly as it was. A file the previous
 * output has with the same bytes is hard-linked from it instead of written, so only files
 * that changed get a new time (what a sync to a server or a live preview looks at). `keep` names entries of
 * the previous output (e.g. other editions' folders) to carry into the new one. Paths must
 * stay inside the output folder (anything else is a bug upstream, and throws).
 *
 * Node has no atomic exchange of two folders, so the swap is two renames: the folder is
 * marked complete (tmp → new) only after its last file, then old → aside, new → in place.
 * Signals wait for the swap (signals.ts); a SIGKILL between the renames is repaired by the
 * next build (recoverOutput), which puts the complete new folder in place.
 */
export async function writeAtomic(outDir: string, files: readonly OutputFile[], keep: readonly string[] = []): Promise<void> {
  const { temporary, complete, previous } = swapPaths(outDir);
  await rm(temporary, { recursive: true, force: true });
  await rm(complete, { recursive: true, force: true });
  try {
    await mkdir(temporary, { recursive: true });
    for (const name of keep) await carryOver(join(outDir, name), join(temporary, name));
    if (!files.some((file) => file.path === OUTPUT_MARKER) && !keep.includes(OUTPUT_MARKER)) await writeFile(join(temporary, OUTPUT_MARKER), MARKER_TEXT);
    const targets = files.map((file) => join(temporary, insideOutput(file.path)));
    const folders = new Map<string, Promise<unknown>>();
    const folder = (path: string) => {
      let made = folders.get(path);
      if (!made) folders.set(path, (made = mkdir(path, { recursive: true })));
      return made;
    };
    // Several files at once: thousands of small writes one after another wait on the disk in turn.
    await inBatches(files.length, WRITING_AT_ONCE, async (index) => {
      const file = files[index]!;
      const target = targets[index]!;
      await folder(dirname(target));
      // A file the previous output already has, byte for byte, is linked, not written: it keeps its time.
      if (await sameAsBefore(file, join(outDir, insideOutput(file.path)))) {
        const linked = await link(join(outDir, insideOutput(file.path)), target).then(
          () => true,
          () => false,
        );
        if (linked) return;
      }
      await ('copyFrom' in file ? copyFile(file.copyFrom, target) : writeFile(target, file.content));
    });
    await rename(temporary, complete);
  } catch (reason) {
    // The first cause is what the user must hear: a failing clean-up must not replace it.
    await rm(temporary, { recursive: true, force: true }).catch(() => undefined);
    throw reason;
  }
  await uninterruptible(async () => {
    const hadPrevious = await rename(outDir, previous)
      .then(
        () => true,
        (reason: NodeJS.ErrnoException) => {
          if (reason.code === 'ENOENT') return false;
          return Promise.reject(reason);
        },
      )
      .catch(async (reason: unknown) => {
        await rm(complete, { recursive: true, force: true });
        throw reason;
      });
    // Tests stop the build at the worst instant, between the renames, as a kill would.
    const signal = process.env.BRIEFKIT_TEST_SIGNAL_IN_SWAP;
    if (signal) process.kill(process.pid, signal);
    try {
      await rename(complete, outDir);
    } catch (reason) {
      if (hadPrevious) await rename(previous, outDir);
      await rm(complete, { recursive: true, force: true });
      throw reason;
    }
    // Still uninterrupted, so a Ctrl-C here leaves no old copy behind either. The new site
    // is in place: an old copy that cannot be removed is a leftover for the next build, not a failure.
    await removeTree(previous).catch(() => undefined);
  });
}

/**
 * Write some files into an existing output folder (`briefkit pdf`), each one atomically:
 * written beside its place, then renamed over it, so a reader never sees half a PDF.
 */
export async function writeFilesInto(outDir: string, files: readonly OutputFile[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  // An existing marker names the editions here: keep it.
  await writeFile(join(outDir, OUTPUT_MARKER), MARKER_TEXT, { flag: 'wx' }).catch((reason: NodeJS.ErrnoException) =>
    reason.code === 'EEXIST' ? undefined : Promise.reject(reason),
  );
  const realOut = await realpath(outDir);
  for (const file of files) {
    const target = join(outDir, insideOutput(file.path));
    await mkdir(dirname(target), { recursive: true });
    // A folder of the existing output may be a link planted there: never write through it.
    const realFolder = await realpath(dirname(target));
    if (!isInside(realOut, realFolder)) {
      throw Object.assign(new Error(`${dirname(target)} leads out of the output folder`), { code: 'ELINKOUT', syscall: 'write', path: dirname(target) });
    }
    const temporary = `${target}.briefkit-tmp-${process.pid}`;
    // Left by a killed run (or planted): removed, then created anew, never written through.
    await rm(temporary, { force: true });
    if ('copyFrom' in file) await copyFile(file.copyFrom, temporary, constants.COPYFILE_EXCL);
    else await writeFile(temporary, file.content, { flag: 'wx' });
    await rename(temporary, target);
  }
}

/**
 * Copy a file or folder of the previous output into the new one: hard links where the file
 * system allows (the old output stays whole until the swap, and nothing is written twice),
 * copies where it does not. Links inside the output are not followed.
 */
async function carryOver(from: string, to: string): Promise<void> {
  const info = await lstat(from);
  if (info.isFile()) {
    await link(from, to).catch(() => copyFile(from, to));
    return;
  }
  if (!info.isDirectory()) return;
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) await carryOver(join(from, name), join(to, name));
}

/** Remove files a build no longer makes from an existing output folder (a search index's old parts). */
export async function removeFilesFrom(outDir: string, paths: readonly string[]): Promise<void> {
  const realOut = await realpath(outDir);
  await Promise.all(
    paths.map(async (path) => {
      const target = join(outDir, insideOutput(path));
      // Never through a folder of the output that is a link planted there.
      const realFolder = await realpath(dirname(target)).catch(() => undefined);
      if (realFolder !== undefined && isInside(realOut, realFolder)) await rm(target, { force: true });
    }),
  );
}

/** An output path, if it stays inside the output folder (anything else is a bug upstream, and throws). */
function insideOutput(path: string): string {
  const safe = resolveInside('x', path);
  if (safe === undefined || safe === '' || safe !== path) throw new Error(`Refusing to write outside the output folder: ${path}`);
  return safe;
}

/** How many files are written at once. */
const WRITING_AT_ONCE = 32;

/**
 * Run `task` for 0 … count-1, at most `width` at a time. After a failure no new task starts,
 * and the first failure is thrown only when every running task has ended: a clean-up must
 * never race writes still under way (issue 27: it failed with "folder is not empty" and hid
 * the cause).
 */
async function inBatches(count: number, width: number, task: (index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failure: { readonly reason: unknown } | undefined;
  const lane = async () => {
    while (next < count && !failure) {
      try {
        await task(next++);
      } catch (reason) {
        failure ??= { reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
  if (failure) throw failure.reason;
}

/** Whether the previous output has this file with exactly these bytes (a plain file, not a link). */
export async function sameAsBefore(file: OutputFile, previous: string): Promise<boolean> {
  const before = await lstat(previous).catch(() => undefined);
  if (!before?.isFile()) return false;
  const bytes =
    'copyFrom' in file ? await readFile(file.copyFrom).catch(() => undefined) : typeof file.content === 'string' ? Buffer.from(file.content) : file.content;
  if (!bytes || bytes.byteLength !== before.size) return false;
  const old = await readFile(previous).catch(() => undefined);
  return old !== undefined && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(old);
}
