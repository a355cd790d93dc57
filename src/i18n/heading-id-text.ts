import { explicitId, headingIds } from '../markdown/heading-ids.js';
import type { OutlineHeading } from '../markdown/heading-ids.js';
import { parseMarkdown } from '../markdown/parse.js';

/**
 * Write `{#id}` after every heading of a Markdown text that has none, with the id the site
 * gives it (heading-ids.ts; a translation's by place from its original's `outline`, when its
 * headings line up): what ties a translation's sections to the original's, written out so it
 * holds when the text changes.
 */
export function writeHeadingIds(markdown: string, outline?: readonly OutlineHeading[]): string {
  const inserts: { at: number; id: string }[] = [];
  for (const { node, id } of headingIds(parseMarkdown(markdown), outline)) {
    const end = node.children.at(-1)?.position?.end.offset;
    if (explicitId(node) === undefined && end !== undefined) inserts.push({ at: end, id });
  }
  let result = markdown;
  for (const insert of inserts.sort((a, b) => b.at - a.at)) result = `${result.slice(0, insert.at)} {#${insert.id}}${result.slice(insert.at)}`;
  return result;
}
