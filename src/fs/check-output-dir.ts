import { readdir, realpath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isInside, toProjectPath } from '../paths/project-path.js';
import { danglingLink, nearestExisting, realRoot } from '../project/locate.js';
import { OUTPUT_MARKER } from './write-atomic.js';

/** Project folders the output may never replace or live inside. */
const PROTECTED = ['briefings', 'translations', 'templates', 'countries', '.git', 'node_modules'];

/**
 * Why the output folder may not be used, or undefined if it may. briefkit replaces the whole
 * output folder on every build, so it refuses the project itself, any folder that contains
 * the project, the content folders, and any non-empty folder it did not create.
 */
export async function checkOutputDir(root: string, outDir: string): Promise<string | undefined> {
  const dangling = await danglingLink(root, outDir);
  if (dangling) return `The output folder ${outDir}: ${dangling.reason}`;
  // Checked as given and as it really is: a link named dist may lead into briefings/ or above the project.
  const [realOut, realProject] = [await realOrPlanned(outDir), await realRoot(root)];
  return (
    where(root, outDir) ??
    (realOut !== outDir || realProject !== root ? where(realProject, realOut, ` (the real path of ${outDir})`) : undefined) ??
    (await ownedByBriefkit(outDir))
  );
}

/** The real path a folder has, or will have once made under its nearest existing parent. */
async function realOrPlanned(path: string): Promise<string> {
  const existing = await nearestExisting(path);
  const real = await realpath(existing).catch(() => existing);
  return join(real, relative(existing, path));
}

function where(root: string, outDir: string, note = ''): string | undefined {
  if (isInside(outDir, root)) {
    return `The output folder ${outDir}${note} contains the project itself; briefkit replaces the whole output folder on each build`;
  }
  const first = toProjectPath(root, outDir)?.split('/')[0];
  if (first && PROTECTED.includes(first)) {
    return `The output folder ${outDir}${note} is inside the project's ${first}/ folder`;
  }
  return undefined;
}

async function ownedByBriefkit(outDir: string): Promise<string | undefined> {
  const entries = await readdir(outDir).catch((reason: NodeJS.ErrnoException) => {
    if (reason.code === 'ENOENT') return [];
    if (reason.code === 'ENOTDIR') return ['(a file)'];
    throw reason;
  });
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    return (
      `The output folder ${outDir} already holds files that briefkit did not write (there is no ${join(outDir, OUTPUT_MARKER)}); briefkit will not ` +
      `replace them`
    );
  }
  return undefined;
}
