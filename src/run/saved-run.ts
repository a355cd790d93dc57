import { join } from 'node:path';
import { VFile } from 'vfile';
import { hashOf, readEntry, writeEntry } from '../cache/cache-dir.js';
import type { Edition } from '../model/edition.js';
import { messageData, replayMessage } from '../messages.js';
import type { MessageData } from '../messages.js';
import type { LocalizedPage, MetaOrigin } from '../model/localized-page.js';
import type { PdfInfo } from '../model/pdf.js';
import type { SearchIndexState } from '../model/search-index.js';
import { Output } from '../output/output.js';
import { resolveInside } from '../paths/urls.js';
import { createEngine } from '../templates/engine.js';
import { templateHelpers } from '../templates/helpers.js';
import type { Made, Project, Run } from './types.js';

/**
 * A finished run, kept on disk between builds (issue 30, item 3): what the second and third
 * phases made of every page (without HTML trees: only a run that prints no PDF is kept), the
 * files written, and every input file's problems. The next `briefkit build` reads the project
 * again, puts this run back over it, and runs the preview's update on the files that changed
 * (run/remake.ts), so one edited page is made, rendered and written again, not the site.
 * Pages, translations and files are saved by name and found again in the project as it is
 * read now; anything not found there makes the saved run unusable (a whole build follows).
 */
const VERSION = 2;

interface SavedRun {
  readonly version: number;
  readonly made: unknown;
  /** Each edition's pages, by the edition's folder (`''`, `ua/`). */
  readonly pages: readonly (readonly [string, unknown])[];
  /** The files the run wrote, from the output folder's top. */
  readonly written: readonly string[];
  readonly pdfs: readonly (readonly [string, PdfInfo])[];
  /** Every file's problems at the end of the run, by path. */
  readonly messages: readonly (readonly [string, readonly MessageData[]])[];
  /** The front matter of every page and translation (lists, menus and other pages show it: a change to it is a whole build). */
  readonly fronts: readonly (readonly [string, string])[];
  /** What each edition's search index holds, by its folder. */
  readonly search: readonly (readonly [string, SearchIndexState])[];
}

/** The front matter of each page and translation of a project, as text, by name. */
function fronts(project: Project): [string, string][] {
  return [
    ...project.pages.map((page): [string, string] => [page.sourcePath, JSON.stringify([page.kind, page.slug, page.outputPath, page.meta])]),
    ...project.translations.translations.map((translation): [string, string] => [
      `${translation.lang}\n${translation.sourcePath}`,
      JSON.stringify(translation.meta),
    ]),
  ];
}

/** The cache entry of the runs into `outDir` with these options. */
function entryName(outDir: string, options: unknown): string {
  return `runs/${hashOf([outDir, JSON.stringify(options)])}.json`;
}

/** Keep a finished run (one that wrote its output) for the next build into the same folder. */
export async function saveRun(cacheDir: string, outDir: string, options: unknown, run: Run): Promise<void> {
  const { project, made, emitted } = run;
  const codec = new Codec(project);
  const saved: SavedRun = {
    version: VERSION,
    made: codec.encode({ fingerprints: made.fingerprints, sections: made.sections, links: made.links }),
    pages: [...made.pages].map(([edition, locals]) => [edition.prefix, codec.encode(locals.map(withoutHtml))] as const),
    written: emitted.output.files.map((file) => file.path),
    pdfs: [...emitted.pdfs],
    fronts: fronts(project),
    search: [...emitted.search],
    messages: [...project.inputs, project.run].filter((file) => file.messages.length > 0).map((file) => [file.path, file.messages.map(messageData)] as const),
  };
  await writeEntry(cacheDir, entryName(outDir, options), Buffer.from(JSON.stringify(saved)));
}

/** Forget the kept run (before the output folder is changed in place: a run cut short leaves none). */
export async function forgetRun(cacheDir: string, outDir: string, options: unknown): Promise<void> {
  await writeEntry(cacheDir, entryName(outDir, options), Buffer.from('{}'));
}

/**
 * A page as kept: without its content's HTML, most of a kept run's size (13 of 22 MB at
 * 4,000 pages). An update renders only the pages it makes again, with their new content;
 * no other page's HTML is read (a page's own template is the only reader: render-templates).
 */
