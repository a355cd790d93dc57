/** remark-citations: `[@key]` against the keys of references.yaml, numbered in order of first use. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/markdown.js';

const citationKeys = new Set(['a2020', 'b2021', 'marshall2017']);

describe('remark-citations', () => {
  it('numbers citations in order of first use and lists the keys', async () => {
    const { html, messages, data } = await renderMarkdown('Text [@b2021] and [@a2020; @b2021] then [@b2021].\n', { citationKeys });
    expect(html).toBe(
      '<p>Text [<a href="#ref-b2021" class="citation">1</a>] and [<a href="#ref-a2020" class="citation">2</a>, <a href="#ref-b2021" class="citation">1</a>] then [<a href="#ref-b2021" class="citation">1</a>].</p>',
    );
    expect(messages).toEqual([]);
    expect(data.citations).toEqual(['b2021', 'a2020']);
  });

  it('reports an unknown key at the citation, with the nearest key as a hint', async () => {
    const { html, messages, hints } = await renderMarkdown('Intro.\n\nSee [@marshal2017] and [@a2020].\n', { citationKeys });
    expect(messages).toEqual([{ ruleId: 'citation-unknown', line: 3, column: 5, reason: 'Unknown citation key "@marshal2017"', fatal: true }]);
    expect(hints).toEqual(['Did you mean "@marshall2017"?']);
    expect(html).toContain('<p>See  and [<a href="#ref-a2020" class="citation">1</a>].</p>');
  });

  it('finds the position of a repeated unknown key each time', async () => {
    const { where } = await renderMarkdown('[@x] then [@x]\n', { citationKeys });
    expect(where).toEqual(['citation-unknown 1:1', 'citation-unknown 1:11']);
  });

  it('leaves text without citations and citations in code alone', async () => {
    const { html, messages } = await renderMarkdown('An email@example.org, a [link](#x) and `[@a2020]`.\n', { citationKeys });
    expect(html).toBe('<p>An <a href="mailto:email@example.org">email@example.org</a>, a <a href="#x">link</a> and <code>[@a2020]</code>.</p>');
    expect(messages).toEqual([]);
  });
});
