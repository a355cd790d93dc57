import type { Heading, Nodes, Parent, Root, RootContent } from 'mdast';
import { CLUSTER, parseCluster } from '../markdown/citation-syntax.js';
import { toString } from 'mdast-util-to-string';
import { headingIds, splitExplicitId } from '../markdown/heading-ids.js';
import type { OutlineHeading } from '../markdown/heading-ids.js';
import { parseMarkdown } from '../markdown/parse.js';
import { START } from './sections.js';

/**
 * One piece of a page a translator translates on its own: a heading, a paragraph (in a list
 * item, a quote or a `:::` block too), a table cell, or the title or summary. Its text is the
 * Markdown as written (links, citations, `{{variables}}`, footnote references and code in
 * it are kept and checked on the way back, see {@link protectedTokens}), without the marks
 * of the blocks it is in (`> ` of a quote, the indent of a list item) on its later lines.
 */
export interface Segment {
  /** Unique in the page: `<section id>/<n>`, or `_front/title`. PO's msgctxt, XLIFF's unit id. */
  readonly key: string;
  readonly text: string;
  /** The section (top-level heading) it is in: what falls back as one when not translated. */
  readonly section: string;
  readonly sectionTitle: string;
  /** What it is: a paragraph in a quote is a `quote`, one in a `:::note` box `box text`, a box's `[label]` its `box title`. */
  readonly kind: 'title' | 'summary' | 'field' | 'heading' | 'paragraph' | 'list item' | 'quote' | 'caption' | 'box title' | 'box text' | 'table cell';
  /** The `:::` box it is in (`note`, `key-points`), if any. */
  readonly box?: string | undefined;
  /** Whether it is wholly *emphasised* or **strong** (a disclaimer, a translator's note): such a text pairs only with one of the same shape. */
  readonly shape?: 'emphasis' | 'strong' | undefined;
  /** Where it is in the body: replaced by its translation on the way back. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  /** What goes before each later line of its translation to keep it in its blocks (`> ` in a quote, spaces in a list item). */
  readonly continuation?: string | undefined;
  /** A heading's id, which its translation keeps as `{#id}`. */
  readonly headingId?: string | undefined;
  /** Its doses, numbers and other facts as written, for the translator's note (facts/segment-facts.ts; set by `i18n extract`). */
  readonly facts?: readonly string[] | undefined;
  /** Its facts are safety facts: a translation that changes one is refused. */
  readonly safety?: boolean | undefined;
}

/** A page's sections (as translation tracking groups them) and their segments, in order. */
export interface SegmentedPage {
  readonly segments: readonly Segment[];
  /** Each section's range in the body. */
  readonly sections: readonly { readonly id: string; readonly start: number; readonly end: number }[];
}

/** The blocks a piece of text is in, as far as its segment's kind and its later lines are concerned. */
interface Container {
  readonly kind: 'paragraph' | 'list item' | 'quote' | 'box text';
  readonly box?: string | undefined;
  /** How many block quotes it is in: each of its later lines may start with as many `>`. */
  readonly quotes: number;
}

/**
 * Split a page's body (front matter blanked) and its title, summary and the other front
 * matter fields its type translates (`fields`: a module's objectives, a brief's asks) into
 * segments: one per text in a field (`_front/objectives/0`, `_front/terms/1/definition`).
 * A translation's sections are named by its original's `outline` where its headings line up.
 */
