import type { VFile } from 'vfile';
import type { ProjectFiles } from '../project/list.js';
import type { Edition } from '../model/edition.js';
import { substituteText } from '../markdown/remark-variables.js';
import type { Override } from '../countries/overrides.js';
import type { Translation } from '../model/translation.js';
import type { Translator } from '../i18n/ui-strings.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { Citations } from '../references/csl/citations.js';
import type { Page } from '../model/page.js';
import { checkAnchors } from './check-anchors.js';
import { checkCitations } from './check-citations.js';
import { localizePages } from './localize-pages.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { mapStrings } from '../text/map-strings.js';
import { originOf } from './local-fields.js';
import type { LocalField } from '../model/localized-page.js';
import type { MarkdownRenderer, RenderJob } from './render-markdown.js';
import type { OriginalSections } from '../markdown/render-file.js';
import { checkFacts } from '../facts/check-facts.js';
import type { FactTally } from '../facts/check-facts.js';

/** What every edition is made from. */
export interface EditionSources {
  readonly source: string;
  readonly pages: readonly Page[];
  readonly translations: readonly Translation[];
  readonly overrides: readonly Override[];
  readonly references: ReferenceLibrary;
  readonly citations: Citations;
  readonly translators: ReadonlyMap<string, Translator>;
  /** Files links and images may use, for the originals and for each language's translations. */
  readonly files: (lang: string | undefined) => ProjectFiles;
  /** The current fingerprint of each source page, by source path. */
  readonly fingerprints: ReadonlyMap<string, string>;
  /** Each translated source page's sections and headings, by source path. */
  readonly sectionHashes: ReadonlyMap<string, OriginalSections>;
  readonly knownVariables: ReadonlySet<string>;
  /** The project's product names (config `products`): checked across translations like numbers. */
  readonly products: readonly string[];
}

/** One edition's pages, and which pages each links into with an anchor (`page.md#heading`), by source path. */
export interface MadeEdition {
  readonly pages: LocalizedPage[];
  readonly links: ReadonlyMap<string, ReadonlySet<string>>;
  /** What the fact check found in each translation and override made (issue 32). */
  readonly facts: ReadonlyMap<VFile, FactTally>;
}

/** Remaking some pages of an edition already made (the live preview, after an edit). */
export interface PartialMake {
  /** The source paths of the pages to make again (in every language). */
  readonly only: ReadonlySet<string>;
  /** The edition's other pages, as made before: links into them are checked against them. */
  readonly others: readonly LocalizedPage[];
}

/**
 * One edition's pages, in each of its languages: its country blocks and variables applied to
 * every file, its overrides put in place, translations used where they exist. With `partial`,
 * only the pages it names; `last` when no later edition is made (parsed trees are let go).
 */
export async function makeEdition(
  edition: Edition,
  sources: EditionSources,
  renderer: MarkdownRenderer,
  partial?: PartialMake,
  last = false,
): Promise<MadeEdition> {
  const wanted = (sourcePath: string) => !partial || partial.only.has(sourcePath);
  const pagesBySource = new Map(sources.pages.map((page) => [page.sourcePath, page]));
  const pages = sources.pages.filter((page) => wanted(page.sourcePath));
  const translations = sources.translations.filter((translation) => edition.languages.includes(translation.lang) && wanted(translation.sourcePath));
  const overrides = sources.overrides.filter((override) => override.country === edition.country && wanted(override.page.sourcePath));
  const editionLanguage = edition.languages[0]!;
  // An original's facts are read when a translation or override of it is made here (issue 32),
  // or when its safety_sections are to be checked against its sections.
  const compared = new Set([...translations.map((translation) => translation.sourcePath), ...overrides.map((override) => override.page.sourcePath)]);
  const jobs: RenderJob[] = [
    ...pages.map((page) => ({
      file: page.file,
      page,
      lang: sources.source,
      files: sources.files(undefined),
      facts: compared.has(page.sourcePath) || Array.isArray(page.meta.safety_sections),
    })),
    ...translations.map((translation) => ({
      file: translation.file,
      page: pagesBySource.get(translation.sourcePath)!,
      lang: translation.lang,
      files: sources.files(translation.lang),
      outline: sources.sectionHashes.get(translation.sourcePath)?.outline,
      facts: true,
    })),
    ...overrides.map((override) => ({
      file: override.file,
      page: override.page,
      lang: override.meta.lang ?? editionLanguage,
      files: sources.files(undefined),
      facts: true,
    })),
  ];
  const rendered = await renderer.render({
    jobs,
    pages: sources.pages,
    references: sources.references,
    labels: (lang) => sources.translators.get(lang)!.ui,
    edition,
    knownVariables: sources.knownVariables,
    products: sources.products,
    last,
  });
  const facts = checkFacts({
    pages,
    translations,
    overrides,
    facts: (file) => rendered.get(file)?.facts,
    products: sources.products,
    mayDiffer: edition.factsMayDiffer,
  });
  const localized = localizePages({
    pages,
    source: sources.source,
    languages: edition.languages,
    overrides,
    editionLanguage,
    translations,
    rendered,
    translators: sources.translators,
    fingerprints: sources.fingerprints,
    sectionHashes: sources.sectionHashes,
    citer: (page, lang) => sources.citations.citer(page, lang),
  });
  checkAnchors(rendered, [...localized, ...(partial?.others ?? [])]);
  const jobPages = new Map(jobs.map((job) => [job.file, job.page]));
  checkCitations(rendered, (file) => jobPages.get(file), sources.citations);
  // Variables in titles and summaries, reported where they were written.
  const text = (value: string, from: LocalizedPage['titleFrom'], key: string, lang: string) =>
    substituteText(value, { file: from.file, place: from.yaml?.placeOf([key]) }, lang, edition, sources.knownVariables);
  const field = (key: string, local: LocalField): LocalField => ({
    ...local,
    value: mapStrings(local.value, (string, path) => {
      const { lang, from } = originOf(local, path);
      return substituteText(string, { file: from.file, place: from.yaml?.placeOf([key, ...path]) }, lang, edition, sources.knownVariables);
    }),
  });
  const links = new Map<string, Set<string>>();
  for (const job of jobs) {
    for (const link of rendered.get(job.file)!.anchorLinks) links.set(job.page.sourcePath, (links.get(job.page.sourcePath) ?? new Set()).add(link.target));
  }
  const pagesMade = localized.map((local) => ({
    ...local,
    title: text(local.title, local.titleFrom, 'title', local.titleLang),
    summary: local.summary === undefined ? undefined : text(local.summary, local.summaryFrom, 'summary', local.summaryLang),
    fields: Object.fromEntries(Object.entries(local.fields).map(([key, value]) => [key, field(key, value)])),
  }));
  return { pages: pagesMade, links, facts };
}
