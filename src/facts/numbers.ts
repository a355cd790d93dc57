import { unitAt } from './units.js';

/** What was read at a number: its key (undefined when it is no fact, such as a number glued to a word) and where the reading ended. */
export interface Reading {
  readonly key: string | undefined;
  readonly end: number;
}

/** How a language writes numbers. */
interface NumberStyle {
  /** The language's decimal separator: `.`, `,` or `٫`. */
  readonly decimal: string;
  /** Digits and the separators between them, read from a given place. */
  readonly run: RegExp;
}

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const SEPARATOR = /[.,\u066B\u066C \u00A0\u202F\u2009]/;
const SEPARATORS = /[.,\u066B\u066C \u00A0\u202F\u2009]/g;
const ARABIC_DECIMAL = '\u066B';
/** `2023-09-25`, or `25.09.2023` (day first in every language that writes dates with dots). */
const DATE = /(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}_]|-\d)|(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\p{L}\p{N}_]|\.\d)/uy;
/** The dash of a range (hyphen, en dash, em dash or minus sign), before a digit. */
const RANGE_DASH = /\s*[-–—−]\s*(?=\d)/y;
/** The word of a range (`10 to 15 minutes`, `від 10 до 15 хвилин`), by language; English's for any other. */
const RANGE_WORDS: Readonly<Record<string, RegExp>> = {
  en: / +to +(?=\d)/y,
  uk: / +(?:до|по) +(?=\d)/y,
  ru: / +(?:до|по) +(?=\d)/y,
  fr: / +(?:à|a) +(?=\d)/y,
  es: / +(?:a|al) +(?=\d)/y,
  de: / +bis +(?=\d)/y,
  ar: / +(?:إلى|الى|و) +(?=\d)/y,
};
/** An English ordinal's ending (`3,000th`, `21st`): the number stands. */
const ORDINAL = /(?:st|nd|rd|th)(?![\p{L}\p{N}_])/uy;
/** A calendar year: `2006–10` is 2006–2010. */
const YEAR = /^(1[89]|20)\d\d$/;
const GLUED = /[\p{L}\p{N}_]/uy;
/** The plural `s` of `the 1990s`, which leaves the number a number. */
const PLURAL = /['’]?s(?![\p{L}\p{N}_])/uy;
const LEADING_ZERO = /^0\d/;

const styles = new Map<string, NumberStyle>();

/** `text` with Arabic-Indic and Persian digits written as ASCII digits, one character for one, so offsets still hold. */
export function asciiDigits(text: string): string {
  return text.replace(ARABIC_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= 0x06f0 ? 0x06f0 : 0x0660));
  });
}

/**
 * The date, or number or range with its unit, that starts at the digit at `at` in `text`
 * (ASCII digits), read in language `lang`: `0,4 мг` is `0.4 mg`, `2-3 minutes` is `2–3 min`.
 */
export function readQuantity(text: string, at: number, lang: string): Reading {
  const date = dateAt(text, at);
  if (date) return date;
  const style = styleOf(lang);
  const first = numberAt(text, at, style);
  if (first.value === undefined) return { key: undefined, end: first.end };
  const to = rangeAt(text, first.end, lang);
  if (to !== undefined) {
    const second = numberAt(text, to, style);
    const range = second.value === undefined ? undefined : withUnit(`${first.value}–${fullYear(first.value, second.value)}`, text, second.end, lang);
    if (range) return range;
  }
  return withUnit(String(first.value), text, first.end, lang) ?? { key: undefined, end: first.end };
}

/** Where the second number of a range starts, when a dash or the language's range word follows `at`. */
function rangeAt(text: string, at: number, lang: string): number | undefined {
  // English's word counts in every language too, as its units do (units.ts).
  for (const pattern of [RANGE_DASH, RANGE_WORDS[lang.split('-')[0]!] ?? RANGE_WORDS.en!, RANGE_WORDS.en!]) {
    pattern.lastIndex = at;
    if (pattern.test(text)) return pattern.lastIndex;
  }
  return undefined;
}

