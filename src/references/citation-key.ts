import type { UnkeyedItem } from './csl-item.js';

/**
 * A citation key `--key` may give: letters, digits and `-`, `_`, `:`, `.`, starting with a
 * letter or digit and not ending in punctuation (`@bird2016.` ends a sentence, not a key).
 */
export const KEY_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_:.-]*[A-Za-z0-9_])?$/;

/** Words a key is never made of (the first word of a title or an organisation's name). */
const SKIPPED = new Set(['the', 'a', 'an']);

/**
 * A word as part of a key: lower case, accents removed (NFKD: "Lévesque" → "levesque"),
 * anything but a-z dropped ("O'Mara" → "omara").
 */
export function keyWord(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[œ]/g, 'oe')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .replace(/[đð]/g, 'd')
    .replace(/[^a-z]/g, '');
}

/** The first word of a name or title that gives a key word ("The Lancet" → "lancet"). */
function firstWord(text: string | undefined): string {
  const words = (text ?? '')
    .split(/[\s/:;,.–—]+/)
    .map(keyWord)
    .filter((word) => word !== '');
  return words.find((word) => !SKIPPED.has(word)) ?? words[0] ?? '';
}

/**
 * The key an item would get: the first author's family name (or the first word of an
 * organisation's name, or of the title), plus the year: bird2016. `ref` if no word is left
 * (a name in a script without Latin letters).
 */
export function baseKey(item: UnkeyedItem): string {
  const first = item.author?.[0] ?? item.editor?.[0];
  const name = first?.family !== undefined ? keyWord(first.family) || firstWord(first.family) : firstWord(first?.literal);
  const word = name || firstWord(item.title) || 'ref';
  const year = item.issued?.['date-parts'][0]?.[0];
  return `${word}${year ?? ''}`;
}

/** `base` if it is free, else `base` + a, b, … z, aa, ab…: bird2016a. Keys are compared ignoring case. */
export function uniqueKey(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((key) => key.toLowerCase()));
  const used = (key: string) => lower.has(key.toLowerCase());
  if (!used(base)) return base;
  for (let index = 0; ; index++) {
    const key = `${base}${suffix(index)}`;
    if (!used(key)) return key;
  }
}

/** 0 → a, 25 → z, 26 → aa. */
function suffix(index: number): string {
  let text = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) text = String.fromCharCode(97 + ((rest - 1) % 26)) + text;
  return text;
}
