import type { VFile } from 'vfile';
import { error, excerpt } from '../../messages.js';
import type { Place } from '../../model/place.js';
import { risToCsl } from './convert.js';
import type { CslItem } from './convert.js';
import { normaliseItem, placer } from './entry.js';
import type { ImportFormat, ImportedEntry } from './entry.js';

/** A line of a record: its tag, and where it and its value are. */
interface RisLine {
  readonly tag: string;
  /** The line's text, with the lines that continue its value. */
  text: string;
  readonly start: number;
  readonly value: number;
  end: number;
}

interface RisRecord {
  readonly start: number;
  readonly lines: RisLine[];
  closed: boolean;
}

const TAG_LINE = /^([A-Z][A-Z0-9]) {2}-(?: |$)/;
/** A line meant as a tag line, written wrong: "AU - Bird", "AU  -Bird", "au  - Bird". */
const BROKEN_TAG_LINE = /^([A-Za-z][A-Za-z0-9])(?:[ \t]+-[ \t]*|[ \t]*-[ \t]+)/;

/** The CSL-JSON fields, and the RIS tags they are made from (for the place of a problem). */
const SOURCE_TAGS: Readonly<Record<string, readonly string[]>> = {
  id: ['ID'],
  type: ['TY'],
  title: ['TI', 'T1', 'CT', 'BT'],
  author: ['AU', 'A1'],
  editor: ['A2', 'ED', 'A3'],
  issued: ['PY', 'DA', 'Y1'],
  accessed: ['Y2'],
  'container-title': ['T2', 'JO', 'JF', 'JA', 'J2', 'BT'],
  publisher: ['PB'],
  volume: ['VL'],
  issue: ['IS'],
  page: ['SP', 'EP'],
  DOI: ['DO'],
  URL: ['UR', 'L1', 'L2'],
  ISBN: ['SN'],
  ISSN: ['SN'],
  PMID: ['N1', 'AN', 'M2'],
  note: ['N1', 'M2'],
};

/**
 * RIS, as Zotero, Mendeley, EndNote and PubMed export it. RIS has no citation key: a record's
 * key is its `ID  -` line, or the key Zotero's BibTeX export would give it (first author's
 * family name, first word of the title that is not "a", "the", "of"…, year: `strang_take-home_2019`;
 * a second record with the same key gets `-1`, the next `-2`).
 */
export const ris: ImportFormat = {
  titleHint:
    'Add a line such as "TI  - Naloxone distribution in Scotland" to this record, or give the item a title in your reference manager and export it again.',
  read(file) {
    const text = String(file.value);
    const place = placer(file);
    const keys: MadeKeys = { taken: new Set(), next: new Map() };
    return splitRecords(file, text, place).map((record) => readRecord(file, record, keys, place));
  },
};

function splitRecords(file: VFile, text: string, place: (start: number, end?: number) => Place): RisRecord[] {
  const records: RisRecord[] = [];
  let record: RisRecord | undefined;
  let last: RisLine | undefined;
  // Lines outside any record are reported once per run of them.
  let outside = false;
  const unterminated = (current: RisRecord, where: string) =>
    error(file, {
      reason: `This record has no "ER  -" line: it ${where}`,
      rule: 'ris-syntax',
      place: place(current.start, current.start + 2),
      hint: 'End each record with a line "ER  - " (E, R, two spaces, a hyphen and a space), after its last tag.',
    });
  let start = 0;
  for (const raw of text.split('\n')) {
    const lineStart = start;
    start += raw.length + 1;
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line === '') continue;
    const tag = TAG_LINE.exec(line)?.[1];
    if (tag === 'TY') {
      if (record && !record.closed) unterminated(record, `runs into the next record, at line ${place(lineStart).start.line}`);
      record = { start: lineStart + indent, lines: [], closed: false };
      records.push(record);
      outside = false;
    } else if (tag === 'ER') {
      if (record && !record.closed) record.closed = true;
      else if (!outside) {
        error(file, {
          reason: 'This "ER  -" line ends no record: there is no "TY  -" line before it',
          rule: 'ris-syntax',
          place: place(lineStart + indent, lineStart + indent + line.length),
          hint: 'Each record starts with a "TY  -" line (its type, e.g. "TY  - JOUR") and ends with "ER  - ".',
        });
      }
      last = undefined;
      outside = false;
      continue;
    } else if (tag === undefined && BROKEN_TAG_LINE.test(line)) {
      // The hint quotes the start of the value, not all of it: a line may be a whole abstract.
      const value = line.replace(BROKEN_TAG_LINE, '');
      error(file, {
        reason: `This line is not a RIS line: a line is a tag, two spaces, a hyphen, a space and the value`,
        rule: 'ris-syntax',
        place: place(lineStart + indent, lineStart + indent + line.length),
        hint: `Write it as "${BROKEN_TAG_LINE.exec(line)![1]!.toUpperCase()}  - ${excerpt(value, 40)}" (two spaces before the hyphen, one after).`,
      });
      last = undefined;
      continue;
    }
    if (!record || record.closed) {
      if (!outside) {
        error(file, {
          reason: tag ? 'This line is outside a record: the record has no "TY  -" line' : 'This text is outside a record',
          rule: 'ris-syntax',
          place: place(lineStart + indent, lineStart + indent + line.length),
          hint: 'Each record starts with a "TY  -" line (its type, e.g. "TY  - JOUR") and ends with "ER  - "; anything else belongs in a record.',
        });
      }
      outside = true;
      continue;
    }
    if (tag) {
      last = { tag, text: line, start: lineStart + indent, value: lineStart + indent + 6, end: lineStart + indent + line.length };
      record.lines.push(last);
    } else if (last) {
      // A value on several lines (an abstract, a note): the line continues the one before.
      last.text += `\n${line}`;
      last.end = lineStart + indent + line.length;
    }
  }
  if (record && !record.closed) unterminated(record, 'runs to the end of the file');
  return records;
}

