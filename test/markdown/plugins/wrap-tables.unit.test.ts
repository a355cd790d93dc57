/** rehype-wrap-tables and remark-table-captions: each table in a scrollable, labelled, focusable region, with its caption. */
import { describe, expect, it } from 'vitest';
import { renderMarkdown, testContext } from '../../helpers/markdown.js';

describe('rehype-wrap-tables', () => {
  it('wraps a table without a caption in a region named by its headings, in the page language, and says it has no caption', async () => {
    const labels = { ...testContext().labels, table: 'Таблиця' };
    const { html, messages, where } = await renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n', { labels, lang: 'uk' });
    expect(html).toMatch(/^<section class="table-wrap" tabindex="0" aria-label="Таблиця: a, b"><table>\n<thead>/);
    expect(where).toEqual(['table-caption-missing 1:1']);
    expect(messages[0]?.reason).toBe('This table has no caption: a screen reader announces it only as "table"');
  });

  it('wraps a raw HTML table too, once', async () => {
    const { html } = await renderMarkdown('<table><tr><td>1</td></tr></table>\n');
    expect(html.match(/table-wrap/g)).toHaveLength(1);
    expect(html).toMatch(/^<section class="table-wrap" tabindex="0" aria-label="Table"><table>/);
  });

  it('keeps a caption written in HTML, and names the region by it', async () => {
    const { html } = await renderMarkdown('<table><caption>Kits by year</caption><tr><td>1</td></tr></table>\n');
    expect(html).toMatch(/^<section class="table-wrap" tabindex="0" aria-label="Kits by year"><table><caption>Kits by year<\/caption>/);
  });
});

describe('remark-table-captions', () => {
  it('makes "Table: …" above a table its caption, inside the table, with inline markup kept', async () => {
    const { html, messages } = await renderMarkdown('Table: Kits handed out, *2023*\n\n| Year | Kits |\n|---|---|\n| 2023 | 10 |\n');
    expect(messages).toEqual([]);
    expect(html).toMatch(
      /^<section class="table-wrap" tabindex="0" aria-label="Kits handed out, 2023"><table><caption>Kits handed out, <em>2023<\/em><\/caption>\n<thead>/,
    );
    expect(html).not.toContain('Table:');
  });

  it('takes Pandoc\'s ": …" below a table, and "Table" in the page\'s language', async () => {
    const below = await renderMarkdown('| a |\n|---|\n| 1 |\n\n: Below\n');
    expect(below.html).toMatch(/<table><caption>Below<\/caption>/);
    const labels = { ...testContext().labels, table: 'Таблиця' };
    const ukrainian = await renderMarkdown('Таблиця: Набори\n\n| a |\n|---|\n| 1 |\n', { labels, lang: 'uk' });
    expect(ukrainian.html).toMatch(/<table><caption>Набори<\/caption>/);
    expect(ukrainian.messages).toEqual([]);
  });

  it('gives each of two tables its own caption, and leaves a paragraph that is not one alone', async () => {
    const { html, messages } = await renderMarkdown('Table: First\n\n| a |\n|---|\n| 1 |\n\nTable: Second\n\n| b |\n|---|\n| 2 |\n\nTables: not a caption\n');
    expect(html.match(/<caption>[^<]*<\/caption>/g)).toEqual(['<caption>First</caption>', '<caption>Second</caption>']);
    expect(html).toContain('<p>Tables: not a caption</p>');
    expect(messages).toEqual([]);
  });
});
