import { warn } from '../messages.js';
import { closest } from '../text/closest.js';
import type { RenderResult } from './render-markdown.js';

/**
 * Check every `page.md#heading` and `#heading` link against the ids the target page really
 * has (headings, footnotes, references), once all pages are rendered.
 */
export function checkAnchors(results: readonly RenderResult[]): void {
  const idsBySource = new Map(
    results.map((result) => [
      result.page.sourcePath,
      new Set([...result.ids, ...result.citations.map((key) => `ref-${key}`), 'references', 'main']),
    ]),
  );
  for (const result of results) {
    for (const link of result.anchorLinks) {
      const ids = idsBySource.get(link.target);
      if (!ids || ids.has(link.id)) continue;
      const suggestion = closest(link.id, [...ids]);
      const where = link.target === result.page.sourcePath ? 'this page' : `briefings/${link.target}`;
      warn(result.page.file, {
        reason: `No heading "#${link.id}" in ${where}`,
        rule: 'anchor-missing',
        place: link.place,
        hint: suggestion
          ? `Did you mean "#${suggestion}"?`
          : 'Heading ids are the heading text in lower case with spaces as hyphens, e.g. "## Practice lessons" → #practice-lessons.',
      });
    }
  }
}
