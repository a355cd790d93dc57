import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import type { Citations } from '../references/csl/citations.js';
import { citationItems, isCitationCluster } from '../markdown/citation-syntax.js';
import { originText } from '../references/library.js';
import type { Reference } from '../references/library.js';
import type { Page } from '../model/page.js';
import { visit } from '../markdown/visit.js';
import type { RenderedDocument } from './render-markdown.js';

/** The fields a reference of each type needs, whatever the style: without them a reader cannot find it. A reference whose type is not stated is not checked. */
const NEEDED: Readonly<Record<string, readonly (keyof Reference & string)[]>> = {
  'article-journal': ['container-title', 'issued'],
  'article-magazine': ['container-title', 'issued'],
  'article-newspaper': ['container-title', 'issued'],
  chapter: ['container-title'],
  'paper-conference': ['container-title'],
  webpage: ['URL'],
};

/**
 * What the style of a page makes of its citations, told where each is written: a locator the
 * style does not print (Vancouver shows no page numbers in the text), and a cited reference
 * missing a field its type needs (a journal article without its journal).
 */
export function checkCitations(documents: ReadonlyMap<VFile, RenderedDocument>, pageOf: (file: VFile) => Page | undefined, citations: Citations): void {
  const shown = new Map<string, boolean>();
  for (const document of documents.values()) {
    const page = pageOf(document.file);
    if (!page) continue;
    const style = citations.styleOf(page);
    const told = new Set<string>();
    visit(document.tree as Root, 'element', (node: Element) => {
      if (!isCitationCluster(node)) return;
      const place = node.position;
      for (const item of citationItems(node)) {
        const reference = citations.library.byKey.get(item.id);
        if (!reference) continue;
        if (item.locator) {
          const key = `${style.name}\n${item.label ?? 'page'}`;
          let visible = shown.get(key);
          if (visible === undefined) shown.set(key, (visible = citations.citer(page, document.lang).showsLocator(item.id, item.label ?? 'page')));
          if (!visible) {
            warn(document.file, {
              reason: `The ${style.title} style does not show "${item.locator}" (the ${item.label ?? 'page'}) in the text`,
              rule: 'citation-locator-hidden',
              place,
              hint:
                'Numbered styles such as Vancouver cite the source only. Write the page in the sentence ("on page 12 [@key]"), ' +
                'or choose an author–date style such as apa for this page (citation_style: apa).',
            });
          }
        }
        const missing = (NEEDED[reference.type ?? ''] ?? []).filter((field) => reference[field] === undefined || reference[field] === '');
        if (missing.length === 0 || told.has(item.id)) continue;
        told.add(item.id);
        const origin = citations.library.origins.get(item.id);
        const where = origin ? originText(origin) : 'the bibliography';
        warn(document.file, {
          reason: `The reference "@${item.id}" (${reference.type}) has no ${missing.join(' or ')}: its entry in the reference list is incomplete`,
          rule: 'reference-incomplete',
          place,
          hint: `Add ${missing.map((field) => `"${field}:"`).join(' and ')} to its entry at ${where}.`,
        });
      }
    });
  }
}
