import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { contentType } from '../content-types/index.js';
import { readTranslation } from '../i18n/translations.js';
import type { Translation } from '../model/translation.js';
import { fingerprintTree } from '../markdown/render-file.js';
import { parseMarkdown } from '../markdown/parse.js';
import { contentHasErrors, need } from '../pipeline.js';
import type { KeptRun, Site } from '../pipeline.js';
import { readListedText } from '../project/read.js';
import type { OutputFile } from '../model/output-file.js';
import type { Page } from '../model/page.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { makeEdition } from '../stages/make-edition.js';
import { editionSources } from '../stages/make-editions.js';
import { Output } from '../output/output.js';
import { parsePages } from '../stages/parse-pages.js';
import { languageInput } from '../stages/render-editions.js';
import { renderLanguage } from '../stages/render-templates.js';
import { shareEntries } from '../stages/share-entries.js';
import { MarkdownRenderer } from '../stages/render-markdown.js';

/** An edit made in place: the run with it, and what to write. */
export interface Update {
  /** The run as it is with the edit (kept if the update is written). */
  readonly kept: KeptRun;
  /** The files read again, with their problems. */
  readonly files: readonly VFile[];
  /** Whether none of them has an error (then `output` is written). */
  readonly ok: boolean;
  readonly output: readonly OutputFile[];
  /** The addresses of the pages made again, from the site's root (`en/case-studies/a/index.html`). */
  readonly pages: readonly string[];
}

/**
 * The preview's quick way: when only the text of existing pages or translations changed
 * (their front matter reads the same), make just those pages again, in every language and
 * edition, from the last run kept in memory. Lists, menus and other pages show front matter
 * only, so they stay as they are. Undefined when a whole build is needed: any other file
 * changed, front matter changed, a file that had problems when read, a page whose headings
 * (the targets of links from other pages) changed, or a kept run that was not clean.
 */
