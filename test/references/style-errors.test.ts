/** Issue 15: a citation style that cannot be used is told where it is chosen, and the page still builds in the default style. */
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

const REFERENCES = '- id: a2020\n  title: A paper\n  author: [{family: Smith, given: Ann}]\n  container-title: Journal\n  issued: {date-parts: [[2020]]}\n';

describe('choosing a citation style', () => {
  it('reports an unknown style name with the nearest built-in one, a type that does not exist, and a file that is not CSL', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: T\ncitation_style: vancover\ncitation_styles:\n  trainng: apa\n',
      'briefings/references.yaml': REFERENCES,
      'briefings/case-studies/a.md': caseStudy({ title: 'A', citation_style: 'styles/mine.csl' }, 'Text [@a2020].\n'),
      'briefings/case-studies/b.md': caseStudy({ title: 'B', citation_style: 'styles/missing.csl' }, 'Text [@a2020].\n'),
      'styles/mine.csl': '<?xml version="1.0"?>\n<html><body>not a style</body></html>\n',
    });
    const { ok, report } = await buildProject(root);
    expect(ok).toBe(false);
    expect(report).toContain('briefkit.config.yaml:2:17  error  Unknown citation style "vancover"  citation-style\n      → Did you mean "vancouver"?');
    expect(report).toContain(
      'briefkit.config.yaml:4:12  error  Unknown content type "trainng" in citation_styles  citation-style\n      → Did you mean "training"?',
    );
    expect(report).toContain('styles/mine.csl:2:1  error  Not a CSL style: its root element is not <style xmlns="http://purl.org/net/xbiblio/csl">');
    expect(report).toContain('briefings/case-studies/b.md:4:17  error  No citation style file "styles/missing.csl" in the project');
  });

  it("builds with the default style when none is chosen, and with a page's style over its type's", async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: T\ncitation_styles:\n  case-study: apa\n',
      'briefings/references.yaml': REFERENCES,
      'briefings/case-studies/a.md': caseStudy({ title: 'A' }, 'Text [@a2020].\n'),
      'briefings/case-studies/b.md': caseStudy({ title: 'B', citation_style: 'ama' }, 'Text [@a2020].\n'),
      'briefings/guide/index.md': '---\ntitle: G\n---\n\nText [@a2020].\n',
    });
    const { ok, report } = await buildProject(root);
    expect(report).toBe('');
    expect(ok).toBe(true);
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('(<a href="#ref-a2020" class="citation">Smith, 2020</a>)');
    expect(await readText(root, 'dist/en/case-studies/b/index.html')).toContain('<sup><a href="#ref-a2020" class="citation">1</a></sup>');
    expect(await readText(root, 'dist/en/guide/index.html')).toContain('(<a href="#ref-a2020" class="citation">1</a>)');
  });
});
