import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import type { SegmentedPage } from './segments.js';
import type { StoredEntry } from './translation-files.js';

/** A translator's file's entries put on a page's segments, and those that fit none. */
export interface PlacedEntries {
  /** By segment key. */
  readonly placed: ReadonlyMap<string, StoredEntry>;
  readonly unplaced: readonly StoredEntry[];
}

/**
 * Put each entry of a translator's file on the page's segment it translates: by its key
 * (msgctxt, unit id) when the page has that segment, else by its source text (equal to a
 * segment's current text; every segment with that text, not already placed by key, gets
 * it: the same words get the same translation). A file that lost its msgctxt (translate-
 * toolkit's po2xliff then xliff2po drops it) is so placed by text. Used by apply and extract.
 */
export function placeEntries(page: SegmentedPage, entries: readonly StoredEntry[]): PlacedEntries {
  const keys = new Set(page.segments.map((segment) => segment.key));
  const placed = new Map<string, StoredEntry>();
  const rest: StoredEntry[] = [];
  for (const entry of entries) {
    if (entry.key !== undefined && keys.has(entry.key) && !placed.has(entry.key)) placed.set(entry.key, entry);
    else rest.push(entry);
  }
  const unplaced: StoredEntry[] = [];
  for (const entry of rest) {
    const free = page.segments.filter((segment) => segment.text === entry.source && !placed.has(segment.key));
    for (const segment of free) placed.set(segment.key, { ...entry, key: segment.key });
    // A second entry for a text already placed (a file that lost its msgctxt has one per place) is no loss.
    if (!page.segments.some((segment) => segment.text === entry.source)) unplaced.push(entry);
  }
  return { placed, unplaced };
}

/**
 * Report each entry that fits no segment, at its line in the translator's file: its
 * translation is not used (apply) or not kept (extract), so the translator must know.
 */
export function reportUnplaced(file: VFile, unplaced: readonly StoredEntry[], sourcePath: string, lang: string, action: 'apply' | 'extract'): void {
  for (const entry of unplaced) {
    if (action === 'extract' && entry.target.trim() === '') continue;
    const what = entry.key === undefined ? 'This entry (it has no msgctxt or unit id)' : `The entry "${entry.key}"`;
    const text = entry.source.length > 60 ? `${entry.source.slice(0, 57)}…` : entry.source;
    warn(file, {
      reason: `${what} matches no text of briefings/${sourcePath} ("${text}"): its translation ${action === 'apply' ? 'is not used' : 'was not kept in the new file'}`,
      rule: 'translation-entry-unplaced',
      place: entry.place?.unit,
      hint: `Its original is no longer in briefings/${sourcePath}, or the file lost its msgctxt (as po2xliff then xliff2po do) and the text changed since: run briefkit i18n extract ${lang} ${sourcePath} again, then copy this translation into the entry of the new text.`,
    });
  }
}
