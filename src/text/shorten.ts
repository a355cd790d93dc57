/** How many characters of a title a menu shows before it shortens it. */
export const MENU_TITLE_LENGTH = 30;

/** A text cut for a narrow place: the part shown, and the rest (empty when nothing is cut). */
export interface Shortened {
  readonly shown: string;
  readonly rest: string;
}

const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const letters = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Punctuation that ends a clause ("Glasgow: …", "… — …"), in Latin, Cyrillic, Arabic and CJK text. */
const CLAUSE_END = /^[:;,.!?\u2013\u2014\u060C\u061B\u3001\u3002\uFF0C\uFF1A]/;

/**
 * Cut `text` to at most `max` user-perceived characters: at the end of a clause ("Naloxone at
 * music festivals: a short guide" → "Naloxone at music festivals") or else of a word, when one
 * ends after half of them (else inside a word: Chinese and Japanese have no spaces).
 * `shown + rest` is always the whole text, so a template can show `shown`, an ellipsis, and
 * keep `rest` for screen readers: the link's name is then the whole title and contains the
 * visible text.
 */
export function shorten(text: string, max = MENU_TITLE_LENGTH): Shortened {
  // No more code units than that: no more characters either (the menus' titles, mostly; segmenting is slow).
  if (text.length <= max) return { shown: text, rest: '' };
  const graphemes = [...letters.segment(text)];
  if (graphemes.length <= max) return { shown: text, rest: '' };
  const limit = graphemes[max]!.index;
  const half = graphemes[Math.floor(max / 2)]!.index;
  let word = 0;
  let clause = 0;
  for (const segment of words.segment(text)) {
    if (segment.index >= limit) break;
    const end = segment.index + segment.segment.length;
    if (segment.isWordLike && end <= limit) word = end;
    else if (CLAUSE_END.test(segment.segment)) clause = word;
  }
  const cut = clause >= half ? clause : word >= half ? word : limit;
  return { shown: text.slice(0, cut), rest: text.slice(cut) };
}
