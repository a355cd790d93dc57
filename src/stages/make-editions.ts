import type { FactTally } from '../facts/check-facts.js';
import type { Root } from 'hast';
import type { Edition } from '../model/edition.js';
import { contentType } from '../content-types/index.js';
import { parseMarkdown } from '../markdown/parse.js';
import { MarkdownWorkers, workerCount } from '../markdown/worker-pool.js';
import { briefkitIdentity, hashOf } from '../cache/cache-dir.js';
import { RenderCache } from '../cache/render-cache.js';
import { fingerprintTree } from '../markdown/render-file.js';
import type { FingerprintResult, OriginalSections } from '../markdown/render-file.js';
import { replayMessage } from '../messages.js';
import type { Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import type { Project, ProjectText, RunOptions } from '../run/types.js';
import type { Config } from '../config/schema.js';
import type { CountryProfile } from '../countries/profile.js';
import type { ProjectFiles } from '../project/list.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { makeEdition } from './make-edition.js';
import type { EditionSources } from './make-edition.js';
import type { MarkdownRenderer } from './render-markdown.js';
import { makesPdfs } from './print-editions.js';

/** What rendering Markdown uses besides the files (closed by whoever opened it). */
export interface Rendering {
  readonly workers: MarkdownWorkers | undefined;
  readonly cache: RenderCache | undefined;
}

/**
 * Worker threads, when the site is large enough to gain from them (see worker-pool.ts), and
 * the cache of what earlier builds made, when the run may use one.
 */
export function prepareRendering(project: Project): Rendering {
  const { options } = project;
  const files = project.pages.length + project.translations.translations.length + project.overrides.length;
  const count = workerCount(files, options.workers);
  const cache = options.cacheDir
    ? RenderCache.open(options.cacheDir, options.outDir, {
        country: options.country,
        allCountries: options.allCountries === true,
        pdfOnly: options.pdfOnly !== undefined,
      })
    : undefined;
  return { cache, workers: count > 1 ? MarkdownWorkers.start(count) : undefined };
}

/**
 * Parse every Markdown file (sources, translations, overrides) with the one parser
 * configuration, for translation tracking. A build does not: it parses each file where it
 * renders it (once, for every edition), and not at all when the cache has it.
 */
export function parseFiles(text: ProjectText): Map<VFile, MdastRoot> {
  const files = [
    ...text.pages.map((page) => page.file),
    ...text.translations.translations.map((translation) => translation.file),
    ...text.overrides.map((override) => override.file),
  ];
  return new Map(files.map((file) => [file, parseMarkdown(file)]));
}

/**
 * The current fingerprint of every source page that has a translation (what translations are
 * stamped against; a page nobody translated needs none, nor does a one-language site).
 * Those an earlier build computed from the same text are reused; the others are computed
 * by the workers, or here (keeping the trees parsed for rendering).
 */
export async function fingerprintPages(project: Project, { workers, cache }: Rendering): Promise<Fingerprints> {
  const source = project.config.config.languages[0]!;
  const translated = new Set(project.translations.translations.map((translation) => translation.sourcePath));
  const pages = project.pages.filter((page) => translated.has(page.sourcePath));
  const identity = cache ? await briefkitIdentity() : '';
  const keys = pages.map((page) => {
    const fields = JSON.stringify(contentType(page.kind)?.translatable ?? []);
    return `fingerprint-${hashOf([identity, source, JSON.stringify(page.meta), fields, page.file.path, String(page.file.value)])}`;
  });
  const cached = cache ? await Promise.all(keys.map((key) => cache.get(key, isFingerprint))) : [];
  const missing = pages.filter((_, index) => !cached[index]);
  const trees = new Map<VFile, MdastRoot>();
  let fresh: FingerprintResult[];
  if (workers) {
    fresh = await workers.fingerprint(
      source,
      missing.map((page) => ({
        file: { path: page.file.path, cwd: page.file.cwd, value: String(page.file.value), sourcePath: page.sourcePath },
        meta: page.meta,
        fields: contentType(page.kind)?.translatable,
      })),
    );
  } else {
    fresh = missing.map((page) => {
      const before = page.file.messages.length;
      let tree = trees.get(page.file);
      if (!tree) trees.set(page.file, (tree = parseMarkdown(page.file)));
      return fingerprintTree(page.meta, tree, page.file, source, contentType(page.kind)?.translatable, before);
    });
  }
  const made = new Map(missing.map((page, index) => [page, fresh[index]!]));
  const fingerprints = new Map<string, string>();
  const sectionHashes = new Map<string, OriginalSections>();
  pages.forEach((page, index) => {
    const result = cached[index] ?? made.get(page)!;
    // Problems a worker or an earlier build found are put on the file now.
    if (workers || cached[index]) for (const message of result.messages) replayMessage(page.file, message);
    if (cache && !cached[index]) cache.set(keys[index]!, result);
    fingerprints.set(page.sourcePath, result.fingerprint);
    sectionHashes.set(page.sourcePath, { sections: result.sections, copyKeys: result.copyKeys, outline: result.outline });
  });
  return { fingerprints, sections: sectionHashes, trees };
}

/** The fingerprints of a project's translated source pages, with the trees parsed to compute them. */
export interface Fingerprints {
  readonly fingerprints: ReadonlyMap<string, string>;
  readonly sections: ReadonlyMap<string, OriginalSections>;
  /** Trees parsed on this thread, kept for rendering. */
  readonly trees: ReadonlyMap<VFile, MdastRoot>;
}

function isFingerprint(value: unknown): value is FingerprintResult {
  const result = value as Partial<FingerprintResult> | null;
  return (
    typeof result?.fingerprint === 'string' &&
    typeof result.sections === 'object' &&
    result.sections !== null &&
    typeof result.copyKeys === 'object' &&
    Array.isArray(result.outline) &&
    Array.isArray(result.messages)
  );
}

/** What every edition of a run is made from. */
export function editionSources(project: Project, { fingerprints, sections }: Pick<Fingerprints, 'fingerprints' | 'sections'>): EditionSources {
  const { config } = project.config;
  const { sources, translations: translated } = project;
  const { profiles } = project.profiles;
  // A translation's links may use its own folder's files first, then the original's.
  const merged = new Map<string, ProjectFiles>();
  const files = (lang: string | undefined): ProjectFiles => {
    if (!lang) return sources.files;
    let forLang = merged.get(lang);
    if (!forLang) merged.set(lang, (forLang = new Map([...sources.files, ...(translated.files.get(lang) ?? [])])));
    return forLang;
  };
  return {
    source: config.languages[0]!,
    pages: project.pages,
    translations: translated.translations,
    overrides: project.overrides,
    references: project.references,
    citations: project.citations,
    translators: project.ui.translators,
    files,
    fingerprints,
    sectionHashes: sections,
    knownVariables: knownVariables(config, profiles),
    products: config.products,
  };
}

/** Every variable name the project defines (in the config or any country profile), and the built-in ones. */
export function knownVariables(config: Config, profiles: readonly CountryProfile[]): ReadonlySet<string> {
  return new Set(['country_name', 'country_code', ...Object.keys(config.variables), ...profiles.flatMap((profile) => Object.keys(profile.variables))]);
}

/** What a page's tree is once nothing will need it (a build without PDFs). */
const NO_TREE: Root = { type: 'root', children: [] };

/**
 * The pages as a run keeps them: with their HTML trees when it prints (or prints on demand,
 * the preview), else without (their memory goes back before rendering).
 */
export function keptTrees(options: RunOptions, pages: LocalizedPage[]): LocalizedPage[] {
  return makesPdfs(options) || options.preview === true ? pages : pages.map((page) => ({ ...page, tree: NO_TREE }));
}

/**
 * Every edition's pages in each of its languages: Markdown to HTML trees (each file parsed
 * once for all editions), translations and overrides in place, variables filled in.
 */
export async function makeAllEditions(
  project: Project,
  sources: EditionSources,
  renderer: MarkdownRenderer,
): Promise<{ pages: Map<Edition, LocalizedPage[]>; links: Map<string, Set<string>>; facts: Map<VFile, FactTally> }> {
  const made = new Map<Edition, LocalizedPage[]>();
  const links = new Map<string, Set<string>>();
  const facts = new Map<VFile, FactTally>();
  const { editions } = project;
  for (const edition of editions) {
    const one = await makeEdition(edition, sources, renderer, undefined, edition === editions.at(-1));
    // Only printing needs the HTML trees once the content is written out: without PDFs they go now.
    made.set(edition, keptTrees(project.options, one.pages));
    addLinks(links, one.links);
    // A translation checked in several editions has the same facts in each: its last tally stands.
    for (const [file, tally] of one.facts) facts.set(file, tally);
  }
  return { pages: made, links, facts };
}

/** Add an edition's anchor links to those of the run. */
export function addLinks(into: Map<string, Set<string>>, links: ReadonlyMap<string, ReadonlySet<string>>): void {
  for (const [from, targets] of links) into.set(from, new Set([...(into.get(from) ?? []), ...targets]));
}
