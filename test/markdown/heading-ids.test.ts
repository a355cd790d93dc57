/**
 * Issue 9: the one place heading ids are decided (src/markdown/heading-ids.ts), on its own,
 * and the site's safety net for ids that raw HTML or footnotes also use.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingIds } from '../../src/markdown/heading-ids.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

const ids = (markdown: string) => headingIds(parseMarkdown(markdown)).map((heading) => heading.id);

describe('headingIds', () => {
  it('leaves citation groups out and keeps variables as written', () => {
    expect(ids('## Results [@a2020]\n\n## Both [@a; @b] here\n\n## Page [-@a, p. 12]\n\n## In {{country_name}}\n')).toEqual([
      'results',
      'both-here',
      'page',
      'in-country_name',
    ]);
  });

  it('reserves written ids first, counts headings in containers and lists, in document order', () => {
    expect(ids('## A\n\n> ## A\n\n- ## A\n\n:::note\n## A\n:::\n\n## B {#a-2}\n\n## A\n')).toEqual(['a', 'a-1', 'a-3', 'a-4', 'a-2', 'a-5']);
  });

  it('ignores raw HTML, images and footnote marks, and names an empty heading "section"', () => {
    expect(ids('## <span>Plain</span> text ![logo](x.png)[^1]\n\n##\n\n## !!!\n\n[^1]: Note.\n')).toEqual(['plain-text', 'section', 'section-1']);
  });

  it('does not change the tree', () => {
    const tree = parseMarkdown('## Kept {#kept}\n');
    const before = structuredClone(tree);
    headingIds(tree);
    expect(tree).toEqual(before);
  });
});

describe('ids raw HTML or footnotes already use', () => {
  it('are not given to a heading on the site', async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Outreach' },
        '<a id="results"></a>\n\n## Results\n\nText.[^1]\n\n## Footnote label\n\nMore.\n\n[^1]: A note.\n',
      ),
    });
    expect((await buildProject(root)).written).toBe(true);
    const html = await readText(join(root, 'dist'), 'en/case-studies/a/index.html');
    const all = [...html.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]!);
    expect(new Set(all).size).toBe(all.length);
    expect(html).toContain('<h2 id="results-1">Results</h2>');
    expect(html).toContain('<h2 id="footnote-label-1">Footnote label</h2>');
    expect(html).toMatch(/<h2 class="sr-only" id="footnote-label">/);
  });
});