export async function updateInPlace(kept: KeptRun, changed: readonly string[]): Promise<Update | undefined> {
  const { site, readMessages } = kept;
  if (changed.length === 0 || contentHasErrors(site)) return undefined;
  const root = site.options.root;
  const pages = need(site, 'pages');
  const sources = need(site, 'sources');
  const translated = need(site, 'translations');
  const kinds = new Map(pages.map((page) => [page.sourcePath, page.kind]));
  const freshPages = new Map<Page, Page>();
  const freshTranslations = new Map<Translation, Translation>();
  const clean = (file: VFile) => readMessages.get(file) === 0;
  for (const path of new Set(changed)) {
    const page = pages.find((candidate) => candidate.file.path === path);
    const translation = page ? undefined : translated.translations.find((candidate) => candidate.file.path === path);
    if (page && clean(page.file)) {
      const real = sources.files.get(page.sourcePath);
      if (typeof real !== 'string') return undefined;
      const file = await readListedText(root, path, real, { sourcePath: page.sourcePath });
      const [fresh] = file.data.unreadable ? [] : parsePages([file]);
      if (!fresh || file.messages.length > 0 || !samePage(page, fresh)) return undefined;
      freshPages.set(page, fresh);
    } else if (translation && clean(translation.file)) {
      const real = translated.files.get(translation.lang)?.get(translation.sourcePath);
      if (typeof real !== 'string') return undefined;
      const { file, translation: fresh } = await readTranslation(root, translation.lang, translation.sourcePath, real, kinds);
      if (!fresh || file.messages.length > 0 || JSON.stringify(fresh.meta) !== JSON.stringify(translation.meta)) return undefined;
      freshTranslations.set(translation, fresh);
    } else {
      return undefined;
    }
  }

  const replaced = new Map<VFile, VFile>([
    ...[...freshPages].map(([old, fresh]): [VFile, VFile] => [old.file, fresh.file]),
    ...[...freshTranslations].map(([old, fresh]): [VFile, VFile] => [old.file, fresh.file]),
  ]);
  const swap = (file: VFile) => replaced.get(file) ?? file;
  const trees = new Map<VFile, Root>();
  const fingerprints = new Map(need(site, 'fingerprints'));
  const sectionHashes = new Map(site.sectionHashes ?? []);
  const source = need(site, 'config').config.languages[0]!;
  // A translated original's new text changes its fingerprint: its translations may now be outdated.
  for (const fresh of freshPages.values()) {
    if (!fingerprints.has(fresh.sourcePath)) continue;
    const tree = parseMarkdown(fresh.file);
    trees.set(fresh.file, tree);
    const result = fingerprintTree(fresh.meta, tree, fresh.file, source, contentType(fresh.kind)?.translatable, 0);
    fingerprints.set(fresh.sourcePath, result.fingerprint);
    sectionHashes.set(fresh.sourcePath, { sections: result.sections, copyKeys: result.copyKeys, outline: result.outline });
  }
  const edited: Site = {
    ...site,
    inputs: site.inputs.map(swap),
    sources: { ...sources, markdown: sources.markdown.map(swap) },
    pages: pages.map((page) => freshPages.get(page) ?? page),
    translations: { ...translated, translations: translated.translations.map((translation) => freshTranslations.get(translation) ?? translation), read: translated.read.map(swap) },
    overrides: need(site, 'overrides').map((override) => {
      const fresh = freshPages.get(override.page);
      return fresh ? { ...override, page: fresh } : override;
    }),
    fingerprints,
    sectionHashes,
  };

  const only = new Set([...[...freshPages.values()].map((page) => page.sourcePath), ...[...freshTranslations.values()].map((translation) => translation.sourcePath)]);
  const renderer = new MarkdownRenderer(trees);
  const editionInput = editionSources(edited);
  const made = new Map(need(site, 'made'));
  for (const [edition, before] of made) {
    const others = before.filter((local) => !only.has(local.page.sourcePath));
    const remade = new Map((await makeEdition(edition, editionInput, renderer, { only, others })).map((local) => [slot(local), local]));
    for (const local of before) {
      const fresh = remade.get(slot(local));
      // Other pages' links to this one were checked against its headings: new headings need a whole build.
      if (fresh && !sameTargets(local, fresh)) return undefined;
    }
    made.set(edition, before.map((local) => remade.get(slot(local)) ?? local));
  }
  const files = [...replaced.values()];
  const updated: Site = { ...edited, made };
  const next: KeptRun = { site: updated, readMessages: new Map([...readMessages, ...files.map((file): [VFile, number] => [file, 0])]) };
  const ok = !files.some((file) => file.messages.some((message) => message.fatal === true));
  if (!ok) return { kept: next, files, ok, output: [], pages: addresses(updated, only) };

  const output = new Output();
  const remadePages = new Set(need(updated, 'pages').filter((page) => only.has(page.sourcePath)));
  const shares = await shareEntries(made, updated.pdfs ?? new Map(), need(updated, 'config').config.base_url, true);
  for (const [edition, local] of made) {
    for (const lang of edition.languages) renderLanguage({ ...languageInput(updated, edition, lang, local, remadePages), shares }, output);
  }
  return { kept: next, files, ok, output: output.files, pages: addresses(updated, only) };
}

/** The addresses of the pages made from these source paths, in every edition and language. */
export function addresses(site: Site, sourcePaths: ReadonlySet<string>): string[] {
  return [...(site.made ?? [])].flatMap(([edition, pages]) =>
    pages.filter((local) => sourcePaths.has(local.page.sourcePath)).map((local) => `${edition.prefix}${local.lang}/${local.page.outputPath}`),
  );
}

function slot(local: LocalizedPage): string {
  return `${local.lang}\n${local.page.sourcePath}`;
}

/** A page read again with the same front matter: same type, address and values. */
function samePage(old: Page, fresh: Page): boolean {
  return old.kind === fresh.kind && old.slug === fresh.slug && old.outputPath === fresh.outputPath && JSON.stringify(old.meta) === JSON.stringify(fresh.meta);
}

/** Whether a page offers links the same targets as before (heading ids and cited references). */
function sameTargets(old: LocalizedPage, fresh: LocalizedPage): boolean {
  const targets = (local: LocalizedPage) => JSON.stringify([[...local.content.ids].sort(), [...local.content.citations].sort()]);
  return targets(old) === targets(fresh);
}
