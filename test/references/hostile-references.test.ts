/** Issue 15: what citeproc writes from a reference is text and safe links, whatever the reference holds. */
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

const HOSTILE_REFERENCES = [
  '- id: x',
  '  type: webpage',
  '  title: "T <img src=x onerror=alert(1)> \\"q\\""',
  '  author: [{literal: "<script>alert(2)</script>"}]',
  '  URL: "https://example.org/a\\"onmouseover=\\"alert(3)"',
  '  container-title: "<b>bold</b> <a href=\\"javascript:alert(4)\\">x</a>"',
  '',
].join('\n');

describe('a hostile reference', () => {
  it('is printed as text, and its address stays whole inside its link', async () => {
    const root = await makeProject({
      'briefings/references.yaml': HOSTILE_REFERENCES,
      'briefings/case-studies/a.md': caseStudy({ title: 'A' }, 'Text [@x].\n'),
    });
    const { ok } = await buildProject(root);
    expect(ok).toBe(true);
    const html = await readText(root, 'dist/en/case-studies/a/index.html');
    const entry = /<li id="ref-x">[\s\S]*?<\/li>/.exec(html)![0];
    expect(entry).not.toMatch(/<(script|img)\b/);
    expect(entry).not.toMatch(/<[^>]*\s(onmouseover|onerror)=/i);
    expect(entry).not.toMatch(/<a [^>]*href="javascript:/);
    // The quote is part of the address, encoded, not the end of the href attribute.
    expect(entry).toContain('<a href="https://example.org/a%22onmouseover=%22alert(3)">');
    expect(entry).toContain('&#x3C;script>alert(2)&#x3C;/script>');
  });

  it('raw HTML imitating a citation with a broken or odd data-cites is no citation, and never stops the build', async () => {
    const root = await makeProject({
      'briefings/references.yaml': '- id: a\n  title: A\n',
      'briefings/case-studies/a.md': caseStudy(
        { title: 'A' },
        'One <span class="citation-cluster" data-cites="{oops">x</span>, two <span class="citation-cluster" ' +
          'data-cites="[{&quot;id&quot;:&quot;a&quot;,&quot;locator&quot;:7}]">y</span>, three [@a].\n',
      ),
    });
    const { ok, report } = await buildProject(root);
    expect(report).not.toContain('unexpected error');
    expect(ok).toBe(true);
    const html = await readText(root, 'dist/en/case-studies/a/index.html');
    expect(html).toContain('One <span class="citation-cluster"></span>, two');
    expect(html).toContain('<li id="ref-a">');
  });

  it("is printed as text as a brief's key figure source (the template writes it unescaped), and the asks are text", async () => {
    const root = await makeProject({
      'briefings/references.yaml': HOSTILE_REFERENCES,
      'briefings/briefs/b.md': [
        '---',
        'title: B',
        'date: 2024-01-01',
        'asks:',
        '  - "<script>alert(5)</script> Fund peers"',
        'figures:',
        '  - value: "<img src=x onerror=alert(6)>"',
        '    label: Kits',
        '    source: x',
        '---',
        '',
        'Text.',
        '',
      ].join('\n'),
    });
    const { ok, report } = await buildProject(root);
    expect(ok, report).toBe(true);
    const html = await readText(root, 'dist/en/briefs/b/index.html');
    const source = /<span class="figure-source">[\s\S]*?<\/span><\/li>/.exec(html)![0];
    expect(source).toContain('&#x3C;script>alert(2)&#x3C;/script>');
    expect(source).toContain('<a href="https://example.org/a%22onmouseover=%22alert(3)">');
    expect(html).not.toMatch(/<(script|img)\b[^>]*(alert|onerror)/);
    expect(html).not.toMatch(/<[^>]*\s(onmouseover|onerror)=/i);
    expect(html).not.toMatch(/<a [^>]*href="javascript:/);
    expect(html).toContain('&lt;script&gt;alert(5)&lt;/script&gt; Fund peers');
  });
});
