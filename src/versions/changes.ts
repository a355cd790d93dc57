import { diffWords } from 'diff';
import { toString } from 'mdast-util-to-string';
import { readFrontMatter } from '../content/front-matter.js';
import { FRONT, groupSections, sectionsOf } from '../i18n/sections.js';
import { parseMarkdown } from '../markdown/parse.js';
import { VFile } from 'vfile';
import type { RootContent } from 'mdast';
import type { ReleasedVersion } from './released.js';

/** A piece of a word diff: text both versions have, or that one added or removed. */
export interface DiffPart {
  readonly text: string;
  readonly change: 'same' | 'added' | 'removed';
}

/** How a section of a page changed between two versions. */
export interface SectionChange {
  /** The section's id (`_front` for the title and summary). */
  readonly id: string;
  /** Its heading in the version that has it (the newer when both do). */
  readonly title: string;
  readonly change: 'added' | 'removed' | 'rewritten' | 'moved';
  /** For a rewritten section: its text, word by word, as the older and newer version have it. */
  readonly diff?: readonly DiffPart[] | undefined;
}

/** What changed in a page between a released version and the text being written now (issue 33). */
export interface VersionChanges {
  /** The version compared with. */
  readonly since: { readonly version: string; readonly date: string };
  readonly sections: readonly SectionChange[];
  /** The case studies (by slug) the newer version lists and the older did not, and those it dropped. */
  readonly caseStudies: { readonly added: readonly string[]; readonly dropped: readonly string[] };
}

/** A page's text as far as comparing versions goes. */
export interface PageText {
  readonly meta: Readonly<Record<string, unknown>>;
  /** The Markdown with its front matter masked (as a page's file holds it). */
  readonly body: string;
}

/** The front matter and body of a released original's file. */
export function releasedText(version: ReleasedVersion): PageText {
  const file = new VFile({ path: `${version.folder}/source.md`, value: version.text });
  const { data, body } = readFrontMatter(file);
  return { meta: data, body };
}

/**
 * What changed between an older and a newer text of a page, section by section (by the ids
 * translation tracking uses): sections added, removed, rewritten (with a word diff of their
 * text) and moved (the same text in another place among the sections both have); the title
 * and summary as one section; and the case studies the page lists.
 */
export function versionChanges(older: PageText, newer: PageText, lang: string, since: VersionChanges['since']): VersionChanges {
  const before = sectionsOf(older.meta, older.body, lang);
  const after = sectionsOf(newer.meta, newer.body, lang);
  const oldTexts = sectionTexts(older);
  const newTexts = sectionTexts(newer);
  const oldIds = new Set(before.map((section) => section.id));
  const newIds = new Set(after.map((section) => section.id));
  const sections: SectionChange[] = [];
  const kept = after.filter((section) => oldIds.has(section.id)).map((section) => section.id);
  const keptBefore = before.filter((section) => newIds.has(section.id)).map((section) => section.id);
  const moved = movedIds(keptBefore, kept);
  for (const section of after) {
    const old = before.find((candidate) => candidate.id === section.id);
    if (!old) sections.push({ id: section.id, title: section.title, change: 'added' });
    else if (old.copyKey !== section.copyKey)
      sections.push({
        id: section.id,
        title: section.title,
        change: 'rewritten',
        diff: wordDiff(oldTexts.get(section.id) ?? '', newTexts.get(section.id) ?? ''),
      });
    else if (moved.has(section.id)) sections.push({ id: section.id, title: section.title, change: 'moved' });
  }
  for (const section of before) if (!newIds.has(section.id)) sections.push({ id: section.id, title: section.title, change: 'removed' });
  const list = (meta: PageText['meta']) => (Array.isArray(meta.case_studies) ? meta.case_studies.map(String) : []);
  const [oldStudies, newStudies] = [list(older.meta), list(newer.meta)];
  return {
    since,
    sections,
    caseStudies: { added: newStudies.filter((slug) => !oldStudies.includes(slug)), dropped: oldStudies.filter((slug) => !newStudies.includes(slug)) },
  };
}

/** Each section's text as a reader reads it (no Markdown syntax), by id; the title and summary as `_front`. */
function sectionTexts(page: PageText): Map<string, string> {
  const texts = new Map<string, string>([[FRONT, [page.meta.title, page.meta.summary].filter((value) => typeof value === 'string').join('\n\n')]]);
  // A section's heading names it on the changes page: its text is what follows.
  for (const group of groupSections(parseMarkdown(page.body)))
    texts.set(
      group.id,
      group.nodes
        .filter((node, index) => !(index === 0 && node.type === 'heading'))
        .map(blockText)
        .join('\n\n'),
    );
  return texts;
}

/** A block's text with its blocks (list items, paragraphs of a quote, table cells) kept apart by a space. */
function blockText(node: RootContent): string {
  return 'children' in node && CONTAINERS.has(node.type) ? (node.children as RootContent[]).map(blockText).join(' ') : toString(node);
}

const CONTAINERS = new Set(['list', 'listItem', 'blockquote', 'containerDirective', 'table', 'tableRow', 'footnoteDefinition']);
/** Words of unchanged text kept on each side of a change; the rest is cut to "…". */
const CONTEXT_WORDS = 12;

/** The word diff of two texts, long unchanged stretches cut to the words around the changes. */
function wordDiff(before: string, after: string): DiffPart[] {
  const parts = diffWords(before, after);
  return parts.map((part, index): DiffPart => {
    if (part.added || part.removed) return { text: part.value, change: part.added ? 'added' : 'removed' };
    const words = part.value.split(/(?<=\s)(?=\S)/);
    const [first, last] = [index === 0, index === parts.length - 1];
    if (words.length <= CONTEXT_WORDS * (first || last ? 1 : 2)) return { text: part.value, change: 'same' };
    const head = first ? '… ' : words.slice(0, CONTEXT_WORDS).join('');
    const tail = last ? ' …' : words.slice(-CONTEXT_WORDS).join('');
    return { text: first ? head + tail : last ? head + tail : `${head} … ${tail}`, change: 'same' };
  });
}

/** The sections that are not in the same order among those both versions have: those outside a longest run kept in order. */
function movedIds(before: readonly string[], after: readonly string[]): Set<string> {
  const position = new Map(before.map((id, index) => [id, index]));
  const order = after.map((id) => position.get(id)!);
  // Longest increasing subsequence of the old positions, in the new order: what stayed in place.
  const lengths = order.map(() => 1);
  const previous = order.map(() => -1);
  for (let index = 0; index < order.length; index++)
    for (let earlier = 0; earlier < index; earlier++)
      if (order[earlier]! < order[index]! && lengths[earlier]! + 1 > lengths[index]!) {
        lengths[index] = lengths[earlier]! + 1;
        previous[index] = earlier;
      }
  let at = lengths.indexOf(Math.max(0, ...lengths));
  const stayed = new Set<string>();
  for (; at !== -1; at = previous[at]!) stayed.add(after[at]!);
  return new Set(after.filter((id) => !stayed.has(id)));
}
