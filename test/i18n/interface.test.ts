/**
 * Issue 14, part 5: the whole interface is translatable. The site's title, description and
 * organisation name, and the titles menus give untranslated pages, come from
 * `translations/<lang>/site.yaml`; what is not translated shows in the source language,
 * marked with its `lang` and `dir`.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';
import { sampleSite } from '../helpers/sample.js';

/** Text of a page that is in the page's language as far as its markup says, but written in Latin letters (English). */
function unmarkedLatin(html: string): string[] {
  const found: string[] = [];
  const walk = (node: Root | RootContent, lang: string) => {
    if (node.type === 'element') {
      if (['script', 'style', 'code', 'head', 'noscript'].includes(node.tagName)) return;
      const own = (node as Element).properties.lang;
      for (const child of node.children) walk(child, typeof own === 'string' ? own : lang);
    } else if (node.type === 'root') {
      for (const child of node.children) walk(child, lang);
    } else if (node.type === 'text' && !lang.startsWith('en')) {
      // briefkit is a name, in "Made with briefkit" in every language.
      const words = node.value.replace(/briefkit/g, '').match(/[A-Za-z]{3,}/g);
      if (words) found.push(node.value.trim());
    }
  };
  walk(fromHtml(html), '');
  return found;
}

describe('the interface in every language', () => {
  it('shows no untranslated interface text on the Ukrainian and Arabic home pages of the sample', async () => {
    // The sample, built once per run (helpers/sample.ts; a failed build fails the test).
    const { root } = await sampleSite('web');
    const uk = await readText(root, 'dist/uk/index.html');
    const ar = await readText(root, 'dist/ar/index.html');
    expect(unmarkedLatin(uk)).toEqual([]);
    expect(unmarkedLatin(ar)).toEqual([]);
    expect(uk).toContain('<span class="site-title">Налоксон від рівного до рівного</span>');
    expect(uk).toContain('<span class="site-organisation">Зразкова мережа рівних</span>');
    expect(uk).toContain('<title>Налоксон від рівного до рівного</title>');
    expect(uk).toContain('>Про цей зразок</a>');
    expect(ar).toContain('>عن هذا النموذج</a>');
    // A case study's organisation is a name, in the language it was written in, and marked so.
    expect(uk).toContain('<bdi lang="en" dir="ltr">Scottish Drugs Forum</bdi>');
  });

  it("marks the source language's title, description and organisation where a language has no site.yaml", async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Peer naloxone\ndescription: Briefings for peers.\nlanguages: [en, ar]\norganisation:\n  name: Peer Network\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Text.\n'),
    });
    expect((await buildProject(root)).ok).toBe(true);
    const ar = await readText(root, 'dist/ar/index.html');
    expect(ar).toContain('<span class="site-title" lang="en" dir="ltr">Peer naloxone</span>');
    expect(ar).toContain('<span class="site-organisation" lang="en" dir="ltr">Peer Network</span>');
    expect(ar).toContain('<p class="lead" lang="en" dir="ltr">Briefings for peers.</p>');
    expect(unmarkedLatin(ar)).toEqual([]);
  });

  it('reports a misspelt key in site.yaml at its place, with the key it probably is', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Text.\n'),
      'translations/uk/site.yaml': 'title: Тест\norganization: Мережа\npage_titles:\n  about.md: 12\n',
    });
    const { report } = await buildProject(root);
    expect(report).toContain('translations/uk/site.yaml:2:1  warning  Unknown key "organization" in site.yaml  ui-unknown-key');
    expect(report).toContain('Did you mean "organisation"?');
    expect(report).toContain('translations/uk/site.yaml:4:13  error  "page_titles › about.md" should be text  wrong-type');
  });
});