function withoutHtml(local: LocalizedPage): LocalizedPage {
  // A page restored from a kept run has an HTML that is not enumerable (htmlNotKept): the copy does not read it.
  const content: { -readonly [Key in keyof LocalizedPage['content']]?: LocalizedPage['content'][Key] } = { ...local.content };
  delete content.html;
  return { ...local, content: content as LocalizedPage['content'] };
}

/** Thrown when a kept page's content HTML is asked for: the build that asked is made whole instead. */
export class NotKept extends Error {}

/** A kept page, whose content's HTML, if anything asks for it, says it was not kept (see {@link withoutHtml}). */
function htmlNotKept(local: LocalizedPage): LocalizedPage {
  Object.defineProperty(local.content, 'html', {
    enumerable: false,
    get: () => {
      throw new NotKept(`The content of ${local.page.sourcePath} in ${local.lang} was not kept`);
    },
  });
  return local;
}

/** A kept run put back over the project as read now. */
export interface RestoredRun {
  readonly run: Run;
  /** Every file's problems at the end of that run, by path. */
  readonly messages: ReadonlyMap<string, readonly MessageData[]>;
}

/**
 * The run kept for builds into `outDir` with these options, over `project` (read again), its
 * files those in the output folder. None if
 * there is no usable one: missing, damaged, from another briefkit, or naming what the project
 * no longer has.
 */
export async function restoreRun(cacheDir: string, outDir: string, options: unknown, project: Project): Promise<RestoredRun | undefined> {
  const body = await readEntry(cacheDir, entryName(outDir, options));
  if (!body) return undefined;
  try {
    const saved = JSON.parse(body.toString('utf8')) as SavedRun;
    if (
      saved.version !== VERSION ||
      !Array.isArray(saved.pages) ||
      !Array.isArray(saved.written) ||
      !Array.isArray(saved.fronts) ||
      !Array.isArray(saved.search)
    )
      return undefined;
    // Only files inside the output folder are read back.
    if (saved.written.some((path) => typeof path !== 'string' || resolveInside('x', path) !== path)) return undefined;
    // Front matter read now as the run read it, page for page: the preview's update reads only the text again.
    if (JSON.stringify(saved.fronts) !== JSON.stringify(fronts(project))) return undefined;
    const codec = new Codec(project);
    const rest = codec.decode(saved.made) as Pick<Made, 'fingerprints' | 'sections' | 'links'>;
    const editions = new Map(project.editions.map((edition) => [edition.prefix, edition]));
    const pages = new Map<Edition, readonly LocalizedPage[]>();
    for (const [prefix, locals] of saved.pages) {
      const edition = editions.get(prefix);
      if (!edition) return undefined;
      pages.set(edition, (codec.decode(locals) as LocalizedPage[]).map(htmlNotKept));
    }
    if (pages.size !== editions.size) return undefined;
    const made: Made = { ...rest, pages, render: createEngine(project.templates, templateHelpers), facts: new Map() };
    // The files are where the run wrote them: read only when needed (a page's old text, by the search index).
    const output = new Output();
    for (const path of saved.written) output.add({ path, copyFrom: join(outDir, path) }, 'the site', project.run);
    const printing = new VFile({ path: outDir, cwd: project.options.root });
    const emitted = { output, pdfs: new Map(saved.pdfs), reprinted: 0, printing, search: new Map<string, SearchIndexState>(saved.search.filter(isIndexState)) };
    const clean = new Set(project.inputs.filter((file) => file.messages.length === 0));
    return { run: { project, made, emitted, clean }, messages: new Map(saved.messages) };
  } catch {
    // A damaged entry, or an output file gone: build it all.
    return undefined;
  }
}

/** Whether a kept search index's state is whole (anything else indexes that edition whole again). */
function isIndexState(entry: readonly [string, SearchIndexState]): boolean {
  const [folder, state] = entry as readonly [unknown, Partial<SearchIndexState> | null];
  return typeof folder === 'string' && typeof state?.ids === 'object' && state.ids !== null && Array.isArray(state.delta);
}

/**
 * Put each file's problems as the kept run had them back on the files of pages that were not
 * made again (and on the project's other files): their problems were found making them then.
 * The files of the pages made again keep what reading and making them found now.
 */
