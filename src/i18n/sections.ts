import { createHash } from 'node:crypto';
import GithubSlugger from 'github-slugger';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Heading, RootContent } from 'mdast';
import { remarkContainerDirectives } from '../markdown/remark-container-directives.js';
import { guardParser } from '../markdown/guard-parser.js';
import { splitExplicitId } from '../markdown/remark-heading-ids.js';

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

// Guarded like the page processor: pathological nesting must not stall the fingerprint either.
const parser = unified().use(remarkParse).use(remarkGfm).use(remarkContainerDirectives).use(guardParser);

/**
 * Split a page into the sections translations are tracked by: the title and summary, the
 * text before the first heading, and one section per top-level heading (with everything
 * under it). Ids are the headings' ids as the site shows them.
 */
export function sectionsOf(meta: { title?: unknown; summary?: unknown }, body: string, lang: string): Section[] {
  const count = wordCounter(lang);
  const front = [meta.title, meta.summary].filter((value) => typeof value === 'string').join('\n');
  const sections: Section[] = [{ id: FRONT, title: 'title and summary', hash: hash(front), words: count(front) }];
  const tree = parser.parse(body);
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const level = Math.min(...headings.map((heading) => heading.depth));
  const slugger = new GithubSlugger();
  let current: { id: string; title: string; nodes: RootContent[] } = { id: START, title: 'beginning of the page', nodes: [] };
  const groups = [current];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === level) {
      const { text, id } = splitExplicitId(toString(node));
      current = { id: id ?? slugger.slug(text.trim()), title: text.trim(), nodes: [] };
      groups.push(current);
    } else if (node.type === 'heading') {
      const { text } = splitExplicitId(toString(node));
      slugger.slug(text.trim());
    }
    current.nodes.push(node);
  }
  for (const group of groups) {
    if (group.nodes.length === 0) continue;
    const start = group.nodes[0]!.position?.start.offset ?? 0;
    const end = group.nodes.at(-1)!.position?.end.offset ?? start;
    const text = body.slice(start, end);
    sections.push({ id: group.id, title: group.title, hash: hash(text), words: count(group.nodes.map((node) => toString(node)).join(' ')) });
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

function wordCounter(lang: string): (text: string) => number {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  return (text) => {
    let words = 0;
    for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
    return words;
  };
}
