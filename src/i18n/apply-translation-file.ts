import type { VFile } from 'vfile';
import { keepInBlock } from './block-safe.js';
import { parseMarkdown } from '../markdown/parse.js';
import type { Segment, SegmentedPage } from './segments.js';
import { translateTexts } from './segments.js';
import { usableTranslation } from './translation-files.js';
import type { StoredEntry, TranslationFile } from './translation-files.js';
import type { SegmentFactContext } from '../facts/segment-facts.js';

/** A Markdown translation made from a translator's file. */
export interface AppliedTranslation {
  readonly title: string | undefined;
  readonly summary: string | undefined;
  /** The type's other translatable front matter fields, each when every text in it is translated. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** The translated sections, each with its headings' `{#id}`s. */
  readonly body: string;
  /** Each translated section's Markdown, by section id. */
  readonly parts: ReadonlyMap<string, string>;
  readonly sections: { readonly translated: number; readonly total: number };
}

/**
 * The translation a PO or XLIFF file gives of a page: each section whose every segment is
 * translated (not fuzzy, its protected parts kept) is the original's Markdown with the
 * translations in place of the segments; any other section is left out, so the site shows
 * it in the original language with its notice, as for a Markdown translation that lacks a
 * section.
 */
export function applyTranslationFile(
  body: string,
  meta: Readonly<Record<string, unknown>>,
  fieldNames: readonly string[],
  page: SegmentedPage,
  entries: ReadonlyMap<string, StoredEntry>,
  format: TranslationFile,
  file: VFile,
  facts?: SegmentFactContext,
): AppliedTranslation {
  const translation = new Map(page.segments.map((segment) => [segment.key, usableTranslation(file, format, entries, segment, facts)]));
  // The original's Markdown from `start` to `end`, with the translation of each segment in it.
  const translatedText = (start: number, end: number, segments: readonly Segment[]) => {
    let text = body.slice(start, end);
    for (const segment of [...segments].sort((a, b) => b.start - a.start)) {
      const explicit = /^[ \t]*\{#/.test(body.slice(segment.end));
      const id = segment.headingId && !explicit ? ` {#${segment.headingId}}` : '';
      // Each line stays text in its block (block-safe.ts), and goes back into the blocks the original is in: a quote stays a quote.
      const translated = keepInBlock(translation.get(segment.key)!).replace(/\n/g, `\n${segment.continuation ?? ''}`);
      text = `${text.slice(0, segment.start - start)}${translated}${id}${text.slice(segment.end - start)}`;
    }
    return text;
  };
  const parts = new Map<string, string>();
  for (const section of page.sections) {
    const segments = page.segments.filter((segment) => segment.section === section.id);
    if (segments.length === 0 || segments.some((segment) => translation.get(segment.key) === undefined)) continue;
    parts.set(section.id, translatedText(section.start, section.end, segments));
  }
  // A translated section's note whose definition is in a section left out goes with it, so
  // "[^1]" stays a note (translated if all of it is, else as the original has it).
  const included = page.sections.filter((section) => parts.has(section.id));
  const brought = new Set<string>();
  for (const definition of footnoteDefinitions(body)) {
    if (included.some((section) => section.start <= definition.start && definition.end <= section.end)) continue;
    const user = included.find((section) => parts.get(section.id)!.toLowerCase().includes(`[^${definition.identifier}]`));
    if (!user || brought.has(definition.identifier)) continue;
    brought.add(definition.identifier);
    const inside = page.segments.filter((segment) => segment.start >= definition.start && segment.end <= definition.end);
    const whole = inside.every((segment) => translation.get(segment.key) !== undefined);
    parts.set(
      user.id,
      `${parts.get(user.id)!}\n\n${whole ? translatedText(definition.start, definition.end, inside) : body.slice(definition.start, definition.end)}`,
    );
  }
  const front = (key: string) => {
    const segment = page.segments.find((candidate) => candidate.key === key);
    return segment && translation.get(segment.key);
  };
  const fields: Record<string, unknown> = {};
  for (const name of fieldNames) {
    if (meta[name] === undefined) continue;
    const value = translateTexts(meta[name], [name], (path) => front(`_front/${path}`));
    if (value !== undefined) fields[name] = value;
  }
  return {
    title: front('_front/title'),
    summary: front('_front/summary'),
    fields,
    body: [...parts.values()].join('\n\n'),
    parts,
    sections: { translated: parts.size, total: page.sections.length },
  };
}

/** The footnote definitions of a page, where each is in its text, by their lower-case label. */
function footnoteDefinitions(body: string): { identifier: string; start: number; end: number }[] {
  return parseMarkdown(body).children.flatMap((node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return node.type === 'footnoteDefinition' && start !== undefined && end !== undefined ? [{ identifier: node.identifier.toLowerCase(), start, end }] : [];
  });
}
