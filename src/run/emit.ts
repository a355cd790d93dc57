import { VFile } from 'vfile';
import type { OutputFile } from '../model/output-file.js';
import { Output } from '../output/output.js';
import { formatRuns } from '../output/format.js';
import type { Emitting, OutputFormat } from '../output/format.js';
import { printEditions } from '../stages/print-editions.js';
import { renderSomePages } from '../stages/render-editions.js';
import { timing } from '../timing.js';
import { contentHasErrors } from './content-errors.js';
import type { Emitted, Made, Project } from './types.js';

/**
 * The third phase: the files to write, made by the output formats (formats/index.ts). First
 * what they print (PDFs, slides, link-preview cards), with one browser; then each format's
 * own files in the list's order (the web pages, then the search index of those pages).
 * Nothing is made when the content has an error (its problems are the result); a PDF that
 * failed to print fails the run but the website is still made.
 */
export async function emit(formats: readonly OutputFormat[], project: Project, made: Made): Promise<Emitted> {
  const { options } = project;
  const running = formats.filter((format) => formatRuns(format, options));
  const emitting: Emitting = {
    output: new Output(),
    formats,
    pdfs: new Map(),
    printing: new VFile({ path: options.outDir, cwd: options.root }),
    reprinted: 0,
    landing: new Map(),
    search: new Map(),
  };
  const { output, pdfs, printing, search } = emitting;
  if (contentHasErrors(project)) return { output, pdfs, reprinted: 0, printing, search };
  for (const format of running) format.begin?.(project, made, emitting);
  const printers = running.filter((format) => format.printJobs);
  if (printers.length > 0) {
    const started = performance.now();
    const printed = await printEditions(project, made, printers, emitting.printing);
    for (const file of printed.files) emitting.output.add(file, 'a PDF', emitting.printing);
    for (const [path, info] of printed.pdfs) emitting.pdfs.set(path, info);
    emitting.reprinted = printed.reprinted;
    timing('print', started);
  }
  for (const format of running) {
    if (!format.emit) continue;
    const started = performance.now();
    await format.emit(project, made, emitting);
    timing(`emit ${format.name}`, started);
  }
  return { output, pdfs, reprinted: emitting.reprinted, printing, search };
}

/**
 * The web pages of some source pages only (in every edition and language). Gives every file
 * of the run as it now is (the search index as it was: see search/search-again.ts), and the
 * files that changed (to write).
 */
export async function emitSome(
  formats: readonly OutputFormat[],
  project: Project,
  made: Made,
  only: ReadonlySet<string>,
  before: Emitted,
): Promise<{ readonly emitted: Emitted; readonly changed: readonly OutputFile[] }> {
  const fresh = new Output();
  await renderSomePages(project, made, before.pdfs, formats, only, fresh);
  const replaced = new Map(fresh.files.map((file) => [file.path, file]));
  // In the order of the run (the search index numbers pages in the order they come).
  const output = new Output();
  for (const file of before.output.files) output.add(replaced.get(file.path) ?? file, 'the site', project.run);
  const kept = new Set(before.output.files.map((file) => file.path));
  for (const file of fresh.files) if (!kept.has(file.path)) output.add(file, 'the site', project.run);
  return { emitted: { ...before, output, search: new Map(before.search) }, changed: fresh.files };
}
