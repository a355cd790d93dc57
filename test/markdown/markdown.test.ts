/** What readers see of each Markdown feature on a built page. */
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

const references = `- id: a2020
  title: First paper
  author: [{family: Smith, given: Ann}]
  issued: {date-parts: [[2020]]}
  container-title: Journal
  DOI: 10.1000/xyz
- id: b2021
  title: Second paper
  PMID: 12345
`;

async function page(body: string, extra: Record<string, string> = {}) {
  const root = await makeProject({
    'briefings/references.yaml': references,
    'briefings/case-studies/a.md': caseStudy({}, body),
    'briefings/case-studies/b.md': caseStudy({ title: 'B' }, '## Results\n\nText\n'),
    ...extra,
  });
  const result = await buildProject(root);
  const html = result.written ? await readText(root, 'dist/en/case-studies/a/index.html') : '';
  return { ...result, html, root };
}

describe('citations', () => {
  it('numbers references in order of first citation (Vancouver) and lists them with DOI and PubMed links', async () => {
    const { html, report } = await page('One [@b2021]. Two [@a2020; @b2021]. Again [@a2020].\n');
    expect(report).toBe('');
    expect(html).toContain('One <span class="citation-cluster">(<a href="#ref-b2021" class="citation">1</a>)</span>');
    // Vancouver sorts the numbers of one citation.
    expect(html).toContain(
      'Two <span class="citation-cluster">(<a href="#ref-b2021" class="citation">1</a>,<a href="#ref-a2020" class="citation">2</a>)</span>',
    );
    expect(html).toMatch(
      /<li id="ref-b2021"><span class="reference-label">1\.<\/span> <span class="reference-text" dir="auto">Second paper\. PMID: <a href="https:\/\/pubmed.ncbi.nlm.nih.gov\/12345\/">12345<\/a>\.<\/span><\/li>/,
    );
    expect(html).toContain(
      '<li id="ref-a2020"><span class="reference-label">2.</span> <span class="reference-text" dir="auto">Smith A. First paper. ' +
        'Journal. 2020. doi: <a href="https://doi.org/10.1000/xyz">10.1000/xyz</a>.</span></li>',
    );
  });

  it('reports an unknown key at its exact position, even on an indented line', async () => {
    const { report } = await page('- item\n\n  Text [@a2020] and [@a202].\n');
    expect(report).toContain('briefings/case-studies/a.md:8:21  error  Unknown citation key "@a202"  citation-unknown\n      → Did you mean "@a2020"?');
  });
});

describe('headings', () => {
  it('gives duplicate headings distinct ids and lists them in the table of contents', async () => {
    const { html } = await page('## Results\n\nA\n\n## Results\n\nB\n\n### Détails à voir\n');
    expect(html).toContain('<h2 id="results">Results</h2>');
    expect(html).toContain('<h2 id="results-1">Results</h2>');
    expect(html).toContain('<h3 id="détails-à-voir">Détails à voir</h3>');
    expect(html).toContain('<a href="#results-1">Results</a>');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('keeps one h1: a body "#" heading moves down a level with a warning', async () => {
    const { html, report } = await page('# Big\n\n## Small\n');
    expect(html).toContain('<h2 id="big">Big</h2>');
    expect(html).toContain('<h3 id="small">Small</h3>');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(report).toContain('a.md:6:1  warning  A "#" heading in the text');
  });
});

describe('callouts', () => {
  it('renders note, warning and key points with their labels, and a custom title', async () => {
    const { html } = await page(':::note\nN\n:::\n\n:::warning[Careful now]\nW\n:::\n\n:::key-points\n- K\n:::\n\nAt 10:30, ratio 1:3.\n');
    expect(html).toContain('<div class="callout callout-note" role="note"><p class="callout-title">Note</p><p>N</p></div>');
    expect(html).toContain('<div class="callout callout-warning" role="note"><p class="callout-title">Careful now</p><p>W</p></div>');
    expect(html).toContain('<p class="callout-title">Key points</p><ul>');
    expect(html).toContain('<p>At 10:30, ratio 1:3.</p>');
  });

  it('reports an unknown block name with a suggestion', async () => {
    const { report } = await page(':::warn\nX\n:::\n');
    expect(report).toContain('a.md:6:1  error  Unknown block ":::warn"  unknown-block\n      → Did you mean ":::warning"?');
  });
});

describe('links and images', () => {
  it('rewrites links between Markdown files to relative page URLs that work from file://', async () => {
    const { html } = await page('[B](b.md), [results](b.md#results), [top](#main), [site](https://example.org).\n');
    expect(html).toContain('<a href="../b/index.html">B</a>');
    expect(html).toContain('<a href="../b/index.html#results">results</a>');
    expect(html).toContain('<a href="https://example.org">site</a>');
  });

  it('reports a missing page, a missing anchor and a rooted link', async () => {
    const { report } = await page('[x](c.md) [y](b.md#nope) [z](/about)\n');
    expect(report).toContain('a.md:6:1  error  Link target "c.md" not found');
    expect(report).toContain('a.md:6:11  warning  No heading "#nope" in briefings/case-studies/b.md');
    expect(report).toContain('a.md:6:26  error  Link "/about" starts with "/"');
  });

  it('copies local images and files beside the page', async () => {
    const { html, root } = await page('![Chart](img/chart.svg) [Report](../files/report.pdf)\n', {
      'briefings/case-studies/img/chart.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'briefings/files/report.pdf': '%PDF-1.4',
    });
    expect(html).toContain('<img src="chart.svg" alt="Chart">');
    expect(html).toContain('<a href="report.pdf">Report</a>');
    expect(await readText(root, 'dist/en/case-studies/a/chart.svg')).toContain('<svg');
    expect(await readText(root, 'dist/en/case-studies/a/report.pdf')).toBe('%PDF-1.4');
  });

  it('warns about an image from another website', async () => {
    const { report } = await page('![x](https://tracker.example/pixel.png)\n');
    expect(report).toContain('warning  Image from another website (https://tracker.example/pixel.png)');
  });
});

describe('GFM', () => {
  it('renders tables in a scrollable region, task lists, footnotes, strikethrough and autolinks', async () => {
    const { html } = await page('| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\nNote[^n] ~~old~~ www.example.org\n\n[^n]: Footnote.\n');
    expect(html).toContain('<section class="table-wrap" tabindex="0" aria-label="Table: a, b"><table>');
    expect(html).toContain('<li class="task-list-item"><label><input type="checkbox" checked disabled> done</label></li>');
    expect(html).toContain('<a href="#fn-n" id="fnref-n" data-footnote-ref aria-describedby="footnote-label">1</a>');
    expect(html).toContain('<li id="fn-n">');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="http://www.example.org">www.example.org</a>');
  });
});
