import type { VFile } from 'vfile';
import { error, excerpt } from '../../messages.js';
import type { Place } from '../../model/place.js';
import { MAX_EXPANDED, abbreviationSizes, expandedLength } from './bibtex-macros.js';
import { bibtexToCsl } from './convert.js';
import type { CslItem } from './convert.js';
import { normaliseItem, placer } from './entry.js';
import type { ImportFormat, ImportedEntry } from './entry.js';

/** Where a field of an entry is: its name, and its value (without the comma after it). */
interface FieldSpan {
  readonly name: number;
  readonly value: number;
  valueEnd: number;
}

/** One `@type{…}` of a .bib file, found by matching its braces. */
interface RawEntry {
  readonly type: string;
  /** Offset of the `@`. */
  readonly at: number;
  /** Offset just after the `{` (or `(`) that opens it. */
  readonly body: number;
  /** Offset just after its closing `}`, or where it was cut (the next entry, or the end of the file). */
  readonly end: number;
  readonly closed: boolean;
  /** Fields by lower-case name: the first of each. */
  readonly fields: ReadonlyMap<string, FieldSpan>;
}

const ENTRY_START = /@[ \t]*([A-Za-z][\w:+-]*)[ \t\n]*([{(])/y;
const ENTRY_LINE = /[ \t]*@[ \t]*[A-Za-z][\w:+-]*[ \t]*[{(]/y;
const BARE_TYPE = /@[ \t]*[A-Za-z][\w:+-]*/y;
const FIELD_NAME = /([A-Za-z_][\w:+-]*)[ \t\n]*=[ \t\n]*/y;
const LABEL = /[ \t\n]*([^,\s})]*)[ \t\n]*/y;

/** The CSL-JSON fields, and the BibTeX fields they are made from (for the place of a problem). */
const SOURCE_FIELDS: Readonly<Record<string, readonly string[]>> = {
  title: ['title'],
  author: ['author'],
  editor: ['editor'],
  issued: ['date', 'year', 'month'],
  accessed: ['urldate'],
  'container-title': ['journal', 'journaltitle', 'booktitle'],
  publisher: ['publisher', 'institution', 'school', 'organization', 'howpublished'],
  volume: ['volume'],
  issue: ['number', 'issue'],
  page: ['pages'],
  DOI: ['doi'],
  URL: ['url', 'howpublished'],
  ISBN: ['isbn'],
  ISSN: ['issn'],
  PMID: ['pmid', 'note', 'extra'],
  PMCID: ['pmcid', 'note', 'extra'],
  note: ['note'],
};

const TOKEN_NAMES: Readonly<Record<string, string>> = {
  rbrace: '"}"',
  lbrace: '"{"',
  comma: 'a comma',
  equals: '"="',
  label: 'a key',
  identifier: 'a field name',
  quote: 'a quote',
  number: 'a number',
  hash: '"#"',
  EOF: 'the end of the entry',
};

/** BibTeX and BibLaTeX, as Zotero, Mendeley, JabRef and others export them. */
export const bibtex: ImportFormat = {
  titleHint:
    'Add a line such as title = {Naloxone distribution in Scotland}, to this entry, or give the item a title in your reference manager and export it again.',
  read(file) {
    const text = String(file.value);
    const place = placer(file);
    const raw = splitEntries(file, text, place);
    // @string abbreviations are shared by the whole file: each entry is converted after them,
    // once their expanded sizes are known to stay within the budget (bibtex-macros.ts).
    const sizes = abbreviationSizes(abbreviations(text, raw));
    const strings = raw
      .filter((entry) => entry.type === 'string' && entry.closed && withinBudget(file, text, entry, sizes, place) && convertsAlone(file, text, entry, place))
      .map((entry) => text.slice(entry.at, entry.end));
    const prefix = strings.length > 0 ? `${strings.join('\n')}\n` : '';
    const entries: ImportedEntry[] = [];
    for (const entry of raw) {
      if (entry.type === 'string' || entry.type === 'comment' || entry.type === 'preamble') continue;
      if (!withinBudget(file, text, entry, sizes, place)) continue;
      const read = readEntry(file, text, entry, prefix, place);
      if (read) entries.push(read);
    }
    return entries;
  },
};

/**
 * Every entry of the file, found by matching braces (so that one broken entry is reported at
 * its place and the others are still read). An entry whose braces do not close ends where a
 * line starts the next one (`@article{…`), and is reported there.
 */
function splitEntries(file: VFile, text: string, place: (start: number, end?: number) => Place): RawEntry[] {
  const entries: RawEntry[] = [];
  let from = 0;
  while (from < text.length) {
    const at = text.indexOf('@', from);
    if (at === -1) break;
    ENTRY_START.lastIndex = at;
    const start = ENTRY_START.exec(text);
    if (!start) {
      // An "@" in a comment or an e-mail address is not an entry; "@article" at the start of a line is.
      BARE_TYPE.lastIndex = at;
      if (BARE_TYPE.test(text) && /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at))) {
        error(file, {
          reason: `This entry has no "{" after its type "${excerpt(text.slice(at, BARE_TYPE.lastIndex))}"`,
          rule: 'bibtex-syntax',
          place: place(at, BARE_TYPE.lastIndex),
          hint: 'An entry is written @type{key, field = {value}, …}, e.g. @article{bird_2016, title = {…}, }.',
        });
      }
      from = at + 1;
      continue;
    }
    const entry = scanEntry(text, at, start[1]!.toLowerCase(), ENTRY_START.lastIndex, start[2] === '(' ? ')' : '}');
    entries.push(entry);
    if (!entry.closed) reportUnclosed(file, text, entry, place);
    from = entry.end;
  }
  return entries;
}

