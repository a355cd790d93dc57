/** remark-container-directives: only `:::name` blocks, never `:name` inside text. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/markdown.js';

describe('remark-container-directives', () => {
  it('leaves times and ratios in text alone', async () => {
    const { html, messages } = await renderMarkdown('Open 10:30 to 18:00, ratio 1:3, see::note.\n');
    expect(html).toBe('<p>Open 10:30 to 18:00, ratio 1:3, see::note.</p>');
    expect(messages).toEqual([]);
  });

  it('parses a container block', async () => {
    const { html } = await renderMarkdown(':::note\nA\n:::\n');
    expect(html).toMatch(/^<div class="callout callout-note"/);
  });
});
