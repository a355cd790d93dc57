/**
 * Characters that are never part of what an author means to publish (issue 27): the C0
 * controls but tab and line breaks (NUL, BEL, ESC…), DEL, the C1 controls, and the bidi
 * overrides (U+202D, U+202E), which reverse how the text after them is shown and so can make
 * a title read differently from what it says. In a page they are invisible; in a PDF's
 * metadata or a terminal they ring, move the cursor or set the window title. Bidi embeddings
 * (U+202A–U+202C, which Word puts in mixed-direction text), isolates (U+2066–U+2069) and the
 * marks (U+200E, U+200F) only group text, and are kept.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this module finds
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202D\u202E]/g;

/** A character's code as messages show it: `U+001B`. */
export function codeOf(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every unwanted control character in a text, with its offset. */
export function controlCharacters(text: string): { readonly char: string; readonly offset: number }[] {
  return [...text.matchAll(UNWANTED)].map((match) => ({ char: match[0], offset: match.index }));
}

/** The text with each unwanted control character replaced by U+FFFD, so lengths and positions stay. */
export function replaceControlCharacters(text: string): string {
  return text.replace(UNWANTED, '\uFFFD');
}

/** A warning's words for the control characters found in one place. */
export function controlCharacterProblem(chars: readonly string[]): { reason: string; rule: string; hint: string } {
  const codes = [...new Set(chars.map(codeOf))];
  const bidi = chars.some((char) => char === '\u202D' || char === '\u202E');
  return {
    reason: `Invisible control ${codes.length === 1 ? 'character' : 'characters'} ${codes.join(', ')} replaced by "\uFFFD"`,
    rule: 'control-character',
    hint: bidi
      ? 'Delete it: a bidi override changes the order in which the following text is shown. Right-to-left text needs no such character (the page ' +
        'language sets the direction).'
      : 'Delete it: it is invisible in most editors and was probably pasted from another program (in VS Code it shows as a red box).',
  };
}