export function segmentPage(
  body: string,
  meta: { readonly [key: string]: unknown },
  fields: readonly string[] = [],
  outline?: readonly OutlineHeading[],
): SegmentedPage {
  const tree = parseMarkdown(body);
  const segments: Segment[] = [];
  for (const key of ['title', 'summary'] as const) {
    const value = meta[key];
    if (typeof value === 'string' && value.trim() !== '')
      segments.push({ key: `_front/${key}`, text: value, section: '_front', sectionTitle: 'title and summary', kind: key, start: -1, end: -1, line: 1 });
  }
  for (const field of fields) {
    for (const [path, text] of textsIn(meta[field], [field])) {
      segments.push({
        key: `_front/${path.join('/')}`,
        text,
        section: '_front',
        sectionTitle: `"${field}" in the front matter`,
        kind: 'field',
        start: -1,
        end: -1,
        line: 1,
      });
    }
  }
  const ids = new Map(headingIds(tree, outline).map((heading) => [heading.node, heading.id]));
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const level = Math.min(...headings.map((heading) => heading.depth));
  const sections: { id: string; start: number; end: number }[] = [];
  let section = { id: START, title: 'beginning of the page', count: 0 };
  const captions = tableCaptions(tree);
  const add = (node: Nodes, kind: Segment['kind'], container: Container) => {
    const inline = 'children' in node ? (node.children as Nodes[]) : [];
    const first = inline[0]?.position?.start.offset;
    let end = inline.at(-1)?.position?.end.offset;
    if (first === undefined || end === undefined) return;
    let start = first;
    let text = body.slice(first, end);
    // A table's caption keeps its "Table:" (which marks it as one, in the page's language) out of the translator's way.
    const caption = captions.has(node) ? CAPTION.exec(text) : null;
    if (caption) {
      start += caption[0].length;
      text = text.slice(caption[0].length);
      kind = 'caption';
    }
    if (kind === 'heading') {
      // The `{#id}` is not the translator's: it is put back on the way back.
      const bare = splitExplicitId(text).text.replace(/[ \t]+$/, '');
      end = start + bare.length;
      text = bare;
    }
    if (toString(node).trim() === '') return;
    // Later lines lose the marks of the blocks the text is in; its translation's lines get them back.
    const lineStart = body.lastIndexOf('\n', first - 1) + 1;
    const continuation = body.slice(lineStart, first).replace(/[^>\t]/g, ' ');
    const marks = new RegExp(`^(?:[ \\t]*>){0,${container.quotes}}[ \\t]*`);
    text = text
      .split('\n')
      .map((line, index) => (index === 0 ? line : line.replace(marks, '')))
      .join('\n');
    const content = inline.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    const shape = content.length === 1 && (content[0]!.type === 'emphasis' || content[0]!.type === 'strong') ? content[0]!.type : undefined;
    section.count++;
    segments.push({
      key: `${section.id}/${section.count}`,
      text,
      section: section.id,
      sectionTitle: section.title,
      kind,
      box: container.box,
      shape,
      start,
      end,
      line: node.position?.start.line ?? 1,
      continuation,
      headingId: node.type === 'heading' ? ids.get(node) : undefined,
    });
  };
  const walk = (node: Nodes, container: Container) => {
    switch (node.type) {
      case 'heading':
        add(node, 'heading', container);
        return;
      case 'paragraph':
        add(node, node.data?.directiveLabel ? 'box title' : container.kind, container);
        return;
      case 'tableCell':
        add(node, 'table cell', container);
        return;
      case 'code':
      case 'html':
      case 'thematicBreak':
      case 'definition':
        return;
      case 'listItem':
        for (const child of node.children) walk(child, { ...container, kind: 'list item' });
        return;
      case 'blockquote':
        for (const child of node.children) walk(child, { ...container, kind: 'quote', quotes: container.quotes + 1 });
        return;
      case 'containerDirective':
        for (const child of node.children) walk(child, { ...container, kind: 'box text', box: node.name });
        return;
      default:
        if ('children' in node) for (const child of node.children as Nodes[]) walk(child, container);
    }
  };
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'heading' && node.depth === level) {
      section = { id: ids.get(node)!, title: splitExplicitId(toString(node)).text.trim(), count: 0 };
    }
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    const last = sections.at(-1);
    if (last?.id === section.id) last.end = end;
    else sections.push({ id: section.id, start, end });
    walk(node, { kind: 'paragraph', quotes: 0 });
  }
  return { segments, sections };
}

/** A table caption's mark: `Table: `, the same word in another language (`Таблиця: `), or Pandoc's `: `. */
const CAPTION = /^(?:[\p{L}\p{M}]+)?:[ \t]+/u;

/** The paragraphs that are a table's caption (remark-table-captions.ts): just above or below a table, starting with its mark. */
function tableCaptions(tree: Root): Set<Nodes> {
  const captions = new Set<Nodes>();
  const visit = (parent: Parent) => {
    parent.children.forEach((node, index) => {
      if (node.type === 'table') {
        for (const next of [parent.children[index - 1], parent.children[index + 1]]) {
          if (next?.type === 'paragraph' && next.children[0]?.type === 'text' && CAPTION.test(next.children[0].value)) captions.add(next);
        }
      } else if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading') visit(node);
    });
  };
  visit(tree);
  return captions;
}

/** Every text in a front matter value, with its path (`[objectives, 0]`). */
export function textsIn(value: unknown, path: readonly (string | number)[]): [readonly (string | number)[], string][] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => textsIn(item, [...path, index]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => textsIn(item, [...path, key]));
  return [];
}

/** A front matter value with each text replaced by `translate(path)`, or undefined when any has no translation. */
export function translateTexts(value: unknown, path: readonly (string | number)[], translate: (path: string) => string | undefined): unknown {
  if (typeof value === 'string') return value.trim() === '' ? value : translate(path.join('/'));
  if (Array.isArray(value)) {
    const items = value.map((item, index) => translateTexts(item, [...path, index], translate));
    return items.some((item) => item === undefined) ? undefined : items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, translateTexts(item, [...path, key], translate)] as const);
    return entries.some(([, item]) => item === undefined) ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/**
 * What a translation must keep of a segment, exactly: link and image addresses, citations,
 * `{{variables}}`, footnote references, code, raw HTML tags and `{#ids}`. Sorted, so the
 * same set in another order (as another language orders its words) matches.
 */
export function protectedTokens(text: string): string[] {
  const tokens = text.match(/\]\([^)]*\)|\{\{[^}]*\}\}|\[\^[^\]]+\]|`[^`]+`|<[^>]+>|\{#[^}]+\}/g) ?? [];
  // A citation's keys, not its words: "[see @a, p. 12]" may become "[див. @a, с. 12]".
  const keys = [...text.matchAll(CLUSTER)].flatMap((match) => parseCluster(match[1]!)?.map((item) => `${item.suppressAuthor ? '-' : ''}@${item.id}`) ?? []);
  return [...tokens, ...keys].sort();
}

/** The tokens of `source` that `translation` lost or changed, and those it added. */
export function brokenTokens(source: string, translation: string): { readonly missing: string[]; readonly added: string[] } {
  const want = protectedTokens(source);
  const have = protectedTokens(translation);
  const missing = [...want];
  const added: string[] = [];
  for (const token of have) {
    const at = missing.indexOf(token);
    if (at === -1) added.push(token);
    else missing.splice(at, 1);
  }
  return { missing, added };
}
