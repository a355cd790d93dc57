import { join } from 'node:path';
import { linkableFiles, listProjectFiles } from '../project/list.js';
import type { Sources } from '../model/sources.js';
import { readListedText } from '../project/read.js';

/** The folder of a project that holds the source-language content. */
export const CONTENT_DIR = 'briefings';

/**
 * Read every Markdown file under `<root>/briefings` through the project reader: links are
 * followed only while they stay inside the project; hidden files and folders are ignored.
 */
export async function readSources(root: string): Promise<Sources> {
  const base = join(root, CONTENT_DIR);
  const listing = await listProjectFiles(root, CONTENT_DIR, { report: (path) => path.endsWith('.md') });
  const markdown = await Promise.all(
    [...listing.files].filter(([path]) => path.endsWith('.md')).map(([path, real]) => readListedText(root, join(base, path), real, { sourcePath: path })),
  );
  return { markdown: [...markdown, ...listing.problems], files: linkableFiles(listing) };
}
