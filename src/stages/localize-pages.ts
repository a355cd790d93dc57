import { posix } from 'node:path';
import type { Root } from 'hast';
import { imageSize } from '../assets/allowed-files.js';
import type { ImageSize } from '../assets/allowed-files.js';
import type { VFile } from 'vfile';
import { localFields } from './local-fields.js';
import { finalize } from '../markdown/finalize.js';
import type { PageCiter } from '../markdown/finalize.js';
import type { LocalizedPage, PageAsset } from '../model/localized-page.js';
import type { Translation } from '../model/translation.js';
import type { Translator } from '../i18n/ui-strings.js';
import type { Override } from '../countries/overrides.js';
import { replaceSection } from '../countries/replace-section.js';
import { mergeSections } from './merge-sections.js';
import { checkNewLinks } from './translation-links.js';
import { visit } from '../markdown/visit.js';
import { copiedSections } from '../i18n/sections.js';
import type { OriginalSections } from '../markdown/render-file.js';
import type { Page } from '../model/page.js';
import type { RenderedDocument } from './render-markdown.js';

/** What localising needs. */
export interface LocalizeInput {
  readonly pages: readonly Page[];
  /** The language the briefings are written in. */
  readonly source: string;
  /** The edition's languages. */
  readonly languages: readonly string[];
  /** The edition's overrides (pages or sections a country replaces). */
  readonly overrides: readonly Override[];
  /** The edition's default language: the language of its overrides unless they say. */
  readonly editionLanguage: string;
  readonly translations: readonly Translation[];
  readonly rendered: ReadonlyMap<VFile, RenderedDocument>;
  readonly translators: ReadonlyMap<string, Translator>;
  /** The current fingerprint of each source page, by source path. */
  readonly fingerprints: ReadonlyMap<string, string>;
  /** Each translated source page's sections and headings, by source path. */
  readonly sectionHashes: ReadonlyMap<string, OriginalSections>;
  /** Formats a page's citations in its style, in the language of its text. */
  readonly citer: (page: Page, lang: string) => PageCiter;
}

/**
 * Make every page in every language: the original, a translation, a partial translation
 * (matched to the original section by section through `{#id}` headings, the rest shown in
 * the source language with a notice), or the original as a fallback.
 */
export function localizePages(input: LocalizeInput): LocalizedPage[] {
  const { source } = input;
  const byPage = new Map<string, Map<string, Translation>>();
  for (const translation of input.translations) {
    const forPage = byPage.get(translation.sourcePath) ?? new Map<string, Translation>();
    forPage.set(translation.lang, translation);
    byPage.set(translation.sourcePath, forPage);
  }
  const result: LocalizedPage[] = [];
  for (const page of input.pages) {
    const original = input.rendered.get(page.file)!;
    const translations = byPage.get(page.sourcePath) ?? new Map<string, Translation>();
    const forPage: Omit<LocalizedPage, 'writtenIn'>[] = [];
    const own = input.overrides.filter((override) => override.page === page);
    const whole = own.find((override) => override.section === undefined);
    const originalContent = finalize(original.tree, input.citer(page, source), imageSizes(page, original.assets));
    for (const lang of input.languages) {
      if (whole) {
        result.push(replacedPage(page, lang, whole, input));
        continue;
      }
      const translation = lang === source ? undefined : translations.get(lang);
      const base = { page, lang, sourceLang: source, translation };
      const fromPage = { file: page.file, yaml: page.yaml };
      const fromOriginal = {
        outdated: false,
        title: page.meta.title,
        summary: page.meta.summary,
        titleLang: source,
        summaryLang: source,
        titleFrom: fromPage,
        summaryFrom: fromPage,
        fields: localFields(page, source, undefined),
        contentLang: source,
        assets: original.assets,
      };
      if (lang === source) {
        forPage.push({ ...base, ...fromOriginal, state: 'original', tree: original.tree, content: originalContent });
        continue;
      }
      if (!translation) {
        forPage.push({ ...base, ...fromOriginal, state: 'fallback', tree: original.tree, content: originalContent });
        continue;
      }
      const rendered = input.rendered.get(translation.file)!;
      checkNewLinks(rendered, original);
      const translator = input.translators.get(lang)!;
      const stamped = translation.meta.source_hash;
      const outdated = stamped !== undefined && stamped !== input.fingerprints.get(page.sourcePath);
      // The sections whose original changed since the translation was stamped: marked on the page.
      const stampedSections = translation.meta.source_sections;
      const originalSections = input.sectionHashes.get(page.sourcePath);
      const current = originalSections?.sections ?? {};
      const changed = new Set(
        outdated && stampedSections
          ? Object.keys(current).filter((id) => !id.startsWith('_') && id in stampedSections && stampedSections[id] !== current[id])
          : [],
      );
      // Only what a translator wrote is shown as the translation (issue 26): a section that is a
      // copy of the original's (as \`i18n new\` starts one), or that the file lacks, shows the
      // original with its notice. A file with no headings (\`i18n apply\` before anything after
      // the first heading is translated) is matched section by section too (matchedBySection).
      const copied = copiedSections(rendered.copyKeys, originalSections?.copyKeys ?? {}, stampedSections);
      const bySection = rendered.explicitIds.size > 0 || !hasHeadings(rendered.tree);
      const merged = bySection
        ? mergeSections(rendered, original, source, translator, changed, copied)
        : { tree: rendered.tree, partial: false, translated: 1 };
      const assets = [...rendered.assets, ...(merged.partial ? original.assets.filter((asset) => !rendered.assets.some((own) => own.to === asset.to)) : [])];
      const title = ownText(translation.meta.title, page.meta.title);
      const summary = ownText(translation.meta.summary, page.meta.summary);
      if (merged.translated === 0 && title === undefined && summary === undefined) {
        forPage.push({ ...base, ...fromOriginal, translation: undefined, state: 'fallback', tree: original.tree, content: originalContent });
        continue;
      }
      forPage.push({
        ...base,
        state: merged.partial ? 'partial' : 'translated',
        outdated,
        title: title ?? page.meta.title,
        summary: summary ?? page.meta.summary,
        titleLang: title === undefined ? source : lang,
        summaryLang: summary === undefined ? source : lang,
        titleFrom: title === undefined ? fromOriginal.titleFrom : { file: translation.file, yaml: translation.yaml },
        summaryFrom: summary === undefined ? fromOriginal.summaryFrom : { file: translation.file, yaml: translation.yaml },
        fields: localFields(page, source, { meta: translation.meta, lang, from: { file: translation.file, yaml: translation.yaml } }),
        contentLang: lang,
        tree: merged.tree,
        content: finalize(merged.tree, input.citer(page, lang), imageSizes(page, assets)),
        assets,
      });
    }
    // A page is written in the languages a translator wrote some of it in.
    const writtenIn = input.languages.filter((lang) => forPage.some((local) => local.lang === lang && local.state !== 'fallback'));
    result.push(...forPage.map((local) => ({ ...local, writtenIn })));
  }
  return result.map((local) => {
    const sections = input.overrides.filter((override) => override.page === local.page && override.section !== undefined);
    if (sections.length === 0) return local;
    let tree = local.tree;
    for (const override of sections) {
      tree = replaceSection(tree, override, input.rendered.get(override.file)!.tree, override.meta.lang ?? input.editionLanguage, local.lang, input.source);
    }
    return tree === local.tree
      ? local
      : { ...local, tree, content: finalize(tree, input.citer(local.page, local.contentLang), imageSizes(local.page, local.assets)) };
  });
}

