import { createHash } from 'node:crypto';
import { toString } from 'mdast-util-to-string';
import type { Heading, Root, RootContent } from 'mdast';
import { headingIds, splitExplicitId } from '../markdown/heading-ids.js';
import { parseMarkdown } from '../markdown/parse.js';
import { stringsIn } from '../text/map-strings.js';

/** One part of a source file, as translation tracking sees it. */
export interface Section {
  /** The heading's id (`naloxone-basics`), or `_front` for title and summary, `_start` for text before the first heading. */
  readonly id: string;
  /** What a translator reads: the heading text, "title and summary" or "beginning of the page". */
  readonly title: string;
  /** A short hash of the section's text: it changes when the section does. */
  readonly hash: string;
  readonly words: number;
}

/** Ids of the two sections that have no heading. */
export const FRONT = '_front';
export const START = '_start';

/**
 * Split a page into the sections translations are tracked by: the title and summary, the
 * text before the first heading, and one section per top-level heading (with everything
 * under it). Ids are the headings' ids as the site shows them (heading-ids.ts).
 */
export function sectionsOf(meta: { readonly [key: string]: unknown }, body: string, lang: string): Section[] {
  return sectionsOfTree(meta, parseMarkdown(body), body, lang);
}

/**
 * {@link sectionsOf} for a page already parsed (with parse.ts's configuration; the tree is
 * not changed), so a build can parse each file once. `body` is the text it was parsed from.
 */
export function sectionsOfTree(meta: { readonly [key: string]: unknown }, tree: Root, body: string, lang: string, fields: readonly string[] = [], options: { readonly words?: boolean } = {}): Section[] {
  // Counting words is most of the work, and only translation status shows them: a build's
  // fingerprints need the hashes alone.
  const count = options.words === false ? () => 0 : wordCounter(lang);
  // A type's other translatable fields (a module's objectives, a brief's asks) count as front matter too.
  const front = [meta.title, meta.summary, ...fields.flatMap((key) => stringsIn(meta[key]))].filter((value) => typeof value === 'string').join('\n');
  const sections: Section[] = [{ id: FRONT, title: 'title and summary', hash: hash(front), words: count(front) }];
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const level = Math.min(...headings.map((heading) => heading.depth));
  const ids = new Map(headingIds(tree).map((heading) => [heading.node, heading.id]));
  let current: { id: string; title: string; nodes: RootContent[] } = { id: START, title: 'beginning of the page', nodes: [] };
  const groups = [current];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === level) {
      current = { id: ids.get(node)!, title: splitExplicitId(toString(node)).text.trim(), nodes: [] };
      groups.push(current);
    }
    current.nodes.push(node);
  }
  for (const group of groups) {
    if (group.nodes.length === 0) continue;
    const start = group.nodes[0]!.position?.start.offset ?? 0;
    const end = group.nodes.at(-1)!.position?.end.offset ?? start;
    const text = body.slice(start, end);
    sections.push({ id: group.id, title: group.title, hash: hash(text), words: options.words === false ? 0 : count(group.nodes.map((node) => toString(node)).join(' ')) });
  }
  return sections;
}

/** The fingerprint of a whole page: changes when any of its sections does. */
export function fingerprint(sections: readonly Section[]): string {
  return hash(sections.map((section) => `${section.id}:${section.hash}`).join('\n'), 8);
}

function hash(text: string, length = 6): string {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim();
  return createHash('sha256').update(normalised).digest('hex').slice(0, length);
}

const segmenters = new Map<string, Intl.Segmenter>();

function wordCounter(lang: string): (text: string) => number {
  let segmenter = segmenters.get(lang);
  if (!segmenter) segmenters.set(lang, (segmenter = new Intl.Segmenter(lang, { granularity: 'word' })));
  return (text) => {
    let words = 0;
    for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
    return words;
  };
}
