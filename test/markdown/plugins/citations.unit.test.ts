/** remark-citations: Pandoc's citation syntax against the keys of the bibliography, left as placeholders the page's style formats. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/markdown.js';

const citationKeys = new Set(['a2020', 'b2021', 'marshall2017']);

/** The items of each citation placeholder in the HTML. */
function clusters(html: string): unknown[] {
  return [...html.matchAll(/<span class="citation-cluster" data-cites="([^"]*)">/g)].map((match) =>
    JSON.parse(match[1]!.replace(/&#x22;/g, '"').replace(/&#x26;/g, '&')),
  );
}

describe('remark-citations', () => {
  it('leaves each citation as a placeholder with its items, and lists the keys in order of first use', async () => {
    const { html, messages, data } = await renderMarkdown(
      'Text [@b2021] and [@a2020; @b2021] then [see @b2021, pp. 3-4; -@a2020, chapter 2, emphasis added].\n',
      { citationKeys },
    );
    expect(clusters(html)).toEqual([
      [{ id: 'b2021' }],
      [{ id: 'a2020' }, { id: 'b2021' }],
      [
        { id: 'b2021', prefix: 'see ', locator: '3-4', label: 'page' },
        { id: 'a2020', locator: '2', label: 'chapter', suffix: ', emphasis added', suppressAuthor: true },
      ],
    ]);
    expect(html).toContain('>[@b2021]</span> and ');
    expect(messages).toEqual([]);
    expect(data.citations).toEqual(['b2021', 'a2020']);
  });

  it('reports an unknown key at the citation, with the nearest key as a hint', async () => {
    const { messages, hints } = await renderMarkdown('Intro.\n\nSee [@marshal2017] and [@a2020].\n', { citationKeys });
    expect(messages).toEqual([{ ruleId: 'citation-unknown', line: 3, column: 5, reason: 'Unknown citation key "@marshal2017"', fatal: true }]);
    expect(hints).toEqual(['Did you mean "@marshall2017"?']);
  });

  it('finds the position of a repeated unknown key each time', async () => {
    const { where } = await renderMarkdown('[@x] then [@x]\n', { citationKeys });
    expect(where).toEqual(['citation-unknown 1:1', 'citation-unknown 1:11']);
  });

  it('leaves text without citations, e-mail addresses in brackets and citations in code alone', async () => {
    const { html, messages } = await renderMarkdown('An email@example.org, [write to me@example.org], a [link](#x) and `[@a2020]`.\n', { citationKeys });
    expect(html).toBe(
      '<p>An <a href="mailto:email@example.org">email@example.org</a>, [write to <a href="mailto:me@example.org">me@example.org</a>], a ' +
        '<a href="#x">link</a> and <code>[@a2020]</code>.</p>',
    );
    expect(messages).toEqual([]);
  });
});
