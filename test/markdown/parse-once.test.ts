/**
 * Issue 9: each Markdown file is parsed once per build, whatever uses its tree (translation
 * fingerprints, each edition, each language), and the parse's own problems are reported once.
 */
import { describe, expect, it, vi } from 'vitest';
import * as parse from '../../src/markdown/parse.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

describe('parsing', () => {
  it('happens once per file in a build of two editions in two languages', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\nvariables:\n  country_name: your country\n',
      'briefings/main/index.md': '---\ntitle: Main\ncase_studies: [glasgow]\n---\n\n## In {{country_name}}\n\nText.\n',
      'briefings/case-studies/glasgow.md': caseStudy({ title: 'Glasgow' }),
      'translations/uk/main/index.md': '---\ntitle: Головна\n---\n\n## В {{country_name}} {#in-country_name}\n\nТекст.\n',
      'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\nvariables:\n  country_name: Україні\n',
    });
    const spy = vi.spyOn(parse, 'parseMarkdown');
    const result = await buildProject(root, { allCountries: true });
    expect(result.report).toBe('');
    const parsed = spy.mock.calls.map(([document]) => (typeof document === 'string' ? '(text)' : document.path.slice(root.length + 1))).sort();
    expect(parsed).toEqual(['briefings/case-studies/glasgow.md', 'briefings/main/index.md', 'translations/uk/main/index.md']);
    spy.mockRestore();
  });

  it('reports a file over a parser limit once, however many editions use it', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/deep.md': caseStudy({ title: 'Deep' }, `${'>'.repeat(200)} too deep\n`),
      'countries/ua.yaml': 'name: Ukraine\nlanguages: [en]\nvariables: {}\n',
    });
    const result = await buildProject(root, { allCountries: true });
    expect(result.report.match(/ error /g)).toHaveLength(1);
  });
});
