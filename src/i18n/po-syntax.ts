/** One entry of a PO file, as gettext's tools write it, with where it is in the file. */
export interface PoEntry {
  /** `# ` lines: the translator's own. */
  readonly translator: readonly string[];
  /** `#.` lines: what the program that extracted it says. */
  readonly extracted: readonly string[];
  /** `#:` lines: where the original is. */
  readonly references: readonly string[];
  /** `#,` flags, such as `fuzzy`. */
  readonly flags: readonly string[];
  /** `#| msgid`: the original the translation was made for, when it changed since. */
  readonly previous?: string | undefined;
  readonly msgctxt?: string | undefined;
  readonly msgid: string;
  /** `msgstr`, or `msgstr[0]`, `msgstr[1]`… of a plural entry. */
  readonly msgstr: readonly string[];
  /** 1-based lines of the entry's first line, its `msgctxt` (or `msgid` when it has none), its `msgid` and its first `msgstr`. */
  readonly line: number;
  readonly keyLine: number;
  readonly msgidLine: number;
  readonly msgstrLine: number;
  /** An obsolete entry (`#~`): its original is gone, its translation kept for the translator. */
  readonly obsolete?: boolean | undefined;
}

/** A PO file read: its header fields and its entries (not the header; obsolete `#~` ones marked so), in order. */
export interface PoTable {
  readonly headers: Readonly<Record<string, string>>;
  readonly entries: readonly PoEntry[];
}

/** Where a PO file cannot be read, and why. */
export class PoSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '"': '"', '\\': '\\' };

/** The text of a quoted PO string (`"a\nb"`), or undefined if it is not one. */
function unquote(text: string): string | undefined {
  const match = /^"((?:[^"\\]|\\.)*)"\s*$/.exec(text);
  if (!match) return undefined;
  let bad = false;
  const value = match[1]!.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_, code: string) => {
    if (code in ESCAPES) return ESCAPES[code]!;
    if (code.startsWith('x')) return String.fromCharCode(parseInt(code.slice(1), 16));
    if (/^[0-7]/.test(code)) return String.fromCharCode(parseInt(code, 8));
    bad = true;
    return code;
  });
  return bad ? undefined : value;
}

type Field = 'msgctxt' | 'msgid' | 'msgid_plural' | 'msgstr' | 'previous' | 'previous-other';

interface Draft {
  translator: string[];
  extracted: string[];
  references: string[];
  flags: string[];
  previous?: string;
  msgctxt?: string;
  msgid?: string;
  msgstr: string[];
  line: number;
  keyLine: number;
  msgidLine: number;
  msgstrLine: number;
}

const draft = (line: number): Draft => ({
  translator: [],
  extracted: [],
  references: [],
  flags: [],
  msgstr: [],
  line,
  keyLine: 0,
  msgidLine: 0,
  msgstrLine: 0,
});

/**
 * Read a PO file as GNU gettext defines it: comments, `msgctxt`, `msgid`, `msgid_plural`,
 * `msgstr` / `msgstr[n]`, strings continued on the next lines, obsolete `#~` entries
 * (read as entries of their own, marked obsolete). Throws {@link PoSyntaxError} at the
 * first line it cannot read.
 */