/** The size of each image a page copies beside itself, by its `src` on the page (see rehype-local-links). */
function imageSizes(page: Page, assets: readonly PageAsset[]): (src: string) => ImageSize | undefined {
  const folder = posix.dirname(page.outputPath);
  const from = new Map(assets.map((asset) => [asset.to, asset.from]));
  return (src) => {
    let name: string;
    try {
      name = decodeURI(src.split('#')[0]!);
    } catch {
      return undefined;
    }
    const source = from.get(posix.join(folder, name));
    return source === undefined ? undefined : imageSize(source);
  };
}

/** Whether an HTML tree has a heading anywhere. */
function hasHeadings(tree: Root): boolean {
  let found = false;
  visit(tree, 'element', (element) => {
    if (/^h[1-6]$/.test(element.tagName)) found = true;
  });
  return found;
}

/** A translation's title or summary, unless it has none or it is the original's, copied. */
function ownText(translated: string | undefined, original: string | undefined): string | undefined {
  return translated === undefined || translated.trim() === (original ?? '').trim() ? undefined : translated;
}

/** A page a country replaced as a whole: its text in every language of the edition. */
function replacedPage(page: Page, lang: string, override: Override, input: LocalizeInput): LocalizedPage {
  const written = override.meta.lang ?? input.editionLanguage;
  const rendered = input.rendered.get(override.file)!;
  return {
    page,
    lang,
    sourceLang: input.source,
    state: lang === written ? 'original' : 'fallback',
    outdated: false,
    title: override.meta.title ?? page.meta.title,
    summary: override.meta.summary ?? page.meta.summary,
    titleLang: override.meta.title ? written : input.source,
    summaryLang: override.meta.summary ? written : input.source,
    titleFrom: override.meta.title ? { file: override.file, yaml: override.yaml } : { file: page.file, yaml: page.yaml },
    summaryFrom: override.meta.summary ? { file: override.file, yaml: override.yaml } : { file: page.file, yaml: page.yaml },
    fields: localFields(page, input.source, { meta: override.meta, lang: written, from: { file: override.file, yaml: override.yaml } }),
    contentLang: written,
    tree: rendered.tree,
    content: finalize(rendered.tree, input.citer(page, written), imageSizes(page, rendered.assets)),
    assets: rendered.assets,
    writtenIn: [written],
    translation: undefined,
  };
}
