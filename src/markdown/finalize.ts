import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from './visit.js';
import type { Element, Root } from 'hast';
import type { TocEntry } from '../model/page.js';
import type { CiteItem, CitedText } from '../references/csl/citer.js';
import type { FinalContent } from '../model/final-content.js';
import { citationItems, isCitationCluster } from './citation-syntax.js';

/** What formats a page's citations: the page's citation style in its language. */
export interface PageCiter {
  cite(clusters: readonly (readonly CiteItem[])[]): CitedText;
}

/**
 * The last step for a page's content tree, once it is whole (a partial translation may have
 * been combined with the original): format its citations and reference list in its style,
 * collect the table of contents (h2 and h3), and write it out as HTML. The tree is left as it
 * was (citations are put in for writing it out, then taken out again: cheaper than a copy).
 * `imageSize` gives the size of a local image by its `src`: an `<img>` without `width` and
 * `height` gets them, so the page does not shift as images arrive. It is asked here, not
 * when the Markdown is rendered (and cached), so an image replaced by one of another size is
 * measured again.
 */
export function finalize(
  tree: Root,
  citer: PageCiter,
  imageSize?: (src: string) => { readonly width: number; readonly height: number } | undefined,
): FinalContent {
  const restore: [Element, Element['children'], Element['properties']][] = [];
  const clusters: Element[] = [];
  const toc: TocEntry[] = [];
  const ids = new Set<string>();
  // Sections kept in another language (an untranslated part) carry `lang` at the top level.
  let lang: string | undefined;
  const visitor = (node: Element) => {
    const id = node.properties.id;
    if (typeof id === 'string') ids.add(id);
    const className = node.properties.className;
    const classes = Array.isArray(className) ? className : [];
    if (isCitationCluster(node)) {
      clusters.push(node);
      return SKIP;
    }
    if (
      node.tagName === 'img' &&
      imageSize &&
      typeof node.properties.src === 'string' &&
      node.properties.width === undefined &&
      node.properties.height === undefined
    ) {
      const size = imageSize(node.properties.src);
      if (size) {
        restore.push([node, node.children, node.properties]);
        node.properties = { ...node.properties, width: size.width, height: size.height };
      }
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
  const cited = clusters.length === 0 ? { clusters: [], entries: [] } : citer.cite(clusters.map(citationItems));
  clusters.forEach((node, index) => {
    restore.push([node, node.children, node.properties]);
    node.children = cited.clusters[index] ?? [];
    node.properties = { className: ['citation-cluster'] };
  });
  const html = toHtml(tree);
  for (const [node, children, properties] of restore) {
    node.children = children;
    node.properties = properties;
  }
  return { html, toc, citations: cited.entries.map((entry) => entry.key), references: cited.entries, ids };
}
