import { copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../site.js';
import { resolveInside } from '../paths/urls.js';

/** The file briefkit leaves in every output folder, so it only ever replaces its own output. */
export const OUTPUT_MARKER = '.briefkit-output';

/**
 * Write the whole site into a temporary folder beside `outDir`, then swap it in. A build
 * that fails part-way leaves the previous output exactly as it was. Paths must stay inside
 * the output folder (anything else is a bug upstream, and throws).
 */
export async function writeAtomic(outDir: string, files: readonly OutputFile[]): Promise<void> {
  const temporary = `${outDir}.briefkit-tmp-${process.pid}`;
  const previous = `${outDir}.briefkit-old-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  try {
    await mkdir(temporary, { recursive: true });
    await writeFile(join(temporary, OUTPUT_MARKER), 'Written by briefkit build. The whole folder is replaced on each build.\n');
    const folders = new Set<string>();
    for (const file of files) {
      const target = join(temporary, insideOutput(file.path));
      const folder = dirname(target);
      if (!folders.has(folder)) {
        await mkdir(folder, { recursive: true });
        folders.add(folder);
      }
      if ('copyFrom' in file) await copyFile(file.copyFrom, target);
      else await writeFile(target, file.content);
    }
  } catch (reason) {
    await rm(temporary, { recursive: true, force: true });
    throw reason;
  }
  const hadPrevious = await rename(outDir, previous).then(
    () => true,
    (reason: NodeJS.ErrnoException) => {
      if (reason.code === 'ENOENT') return false;
      throw reason;
    },
  );
  try {
    await rename(temporary, outDir);
  } catch (reason) {
    if (hadPrevious) await rename(previous, outDir);
    throw reason;
  }
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
}

/**
 * Write some files into an existing output folder (`briefkit pdf`), each one atomically:
 * written beside its place, then renamed over it, so a reader never sees half a PDF.
 */
export async function writeFilesInto(outDir: string, files: readonly OutputFile[]): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, OUTPUT_MARKER), 'Written by briefkit build. The whole folder is replaced on each build.\n');
  for (const file of files) {
    const target = join(outDir, insideOutput(file.path));
    await mkdir(dirname(target), { recursive: true });
    const temporary = `${target}.briefkit-tmp-${process.pid}`;
    if ('copyFrom' in file) await copyFile(file.copyFrom, temporary);
    else await writeFile(temporary, file.content);
    await rename(temporary, target);
  }
}

/** An output path, if it stays inside the output folder (anything else is a bug upstream, and throws). */
function insideOutput(path: string): string {
  const safe = resolveInside('x', path);
  if (safe === undefined || safe === '' || safe !== path) throw new Error(`Refusing to write outside the output folder: ${path}`);
  return safe;
}
