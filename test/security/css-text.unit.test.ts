/** Text written into the print page's `<style>` block cannot end the string, the rule or the element. */
import { describe, expect, it } from 'vitest';
import { cssContent, cssString } from '../../src/pdf/css-text.js';

const hostile = [
  '</style><script>alert(1)</script>',
  '</STYLE ><img src=x onerror=alert(1)>',
  '"; } body { display: none } @page { content: "',
  '\' \\" \\A \\\\ \n\r\f\t end',
  '<!-- --> <![CDATA[ ]]> &lt; &amp;',
  'url(javascript:alert(1)) expression(alert(1)) @import "x";',
  'NUL \u0000 lone \ud800 surrogate \u2028 \u0085',
  'Українська · العربية · 😀',
];

/** What a CSS parser reads back from the string (hex escapes only, as cssString writes them). */
function read(literal: string): string {
  return literal.slice(1, -1).replace(/\\([0-9a-f]{6}) /g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

describe('cssString', () => {
  it('escapes everything but letters, digits and spaces, and reads back as the text', () => {
    for (const text of hostile) {
      const literal = cssString(text);
      // eslint-disable-next-line no-control-regex -- the literal must hold no raw control character
      expect(literal).toMatch(/^"(?:[A-Za-z0-9 ]|\\[0-9a-f]{6} |[^\u0000-\u009f])*"$/);
      expect(literal.slice(1, -1)).not.toMatch(/["'<>&;{}()\n\r\f]/);
      // NUL and lone surrogates (the `u` flag leaves pairs alone) become U+FFFD, as in CSS.
      // eslint-disable-next-line no-control-regex -- NUL is what CSS reads as U+FFFD
      expect(read(literal)).toBe(text.replace(/\u0000|[\ud800-\udfff]/gu, '\ufffd'));
    }
  });

  it('keeps page counters outside the strings of a page-number message', () => {
    expect(cssContent('Page \u0001 of \u0002</style>')).toBe('"Page " counter(page) " of " counter(pages) "\\00003c \\00002f style\\00003e "');
  });
});
