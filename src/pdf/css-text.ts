/**
 * Text from content (titles, translations, country variables, ui.yaml) that lands in a print
 * page's `<style>` block. Inside `<style>` the HTML parser only looks for `</style`, and CSS
 * only for the closing quote, a backslash or a newline, so every ASCII character but letters,
 * digits and the space is written as a CSS hex escape: nothing in the text can close the
 * string, the rule or the element. Other characters (Cyrillic, Arabic...) stay as they are:
 * none of them means anything to either parser.
 */

/** A CSS string literal of any text, safe inside a `<style>` element. */
export function cssString(text: string): string {
  let literal = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (/^[A-Za-z0-9 ]$/.test(char) || (code >= 0xa0 && !isSurrogate(code))) literal += char;
    // NUL and lone surrogates are not characters CSS can hold: U+FFFD, as CSS itself reads them.
    else literal += `\\${(code === 0 || isSurrogate(code) ? 0xfffd : code).toString(16).padStart(6, '0')} `;
  }
  return `${literal}"`;
}

/**
 * CSS `content` for a message with page counters in it ("Page 3 of 12" in any language):
 * `\u0001` stands for the page number and `\u0002` for the page count.
 */
export function cssContent(message: string): string {
  return (
    message
      // eslint-disable-next-line no-control-regex -- U+0001 and U+0002 are the placeholders this function replaces
      .split(/(\u0001|\u0002)/)
      .filter((part) => part !== '')
      .map((part) => (part === '\u0001' ? 'counter(page)' : part === '\u0002' ? 'counter(pages)' : cssString(part)))
      .join(' ')
  );
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}
