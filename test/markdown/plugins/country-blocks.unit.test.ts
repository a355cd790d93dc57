/** remark-country-blocks: `:::only{country=…}` and `:::except{country=…}` per edition. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, testEdition } from '../../helpers/markdown.js';

const blocks = ':::only{country="ua,md"}\nUA or MD\n:::\n\n:::except{country="ua"}\nNot UA\n:::\n';

describe('remark-country-blocks', () => {
  it('shows every except block and no only block in the international edition', async () => {
    const { html, messages } = await renderMarkdown(blocks);
    expect(html).toBe('<p>Not UA</p>');
    expect(messages).toEqual([]);
  });

  it("shows the blocks for the edition's country", async () => {
    expect((await renderMarkdown(blocks, { edition: testEdition({ country: 'ua' }) })).html).toBe('<p>UA or MD</p>');
    expect((await renderMarkdown(blocks, { edition: testEdition({ country: 'md' }) })).html).toBe('<p>UA or MD</p>\n<p>Not UA</p>');
    expect((await renderMarkdown(blocks, { edition: testEdition({ country: 'pl' }) })).html).toBe('<p>Not UA</p>');
  });

  it('drops a [label] with the block', async () => {
    const { html } = await renderMarkdown(':::except[For others]{country="ua"}\nText\n:::\n');
    expect(html).toBe('<p>Text</p>');
  });

  it('reports a block without countries, and a code that is not ISO 3166-1', async () => {
    const { messages } = await renderMarkdown(':::only\nx\n:::\n\n:::only{country="xx,ua"}\ny\n:::\n');
    expect(messages).toEqual([
      { ruleId: 'country-block', line: 1, column: 1, reason: '":::only" needs the countries it is for', fatal: true },
      { ruleId: 'country-code', line: 5, column: 1, reason: '"xx" is not an ISO 3166-1 country code', fatal: true },
    ]);
  });
});