function readRecord(file: VFile, record: RisRecord, keys: MadeKeys, place: (start: number, end?: number) => Place): ImportedEntry {
  const recordPlace = place(record.start, record.start + 2);
  const lineOf = (tag: string) => record.lines.find((line) => line.tag === tag);
  const placeOf = (path: readonly PropertyKey[]): Place => {
    for (const tag of SOURCE_TAGS[String(path[0])] ?? []) {
      const line = lineOf(tag);
      if (line) return place(line.value, line.end);
    }
    return recordPlace;
  };
  let item: CslItem | undefined;
  try {
    item = risToCsl(`${record.lines.map((line) => line.text).join('\n')}\nER  - \n`)[0];
  } catch (reason) {
    error(file, {
      reason: `This record could not be read: ${reason instanceof Error ? reason.message : String(reason)}`,
      rule: 'ris-syntax',
      place: recordPlace,
      hint: 'Compare it with a record that works, or export it again.',
    });
  }
  const id = lineOf('ID');
  const given = id?.text.slice(6).trim();
  const key = given || zoteroKey(item ?? {}, keys);
  keys.taken.add(key);
  const keyPlace = given ? place(id!.value, id!.end) : recordPlace;
  return { key, item: item ? normaliseItem({ ...item, id: key }) : undefined, place: keyPlace, placeOf };
}

// Zotero's BibTeX export (translators/BibTeX.js, buildCiteKey), for items added since 2020.
const TITLE_SKIPPED =
  /\b(a|an|the|some|from|on|in|to|of|do|with|der|die|das|ein|eine|einer|eines|einem|einen|un|une|la|le|l'|el|las|los|al|uno|una|unos|unas|de|des|del|d')(\s+|\b)|(<\/?(i|b|sup|sub|sc|span style="small-caps"|span)>)/g;

/** The keys of a file's records so far, and the next number to try after each base key. */
interface MadeKeys {
  readonly taken: Set<string>;
  /** Without it, 10,000 records with no author, title or year tried 1, 2, 3… each: quadratic (issue 27). */
  readonly next: Map<string, number>;
}

/** The key Zotero's BibTeX export gives an item: `%a_%t_%y`, made unique with `-1`, `-2`… */
function zoteroKey(item: CslItem, { taken, next }: MadeKeys): string {
  const first = Array.isArray(item['author']) ? (item['author'][0] as { family?: unknown; literal?: unknown } | undefined) : undefined;
  const family = typeof first?.family === 'string' ? first.family : typeof first?.literal === 'string' ? first.literal : undefined;
  const author = family ? family.toLowerCase().replace(/ /g, '_').replace(/,/g, '') : 'noauthor';
  const title = typeof item['title'] === 'string' ? (item['title'].toLowerCase().replace(TITLE_SKIPPED, '').split(/\s+/)[0] ?? '') : 'notitle';
  const issued = item['issued'] as { 'date-parts'?: unknown[][] } | undefined;
  const year = /^\d+/.exec(String(issued?.['date-parts']?.[0]?.[0] ?? ''))?.[0] ?? 'nodate';
  const base = `${author}_${title}_${year}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '');
  let key = base;
  let count = next.get(base) ?? 1;
  while (taken.has(key)) key = `${base}-${count++}`;
  next.set(base, count);
  return key;
}
