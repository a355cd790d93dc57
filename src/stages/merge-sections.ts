import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import { hasContent } from '../markdown/has-content.js';
import { visit } from '../markdown/visit.js';
import { direction, languageName } from '../i18n/languages.js';
import { START } from '../i18n/sections.js';
import type { Translator } from '../i18n/ui-strings.js';
import { warn } from '../messages.js';
import type { RenderedDocument } from './render-markdown.js';

interface Section {
  readonly id: string | undefined;
  readonly nodes: RootContent[];
}

/**
 * Combine a translation with its original, section by section (a section is a top-level
 * `h2` and what follows it): the translation's section where it has one with the same id
 * that is not a copy of the original's (`copied`, by id; `_start` for the text before the
 * first heading), else the original's, marked with its language and a notice. `translated`
 * counts the sections taken from the translation.
 */
export function mergeSections(
  translation: RenderedDocument,
  original: RenderedDocument,
  source: string,
  translator: Translator,
  changed: ReadonlySet<string> = new Set(),
  copied: ReadonlySet<string> = new Set(),
): { tree: Root; partial: boolean; translated: number } {
  const ours = split(translation.tree);
  const theirs = split(renameFootnotes(structuredClone(original.tree)));
  const translated = new Map(ours.sections.filter((section) => section.id !== undefined).map((section) => [section.id!, section]));
  const notice = translator.t('sectionNotTranslated', {
    language: languageName(translator.lang, translator.lang),
    original: languageName(source, translator.lang),
  });
  const children: RootContent[] = [];
  let partial = false;
  let count = 0;
  const used = new Set<string>();
  for (const section of theirs.sections) {
    const found =
      section.id === undefined ? ours.sections.find((candidate) => candidate.id === undefined && candidate.nodes.some(hasContent)) : translated.get(section.id);
    if (found?.id !== undefined) used.add(found.id);
    // A section the translation has only as a copy of the original's is not translated.
    const match = found && !copied.has(found.id ?? START) ? found : undefined;
    if (match) {
      count++;
      const marked = { ...match, nodes: markCopiedBlocks(match.nodes, section.nodes, source) };
      // A translated section whose original changed since says so, under its heading.
      if (match.id !== undefined && changed.has(match.id))
        children.push(...markOutdated(marked, translator.t('sectionOutdated', { original: languageName(source, translator.lang) })));
      else children.push(...marked.nodes);
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
  return { tree: { type: 'root', children }, partial, translated: count };
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

/**
 * A translated section's blocks, those still in the original's words (a paragraph not yet
 * translated, as \`i18n new\` copied it) marked with the original's language, so they are
 * read and laid out in it (issue 26). A block of numbers or a name kept as it is is not marked.
 */
function markCopiedBlocks(nodes: readonly RootContent[], original: readonly RootContent[], source: string): RootContent[] {
  const texts = new Set(original.flatMap((node) => (node.type === 'element' ? [toString(node).trim()] : [])));
  return nodes.map((node) => {
    if (node.type !== 'element' || /^h[1-6]$/.test(node.tagName)) return node;
    const text = toString(node).trim();
    if (!texts.has(text) || (text.match(/\p{L}{2,}/gu) ?? []).length < 2) return node;
    return { ...node, properties: { ...node.properties, lang: source, dir: direction(source) } };
  });
}

/** A translated section with a note under its heading that its original changed since. */
function markOutdated(section: Section, notice: string): RootContent[] {
  const [first, ...rest] = section.nodes;
  const note = h('p', { className: ['section-outdated'] }, notice);
  return first?.type === 'element' && first.tagName === 'h2' ? [first, note, ...rest] : [note, ...section.nodes];
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

function usesFootnotes(node: RootContent): boolean {
  let found = false;
  if (node.type === 'element' && (node.properties.className as string[] | undefined)?.includes('untranslated')) {
    visit(node, 'element', (element) => {
      if (element.properties.dataFootnoteRef !== undefined) found = true;
    });
  }
  return found;
}
