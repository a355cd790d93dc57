/** remark-callouts: `:::note`, `:::warning`, `:::key-points`, with the page language's titles. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, testContext } from '../../helpers/markdown.js';

describe('remark-callouts', () => {
  it('turns a block into a labelled callout with the default title', async () => {
    const { html, messages } = await renderMarkdown(':::note\nRead this.\n:::\n');
    expect(html).toBe('<div class="callout callout-note" role="note"><p class="callout-title">Note</p><p>Read this.</p></div>');
    expect(messages).toEqual([]);
  });

  it('uses a [label] as the title instead', async () => {
    const { html } = await renderMarkdown(':::warning[Careful now]\nHot.\n:::\n');
    expect(html).toBe('<div class="callout callout-warning" role="note"><p class="callout-title">Careful now</p><p>Hot.</p></div>');
  });

  it('takes the titles from the context, in the page language', async () => {
    const labels = { ...testContext().labels, keyPoints: 'Ключові моменти' };
    const { html } = await renderMarkdown(':::key-points\n- a\n:::\n', { labels, lang: 'uk' });
    expect(html).toContain('<div class="callout callout-key-points" role="note"><p class="callout-title">Ключові моменти</p><ul>');
  });

  it('reports an unknown block at its position, suggesting the nearest name', async () => {
    const { html, messages } = await renderMarkdown('Intro.\n\n:::warnin\nx\n:::\n');
    expect(messages).toEqual([{ ruleId: 'unknown-block', line: 3, column: 1, reason: 'Unknown block ":::warnin"', fatal: true }]);
    // Still shown, as a note, so the text is not lost while the author fixes it.
    expect(html).toContain('<div class="callout callout-note" role="note"><p class="callout-title">warnin</p><p>x</p></div>');
  });

  it('leaves country blocks to remark-country-blocks', async () => {
    const { html, messages } = await renderMarkdown(':::except{country="ua"}\nEverywhere else.\n:::\n');
    expect(html).toBe('<p>Everywhere else.</p>');
    expect(messages).toEqual([]);
  });
});
