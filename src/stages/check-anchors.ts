import type { VFile } from 'vfile';
import { contentType } from '../content-types/index.js';
import { warn } from '../messages.js';
import { closest } from '../text/closest.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { RenderedDocument } from './render-markdown.js';

/**
 * Check every `page.md#heading` and `#heading` link against the ids the target page really
 * has in the language the link is written in (headings, footnotes, references), once every
 * page is made. A source file's links are checked in the source language, a translation's
 * in its own: a translation that drops the original's `{#id}` breaks links, and is told so.
 */
export function checkAnchors(documents: ReadonlyMap<VFile, RenderedDocument>, pages: readonly LocalizedPage[]): void {
  const ids = new Map<string, Set<string>>();
  for (const page of pages) {
    ids.set(
      `${page.lang}\n${page.page.sourcePath}`,
      new Set([
        ...page.content.ids,
        ...page.content.citations.map((key) => `ref-${key}`),
        'references',
        'main',
        ...(contentType(page.page.kind)?.ids?.(page.page) ?? []),
      ]),
    );
  }
  for (const document of documents.values()) {
    for (const link of document.anchorLinks) {
      const known = ids.get(`${document.lang}\n${link.target}`);
      if (!known || known.has(link.id)) continue;
      const suggestion = closest(link.id, known);
      const self = document.file.data.sourcePath === link.target;
      warn(document.file, {
        reason:
          `No heading "#${link.id}" in ${self ? 'this page' : `briefings/${link.target}`}` + `${document.lang === pages[0]?.lang ? '' : ` (${document.lang})`}`,
        rule: 'anchor-missing',
        place: link.place,
        hint: suggestion
          ? `Did you mean "#${suggestion}"?`
          : 'Heading ids are the heading text in lower case with spaces as hyphens, e.g. "## Practice lessons" → #practice-lessons; ' +
            "a translation keeps the original's ids with {#practice-lessons}.",
      });
    }
  }
}