export function restoreMessages(project: Project, messages: ReadonlyMap<string, readonly MessageData[]>, remade: ReadonlySet<string>): void {
  const owners = new Map<string, string>();
  for (const page of project.pages) owners.set(page.file.path, page.sourcePath);
  for (const translation of project.translations.translations) owners.set(translation.file.path, translation.sourcePath);
  for (const override of project.overrides) owners.set(override.file.path, override.page.sourcePath);
  for (const file of [...project.inputs, project.run]) {
    const owner = owners.get(file.path);
    if (owner !== undefined && remade.has(owner)) continue;
    file.messages.length = 0;
    for (const message of messages.get(file.path) ?? []) replayMessage(file, message);
  }
}

/**
 * Turns what a run made into JSON and back: the project's pages, translations, files and the
 * front matter origins (`{file, yaml}`) by name, maps and sets as lists.
 */
class Codec {
  private readonly pageNames = new Map<object, string>();
  private readonly pagesByName = new Map<string, object>();
  private readonly translationNames = new Map<object, string>();
  private readonly translationsByName = new Map<string, object>();
  private readonly files = new Map<string, VFile>();
  private readonly origins = new Map<string, MetaOrigin>();

  constructor(project: Project) {
    for (const page of project.pages) {
      this.pageNames.set(page, page.sourcePath);
      this.pagesByName.set(page.sourcePath, page);
      this.origins.set(page.file.path, { file: page.file, yaml: page.yaml });
    }
    for (const translation of project.translations.translations) {
      const name = `${translation.lang}\n${translation.sourcePath}`;
      this.translationNames.set(translation, name);
      this.translationsByName.set(name, translation);
      this.origins.set(translation.file.path, { file: translation.file, yaml: translation.yaml });
    }
    for (const override of project.overrides) this.origins.set(override.file.path, { file: override.file, yaml: override.yaml });
    for (const file of project.inputs) this.files.set(file.path, file);
  }

  encode(value: unknown): unknown {
    if (value === undefined) return { $u: 1 };
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.encode(item));
    if (value instanceof VFile) return { $f: value.path };
    if (value instanceof Map) return { $m: [...value].map(([key, item]) => [this.encode(key), this.encode(item)]) };
    if (value instanceof Set) return { $s: [...value].map((item) => this.encode(item)) };
    if (value instanceof Date) return { $d: value.getTime() };
    const page = this.pageNames.get(value);
    if (page !== undefined) return { $p: page };
    const translation = this.translationNames.get(value);
    if (translation !== undefined) return { $t: translation };
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw new Error(`A run holding a ${String(value.constructor?.name)} is not kept`);
    const keys = Object.keys(value);
    const record = value as Record<string, unknown>;
    if (keys.length === 2 && record.file instanceof VFile && 'yaml' in record) return { $o: record.file.path };
    const plain: Record<string, unknown> = {};
    for (const key of keys) if (record[key] !== undefined) plain[key] = this.encode(record[key]);
    return keys.some((key) => key.startsWith('$')) ? { $r: plain } : plain;
  }

  decode(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => this.decode(item));
    const record = value as Record<string, unknown>;
    if ('$u' in record) return undefined;
    if ('$f' in record) return this.found(this.files.get(record.$f as string), record.$f);
    if ('$m' in record) return new Map((record.$m as [unknown, unknown][]).map(([key, item]) => [this.decode(key), this.decode(item)]));
    if ('$s' in record) return new Set((record.$s as unknown[]).map((item) => this.decode(item)));
    if ('$d' in record) return new Date(record.$d as number);
    if ('$p' in record) return this.found(this.pagesByName.get(record.$p as string), record.$p);
    if ('$t' in record) return this.found(this.translationsByName.get(record.$t as string), record.$t);
    if ('$o' in record) return this.found(this.origins.get(record.$o as string), record.$o);
    const plain = ('$r' in record ? record.$r : record) as Record<string, unknown>;
    const decoded: Record<string, unknown> = {};
    for (const key of Object.keys(plain)) decoded[key] = this.decode(plain[key]);
    return decoded;
  }

  private found<T>(value: T | undefined, name: unknown): T {
    if (value === undefined) throw new Error(`The kept run names ${String(name)}, which the project no longer has`);
    return value;
  }
}
