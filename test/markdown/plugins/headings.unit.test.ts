/**
 * remark-heading-ids and rehype-headings, minimally: heading ids are being reworked (issue 9,
 * one place for ids), so only what must hold either way is stated here.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../helpers/markdown.js';

describe('heading ids and levels', () => {
  it('keeps an id written after a heading, and lists it', async () => {
    const { html, data } = await renderMarkdown('## Контекст {#context}\n');
    expect(html).toBe('<h2 id="context">Контекст</h2>');
    expect([...data.explicitIds!]).toEqual(['context']);
    expect(data.ids!.has('context')).toBe(true);
  });

  it('gives every heading a unique id', async () => {
    const { html } = await renderMarkdown('## Results\n\n## Results\n');
    expect(html).toBe('<h2 id="results">Results</h2>\n<h2 id="results-1">Results</h2>');
  });

  it('warns about a "#" heading in the text and moves it down a level', async () => {
    const { html, messages } = await renderMarkdown('Intro.\n\n# Top\n');
    expect(html).toContain('<h2 id="top">Top</h2>');
    expect(messages).toEqual([
      { ruleId: 'heading-h1', line: 3, column: 1, reason: 'A "#" heading in the text: the page title already is the one top-level heading', fatal: false },
    ]);
  });

  it('does not call the first "##" a skipped level when the text also has a "#" heading', async () => {
    const { where } = await renderMarkdown('## Before\n\nText.\n\n# Top\n\n## After\n');
    // Only the "#" itself is reported; "##" under the page title skips nothing.
    expect(where).toEqual(['heading-h1 5:1']);
  });

  it('warns when a level is skipped', async () => {
    const { where } = await renderMarkdown('## A\n\n#### B\n');
    expect(where).toEqual(['heading-order 3:1']);
  });
});
