import type { VFile } from 'vfile';
import { error, excerpt, warn } from '../messages.js';
import type { Point } from '../model/place.js';
import type { Segment, SegmentedPage } from './segments.js';
import { brokenTokens, protectedTokens } from './segments.js';
import { segmentFindings } from '../facts/segment-facts.js';
import type { SegmentFactContext } from '../facts/segment-facts.js';

/** One entry of a translator's file, whatever its format. */
export interface StoredEntry {
  /** The segment key it was written for (PO's msgctxt, XLIFF's unit id); undefined when the file lost it (translate-toolkit's po2xliff then xliff2po). */
  readonly key?: string | undefined;
  /** The original text it was made for. */
  readonly source: string;
  readonly target: string;
  /** Needs review: the original changed since it was translated (PO `fuzzy`, XLIFF `initial` with a target). */
  readonly fuzzy: boolean;
  /** The original text the translation was made for, when that changed. */
  readonly previous?: string | undefined;
  /** The translator's own comment, kept. */
  readonly note?: string | undefined;
  /** Where the entry and its translation are in the file it was read from. */
  readonly place?: { readonly unit: Point; readonly target: Point } | undefined;
  /** Its original is gone from the page: kept (PO `#~`, XLIFF's "obsolete" file) so the translation is not lost. */
  readonly obsolete?: boolean | undefined;
}

/** A file format translators' tools read: PO or XLIFF. */
export interface TranslationFile {
  readonly extension: 'po' | 'xlf';
  /** The file for a page: an entry per segment, then the `obsolete` ones (translations whose original is gone). */
  write(
    lang: string,
    sourcePath: string,
    page: SegmentedPage,
    entries: ReadonlyMap<string, StoredEntry>,
    previousHeaders: Readonly<Record<string, string>>,
    sourceLang: string,
    obsolete?: readonly StoredEntry[],
  ): string;
  /**
   * The file's entries in their order, and its header fields; undefined (with an error on
   * the file) if it cannot be read. Put them on the page's segments with `placeEntries`
   * (place-entries.ts), which also places entries that lost their key.
   */
  read(file: VFile): { readonly entries: readonly StoredEntry[]; readonly headers: Readonly<Record<string, string>> } | undefined;
  /** Where an entry (or its translation) is in the file. */
  place(file: VFile, key: string, part: 'unit' | 'target'): Point | undefined;
}

/** Where a page's translator's file is: `translations/<lang>/<path without .md>.<po|xlf>`, beside its Markdown translation. */
export function translationFilePath(lang: string, sourcePath: string, format: TranslationFile): string {
  return `translations/${lang}/${sourcePath.replace(/\.md$/, '')}.${format.extension}`;
}

/**
 * The entries of a page's file after the original changed: a translation is kept; one
 * whose original changed is kept as fuzzy, with the text it translated; one no longer in the
 * original is dropped; a new or still empty one is filled from `prefill` (a Markdown translation, see prefill.ts).
 */
export function mergeEntries(
  page: SegmentedPage,
  previous: ReadonlyMap<string, StoredEntry> | undefined,
  prefill: ReadonlyMap<string, { readonly target: string; readonly fuzzy: boolean }>,
): Map<string, StoredEntry> {
  const merged = new Map<string, StoredEntry>();
  for (const segment of page.segments) {
    const before = previous?.get(segment.key);
    const filled = prefill.get(segment.key);
    if (before && before.source === segment.text && (before.target !== '' || !filled)) merged.set(segment.key, before);
    else if (before && before.target !== '')
      merged.set(segment.key, { source: segment.text, target: before.target, fuzzy: true, previous: before.previous ?? before.source, note: before.note });
    else merged.set(segment.key, { source: segment.text, target: filled?.target ?? '', fuzzy: filled?.fuzzy ?? false, note: before?.note });
  }
  return merged;
}

/** What a segment is, as a translator reads it: "A list item of a :::key-points box". */
const KINDS: Readonly<Record<Segment['kind'], string>> = {
  title: "The page's title",
  summary: "The page's summary",
  field: 'A text',
  heading: 'A heading',
  paragraph: 'A paragraph',
  'list item': 'A list item',
  quote: 'A paragraph of a quote',
  caption: 'The caption of a table',
  'box title': 'The title of a box',
  'box text': 'A paragraph of a box',
  'table cell': 'A table cell',
};

