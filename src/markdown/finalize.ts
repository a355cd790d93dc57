import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from './visit.js';
import type { Element, Root } from 'hast';
import type { TocEntry } from '../site.js';

/** A page's content, ready for its template. */
export interface FinalContent {
  readonly html: string;
  readonly toc: readonly TocEntry[];
  /** Reference keys in order of first citation; a citation's number is its index + 1. */
  readonly citations: readonly string[];
  /** Every id in the content, for anchor checks. */
  readonly ids: ReadonlySet<string>;
}

/**
 * The last step for a page's content tree, once it is whole (a partial translation may have
 * been combined with the original): number its citations in order of first use, collect the
 * table of contents (h2 and h3), and write it out as HTML. The tree is left as it was
 * (citation numbers are put in for writing it out, then taken out again: cheaper than a copy).
 */
export function finalize(tree: Root): FinalContent {
  const restore: [Element, Element['children']][] = [];
  const citations: string[] = [];
  const toc: TocEntry[] = [];
  const ids = new Set<string>();
  // Sections kept in another language (an untranslated part) carry `lang` at the top level.
  let lang: string | undefined;
  const visitor = (node: Element) => {
    const id = node.properties.id;
    if (typeof id === 'string') ids.add(id);
    const className = node.properties.className;
    const classes = Array.isArray(className) ? className : [];
    if (node.tagName === 'a' && classes.includes('citation')) {
      const key = String(node.properties.href ?? '').replace(/^#ref-/, '');
      if (!citations.includes(key)) citations.push(key);
      restore.push([node, node.children]);
      node.children = [{ type: 'text', value: String(citations.indexOf(key) + 1) }];
      return SKIP;
    }
    if ((node.tagName === 'h2' || node.tagName === 'h3') && typeof id === 'string' && !classes.includes('sr-only')) {
      toc.push({ depth: node.tagName === 'h2' ? 2 : 3, id, text: toString(node).trim(), lang });
    }
  };
  for (const child of tree.children) {
    if (child.type !== 'element') continue;
    lang = typeof child.properties.lang === 'string' ? child.properties.lang : undefined;
    visit(child, 'element', visitor);
  }
  const html = toHtml(tree);
  for (const [node, children] of restore) node.children = children;
  return { html, toc, citations, ids };
}
