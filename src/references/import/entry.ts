import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import type { Place, Point } from '../../model/place.js';
import type { CslItem } from './convert.js';

/** One entry of a bibliography file in another format, converted to CSL-JSON. */
export interface ImportedEntry {
  /** The citation key, if the entry has one. */
  readonly key: string | undefined;
  /**
   * The CSL-JSON item, not yet checked against `referenceSchema`; undefined when the entry
   * could not be read (its problem is already reported): its key is still defined, so that
   * its citations are not reported as unknown as well.
   */
  readonly item: CslItem | undefined;
  /** Where the entry's key is (or where the entry starts, if it has none). */
  readonly place: Place;
  /** Where the value at this CSL-JSON path (e.g. `['URL']`, `['author', 0]`) came from. */
  placeOf(path: readonly PropertyKey[]): Place;
}

/** What a bibliography format reads, and what to tell an author whose entry has no title. */
export interface ImportFormat {
  /** Read every entry of a file; problems of syntax are reported on the file. */
  read(file: VFile): ImportedEntry[];
  /** The advice for an entry without a title, in this format's words. */
  readonly titleHint: string;
}

/** Places in a file by offset (the file's text has LF line endings). */
export function placer(file: VFile): (start: number, end?: number) => Place {
  const index = location(file);
  const point = (offset: number): Point => {
    const found = index.toPoint(Math.max(0, Math.min(offset, String(file.value).length)));
    return found ? { line: found.line, column: found.column, offset: found.offset } : { line: 1, column: 1, offset: 0 };
  };
  return (start, end) => (end === undefined || end <= start ? { start: point(start) } : { start: point(start), end: point(end) });
}

/**
 * What Zotero leaves in a CSL "note" (its "Extra" field) that has a field of its own:
 * a line "PMID: 26642424" or "PMCID: PMC4950001" becomes PMID / PMCID. Dates given only as
 * `raw` text (e.g. "2016-05") get their year as `date-parts`.
 */
export function normaliseItem(item: CslItem): CslItem {
  const result: CslItem = { ...item };
  if (typeof result['note'] === 'string') {
    let note = result['note'];
    for (const [field, pattern] of [
      ['PMID', /(^|[\s;,])PMID:[ \t]*(\d{1,9})(?=$|[\s;,])/i],
      ['PMCID', /(^|[\s;,])PMCID:[ \t]*(PMC\d+)(?=$|[\s;,])/i],
    ] as const) {
      const found = pattern.exec(note);
      if (!found) continue;
      if (result[field] === undefined) result[field] = found[2];
      note = note.slice(0, found.index) + found[1] + note.slice(found.index + found[0].length);
    }
    note = note.replace(/^[\s;,]+|[\s;,]+$/g, '');
    if (note) result['note'] = note;
    else delete result['note'];
  }
  for (const field of ['issued', 'accessed']) {
    const date = result[field];
    if (date === null || typeof date !== 'object' || Array.isArray(date)) continue;
    const { raw, 'date-parts': parts } = date as { raw?: unknown; 'date-parts'?: unknown };
    const year = typeof raw === 'string' ? /\b(\d{4})\b/.exec(raw)?.[1] : undefined;
    if (parts === undefined && year) result[field] = { ...date, 'date-parts': [[Number(year)]] };
  }
  return result;
}

/** Compare names by code point (JavaScript's `<` compares UTF-16 code units). */
export function byCodePoint(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let index = 0; index < Math.min(left.length, right.length); index++) {
    const difference = left[index]!.codePointAt(0)! - right[index]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}
