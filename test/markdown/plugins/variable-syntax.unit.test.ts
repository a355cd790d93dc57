/** remark-variable-syntax: how `{{name}}` is parsed (the values are remark-variables' business). */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, testEdition } from '../../helpers/markdown.js';

const edition = testEdition({ values: { a: 'A' } });

describe('remark-variable-syntax', () => {
  it('parses a variable inside emphasis, links and table cells', async () => {
    const { html, messages } = await renderMarkdown('*{{a}}* [x {{a}}](#y)\n\nTable: Cells\n\n| {{a}} |\n|---|\n', { edition });
    expect(messages).toEqual([]);
    expect(html).toContain('<p><em>A</em> <a href="#y">x A</a></p>');
    expect(html).toContain('<th>A</th>');
  });

  it('keeps a backslash-escaped variable and code as written', async () => {
    const { html, messages } = await renderMarkdown('\\{{a}} `{{a}}`\n\n    {{a}}\n', { edition });
    expect(messages).toEqual([]);
    expect(html).toBe('<p>{{a}} <code>{{a}}</code></p>\n<pre><code>{{a}}\n</code></pre>');
  });

  it('does not parse a variable across lines or over 80 characters', async () => {
    const long = `{{${'a'.repeat(81)}}}`;
    const { where } = await renderMarkdown(`{{a\n}}\n\n${long}\n`, { edition });
    // Each is a "{{" without its "}}" on the same line, reported where it starts.
    expect(where).toEqual(['variable-syntax 1:1', 'variable-syntax 4:1']);
  });

  it('takes the innermost pair of braces as the variable', async () => {
    const { html, messages } = await renderMarkdown('{{{a}}}\n', { edition });
    expect(messages).toEqual([]);
    expect(html).toBe('<p>{A}</p>');
  });
});
