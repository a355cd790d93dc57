/** rehype-local-links: links between pages, files copied beside the page, and what is refused. */
import { describe, expect, it } from 'vitest';
import type { ProjectFiles } from '../../../src/model/project-files.js';
import type { Refusal } from '../../../src/model/project-files.js';
import { renderMarkdown } from '../../helpers/markdown.js';

const sourceFiles: ProjectFiles = new Map<string, string | Refusal>([
  ['naloxone/map.png', '/p/briefings/naloxone/map.png'],
  ['naloxone/figures/map.png', '/p/briefings/naloxone/figures/map.png'],
  ['naloxone/report.pdf', '/p/briefings/naloxone/report.pdf'],
  ['naloxone/page.html', '/p/briefings/naloxone/page.html'],
  ['naloxone/elsewhere', { reason: 'the link points outside the project', rule: 'symlink-outside', hint: 'Copy the file in.' }],
]);

describe('rehype-local-links', () => {
  it('rewrites a link to another page as the relative URL of its output, and keeps the anchor to check', async () => {
    const { html, messages, data } = await renderMarkdown('[Glasgow](../case-studies/glasgow.md#results) and [here](#intro).\n');
    expect(html).toBe('<p><a href="../case-studies/glasgow/index.html#results">Glasgow</a> and <a href="#intro">here</a>.</p>');
    expect(messages).toEqual([]);
    expect(data.anchorLinks).toEqual([
      { target: 'case-studies/glasgow.md', id: 'results', place: expect.objectContaining({ start: { line: 1, column: 1, offset: 0 } }) },
      { target: 'naloxone/index.md', id: 'intro', place: expect.objectContaining({ start: { line: 1, column: 51, offset: 50 } }) },
    ]);
  });

  it('finds a page by its folder too', async () => {
    const page = { sourcePath: 'case-studies/glasgow.md', outputPath: 'case-studies/glasgow/index.html', kind: 'case-study', slug: 'glasgow' } as const;
    const { html } = await renderMarkdown('[Back](../naloxone/) [also](../naloxone)\n', { page });
    expect(html).toBe('<p><a href="../../naloxone/index.html">Back</a> <a href="../../naloxone/index.html">also</a></p>');
  });

  it('copies local files beside the page, renaming on a clash', async () => {
    const { html, messages, data } = await renderMarkdown('![Map](map.png) ![Map](figures/map.png) [PDF](report.pdf) ![Again](map.png)\n', { sourceFiles });
    expect(messages).toEqual([]);
    expect(html).toBe('<p><img src="map.png" alt="Map"> <img src="map-2.png" alt="Map"> <a href="report.pdf">PDF</a> <img src="map.png" alt="Again"></p>');
    expect(data.assets).toEqual([
      { from: '/p/briefings/naloxone/map.png', to: 'naloxone/map.png' },
      { from: '/p/briefings/naloxone/figures/map.png', to: 'naloxone/map-2.png' },
      { from: '/p/briefings/naloxone/report.pdf', to: 'naloxone/report.pdf' },
    ]);
  });

  it('reports each kind of bad link at its position', async () => {
    const markdown = [
      '[root](/x)',
      '[out](../../x.md)',
      '[miss](../case-studies/glasgo.md)',
      '![img](mapp.png)',
      '[html](page.html)',
      '[link](elsewhere/a.png)',
      '![remote](https://example.org/a.png)',
    ].join('\n\n');
    const { where, messages, hints } = await renderMarkdown(`${markdown}\n`, { sourceFiles });
    expect(where).toEqual([
      'link-rooted 1:1',
      'path-outside 3:1',
      'link-missing 5:1',
      'image-missing 7:1',
      'file-type 9:1',
      'symlink-outside 11:1',
      'remote-image 13:1',
    ]);
    expect(messages.map((message) => message.fatal)).toEqual([true, true, true, true, true, true, false]);
    expect(messages[2]!.reason).toBe('Link target "../case-studies/glasgo.md" not found (looked for briefings/case-studies/glasgo.md)');
    expect(hints[2]).toBe('Did you mean "../case-studies/glasgow.md"?');
    expect(hints[3]).toBe('Did you mean "map.png"?');
    expect(messages[5]!.reason).toBe('Link target "elsewhere/a.png": the link points outside the project');
  });

  it('leaves other websites, mail and footnotes alone', async () => {
    const { html, messages, data } = await renderMarkdown('[w](https://example.org) [m](mailto:a@b.c) Note[^1].\n\n[^1]: A note.\n');
    expect(messages).toEqual([]);
    expect(html).toContain('<a href="https://example.org">w</a> <a href="mailto:a@b.c">m</a>');
    expect(data.anchorLinks).toEqual([]);
  });
});
