import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { YamlSource } from '../yaml/parse.js';
import { finalize } from '../markdown/finalize.js';
import type { FinalContent } from '../markdown/finalize.js';
import type { PageAsset } from '../markdown/context.js';
import { direction, languageName } from '../i18n/languages.js';
import type { Translation } from '../i18n/translations.js';
import type { Translator } from '../i18n/ui-strings.js';
import type { Override } from '../countries/overrides.js';
import { warn } from '../messages.js';
import type { Page } from '../site.js';
import type { RenderedDocument } from './render-markdown.js';

/** How a page reads in one language. */
export type PageState =
  /** in the source language */
  | 'original'
  /** translated in full */
  | 'translated'
  /** translated in part: the other sections are shown in the source language */
  | 'partial'
  /** not translated: the whole text is the source language's */
  | 'fallback';

/** A page as it is written for one language. */
export interface LocalizedPage {
  readonly page: Page;
  readonly lang: string;
  /** The language the briefings are written in (the original of a translation). */
  readonly sourceLang: string;
  readonly state: PageState;
  /** The original changed after the translation was stamped. */
  readonly outdated: boolean;
  readonly title: string;
  readonly summary: string | undefined;
  /** The languages the title and summary are in (a translation may lack either). */
  readonly titleLang: string;
  readonly summaryLang: string;
  /** The files the title and summary come from, for messages about them. */
  readonly titleFrom: MetaOrigin;
  readonly summaryFrom: MetaOrigin;
  /** The language of the title, summary and main text (the source language for a fallback). */
  readonly contentLang: string;
  /** The whole content as an HTML tree, before numbering (print combines several of these). */
  readonly tree: Root;
  readonly content: FinalContent;
  readonly assets: readonly PageAsset[];
  /** Languages this page is written in (the source language and each translation). */
  readonly writtenIn: readonly string[];
  /** The translation file, if there is one. */
  readonly translation: Translation | undefined;
}

/** Where a title or summary was written: a file, and its front matter positions. */
export interface MetaOrigin {
  readonly file: VFile;
  readonly yaml: YamlSource | undefined;
}

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
    const writtenIn = input.languages.filter((lang) => lang === source || translations.has(lang));
    const own = input.overrides.filter((override) => override.page === page);
    const whole = own.find((override) => override.section === undefined);
    const originalContent = finalize(original.tree);
    for (const lang of input.languages) {
      if (whole) {
        result.push(replacedPage(page, lang, whole, input));
        continue;
      }
      const translation = lang === source ? undefined : translations.get(lang);
      const base = { page, lang, sourceLang: source, writtenIn, translation };
      const fromPage = { file: page.file, yaml: page.yaml };
      const fromOriginal = { outdated: false, title: page.meta.title, summary: page.meta.summary, titleLang: source, summaryLang: source, titleFrom: fromPage, summaryFrom: fromPage, contentLang: source, assets: original.assets };
      if (lang === source) {
        result.push({ ...base, ...fromOriginal, state: 'original', tree: original.tree, content: originalContent });
        continue;
      }
      if (!translation) {
        result.push({ ...base, ...fromOriginal, state: 'fallback', tree: original.tree, content: originalContent });
        continue;
      }
      const rendered = input.rendered.get(translation.file)!;
      const translator = input.translators.get(lang)!;
      const merged = rendered.explicitIds.size > 0 ? mergeSections(rendered, original, source, translator) : { tree: rendered.tree, partial: false };
      const stamped = translation.meta.source_hash;
      result.push({
        ...base,
        state: merged.partial ? 'partial' : 'translated',
        outdated: stamped !== undefined && stamped !== input.fingerprints.get(page.sourcePath),
        title: translation.meta.title ?? page.meta.title,
        summary: translation.meta.summary ?? page.meta.summary,
        titleLang: translation.meta.title === undefined ? source : lang,
        summaryLang: translation.meta.summary === undefined ? source : lang,
        titleFrom: translation.meta.title === undefined ? fromOriginal.titleFrom : { file: translation.file, yaml: translation.yaml },
        summaryFrom: translation.meta.summary === undefined ? fromOriginal.summaryFrom : { file: translation.file, yaml: translation.yaml },
        contentLang: lang,
        tree: merged.tree,
        content: finalize(merged.tree),
        assets: [...rendered.assets, ...(merged.partial ? original.assets.filter((asset) => !rendered.assets.some((own) => own.to === asset.to)) : [])],
      });
    }
  }
  return result.map((local) => {
    const sections = input.overrides.filter((override) => override.page === local.page && override.section !== undefined);
    if (sections.length === 0) return local;
    let tree = local.tree;
    for (const override of sections) tree = replaceSection(tree, override, local.lang, input);
    return tree === local.tree ? local : { ...local, tree, content: finalize(tree) };
  });
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
    contentLang: written,
    tree: rendered.tree,
    content: finalize(rendered.tree),
    assets: rendered.assets,
    writtenIn: [written],
    translation: undefined,
  };
}