/** What the comment on an entry says: what it is, where, and what to keep as it is. */
export function describeSegment(segment: Segment): string {
  const what = segment.box === undefined ? KINDS[segment.kind] : KINDS[segment.kind].replace(/ of a box$/, '') + ` of a :::${segment.box} box`;
  const where =
    segment.kind === 'title' || segment.kind === 'summary'
      ? what
      : segment.kind === 'field'
        ? `${what} of ${segment.sectionTitle}`
        : `${what} in "${segment.sectionTitle}"`;
  const keep = [...new Set(protectedTokens(segment.text))];
  return keep.length > 0 ? `${where}. Keep exactly: ${keep.join(' ')}` : `${where}.`;
}

/** The note that lists a segment's facts (`i18n extract` sets them), or undefined when it has none. */
export function describeFacts(segment: Segment): string | undefined {
  if (!segment.facts || segment.facts.length === 0) return undefined;
  const facts = segment.facts.join(' · ');
  return segment.safety
    ? `Safety facts, to keep exactly (a dose or number may be written as your language writes numbers): ${facts}`
    : `Facts to keep (numbers may be written as your language writes them): ${facts}`;
}

/** The first few of a list of tokens, each short, and how many more (a translation may add hundreds). */
function few(tokens: readonly string[]): string {
  const distinct = [...new Set(tokens)];
  const shown = distinct
    .slice(0, 5)
    .map((token) => excerpt(token))
    .join(' ');
  return distinct.length > 5 ? `${shown} and ${distinct.length - 5} more` : shown;
}

/**
 * A segment's translation from a translator's file, if it may be used: translated, not fuzzy,
 * for the current original, every protected part kept, and (with `facts`) no safety fact
 * changed; another fact that differs is a warning.
 */
export function usableTranslation(
  file: VFile,
  format: TranslationFile,
  entries: ReadonlyMap<string, StoredEntry>,
  segment: Segment,
  facts?: SegmentFactContext,
): string | undefined {
  const entry = entries.get(segment.key);
  if (!entry || entry.target.trim() === '' || entry.fuzzy) return undefined;
  if (entry.source !== segment.text) {
    warn(file, {
      reason: `The original of "${segment.key}" changed since this file was extracted: it is shown in the original until translated again`,
      rule: 'translation-file-outdated',
      place: entry.place?.unit ?? format.place(file, segment.key, 'unit'),
      hint: 'Run briefkit i18n extract again: the entry is then marked for review, with the text it translated.',
    });
    return undefined;
  }
  const { missing, added } = brokenTokens(segment.text, entry.target);
  if (missing.length > 0 || added.length > 0) {
    error(file, {
      reason:
        `The translation of "${excerpt(segment.key)}" ` +
        (missing.length > 0 ? `lost or changed ${few(missing)}` : '') +
        (missing.length > 0 && added.length > 0 ? ' and ' : '') +
        (added.length > 0 ? `has ${few(added)} that the original does not` : ''),
      rule: 'translation-placeholder',
      place: entry.place?.target ?? format.place(file, segment.key, 'target'),
      hint: 'Copy link addresses, [@citations], {{variables}}, [^notes] and `code` from the original unchanged; translate only the words around them.',
    });
    return undefined;
  }
  if (facts && !factsKept(file, format, entry, segment, facts)) return undefined;
  return entry.target;
}

/** Report each fact of the entry's translation that differs from its original's; false when one is a safety fact (the entry is not used). */
function factsKept(file: VFile, format: TranslationFile, entry: StoredEntry, segment: Segment, context: SegmentFactContext): boolean {
  const safety = context.safety(segment);
  const findings = segmentFindings(segment.text, entry.target, context, safety).filter((finding) => finding.rule !== 'fact-ok-unused');
  for (const finding of findings) {
    const { source, written } = finding;
    const says = written ? `says "${written.text}"` : 'leaves out';
    const reason =
      `The translation of "${excerpt(segment.key)}" ${says}` +
      (source ? `${written ? ' where' : ''} the original says "${source.text}"` : ', which the original does not say') +
      (finding.safety ? ': a safety fact, so nothing of this file is applied until it is corrected' : '');
    const problem = {
      reason,
      rule: finding.rule,
      place: entry.place?.target ?? format.place(file, segment.key, 'target'),
      hint: 'Write each dose, number, telephone number and product as the original has it (numbers as your language writes them).',
    };
    if (finding.safety) error(file, problem);
    else warn(file, problem);
  }
  return !findings.some((finding) => finding.safety);
}
