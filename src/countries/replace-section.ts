import type { Element, ElementContent, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { direction } from '../i18n/languages.js';
import { warn } from '../messages.js';
import { hasContent } from '../markdown/has-content.js';
import type { Override } from './overrides.js';

/**
 * Put a country's version of one section in place of the original's (in whatever language
 * the page is in), keeping the section's id so links and the contents still find it.
 */
export function replaceSection(tree: Root, override: Override, replacementTree: Root, written: string, lang: string, source: string): Root {
  const id = override.section!;
  const replacement = structuredClone(replacementTree).children.filter(hasContent);
  const first = replacement[0];
  if (first?.type === 'element' && /^h[1-6]$/.test(first.tagName)) {
    first.tagName = 'h2';
    first.properties.id = id;
  }
  // Work on a copy: the original's tree is shared by every language that falls back to it.
  const children = structuredClone(tree).children;
  // The section may sit inside a block of another language (an untranslated part).
  const holderIndex = children.findIndex(
    (node) =>
      node.type === 'element' &&
      (isHeading(node, id) || (node.tagName === 'div' && node.children.some((child) => child.type === 'element' && isHeading(child, id)))),
  );
  if (holderIndex === -1) {
    if (lang === source) {
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
