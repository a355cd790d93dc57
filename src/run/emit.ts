import { VFile } from 'vfile';
import type { OutputFile } from '../model/output-file.js';
import { Output } from '../output/output.js';
import { formatRuns } from '../output/format.js';
import type { Emitting, OutputFormat } from '../output/format.js';
import { INDEXED, indexSearch } from '../stages/index-search.js';
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
  };
  if (contentHasErrors(project)) return { output: emitting.output, pdfs: emitting.pdfs, reprinted: 0, printing: emitting.printing };
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
  return { output: emitting.output, pdfs: emitting.pdfs, reprinted: emitting.reprinted, printing: emitting.printing };
}

/**
 * The web pages of some source pages only (in every edition and language). Gives every file
 * of the run as it now is (the search index as it was: see {@link searchAgain}), and the
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
  return { emitted: { ...before, output }, changed: fresh.files };
}

/** A search index made again: its files, and those of the index before it that it no longer has (to remove). */
export interface IndexedAgain {
  readonly files: readonly OutputFile[];
  readonly gone: readonly string[];
}

/**
 * The search index of a run's web pages made again (none if the run has no index), so it finds
 * their new text; `emitted` then holds it. With the run `before` them, only the languages whose
 * indexed pages changed are indexed again; the others' files are kept as they were.
 */
export async function searchAgain(project: Project, emitted: Emitted, before?: Emitted): Promise<IndexedAgain> {
  const folders = project.editions.map((edition) => `${edition.prefix}pagefind/`);
  const inIndex = (path: string) => folders.some((folder) => path.startsWith(folder));
  const old = emitted.output.files.map((file) => file.path).filter(inIndex);
  if (old.length === 0) return { files: [], gone: [] };
  const earlier = before ? { files: before.output.files.filter((file) => inIndex(file.path)), changed: changedLanguages(project, before, emitted) } : undefined;
  const files = await indexSearch(project, emitted.output.files, earlier);
  if (files.length === 0) return { files, gone: [] };
  // The run holds the index as it now is: the next update keeps what did not change of it.
  emitted.output.replace(inIndex, files, 'the search index', project.config.file);
  const now = new Set(files.map((file) => file.path));
  return { files, gone: old.filter((path) => !now.has(path)) };
}

/** The languages with a web page in the index (before or now) whose text is not what it was. */
function changedLanguages(project: Project, before: Emitted, after: Emitted): Set<string> {
  const old = new Map(before.output.files.map((file) => [file.path, 'content' in file ? file.content : undefined]));
  // Country editions are in folders inside the international one: the longest prefix is a page's edition.
  const prefixes = project.editions.map((edition) => edition.prefix).sort((a, b) => b.length - a.length);
  const changed = new Set<string>();
  for (const file of after.output.files) {
    if (!file.path.endsWith('.html') || !('content' in file)) continue;
    const was = old.get(file.path);
    if (was === file.content) continue;
    const indexed = (content: unknown) => typeof content === 'string' && content.includes(INDEXED);
    if (!indexed(file.content) && !indexed(was)) continue;
    const prefix = prefixes.find((candidate) => file.path.startsWith(candidate)) ?? '';
    changed.add(file.path.slice(prefix.length).split('/')[0]!);
  }
  return changed;
}
