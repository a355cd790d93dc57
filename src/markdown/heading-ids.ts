import GithubSlugger, { slug } from 'github-slugger';
import { visit } from './visit.js';
import type { Heading, Nodes, Root } from 'mdast';

const EXPLICIT_ID = /[ \t]*\{#([\p{L}\p{N}_-]+)\}[ \t]*$/u;

/**
 * A citation group as Pandoc writes them: `[@key]`, `[@a; @b]`, `[-@key, p. 12]`. It is left
 * out of a heading's id, which would otherwise depend on how citations are numbered.
 */
const CITE = String.raw`-?@[^\s;,\]\[]+(?:,[^;\]\[]*)?`;
const CITATION_GROUP = new RegExp(String.raw`\[\s*${CITE}(?:\s*;\s*${CITE})*\s*\]`, 'g');

/** One heading of a document and the id the site gives it. */
export interface HeadingId {
  readonly node: Heading;
  readonly id: string;
  /**
   * The original's id: written by the author as `{#id}` (translations keep the original's ids
   * this way), or taken from the original's heading at the same place (see {@link headingIds}).
   */
  readonly explicit: boolean;
}

/** A heading of the original as a translation is matched to it: its level and its id. */
export interface OutlineHeading {
  readonly depth: number;
  readonly id: string;
}

/** The level and id of every heading of a document, in order: what a translation's headings are matched against. */
export function headingOutline(tree: Root): OutlineHeading[] {
  return headingIds(tree).map(({ node, id }) => ({ depth: node.depth, id }));
}

/**
 * The id of every heading of an mdast tree, in document order (headings inside `:::note` and
 * other containers too): a `{#id}` written after the heading, else a GitHub-style slug of its
 * text without the `{#id}` and without citation groups, with `{{variables}}` as written (so
 * ids are the same in every edition). Written ids are reserved first, so no slug equals one;
 * a repeated heading gets `-1`, `-2`. This is the one place heading ids are decided: the site,
 * translation tracking and `i18n new` all use it. The tree is not changed.
 *
 * A translation written by hand often has no `{#id}` at all (issue 26). Given its original's
 * `outline`, when none of its headings has one and its headings have the same levels in the
 * same order as the original's, each heading takes the id of the original's heading at the
 * same place, as if it had been written: links to `#results` keep working on the translated
 * page, and it falls back to the original section by section.
 */
export function headingIds(tree: Root, outline?: readonly OutlineHeading[]): HeadingId[] {
  const headings: { node: Heading; text: string; explicit: string | undefined }[] = [];
  visit(tree, 'heading', (node) => {
    const explicit = explicitId(node);
    const text = idText(node);
    headings.push({ node, text: explicit ? splitExplicitId(text).text : text, explicit });
  });
  if (
    outline &&
    outline.length > 0 &&
    headings.every((heading) => !heading.explicit) &&
    linesUp(
      headings.map((heading) => heading.node),
      outline,
    )
  ) {
    return headings.map(({ node }, index) => ({ node, id: outline[index]!.id, explicit: true }));
  }
  const reserved = new Set(headings.flatMap((heading) => (heading.explicit ? [heading.explicit] : [])));
  const slugger = new GithubSlugger();
  return headings.map(({ node, text, explicit }) => {
    if (explicit) return { node, id: explicit, explicit: true };
    const words = text.replace(CITATION_GROUP, ' ').replace(/\s+/g, ' ').trim();
    // A heading of punctuation only has no slug of its own.
    const base = slug(words) === '' ? 'section' : words;
    let id = slugger.slug(base);
    while (reserved.has(id)) id = slugger.slug(base);
    return { node, id, explicit: false };
  });
}

/**
 * Whether a translation with these heading ids can be matched to its original section by
 * section: its headings carry the original's ids (written or by place), or it has none (all
 * of it is the text before the first heading, as `i18n apply` writes when only that is
 * translated). Otherwise it translates the whole page its own way.
 */
export function matchedBySection(ids: readonly HeadingId[]): boolean {
  return ids.length === 0 || ids.some((heading) => heading.explicit);
}

/** Whether headings have the same levels in the same order as an outline: the proof that they translate it heading by heading. */
function linesUp(headings: readonly Heading[], outline: readonly OutlineHeading[]): boolean {
  return headings.length === outline.length && headings.every((heading, index) => heading.depth === outline[index]!.depth);
}

/** A heading's text without a trailing `{#id}`, and that id if there is one. */
export function splitExplicitId(text: string): { text: string; id: string | undefined } {
  const match = EXPLICIT_ID.exec(text);
  return match ? { text: text.slice(0, match.index), id: match[1] } : { text, id: undefined };
}

/** The `{#id}` at the end of a heading's last text node, if there is one. */
export function explicitId(node: Heading): string | undefined {
  const last = node.children.at(-1);
  return last?.type === 'text' ? EXPLICIT_ID.exec(last.value)?.[1] : undefined;
}

/** Remove a heading's trailing `{#id}` (see {@link explicitId}), so the page does not show it. */
export function stripExplicitId(node: Heading): void {
  const last = node.children.at(-1);
  if (last?.type !== 'text') return;
  const match = EXPLICIT_ID.exec(last.value);
  if (!match) return;
  last.value = last.value.slice(0, match.index);
  if (last.value === '') node.children.pop();
}

/**
 * The text a heading's id is made from: what a reader sees of it, as the site's HTML would
 * show it (raw HTML tags, images and footnote marks give no text), variables as written.
 */
function idText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'variable':
      return node.value;
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? node.children.map((child) => idText(child as Nodes)).join('') : '';
  }
}
