/** A CSL-JSON name: a person's family and given names, or an organisation's (`literal`). */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** A CSL-JSON date: year, month, day (as many as are known). */
export interface CslDate {
  'date-parts': number[][];
}

/** A CSL-JSON item as `refs add` writes it (the fields the services give). */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  editor?: CslName[];
  issued?: CslDate;
  accessed?: CslDate;
  'container-title'?: string;
  'container-title-short'?: string;
  publisher?: string;
  volume?: string;
  issue?: string;
  page?: string;
  DOI?: string;
  PMID?: string;
  PMCID?: string;
  URL?: string;
  ISSN?: string;
  ISBN?: string;
}

/** An item before it has its citation key. */
export type UnkeyedItem = Omit<CslItem, 'id'>;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Formatting tags that services leave in titles (JATS and HTML: `<i>`, `<jats:italic>`,
 * `<sup>`…), dropped with their text kept. Any other `<…>` is text and stays (a title may
 * well mention `<script>`).
 */
const FORMATTING =
  /<\/?(?:jats:|mml:)?(?:i|b|u|em|strong|sup|sub|sc|scp|italic|bold|underline|span|p|br|monospace|title|break|inline-formula|math|mi|mo|mn|mrow|msub|msup|mtext)(?:\s[^<>]*)?\/?>/gi;

/**
 * A text field as a reader should see it: formatting tags dropped, character references
 * (`&amp;`, `&#8211;`) decoded, control characters gone and runs of white space (newlines
 * of a wrapped XML deposit included) made one space. Undefined if nothing is left.
 */
export function cleanText(value: unknown, { markup = true }: { markup?: boolean } = {}): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  let text = String(value);
  if (markup) {
    text = text.replace(FORMATTING, '');
    text = text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
  }
  text = text
    // eslint-disable-next-line no-control-regex -- control characters in imported text are what is removed here
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? undefined : text;
}

/** Year, month and day as CSL date-parts, the parts that are numbers (a month 1-12, a day 1-31). */
export function dateParts(year: unknown, month?: unknown, day?: unknown): CslDate | undefined {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 1 || y > 9999) return undefined;
  const parts = [y];
  const m = Number(month);
  if (month !== undefined && month !== null && Number.isInteger(m) && m >= 1 && m <= 12) {
    parts.push(m);
    const d = Number(day);
    if (day !== undefined && day !== null && Number.isInteger(d) && d >= 1 && d <= 31) parts.push(d);
  }
  return { 'date-parts': [parts] };
}

/** Today as CSL date-parts (the `accessed` date of a web page). */
export function today(now = new Date()): CslDate {
  return { 'date-parts': [[now.getFullYear(), now.getMonth() + 1, now.getDate()]] };
}

/** Today as YYYY-MM-DD, in the user's time zone. */
export function isoDay(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The item without fields that are undefined (YAML would write them as null). */
export function withoutEmpty<T extends object>(item: T): T {
  return Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))) as T;
}
