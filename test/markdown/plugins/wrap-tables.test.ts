/** rehype-wrap-tables: each table in a scrollable, labelled, focusable region. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, testContext } from '../../helpers/markdown.js';

describe('rehype-wrap-tables', () => {
  it('wraps a table in a region labelled in the page language', async () => {
    const labels = { ...testContext().labels, table: 'Таблиця' };
    const { html, messages } = await renderMarkdown('| a |\n|---|\n| 1 |\n', { labels, lang: 'uk' });
    expect(messages).toEqual([]);
    expect(html).toBe('<div class="table-wrap" role="region" tabindex="0" aria-label="Таблиця"><table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table></div>');
  });

  it('wraps a raw HTML table too, once', async () => {
    const { html } = await renderMarkdown('<table><tr><td>1</td></tr></table>\n');
    expect(html.match(/table-wrap/g)).toHaveLength(1);
    expect(html).toMatch(/^<div class="table-wrap" role="region" tabindex="0" aria-label="Table"><table>/);
  });
});