/**
 * Put a country's version of one section in place of the original's (in whatever language
 * the page is in), keeping the section's id so links and the contents still find it.
 */
function replaceSection(tree: Root, override: Override, lang: string, input: LocalizeInput): Root {
  const id = override.section!;
  const written = override.meta.lang ?? input.editionLanguage;
  const replacement = structuredClone(input.rendered.get(override.file)!.tree).children.filter(hasContent);
  const first = replacement[0];
  if (first?.type === 'element' && /^h[1-6]$/.test(first.tagName)) {
    first.tagName = 'h2';
    first.properties.id = id;
  }
  // Work on a copy: the original's tree is shared by every language that falls back to it.
  const children = structuredClone(tree).children;
  // The section may sit inside a block of another language (an untranslated part).
  const holderIndex = children.findIndex((node) => node.type === 'element' && (isHeading(node, id) || (node.tagName === 'div' && node.children.some((child) => child.type === 'element' && isHeading(child, id)))));
  if (holderIndex === -1) {
    if (lang === input.source) {
      warn(override.file, {
        reason: `There is no section #${id} in briefings/${override.page.sourcePath}`,
        rule: 'override-target',
        place: override.yaml?.placeOf(['replaces']),
        hint: 'Give the id of a "##" heading of that page, as in its address: page/index.html#the-id.',
      });
    }
    return tree;
  }
  const holder = children[holderIndex] as Element;
  const list = (isHeading(holder, id) ? children : holder.children) as RootContent[];
  const start = list.findIndex((node) => node.type === 'element' && isHeading(node, id));
  let end = start + 1;
  while (end < list.length && !startsSection(list[end]!)) end++;
  const keepHeading = first?.type === 'element' && first.tagName === 'h2' ? [] : [list[start]!];
  const nodes = [...keepHeading, ...replacement];
  const wrapped = written === lang ? nodes : [h('div', { lang: written, dir: direction(written) }, nodes as ElementContent[])];
  list.splice(start, end - start, ...(wrapped as RootContent[]));
  return { type: 'root', children };
}

/** Whether a top-level node begins something else: a section, a block of another language, the footnotes. */
function startsSection(node: RootContent): boolean {
  if (node.type !== 'element') return false;
  if (node.tagName === 'h2' || (node.tagName === 'section' && node.properties.dataFootnotes !== undefined)) return true;
  const first = node.children.find((child) => child.type === 'element');
  return node.tagName === 'div' && first?.type === 'element' && first.tagName === 'h2';
}

function isHeading(node: Element, id: string): boolean {
  return node.tagName === 'h2' && node.properties.id === id;
}

interface Section {
  readonly id: string | undefined;
  readonly nodes: RootContent[];
}

/**
 * Combine a translation with its original, section by section (a section is a top-level
 * `h2` and what follows it): the translation's section where it has one with the same id,
 * else the original's, marked with its language and a notice.
 */
