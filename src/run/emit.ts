import { VFile } from 'vfile';
import type { OutputFile } from '../model/output-file.js';
import { Output } from '../output/output.js';
import { indexSearch } from '../stages/index-search.js';
import { makesPdfs, printEditions } from '../stages/print-editions.js';
import { renderEditions, renderSomePages } from '../stages/render-editions.js';
import { timing } from '../timing.js';
import { contentHasErrors } from './content-errors.js';
import type { Emitted, Made, Project } from './types.js';

/**
 * The third phase: the files to write. PDFs (printed with one browser, or taken from shards),
 * then the web pages and each edition's site files, then the search index of those pages.
 * Nothing is printed or rendered when the content has an error (its problems are the
 * result); a PDF that failed to print fails the run but the website is still made.
 */
export async function emit(project: Project, made: Made): Promise<Emitted> {
  const { options } = project;
  const output = new Output();
  const sound = !contentHasErrors(project);
  let started = performance.now();
  const printed = makesPdfs(options) && sound ? await printEditions(project, made) : { files: [], pdfs: new Map(), reprinted: 0, printing: new VFile({ path: options.outDir, cwd: options.root }) };
  for (const file of printed.files) output.add(file, 'a PDF', printed.printing);
  timing('print the PDFs', started);
  if (!options.pdfOnly && sound) {
    started = performance.now();
    await renderEditions(project, made, printed.pdfs, output);
    timing('render the web pages', started);
    started = performance.now();
    for (const file of await indexSearch(project, output.files)) output.add(file, 'the search index', project.config.file);
    timing('index the search', started);
  }
  return { output, pdfs: printed.pdfs, reprinted: printed.reprinted, printing: printed.printing };
}

/**
 * The web pages of some source pages only (in every edition and language), and the search
 * index again, so it finds the new text. Gives every file of the run as it now is, and those
 * that changed (to write).
 */
export async function emitSome(project: Project, made: Made, only: ReadonlySet<string>, before: Emitted): Promise<{ readonly emitted: Emitted; readonly changed: readonly OutputFile[] }> {
  const fresh = new Output();
  await renderSomePages(project, made, before.pdfs, only, fresh);
  const replaced = new Set(fresh.files.map((file) => file.path));
  const index = (path: string) => project.editions.some((edition) => path.startsWith(`${edition.prefix}pagefind/`));
  const output = new Output();
  for (const file of before.output.files) if (!replaced.has(file.path) && !index(file.path)) output.add(file, 'the site', project.run);
  for (const file of fresh.files) output.add(file, 'the site', project.run);
  const search = before.output.files.some((file) => index(file.path)) ? await indexSearch(project, output.files) : [];
  for (const file of search) output.add(file, 'the search index', project.config.file);
  return { emitted: { ...before, output }, changed: [...fresh.files, ...search] };
}
