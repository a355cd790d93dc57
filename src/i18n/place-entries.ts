import type { VFile } from 'vfile';
import { excerpt, warn } from '../messages.js';
import type { SegmentedPage } from './segments.js';
import type { StoredEntry } from './translation-files.js';

/** A translator's file's entries put on a page's segments, and those that fit none. */
export interface PlacedEntries {
  /** By segment key. */
  readonly placed: ReadonlyMap<string, StoredEntry>;
  readonly unplaced: readonly StoredEntry[];
  /** Of those, entries whose text is on the page more than once, translated differently: which goes where cannot be told. */
  readonly ambiguous: ReadonlySet<StoredEntry>;
}

/**
 * Put each entry of a translator's file on the page's segment it translates, as gettext's
 * msgmerge does: first on the segment with its key (msgctxt, unit id) and its text; then on
 * every free segment with its text (a paragraph added above it renumbers the keys after it,
 * and a file that lost its msgctxt, as translate-toolkit's po2xliff then xliff2po leave it,
 * has no key at all: the same words get the same translation); last, on the segment with
 * its key whose text changed (kept for review). Used by apply, extract and status.
 */
export function placeEntries(page: SegmentedPage, entries: readonly StoredEntry[]): PlacedEntries {
  const byKey = new Map(page.segments.map((segment) => [segment.key, segment]));
  const placed = new Map<string, StoredEntry>();
  const rest: StoredEntry[] = [];
  const unplacedFirst: StoredEntry[] = [];
  for (const entry of entries) {
    // An obsolete entry comes back only where its very text does.
    const segment = entry.key === undefined || entry.obsolete ? undefined : byKey.get(entry.key);
    if (segment && segment.text === entry.source && !placed.has(segment.key)) placed.set(segment.key, entry);
    else rest.push(entry);
  }
  const left: StoredEntry[] = [];
  const ambiguous = new Set<StoredEntry>();
  const bySource = new Map<string, StoredEntry[]>();
  for (const entry of rest) bySource.set(entry.source, [...(bySource.get(entry.source) ?? []), entry]);
  for (const [source, group] of bySource) {
    const free = page.segments.filter((segment) => segment.text === source && !placed.has(segment.key));
    if (!page.segments.some((segment) => segment.text === source)) {
      left.push(...group);
      continue;
    }
    const translations = new Set(group.filter((entry) => entry.target.trim() !== '').map((entry) => entry.target));
    if (translations.size <= 1) {
      // One translation for the text (a file that lost its msgctxt has one entry per place): the same words get it everywhere.
      const entry = group.find((candidate) => candidate.target.trim() !== '') ?? group[0]!;
      for (const segment of free) placed.set(segment.key, { ...entry, key: segment.key, obsolete: false });
    } else if (group.length === free.length) {
      // As many entries as places, in the same order: the file's order is the page's.
      free.forEach((segment, index) => placed.set(segment.key, { ...group[index]!, key: segment.key, obsolete: false }));
    } else {
      // Translated differently, and not one per place: which goes where cannot be told.
      for (const entry of group) ambiguous.add(entry);
      unplacedFirst.push(...group);
    }
  }
  const unplaced: StoredEntry[] = [...unplacedFirst];
  for (const entry of left) {
    if (entry.key !== undefined && !entry.obsolete && byKey.has(entry.key) && !placed.has(entry.key)) placed.set(entry.key, entry);
    else unplaced.push(entry);
  }
  return { placed, unplaced, ambiguous };
}

/**
 * Report each entry that fits no segment, at its line in the translator's file: its
 * translation is not used (apply) or not kept (extract), so the translator must know.
 */
export function reportUnplaced(
  file: VFile,
  { unplaced, ambiguous }: Pick<PlacedEntries, 'unplaced' | 'ambiguous'>,
  sourcePath: string,
  lang: string,
  action: 'apply' | 'extract',
): void {
  for (const entry of unplaced) {
    // An obsolete entry was reported when it became one; an empty one loses nothing.
    if (entry.obsolete || entry.target.trim() === '') continue;
    const what = entry.key === undefined ? 'This entry (it has no msgctxt or unit id)' : `The entry "${excerpt(entry.key)}"`;
    const text = excerpt(entry.source);
    if (ambiguous.has(entry)) {
      warn(file, {
        reason:
          `${what} is for a text that is in briefings/${sourcePath} more than once ("${text}"), and the file translates it differently in ` +
          'different entries, without saying which goes where: its translation ' +
          (action === 'apply' ? 'is not used' : 'is kept at the end of the new file, marked obsolete'),
        rule: 'translation-entry-ambiguous',
        place: entry.place?.unit,
        hint:
          `The file lost its msgctxt or unit ids (as po2xliff then xliff2po do). Run briefkit i18n extract ${lang} ${sourcePath}, then copy each ` +
          `translation into the entry at its place.`,
      });
      continue;
    }
    warn(file, {
      reason:
        `${what} matches no text of briefings/${sourcePath} ("${text}"): its translation ` +
        (action === 'apply' ? 'is not used' : 'is kept at the end of the new file, marked obsolete'),
      rule: 'translation-entry-unplaced',
      place: entry.place?.unit,
      hint:
        action === 'apply'
          ? `Its original is no longer in briefings/${sourcePath}, or the file lost its msgctxt (as po2xliff then xliff2po do) and the text changed since: ` +
            `run briefkit i18n extract ${lang} ${sourcePath} again, then copy this translation into the entry of the new text.`
          : 'Copy what you still need of it into the entry of the new text; delete the obsolete entry once you have.',
    });
  }
}