function scanEntry(text: string, at: number, type: string, body: number, closer: string): RawEntry {
  const fields = new Map<string, FieldSpan>();
  let depth = 1;
  let quoteDepth = 0;
  let current: FieldSpan | undefined;
  let afterComma = false;
  const endField = (end: number) => {
    if (current) current.valueEnd = Math.max(current.value, trimEnd(text, end));
    current = undefined;
  };
  for (let index = body; index < text.length; index++) {
    const char = text[index]!;
    if (char === '\\' && (text[index + 1] === '{' || text[index + 1] === '}' || text[index + 1] === '\\')) {
      index++;
      continue;
    }
    if (char === '\n') {
      ENTRY_LINE.lastIndex = index + 1;
      // A line that starts the next entry: this one's closing brace is missing.
      if (ENTRY_LINE.test(text)) {
        endField(index);
        return { type, at, body, end: index + 1, closed: false, fields };
      }
    }
    if (quoteDepth > 0) {
      if (char === '{') depth++;
      else if (char === '}' && depth > quoteDepth) depth--;
      else if (char === '"' && depth === quoteDepth) quoteDepth = 0;
      continue;
    }
    if (char === '{') {
      depth++;
      afterComma = false;
    } else if (char === '}' || (char === ')' && closer === ')' && depth === 1)) {
      depth--;
      if (depth === 0) {
        endField(index);
        return { type, at, body, end: index + 1, closed: true, fields };
      }
    } else if (depth === 1) {
      if (char === '"') {
        quoteDepth = 1;
      } else if (char === ',') {
        endField(index);
        afterComma = true;
      } else if (afterComma && /[A-Za-z_]/.test(char)) {
        FIELD_NAME.lastIndex = index;
        const field = FIELD_NAME.exec(text);
        afterComma = false;
        if (field) {
          current = { name: index, value: FIELD_NAME.lastIndex, valueEnd: FIELD_NAME.lastIndex };
          const name = field[1]!.toLowerCase();
          if (!fields.has(name)) fields.set(name, current);
          index = FIELD_NAME.lastIndex - 1;
        }
      } else if (!/\s/.test(char)) {
        afterComma = false;
      }
    }
  }
  endField(text.length);
  return { type, at, body, end: text.length, closed: false, fields };
}

