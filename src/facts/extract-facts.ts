import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CountryCode } from 'libphonenumber-js';
import { asciiDigits, readQuantity } from './numbers.js';
import { unitAt } from './units.js';

/** What sort of fact a {@link Fact} is. */
export type FactKind = 'number' | 'phone' | 'url' | 'email' | 'product' | 'variable';

/** A checkable piece of a text (a dose, a telephone number, an address…), compared across its translations by key. */
export interface Fact {
  readonly kind: FactKind;
  /** What is compared across languages: the value normalised, the same whatever the language or spacing. */
  readonly key: string;
  /** The text as written. */
  readonly text: string;
  /** Where it is in the text given (UTF-16 offsets, end exclusive). */
  readonly start: number;
  readonly end: number;
}

/** What {@link factsInText} needs to know of the project. */
export interface FactOptions {
  /** Product names of the project (e.g. Nyxoid, Prenoxad, Narcan): matched as whole words, case-sensitive; key is the name. */
  readonly products?: readonly string[];
  /** ISO 3166 code of the country telephone numbers without "+" are read as (e.g. 'GB', 'UA'); optional. */
  readonly country?: string;
}

/** Variables, web addresses and e-mail addresses, read first: their digits are not numbers. */
const TEXTUAL = new RegExp(
  [
    String.raw`(?<variable>\{\{\s*(?<name>[\p{L}\p{N}_.-]+)\s*\}\})`,
    String.raw`(?<![\p{L}\p{N}_@./-])(?<url>(?:https?://|www\.)[^\s<>"{}]+)`,
    String.raw`(?<![\p{L}\p{N}_.%+-])(?<email>[\p{L}\p{N}_.%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,})(?![\p{L}\p{N}_-])`,
  ].join('|'),
  'giu',
);
/** What every match of {@link TEXTUAL} holds: most texts hold none, and this test is far cheaper. */
const MAYBE_TEXTUAL = /\{\{|@|:\/\/|www\./i;
/** Punctuation that ends a sentence or quotation rather than the web address before it. */
const URL_TRAILER = /[.,;:!?)\]»”’'"…،؛؟]$/;
const URL_START = /^(?:https?:\/\/|www\.)[^./]/i;
const URL_PARTS = /^([a-z]+:\/\/[^/?#]*)(.*)$/i;
const WWW = /^www\./i;
const TRAILING_SLASHES = /\/+$/;
const REGEXP_SYNTAX = /[.*+?^${}()|[\]\\]/g;
/**
 * A telephone number or number may start here: a digit, maybe after `+` or `(`, not glued to a
 * word (H2O, COVID-19, C++11). Arabic's tatweel joins a prefix to a number (`بـ15`, "with 15").
 */
const DIGIT_RUN = /(?<!(?!\u0640)[\p{L}\p{N}_+]|[\p{L}_]-)\+?\(?\d(?:[ \u00A0\u202F\u2009().-]{0,3}\d)*/gu;
const DIGIT_GROUPS = /\d+/g;
const DIGIT = /\d/;
/** Fewer digits than this are never a telephone number (112 is a number). */
const PHONE_DIGITS = 7;
/** Found facts are hidden behind this character, so later passes do not read inside them. */
const HIDDEN = '\uFFFC';

const productPatterns = new Map<string, RegExp>();

/** The facts of a piece of plain text (no Markdown syntax: the caller passes text node values) written in language `lang` (BCP 47: en, uk, ar, ru, fr, es, de…), in order of start. */
export function factsInText(text: string, lang: string, options: FactOptions = {}): Fact[] {
  const textual = textualFacts(text);
  let left = hide(text, textual);
  const names = options.products?.filter((name) => name !== '') ?? [];
  const products = names.length > 0 ? productFacts(text, left, names) : [];
  left = hide(left, products);
  const numbers = numberFacts(text, asciiDigits(left), lang, countryOf(options.country));
  return [...textual, ...products, ...numbers].sort((one, other) => one.start - other.start);
}

function textualFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  if (!MAYBE_TEXTUAL.test(text)) return facts;
  for (const match of text.matchAll(TEXTUAL)) {
    const { name, url, email } = match.groups!;
    const start = match.index;
    if (name !== undefined) facts.push(fact('variable', `{{${name}}}`, text, start, start + match[0].length));
    else if (email !== undefined) facts.push(fact('email', email.toLowerCase(), text, start, start + email.length));
    else if (url !== undefined) {
      const trimmed = trimUrl(url);
      if (URL_START.test(trimmed)) facts.push(fact('url', urlKey(trimmed), text, start, start + trimmed.length));
    }
  }
  return facts;
}

/** The address without the punctuation after it; a closing parenthesis stays when the address opened one (`…/Naloxone_(medication)`). */
function trimUrl(url: string): string {
  let trimmed = url;
  while (URL_TRAILER.test(trimmed)) {
    if (trimmed.endsWith(')') && trimmed.split('(').length >= trimmed.split(')').length) break;
    trimmed = trimmed.slice(0, -1);
  }
  return trimmed;
}

/** The address with its scheme and host in lower case, `https://` before `www.`, and no trailing `/`. */
function urlKey(url: string): string {
  const [, origin = '', path = ''] = URL_PARTS.exec(WWW.test(url) ? `https://${url}` : url) ?? [];
  return `${origin.toLowerCase()}${path}`.replace(TRAILING_SLASHES, '');
}

/** The products named in `left` (`text` with the facts found so far hidden). */
function productFacts(text: string, left: string, products: readonly string[]): Fact[] {
  return [...left.matchAll(productPattern(products))].map((match) => fact('product', match[0], text, match.index, match.index + match[0].length));
}

function productPattern(products: readonly string[]): RegExp {
  const memo = products.join('\n');
  let pattern = productPatterns.get(memo);
  if (!pattern) {
    const names = [...products].sort((one, other) => other.length - one.length).map((name) => name.replace(REGEXP_SYNTAX, '\\$&'));
    pattern = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${names.join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
    productPatterns.set(memo, pattern);
  }
  return pattern;
}

/** Telephone numbers and numbers, read in `digits` (the text with facts found so far hidden, digits made ASCII). */
function numberFacts(text: string, digits: string, lang: string, country: CountryCode | undefined): Fact[] {
  const facts: Fact[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let match = DIGIT_RUN.exec(digits); match; match = DIGIT_RUN.exec(digits)) {
    const phone = phoneIn(digits, match, lang, country);
    if (phone) {
      facts.push(fact('phone', phone.key, text, match.index, phone.end));
      DIGIT_RUN.lastIndex = phone.end;
      continue;
    }
    const start = match.index + match[0].search(DIGIT);
    const reading = readQuantity(digits, start, lang);
    if (reading.key !== undefined) facts.push(fact('number', reading.key, text, start, reading.end));
    DIGIT_RUN.lastIndex = reading.end;
  }
  return facts;
}

/**
 * The telephone number at the start of a run of digits and separators, if it is one: 7 or more
 * digits that start with `+`, or are in three groups or more, or start with 0 and are 9 or
 * more; not a number or range the language reads whole (`1 000 000`, `10.00-12.00`), nor
 * followed by a unit. Keyed by its E.164 form when libphonenumber finds a possible number in
 * it (its longest such start: `+44 20 7946 0958 24 hours`), else by its digits.
 */
function phoneIn(text: string, match: RegExpExecArray, lang: string, country: CountryCode | undefined): { key: string; end: number } | undefined {
  const run = match[0];
  const groups = [...run.matchAll(DIGIT_GROUPS)];
  const digits = groups.map((group) => group[0]).join('');
  const plus = run.startsWith('+');
  if (digits.length < PHONE_DIGITS || !(plus || groups.length >= 3 || (digits.startsWith('0') && digits.length >= 9))) return undefined;
  const start = match.index;
  const end = start + run.length;
  // One bare run of 9 digits or more that starts with 0 is no quantity, whatever the language reads it as.
  if (!plus && groups.length > 1) {
    const reading = readQuantity(text, start + groups[0]!.index, lang);
    if (reading.key !== undefined && reading.end >= end) return undefined;
  }
  let count = digits.length;
  for (const group of groups.reverse()) {
    if (count < PHONE_DIGITS) break;
    const partEnd = group.index + group[0].length;
    const number = parsePhoneNumberFromString(run.slice(0, partEnd), country);
    if (number?.isPossible()) return unitAt(text, start + partEnd, lang) ? undefined : { key: number.number, end: start + partEnd };
    count -= group[0].length;
  }
  return unitAt(text, end, lang) ? undefined : { key: `${plus ? '+' : ''}${digits}`, end };
}

function countryOf(country: string | undefined): CountryCode | undefined {
  const code = country?.toUpperCase();
  return code !== undefined && isSupportedCountry(code) ? code : undefined;
}

/** `text` with the facts' spans hidden, the same length. */
function hide(text: string, facts: readonly Fact[]): string {
  let hidden = '';
  let at = 0;
  for (const { start, end } of facts) {
    hidden += text.slice(at, start) + HIDDEN.repeat(end - start);
    at = end;
  }
  return hidden + text.slice(at);
}

function fact(kind: FactKind, key: string, text: string, start: number, end: number): Fact {
  return { kind, key, text: text.slice(start, end), start, end };
}
