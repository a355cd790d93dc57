import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { listFiles } from '../fs/list-files.js';

/** What the build reads from `briefings/`. */
export interface Sources {
  /** Every Markdown file, sorted by path (so output order never depends on the disk). */
  readonly markdown: readonly VFile[];
  /** Every regular file (no symlinks, no hidden files): path relative to `briefings/` → absolute path. */
  readonly files: ReadonlyMap<string, string>;
}

/** The folder of a project that holds the source-language content. */
export const CONTENT_DIR = 'briefings';

/**
 * Read every Markdown file under `<root>/briefings`. Symlinks are skipped, so content can
 * never pull in a file from outside the project; hidden files and folders are ignored.
 */
export async function readSources(root: string): Promise<Sources> {
  const base = join(root, CONTENT_DIR);
  const files = await listFiles(base);
  const markdown = await Promise.all(
    files
      .filter((path) => path.endsWith('.md'))
      .map(async (path) => {
        const absolute = join(base, path);
        return new VFile({ path: absolute, cwd: root, value: await readFile(absolute, 'utf8'), data: { sourcePath: path } });
      }),
  );
  return { markdown, files: new Map(files.map((path) => [path, join(base, path)])) };
}
