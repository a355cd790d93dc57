import type { Root } from 'hast';
import type { Edition } from '../countries/edition.js';
import { contentType } from '../content-types/index.js';
import { parseMarkdown } from '../markdown/parse.js';
import { MarkdownWorkers, workerCount } from '../markdown/worker-pool.js';
import { briefkitIdentity, hashOf } from '../cache/cache-dir.js';
import { RenderCache } from '../cache/render-cache.js';
import { fingerprintTree } from '../markdown/render-file.js';
import type { FingerprintResult, OriginalSections } from '../markdown/render-file.js';
import { replayMessage } from '../messages.js';
import { need } from '../pipeline.js';
import type { Site, Stage } from '../pipeline.js';
import type { Config } from '../config/schema.js';
import type { CountryProfile } from '../countries/profile.js';
import type { ProjectFiles } from '../project/list.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { makeEdition } from './make-edition.js';
import type { EditionSources } from './make-edition.js';
import { MarkdownRenderer } from './render-markdown.js';

/**
 * What rendering Markdown uses besides the files: worker threads, when the site is large
 * enough to gain from them (see worker-pool.ts; whoever runs the stages closes them), and
 * the cache of what earlier builds made, when the run may use one.
 */
export const prepareRendering: Stage = (site) => {
  const { options } = site;
  const files = need(site, 'pages').length + (site.translations?.translations.length ?? 0) + (site.overrides?.length ?? 0);
  const count = workerCount(files, options.workers);
  const renderCache = options.cacheDir ? RenderCache.open(options.cacheDir, options.outDir, { country: options.country, allCountries: options.allCountries === true, pdfOnly: options.pdfOnly !== undefined }) : undefined;
  return { ...site, renderCache, ...(count > 1 ? { workers: MarkdownWorkers.start(count) } : {}) };
};

/**
 * Parse every Markdown file (sources, translations, overrides) with the one parser
 * configuration, for translation tracking. A build does not: it parses each file where it
 * renders it (once, for every edition), and not at all when the cache has it.
 */
export const parseFiles: Stage = (site) => {
  const files = [...need(site, 'pages').map((page) => page.file), ...(site.translations?.translations ?? []).map((translation) => translation.file), ...(site.overrides ?? []).map((override) => override.file)];
  return { ...site, trees: new Map(files.map((file) => [file, parseMarkdown(file)])) };
};

/**
 * The current fingerprint of every source page that has a translation (what translations are
 * stamped against; a page nobody translated needs none, nor does a one-language site).
 * Those an earlier build computed from the same text are reused; the others are computed
 * by the workers, or here (keeping the trees parsed for rendering).
 */
export const fingerprintPages: Stage = async (site) => {
  const source = need(site, 'config').config.languages[0]!;
  const translated = new Set(need(site, 'translations').translations.map((translation) => translation.sourcePath));
  const pages = need(site, 'pages').filter((page) => translated.has(page.sourcePath));
  const cache = site.renderCache;
  const identity = cache ? await briefkitIdentity() : '';
  const keys = pages.map((page) => `fingerprint-${hashOf([identity, source, JSON.stringify(page.meta), JSON.stringify(contentType(page.kind)?.translatable ?? []), page.file.path, String(page.file.value)])}`);
  const cached = cache ? await Promise.all(keys.map((key) => cache.get(key, isFingerprint))) : [];
  const missing = pages.filter((_, index) => !cached[index]);
  const trees = new Map(site.trees ?? []);
  let fresh: FingerprintResult[];
  if (site.workers) {
    fresh = await site.workers.fingerprint(
      source,
      missing.map((page) => ({ file: { path: page.file.path, cwd: page.file.cwd, value: String(page.file.value), sourcePath: page.sourcePath }, meta: page.meta, fields: contentType(page.kind)?.translatable })),
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
    if (site.workers || cached[index]) for (const message of result.messages) replayMessage(page.file, message);
    if (cache && !cached[index]) cache.set(keys[index]!, result);
    fingerprints.set(page.sourcePath, result.fingerprint);
    sectionHashes.set(page.sourcePath, { sections: result.sections, copyKeys: result.copyKeys, outline: result.outline });
  });
  return { ...site, fingerprints, sectionHashes, trees };
};

function isFingerprint(value: unknown): value is FingerprintResult {
  const result = value as Partial<FingerprintResult> | null;
  return typeof result?.fingerprint === 'string' && typeof result.sections === 'object' && result.sections !== null && typeof result.copyKeys === 'object' && Array.isArray(result.outline) && Array.isArray(result.messages);
}


/** What every edition of a run is made from. */
export function editionSources(site: Site): EditionSources {
  const { config } = need(site, 'config');
  const sources = need(site, 'sources');
  const translated = need(site, 'translations');
  const { profiles } = need(site, 'profiles');
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
    pages: need(site, 'pages'),
    translations: translated.translations,
    overrides: need(site, 'overrides'),
    references: need(site, 'references'),
    citations: need(site, 'citations'),
    translators: need(site, 'ui').translators,
    files,
    fingerprints: need(site, 'fingerprints'),
    sectionHashes: site.sectionHashes ?? new Map(),
    knownVariables: knownVariables(config, profiles),
  };
}

/** Every variable name the project defines (in the config or any country profile), and the built-in ones. */
export function knownVariables(config: Config, profiles: readonly CountryProfile[]): ReadonlySet<string> {
  return new Set(['country_name', 'country_code', ...Object.keys(config.variables), ...profiles.flatMap((profile) => Object.keys(profile.variables))]);
}

/** What a page's tree is once nothing will need it (a build without PDFs). */
const NO_TREE: Root = { type: 'root', children: [] };

/**
 * Every edition's pages in each of its languages: Markdown to HTML trees (each file parsed
 * once for all editions), translations and overrides in place, variables filled in.
 */
export const makeEditions: Stage = async (site) => {
  const renderer = new MarkdownRenderer(site.trees, site.workers, site.renderCache);
  const { options } = site;
  const printing = options.pdf !== false || options.pdfOnly !== undefined || options.pdfsFrom !== undefined || options.preview === true;
  const made = new Map<Edition, LocalizedPage[]>();
  const sources = editionSources(site);
  const editions = need(site, 'editions');
  for (const edition of editions) {
    const pages = await makeEdition(edition, sources, renderer, undefined, edition === editions.at(-1));
    // Only printing needs the HTML trees once the content is written out: without PDFs they go now.
    made.set(edition, printing ? pages : pages.map((page) => ({ ...page, tree: NO_TREE })));
  }
  // Nothing after this needs them: their memory goes back before printing and rendering.
  await site.workers?.close();
  await site.renderCache?.close();
  return { ...site, made, workers: undefined, renderCache: undefined, trees: undefined };
};
