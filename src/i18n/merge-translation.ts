import { createHash } from 'node:crypto';
import { toString } from 'mdast-util-to-string';
import type { OutlineHeading } from '../markdown/heading-ids.js';
import { headingIds, matchedBySection } from '../markdown/heading-ids.js';
import { parseMarkdown } from '../markdown/parse.js';
import type { AppliedTranslation } from './apply-translation-file.js';
import { setFrontMatter } from './front-matter-edit.js';
import { writeHeadingIds } from './heading-id-text.js';
import { FRONT, copiedSections, copyKeysOf, fingerprint, groupSections, ownFrontKeys, sectionsOfTree } from './sections.js';
import type { Section } from './sections.js';

/** What `i18n apply` knows of an original. */
export interface ApplyOriginal {
  readonly data: Readonly<Record<string, unknown>>;
  /** The type's translatable front matter fields besides title and summary. */
  readonly fields: readonly string[];
  readonly sections: readonly Section[];
  readonly outline: readonly OutlineHeading[];
}

/** A Markdown translation already there. */
export interface ExistingTranslation {
  /** The whole file as it is on disk. */
  readonly text: string;
  /** Its text with the front matter blanked out. */
  readonly body: string;
  readonly meta: Readonly<Record<string, unknown>>;
  /** Made by `i18n apply` (its translator works in the PO or XLIFF file, which wins). */
  readonly madeByApply: boolean;
}

/** What apply writes, and what it did section by section. */
export type MergedTranslation =
  | { readonly refused: string }
  | {
      readonly text: string;
      /** Section titles (or "title and summary") taken from the translator's file. */
      readonly fromFile: readonly string[];
      /** Kept from the Markdown translation, which the file does not translate. */
      readonly kept: readonly string[];
      /** Kept from the Markdown translation, which the file translates differently. */
      readonly conflicts: readonly string[];
      /** Left out: the file marks them for review, and the Markdown was made from it. */
      readonly outdated: readonly string[];
      readonly translated: number;
      readonly total: number;
    };

/**
 * The Markdown translation `i18n apply` writes (issue 26: a command only ever makes a
 * translation better). Each section of the original is the translator's file's translation
 * where it translates the whole section, else the Markdown translation's own section where it
 * has one (not a copy of the original), else left out (the site shows the original, with a
 * notice). Where both translate a section differently, a file made by apply takes the
 * translator's file's; one written by hand keeps its own, reported as a conflict. In a file
 * made by apply, a section the translator's file marks for review (`review`: fuzzy, as
 * gettext has it, because the original changed) shows the original until it is reviewed. Sections
 * the original does not have are kept at the end. With `force`, the result is exactly what the
 * translator's file gives. A kept section keeps the stamp it had, so a section whose original
 * changed since still shows as outdated.
 */
