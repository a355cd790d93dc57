import { createHash } from 'node:crypto';
import { toString } from 'mdast-util-to-string';
import type { Heading, Root, RootContent } from 'mdast';
import { headingIds, splitExplicitId } from '../markdown/heading-ids.js';
import type { OutlineHeading } from '../markdown/heading-ids.js';
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
  /** A hash of its text without the `{#id}`s after headings: the same in a copy that `i18n new` made. */
  readonly copyKey: string;
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
export function sectionsOfTree(
  meta: { readonly [key: string]: unknown },
  tree: Root,
  body: string,
  lang: string,
  fields: readonly string[] = [],
  options: { readonly words?: boolean; readonly outline?: readonly OutlineHeading[] | undefined } = {},
): Section[] {
  // Counting words is most of the work, and only translation status shows them: a build's
  // fingerprints need the hashes alone.
  const count = options.words === false ? () => 0 : wordCounter(lang);
  // A type's other translatable fields (a module's objectives, a brief's asks) count as front matter too.
  const front = [meta.title, meta.summary, ...fields.flatMap((key) => stringsIn(meta[key]))].filter((value) => typeof value === 'string').join('\n');
  const sections: Section[] = [{ id: FRONT, title: 'title and summary', hash: hash(front), copyKey: hash(front), words: count(front) }];
  for (const group of groupSections(tree, options.outline)) {
    const text = body.slice(group.start, group.end);
    sections.push({
      id: group.id,
      title: group.title,
      hash: hash(text),
      copyKey: hash(text.replace(HEADING_ID, '')),
      words: options.words === false ? 0 : count(group.nodes.map((node) => toString(node)).join(' ')),
    });
  }
  return sections;
}

/** The top-level nodes of a page, grouped as translation tracking groups them. */
export interface SectionGroup {
  readonly id: string;
  readonly title: string;
  readonly nodes: readonly RootContent[];
  /** Where the group is in the text the tree was parsed from. */
  readonly start: number;
  readonly end: number;
}

/**
 * A page's sections: the text before the first heading (`_start`, when there is any), then
 * one per top-level heading with everything under it, by the id the site gives the heading
 * (a translation's, given its original's `outline`, as heading-ids.ts decides).
 */
export function groupSections(tree: Root, outline?: readonly OutlineHeading[]): SectionGroup[] {
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const level = Math.min(...headings.map((heading) => heading.depth));
  const ids = new Map(headingIds(tree, outline).map((heading) => [heading.node, heading.id]));
  let current: { id: string; title: string; nodes: RootContent[] } = { id: START, title: 'beginning of the page', nodes: [] };
  const groups = [current];
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth === level) {
      current = { id: ids.get(node)!, title: splitExplicitId(toString(node)).text.trim(), nodes: [] };
      groups.push(current);
    }
    current.nodes.push(node);
  }
  return groups
    .filter((group) => group.nodes.length > 0)
    .map((group) => {
      const start = group.nodes[0]!.position?.start.offset ?? 0;
      return { ...group, start, end: group.nodes.at(-1)!.position?.end.offset ?? start };
    });
}

/** A `{#id}` at the end of a line (after a heading). */
const HEADING_ID = /[ \t]*\{#[\p{L}\p{N}_-]+\}[ \t]*$/gmu;

/**
 * The sections of a translation that are copies of the original, not translations: the same
 * text as the original's section now, or as when the translation was stamped (`stamped`, its
 * `source_sections`), `{#id}`s aside. `i18n new` starts a translation as such a copy; until a
 * translator writes the section, it is shown and counted as the original (issue 26).
 */
export function copiedSections(
  translation: Readonly<Record<string, string>>,
  original: Readonly<Record<string, string>>,
  stamped: Readonly<Record<string, string>> = {},
): Set<string> {
  return new Set(Object.keys(translation).filter((id) => id !== FRONT && (translation[id] === original[id] || translation[id] === stamped[id])));
}

/** Each section's copy key, by id (what {@link copiedSections} compares). */
export function copyKeysOf(sections: readonly Section[]): Record<string, string> {
  return Object.fromEntries(sections.map((section) => [section.id, section.copyKey]));
}

/** The front matter texts a translation has of its own (title, summary, its type's `fields`): set, and not the original's, copied. */
export function ownFrontKeys(meta: Readonly<Record<string, unknown>>, original: Readonly<Record<string, unknown>>, fields: readonly string[]): Set<string> {
  return new Set(['title', 'summary', ...fields].filter((key) => meta[key] !== undefined && JSON.stringify(meta[key]) !== JSON.stringify(original[key])));
}

/** The fingerprint of a whole page: changes when any of its sections does. */
export function fingerprint(sections: readonly Section[]): string {
  return hash(sections.map((section) => `${section.id}:${section.hash}`).join('\n'), 8);
}

function hash(text: string, length = 6): string {
  const normalised = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
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