export function parsePo(text: string): PoTable {
  // An obsolete entry is an entry with "#~ " before its keyword and string lines.
  const obsoleteLines = new Set<number>();
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line, index) => {
      const match = /^#~ ?(?!\|)/.exec(line);
      if (!match) return line;
      obsoleteLines.add(index + 1);
      return line.slice(match[0].length);
    });
  const entries: PoEntry[] = [];
  let headers: Record<string, string> = {};
  let current: Draft | undefined;
  let field: { name: Field; index: number } | undefined;
  const finish = (at: number) => {
    if (!current) return;
    if (current.msgid === undefined) {
      if (current.msgctxt !== undefined || current.msgstr.length > 0) throw new PoSyntaxError('An entry without msgid', current.line, 1);
    } else if (current.msgstr.length === 0) throw new PoSyntaxError('An entry without msgstr', at, 1);
    else if (current.msgid === '' && current.msgctxt === undefined) headers = readHeader(current.msgstr[0] ?? '');
    else
      entries.push({
        ...current,
        msgid: current.msgid,
        msgstr: current.msgstr.map((value) => value ?? ''),
        ...(obsoleteLines.has(current.keyLine) ? { obsolete: true } : {}),
      });
    current = undefined;
    field = undefined;
  };
  const append = (name: Field, index: number, value: string) => {
    const entry = current!;
    if (name === 'msgctxt') entry.msgctxt = (entry.msgctxt ?? '') + value;
    else if (name === 'msgid') entry.msgid = (entry.msgid ?? '') + value;
    else if (name === 'msgstr') entry.msgstr[index] = (entry.msgstr[index] ?? '') + value;
    else if (name === 'previous') entry.previous = (entry.previous ?? '') + value;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const number = index + 1;
    const trimmed = line.trim();
    if (trimmed === '') {
      finish(number);
      continue;
    }
    if (trimmed.startsWith('#~')) continue;
    const startsEntry = trimmed.startsWith('#') || /^msg(?:ctxt|id)\b/.test(trimmed);
    // A comment or msgctxt/msgid after a msgstr starts the next entry, blank line or not.
    if (startsEntry && current && current.msgstr.length > 0 && !trimmed.startsWith('msgstr')) finish(number);
    current ??= draft(number);
    if (trimmed.startsWith('#|')) {
      const rest = trimmed.slice(2).trim();
      const keyword = /^(msgctxt|msgid_plural|msgid)\s+(.*)$/.exec(rest);
      const value = unquote(keyword ? keyword[2]! : rest);
      if (value === undefined) throw new PoSyntaxError('A "#|" line that is not a quoted string', number, 1);
      if (keyword) field = { name: keyword[1] === 'msgid' ? 'previous' : 'previous-other', index: 0 };
      if (field?.name === 'previous') append('previous', 0, value);
      continue;
    }
    if (trimmed.startsWith('#')) {
      const kind = trimmed[1];
      const rest = trimmed.slice(2).replace(/^ /, '');
      if (kind === '.') current.extracted.push(rest);
      else if (kind === ':') current.references.push(rest);
      else if (kind === ',')
        current.flags.push(
          ...rest
            .split(',')
            .map((flag) => flag.trim())
            .filter(Boolean),
        );
      else if (kind === undefined || kind === ' ' || kind === '\t') current.translator.push(line.replace(/^\s*# ?/, ''));
      continue;
    }
    const keyword = /^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(.*)$/.exec(trimmed);
    const value = unquote(keyword ? keyword[3]! : trimmed);
    if (keyword) {
      field = { name: keyword[1] as Field, index: Number(keyword[2] ?? 0) };
      if (field.name === 'msgctxt') current.keyLine = number;
      if (field.name === 'msgid') current.msgidLine = number;
      if (field.name === 'msgid' && current.keyLine === 0) current.keyLine = number;
      if (field.name === 'msgstr' && current.msgstrLine === 0) current.msgstrLine = number;
      if (field.name === 'msgstr') current.msgstr[field.index] ??= '';
    } else if (!trimmed.startsWith('"') || !field) {
      throw new PoSyntaxError(`"${trimmed.slice(0, 40)}" is not a PO keyword, comment or string`, number, line.length - line.trimStart().length + 1);
    }
    if (value === undefined) throw new PoSyntaxError('A string that is not closed, or has an unknown escape', number, line.indexOf('"') + 1 || 1);
    if (field.name !== 'msgid_plural') append(field.name, field.index, value);
  }
  finish(lines.length);
  return { headers, entries };
}

function readHeader(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

/** A string as gettext writes it: escaped, and after each inner line break on a line of its own (as `msgcat --no-wrap` leaves it). */
export function poString(keyword: string, text: string): string {
  // eslint-disable-next-line no-control-regex -- gettext writes BEL as \a: the control characters are what is escaped here
  const quote = (part: string) => `"${part.replace(/[\\"\n\t\r\x07\b\f\v]/g, (char) => `\\${Object.keys(ESCAPES).find((key) => ESCAPES[key] === char)!}`)}"`;
  const parts = text.split(/(?<=\n)(?!$)/);
  return parts.length > 1 ? [`${keyword} ""`, ...parts.map(quote)].join('\n') : `${keyword} ${quote(text)}`;
}

/** An entry to write: what {@link PoEntry} has, but where it is. */
export type PoEntryToWrite = Omit<PoEntry, 'line' | 'keyLine' | 'msgidLine' | 'msgstrLine'>;

/**
 * A PO file as gettext's own tools write it, so that msgcat, Poedit and Weblate leave it as
 * it is: the header entry first, comments in gettext's order (`# `, `#.`, `#:`, `#,`, `#|`),
 * strings unwrapped but for line breaks.
 */
export function writePo(headers: readonly (readonly [string, string])[], entries: readonly PoEntryToWrite[]): string {
  const header = ['msgid ""', poString('msgstr', headers.map(([key, value]) => `${key}: ${value}\n`).join(''))].join('\n');
  const blocks = entries.map((entry) => {
    const lines = [
      ...entry.translator.map((line) => (line === '' ? '#' : `# ${line}`)),
      ...entry.extracted.map((line) => (line === '' ? '#.' : `#. ${line}`)),
      ...entry.references.map((line) => `#: ${line}`),
      ...(entry.flags.length > 0 ? [`#, ${entry.flags.join(', ')}`] : []),
      ...(entry.previous !== undefined
        ? poString('msgid', entry.previous)
            .split('\n')
            .map((line) => `#| ${line}`)
        : []),
    ];
    const strings = [
      ...(entry.msgctxt !== undefined ? [poString('msgctxt', entry.msgctxt)] : []),
      poString('msgid', entry.msgid),
      poString('msgstr', entry.msgstr[0] ?? ''),
    ].join('\n');
    return [
      ...lines,
      entry.obsolete
        ? strings
            .split('\n')
            .map((line) => `#~ ${line}`)
            .join('\n')
        : strings,
    ].join('\n');
  });
  return `${[header, ...blocks].join('\n\n')}\n`;
}