/** The end of a range of years written short (`2006–10`, `1998–2001` as is). */
function fullYear(first: number, second: number): number {
  if (!YEAR.test(String(first)) || second >= 100) return second;
  const full = Math.floor(first / 100) * 100 + second;
  return full > first ? full : second;
}

function dateAt(text: string, at: number): Reading | undefined {
  DATE.lastIndex = at;
  const match = DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = match[1] ? [match[1], match[2]!, match[3]!] : [match[6]!, match[5]!, match[4]!];
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  return { key: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`, end: DATE.lastIndex };
}

/** The key with the unit that follows at `end`; undefined when the number is glued to a word (`1st`, `3D`). */
function withUnit(key: string, text: string, end: number, lang: string): Reading | undefined {
  const unit = unitAt(text, end, lang);
  // "In 2010" is "2010 року" in Ukrainian, "ages 14" "14 років": a year's word is no part of the fact.
  if (unit) return { key: unit.unit === 'y' ? key : `${key} ${unit.unit}`, end: unit.end };
  GLUED.lastIndex = end;
  PLURAL.lastIndex = end;
  ORDINAL.lastIndex = end;
  if (ORDINAL.test(text)) return { key, end: ORDINAL.lastIndex };
  return GLUED.test(text) && !PLURAL.test(text) ? undefined : { key, end };
}

function numberAt(text: string, at: number, style: NumberStyle): { value: number | undefined; end: number } {
  style.run.lastIndex = at;
  const run = style.run.exec(text)![0];
  return { value: valueOf(run, style.decimal), end: at + run.length };
}

/** The value of digits with separators, or undefined when they are no number (`1.2.3`, `012 345`). */
function valueOf(run: string, decimal: string): number | undefined {
  const groups = run.split(SEPARATOR);
  const separators = run.match(SEPARATORS) ?? [];
  const point = decimalPoint(groups, separators, decimal);
  const first = groups[0]!;
  let whole = first;
  for (const [index, separator] of separators.entries()) {
    const digits = groups[index + 1]!;
    if (index === point) return index === separators.length - 1 ? Number(`${whole}.${digits}`) : undefined;
    if (separator === ARABIC_DECIMAL || digits.length !== 3 || first.length > 3 || LEADING_ZERO.test(first)) return undefined;
    whole += digits;
  }
  return Number(whole);
}

/**
 * Which separator is the decimal point (-1 for none). `٫` always is; otherwise the last `.` or
 * `,`, when it is not repeated and either the other mark groups before it (`1,000.5`), it is
 * followed by other than three digits (`0.4` and `0,4` in any language), it follows `0` or more
 * than three digits, or it is the language's own decimal separator (`1,000` is 1 in Ukrainian).
 */
function decimalPoint(groups: readonly string[], separators: readonly string[], decimal: string): number {
  const arabic = separators.lastIndexOf(ARABIC_DECIMAL);
  if (arabic !== -1) return arabic;
  const last = Math.max(separators.lastIndexOf('.'), separators.lastIndexOf(','));
  if (last === -1) return -1;
  const mark = separators[last]!;
  const earlier = separators.slice(0, last);
  if (earlier.includes(mark)) return -1;
  if (earlier.includes(mark === '.' ? ',' : '.') || groups[last + 1]!.length !== 3) return last;
  if (last === 0 && (groups[0] === '0' || groups[0]!.length > 3)) return last;
  return mark === decimal ? last : -1;
}

function styleOf(lang: string): NumberStyle {
  let style = styles.get(lang);
  if (!style) {
    const parts = formatOf(lang).formatToParts(12345.6);
    const group = parts.find((part) => part.type === 'group')?.value ?? ',';
    // NBSP, narrow NBSP and thin space group digits in any language; a plain space only where the language groups with spaces.
    const spaces = /\s/.test(group) ? '[ \\u00A0\\u202F\\u2009]' : '[\\u00A0\\u202F\\u2009]';
    style = {
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      run: new RegExp(`\\d+(?:[.,\\u066B\\u066C]\\d+|${spaces}\\d{3}(?!\\d))*`, 'y'),
    };
    styles.set(lang, style);
  }
  return style;
}

function formatOf(lang: string): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(lang);
  } catch {
    return new Intl.NumberFormat('en');
  }
}