function trimEnd(text: string, end: number): number {
  let index = end;
  while (index > 0 && /\s/.test(text[index - 1]!)) index--;
  return index;
}

/** The entry's key and where it is: the text between `{` and the first comma. */
function labelOf(text: string, entry: RawEntry): { key: string | undefined; start: number; end: number } {
  LABEL.lastIndex = entry.body;
  const found = LABEL.exec(text)!;
  const key = found[1]!;
  const start = LABEL.lastIndex - found[0].length + found[0].indexOf(key);
  const end = start + key.length;
  // "@article{title = {…}": what stands where the key should be is a field.
  if (key === '' || text[LABEL.lastIndex] === '=' || /^[A-Za-z_][\w:+-]*=/.test(key)) {
    return { key: undefined, start: key === '' ? entry.body - 1 : start, end };
  }
  return { key, start, end };
}

function reportUnclosed(file: VFile, text: string, entry: RawEntry, place: (start: number, end?: number) => Place): void {
  const label = labelOf(text, entry);
  const name = label.key ? `"${excerpt(label.key)}"` : `@${excerpt(entry.type)}`;
  const last = place(trimEnd(text, entry.end)).start.line;
  error(file, {
    reason: `The entry ${name} is not closed: its "}" is missing`,
    rule: 'bibtex-syntax',
    place: place(entry.at, entry.body),
    hint: `End the entry with "}" after its last field (line ${last}), and check that every "{" in it has its "}".`,
  });
}

/** Every `@string` abbreviation of the file, by lower-case name, with its raw value: the first definition of each. */
function abbreviations(text: string, raw: readonly RawEntry[]): Map<string, string> {
  const definitions = new Map<string, string>();
  for (const entry of raw) {
    const defined = definitionOf(text, entry);
    if (defined && !definitions.has(defined.name)) definitions.set(defined.name, defined.value);
  }
  return definitions;
}

/** What a closed `@string{name = value}` defines, with where its value is. */
function definitionOf(text: string, entry: RawEntry): { name: string; value: string; start: number; end: number } | undefined {
  if (entry.type !== 'string' || !entry.closed) return undefined;
  const match = /^(\s*)([A-Za-z_][\w:+-]*)(\s*=\s*)([\s\S]*?)\s*$/.exec(text.slice(entry.body, entry.end - 1));
  if (!match) return undefined;
  const start = entry.body + match[1]!.length + match[2]!.length + match[3]!.length;
  return { name: match[2]!.toLowerCase(), value: match[4]!, start, end: start + match[4]!.length };
}

/** Whether every field of an entry stays within the expansion budget once its abbreviations are filled in; an error at the first that does not. */
function withinBudget(file: VFile, text: string, entry: RawEntry, sizes: ReadonlyMap<string, number>, place: (start: number, end?: number) => Place): boolean {
  const defined = definitionOf(text, entry);
  const fields = defined ? [[defined.name, { value: defined.start, valueEnd: defined.end }] as const] : [...entry.fields];
  for (const [name, span] of fields) {
    const value = text.slice(span.value, span.valueEnd);
    const size = defined ? (sizes.get(name) ?? 0) : expandedLength(value, (abbreviation) => sizes.get(abbreviation) ?? abbreviation.length);
    if (size <= MAX_EXPANDED) continue;
    error(file, {
      reason:
        `"${excerpt(name)}" grows past ${MAX_EXPANDED.toLocaleString('en')} characters once its @string abbreviations are filled in` +
        (defined
          ? ' (each repeats the ones before it, or one refers to itself): this abbreviation and the entries using it are not read'
          : ': this entry is not read'),
      rule: 'bibtex-too-large',
      place: place(span.value, span.valueEnd),
      hint: 'Write the value out, or export the file again from your reference manager: real abbreviations are a journal name or a month.',
    });
    return false;
  }
  return true;
}