export function mergeTranslation(
  original: ApplyOriginal,
  applied: AppliedTranslation,
  existing: ExistingTranslation | undefined,
  header: string,
  options: { readonly force: boolean; readonly review: ReadonlySet<string> },
): MergedTranslation {
  const { force, review } = options;
  const current = Object.fromEntries(original.sections.map((section) => [section.id, section.hash]));
  const stamped = (existing?.meta.source_sections ?? {}) as Readonly<Record<string, string>>;
  const mine = existing && !force ? ownSections(original, existing) : { matched: true, sections: new Map<string, string>(), own: new Set<string>() };
  if (!mine.matched) {
    return {
      refused:
        `its headings have no {#id} and do not line up with the original's, so apply cannot tell which of its sections the translator's file ` +
        `would replace. Write the original's {#id} after each of its headings (${original.outline.map((heading) => `{#${heading.id}}`).join(' ')}), ` +
        `or run apply again with --force to write the translator's file's translation instead (${applied.sections.translated} ` +
        `of ${applied.sections.total} sections), losing the text that file lacks`,
    };
  }
  const fromFile: string[] = [];
  const kept: string[] = [];
  const conflicts: string[] = [];
  const outdated: string[] = [];
  const stamps: Record<string, string> = { ...current };
  const parts: string[] = [];
  // What apply wrote of each section last time: a section of a file made by apply that no
  // longer reads so was corrected by hand, and is kept like a hand translation's.
  const record = { ...((existing?.meta.applied_sections ?? {}) as Readonly<Record<string, string>>) };
  const byFile = (id: string, ours: string) => existing!.madeByApply && (record[id] === undefined || record[id] === textKey(ours));
  let restamped = false;
  for (const section of original.sections) {
    if (section.id === FRONT) continue;
    const theirs = applied.parts.get(section.id);
    const ours = mine.sections.get(section.id);
    if (theirs !== undefined && (ours === undefined || byFile(section.id, ours) || same(theirs, ours))) {
      parts.push(theirs);
      record[section.id] = textKey(theirs);
      if (ours === undefined || !same(theirs, ours)) fromFile.push(section.title);
      // Its entries all reviewed: the section is current again, even when its text is the same.
      else if (stamped[section.id] !== current[section.id]) restamped = true;
    } else if (ours !== undefined && byFile(section.id, ours) && review.has(section.id)) {
      outdated.push(section.title);
      delete record[section.id];
    } else if (ours !== undefined) {
      parts.push(ours);
      stamps[section.id] = stamped[section.id] ?? section.hash;
      (theirs === undefined ? kept : conflicts).push(section.title);
    }
  }
  // Sections only the Markdown translation has (a translator's note) are not lost.
  for (const [id, text] of mine.sections) if (!(id in current)) parts.push(text);

  const front: Record<string, unknown> = {};
  let keptFront = false;
  const takeFront = (key: string, theirs: unknown) => {
    const ours = mine.own.has(key) ? existing?.meta[key] : undefined;
    if (theirs !== undefined && (ours === undefined || existing!.madeByApply || JSON.stringify(theirs) === JSON.stringify(ours))) {
      if (JSON.stringify(theirs) !== JSON.stringify(ours)) front[key] = theirs;
      if (ours === undefined) fromFile.push(key === 'title' || key === 'summary' ? key : `"${key}"`);
    } else if (ours !== undefined) {
      keptFront = true;
      if (theirs !== undefined) conflicts.push(key);
    }
  };
  takeFront('title', applied.title);
  takeFront('summary', applied.summary);
  for (const field of original.fields) takeFront(field, applied.fields[field]);
  if (keptFront) stamps[FRONT] = stamped[FRONT] ?? current[FRONT]!;

  const total = original.sections.filter((section) => section.id !== FRONT).length;
  const translated = parts.length - [...mine.sections.keys()].filter((id) => !(id in current)).length;
  // Nothing to take from the translator's file: the Markdown translation stays as it is, byte for byte.
  if (existing && !force && fromFile.length === 0 && outdated.length === 0 && !restamped)
    return { text: existing.text, fromFile, kept, conflicts, outdated, translated, total };
  const sourceSections = Object.fromEntries(original.sections.map((section) => [section.id, stamps[section.id]!]));
  const sourceHash = fingerprint(original.sections.map((section) => ({ ...section, hash: sourceSections[section.id]! })));
  const body = parts.join('\n\n');
  const start = existing && !force ? frontMatterOf(existing.text) : `---\n${header}\n---\n`;
  const bom = existing && !force && existing.text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const appliedSections = Object.fromEntries(
    original.sections.filter((section) => record[section.id] !== undefined).map((section) => [section.id, record[section.id]!]),
  );
  const madeHere = !existing || force || existing.madeByApply;
  const values = { ...front, source_hash: sourceHash, source_sections: sourceSections, ...(madeHere ? { applied_sections: appliedSections } : {}) };
  const text = bom + setFrontMatter(`${start}\n${body}\n`, values, ['source_sections', 'applied_sections']);
  return { text, fromFile, kept, conflicts, outdated, translated, total };
}

/**
 * The sections a translator wrote in a Markdown translation, by the original's section ids
 * (`{#id}`s written where headings had them only by place), and the front matter keys that
 * are its own; `matched` is false when its sections cannot be told apart.
 */
function ownSections(original: ApplyOriginal, existing: ExistingTranslation): { matched: boolean; sections: Map<string, string>; own: Set<string> } {
  const tree = parseMarkdown(existing.body);
  const own = ownFrontKeys(existing.meta, original.data, original.fields);
  if (!matchedBySection(headingIds(tree, original.outline))) return { matched: false, sections: new Map(), own };
  const body = writeHeadingIds(existing.body, original.outline);
  const written = parseMarkdown(body);
  const copied = copiedSections(
    copyKeysOf(sectionsOfTree({}, written, body, 'und', [], { words: false, outline: original.outline })),
    copyKeysOf(original.sections),
    (existing.meta.source_sections ?? {}) as Record<string, string>,
  );
  const sections = new Map<string, string>();
  for (const group of groupSections(written, original.outline)) {
    if (copied.has(group.id) || !group.nodes.some((node) => toString(node).trim() !== '')) continue;
    sections.set(group.id, body.slice(group.start, group.end));
  }
  return { matched: true, sections, own };
}

/**
 * A section's text as apply compares it: spacing aside, and a table caption's marker aside
 * ("Table:" in the original, "Таблиця:" in a translation, ":" alone).
 */
function plain(text: string): string {
  return text
    .replace(/^\p{L}{0,20}:[ \t]+/gmu, ': ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Two translations of a section are the same when only their spacing or caption markers differ. */
function same(a: string, b: string): boolean {
  return plain(a) === plain(b);
}

/** A short key of a section's text, as apply records what it wrote (`applied_sections`). */
function textKey(text: string): string {
  return createHash('sha256').update(plain(text)).digest('hex').slice(0, 8);
}

/** The front matter block of a Markdown file (with its closing line), or an empty one. */
function frontMatterOf(text: string): string {
  const match = /^\uFEFF?---[ \t]*\r?\n[\s\S]*?^---[ \t]*(?:\r?\n|$)/m.exec(text);
  return match && match.index === 0 ? match[0].replace(/^\uFEFF/, '') : '---\n---\n';
}