function mergeSections(translation: RenderedDocument, original: RenderedDocument, source: string, translator: Translator): { tree: Root; partial: boolean } {
  const ours = split(translation.tree);
  const theirs = split(renameFootnotes(structuredClone(original.tree)));
  const translated = new Map(ours.sections.filter((section) => section.id !== undefined).map((section) => [section.id!, section]));
  const notice = translator.t('sectionNotTranslated', {
    language: languageName(translator.lang, translator.lang),
    original: languageName(source, translator.lang),
  });
  const children: RootContent[] = [];
  let partial = false;
  const used = new Set<string>();
  for (const section of theirs.sections) {
    const match = section.id === undefined ? ours.sections.find((candidate) => candidate.id === undefined && candidate.nodes.some(hasContent)) : translated.get(section.id);
    if (match) {
      children.push(...match.nodes);
      if (match.id !== undefined) used.add(match.id);
      continue;
    }
    if (!section.nodes.some(hasContent)) continue;
    partial = true;
    children.push(wrapUntranslated(section, source, translator, notice));
  }
  for (const section of ours.sections) {
    if (section.id === undefined || used.has(section.id)) continue;
    warn(translation.file, {
      reason: `Section {#${section.id}} has no section with that id in the original; it is shown at the end`,
      rule: 'translation-section',
      place: (section.nodes[0] as Element | undefined)?.position,
      hint: 'Keep the {#id} of the original heading this section translates.',
    });
    children.push(...section.nodes);
  }
  if (ours.footnotes) children.push(ours.footnotes);
  if (partial && theirs.footnotes && children.some(usesFootnotes)) {
    children.push(h('div', { lang: source, dir: direction(source) }, [theirs.footnotes as Element]));
  }
  return { tree: { type: 'root', children }, partial };
}

/** Split a tree into its sections (preamble first, id undefined) and its footnotes. */
function split(tree: Root): { sections: Section[]; footnotes: RootContent | undefined } {
  const sections: Section[] = [{ id: undefined, nodes: [] }];
  let footnotes: RootContent | undefined;
  for (const node of tree.children) {
    if (node.type === 'element' && node.tagName === 'section' && node.properties.dataFootnotes !== undefined) {
      footnotes = node;
      continue;
    }
    if (node.type === 'element' && node.tagName === 'h2') {
      sections.push({ id: typeof node.properties.id === 'string' ? node.properties.id : '', nodes: [node] });
      continue;
    }
    sections.at(-1)!.nodes.push(node);
  }
  return { sections, footnotes };
}

function wrapUntranslated(section: Section, source: string, translator: Translator, notice: string): Element {
  const [first, ...rest] = section.nodes;
  const heading = first?.type === 'element' && first.tagName === 'h2' ? [first] : [];
  const body = heading.length > 0 ? rest : section.nodes;
  return h('div', { className: ['untranslated'], lang: source, dir: direction(source) }, [
    ...(heading as ElementContent[]),
    h('p', { className: ['untranslated-notice'], lang: translator.lang, dir: translator.dir }, notice),
    ...(body.filter((node) => node.type !== 'doctype') as ElementContent[]),
  ]);
}

/** Rename the original's footnote ids so they cannot collide with the translation's. */
function renameFootnotes(tree: Root): Root {
  const rename = (value: string) => value.replace(/^(#?)(fn-|fnref-|footnote-label)/, '$1$2original-');
  visit(tree, 'element', (element) => {
    const properties = element.properties as Record<string, unknown>;
    for (const key of ['id', 'href', 'ariaDescribedBy']) {
      const value = properties[key];
      if (typeof value === 'string') properties[key] = rename(value);
      else if (Array.isArray(value)) properties[key] = value.map((item) => rename(String(item)));
    }
  });
  return tree;
}

function hasContent(node: RootContent): boolean {
  return node.type === 'element' || (node.type === 'text' && node.value.trim() !== '');
}

function usesFootnotes(node: RootContent): boolean {
  let found = false;
  if (node.type === 'element' && (node.properties.className as string[] | undefined)?.includes('untranslated')) {
    visit(node, 'element', (element) => {
      if (element.properties.dataFootnoteRef !== undefined) found = true;
    });
  }
  return found;
}