/** Whether an @string definition converts (it is reported where it is broken, and left out). */
function convertsAlone(file: VFile, text: string, entry: RawEntry, place: (start: number, end?: number) => Place): boolean {
  try {
    bibtexToCsl(text.slice(entry.at, entry.end));
    return true;
  } catch (reason) {
    reportSyntax(file, text, entry.at, 0, reason, place);
    return false;
  }
}

function readEntry(file: VFile, text: string, entry: RawEntry, prefix: string, place: (start: number, end?: number) => Place): ImportedEntry | undefined {
  const label = labelOf(text, entry);
  const keyPlace = place(label.start, label.end);
  const placeOf = (path: readonly PropertyKey[]): Place => {
    const head = String(path[0]);
    if (head === 'id') return keyPlace;
    for (const name of SOURCE_FIELDS[head] ?? [head.toLowerCase()]) {
      const field = entry.fields.get(name);
      if (field) return place(field.value, field.valueEnd);
    }
    return keyPlace;
  };
  if (label.key === undefined) {
    error(file, {
      reason: `This @${excerpt(entry.type)} entry has no key`,
      rule: 'bibtex-syntax',
      place: place(entry.at, entry.body),
      hint: 'Write the key you cite it by right after the "{", then a comma: @article{bird_2016, title = {…}, … } is cited as [@bird_2016].',
    });
    return undefined;
  }
  if (!entry.closed) return { key: label.key, item: undefined, place: keyPlace, placeOf };
  let items: CslItem[];
  try {
    items = bibtexToCsl(prefix + text.slice(entry.at, entry.end));
  } catch (reason) {
    reportSyntax(file, text, entry.at, lineCount(prefix), reason, place);
    return { key: label.key, item: undefined, place: keyPlace, placeOf };
  }
  const item = items[0];
  return { key: label.key, item: item ? normaliseItem({ ...item, id: label.key }) : undefined, place: keyPlace, placeOf };
}

function lineCount(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/**
 * A syntax error of Citation.js ("expected "equals", got "lbrace" at line 3 col 9"), at its
 * place in the file: the converted text started at `start`, after `skipped` lines of @strings.
 */
function reportSyntax(file: VFile, text: string, start: number, skipped: number, reason: unknown, place: (start: number, end?: number) => Place): void {
  const message = reason instanceof Error ? reason.message : String(reason);
  const at = /at line (\d+) col (\d+)/.exec(message);
  let offset = start;
  if (at) {
    const line = Number(at[1]) - skipped;
    for (let count = 1; count < line && offset !== -1; count++) offset = text.indexOf('\n', offset) + 1 || text.length;
    offset += Number(at[2]) - 1;
  }
  const expected = /expected "(\w+)", got (?:"(\w+)"|(EOF))/.exec(message);
  const got = expected ? (TOKEN_NAMES[expected[2] ?? expected[3] ?? ''] ?? expected[2] ?? 'something else') : undefined;
  if (expected?.[1] === 'comma' && expected[2] === 'label') {
    error(file, {
      reason: 'The key of this entry must be followed by a comma, and cannot contain spaces',
      rule: 'bibtex-syntax',
      place: place(offset),
      hint: 'Write the key as one word, then a comma: @article{bird_2016, … }.',
    });
    return;
  }
  if (expected?.[1] === 'equals') {
    error(file, {
      reason: `This field has no "=" between its name and its value`,
      rule: 'bibtex-syntax',
      place: place(offset),
      hint: 'Write each field as name = {value}, followed by a comma, e.g. year = {2016},',
    });
    return;
  }
  error(file, {
    reason: expected
      ? `BibTeX syntax: expected ${TOKEN_NAMES[expected[1]!] ?? expected[1]} here, but found ${got}`
      : `BibTeX syntax: ${message.split('\n')[0]!.replace(/ at line \d+ col \d+:?$/, '')}`,
    rule: 'bibtex-syntax',
    place: place(offset),
    hint:
      'Each field is name = {value} (or "value", or a number), fields are separated by commas, and every "{" has its "}". Compare this entry with ' +
      'one that works, or export it again.',
  });
}
