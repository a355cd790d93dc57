import type { Edition } from '../countries/edition.js';
import { contentType } from '../content-types/index.js';
import { fingerprint, sectionsOfTree } from '../i18n/sections.js';
import { parseMarkdown } from '../markdown/parse.js';
import { MarkdownWorkers, workerCount } from '../markdown/worker-pool.js';
import { replayMessage } from '../messages.js';
import { need } from '../pipeline.js';
import type { Stage } from '../pipeline.js';
import type { ProjectFiles } from '../project/list.js';
import type { LocalizedPage } from './localize-pages.js';
import { makeEdition } from './make-edition.js';
import { MarkdownRenderer } from './render-markdown.js';

/**
 * Worker threads for parsing and rendering, when the site is large enough to gain from them
 * (see worker-pool.ts); whoever runs the stages closes them.
 */
export const startWorkers: Stage = (site) => {
  const files = need(site, 'pages').length + (site.translations?.translations.length ?? 0) + (site.overrides?.length ?? 0);
  const count = workerCount(files, site.options.workers);
  return count > 1 ? { ...site, workers: MarkdownWorkers.start(count) } : site;
};

/**
 * Parse every Markdown file the run uses (sources, translations, overrides) once, with the
 * one parser configuration: every later use (fingerprints, each edition's pages) shares the tree.
 */
export const parseFiles: Stage = (site) => {
  // Workers parse each file where it is rendered, and keep the tree for every later use.
  if (site.workers) return { ...site, trees: new Map() };
  const files = [...need(site, 'pages').map((page) => page.file), ...(site.translations?.translations ?? []).map((translation) => translation.file), ...(site.overrides ?? []).map((override) => override.file)];
  return { ...site, trees: new Map(files.map((file) => [file, parseMarkdown(file)])) };
};

/**
 * The current fingerprint of every source page that has a translation (what translations are
 * stamped against; a page nobody translated needs none, nor does a one-language site).
 */
export const fingerprintPages: Stage = async (site) => {
  const source = need(site, 'config').config.languages[0]!;
  const trees = need(site, 'trees');
  const translated = new Set(need(site, 'translations').translations.map((translation) => translation.sourcePath));
  if (site.workers) {
    const pages = need(site, 'pages').filter((page) => translated.has(page.sourcePath));
    const done = await site.workers.fingerprint(
      source,
      pages.map((page) => ({ file: { path: page.file.path, cwd: page.file.cwd, value: String(page.file.value), sourcePath: page.sourcePath }, meta: page.meta, fields: contentType(page.kind)?.translatable })),
    );
    pages.forEach((page, index) => done[index]!.messages.forEach((message) => replayMessage(page.file, message)));
    return { ...site, fingerprints: new Map(pages.map((page, index) => [page.sourcePath, done[index]!.fingerprint])) };
  }
  const fingerprints = new Map(
    need(site, 'pages')
      .filter((page) => translated.has(page.sourcePath))
      .map((page) => [page.sourcePath, fingerprint(sectionsOfTree(page.meta, trees.get(page.file)!, String(page.file.value), source, contentType(page.kind)?.translatable, { words: false }))]),
  );
  return { ...site, fingerprints };
};

/**
 * Every edition's pages in each of its languages: Markdown to HTML trees (each file parsed
 * once for all editions), translations and overrides in place, variables filled in.
 */
export const makeEditions: Stage = async (site) => {
  const { config } = need(site, 'config');
  const sources = need(site, 'sources');
  const translated = need(site, 'translations');
  const { profiles } = need(site, 'profiles');
  const knownVariables = new Set(['country_name', 'country_code', ...Object.keys(config.variables), ...profiles.flatMap((profile) => Object.keys(profile.variables))]);
  // A translation's links may use its own folder's files first, then the original's.
  const merged = new Map<string, ProjectFiles>();
  const files = (lang: string | undefined): ProjectFiles => {
    if (!lang) return sources.files;
    let forLang = merged.get(lang);
    if (!forLang) merged.set(lang, (forLang = new Map([...sources.files, ...(translated.files.get(lang) ?? [])])));
    return forLang;
  };
  const renderer = new MarkdownRenderer(need(site, 'trees'), site.workers);
  const made = new Map<Edition, LocalizedPage[]>();
  for (const edition of need(site, 'editions')) {
    const editionSources = {
      source: config.languages[0]!,
      pages: need(site, 'pages'),
      translations: translated.translations,
      overrides: need(site, 'overrides'),
      references: need(site, 'references'),
      translators: need(site, 'ui').translators,
      files,
      fingerprints: need(site, 'fingerprints'),
      knownVariables,
    };
    made.set(edition, await makeEdition(edition, editionSources, renderer));
  }
  // Nothing after this needs them: their memory goes back before printing and rendering.
  await site.workers?.close();
  return { ...site, made, workers: undefined };
};
