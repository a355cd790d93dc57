/**
 * Issue 9: one pipeline. Cheap checks run before expensive ones (a refused output folder is
 * reported before anything is printed), and every file any stage reads is registered, so an
 * error in any kind of input stops the write.
 */
import { describe, expect, it } from 'vitest';
import type { printPdfs } from '../../src/pdf/print-pdfs.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

const good = {
  'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
  'briefings/main/index.md': '---\ntitle: Main\ncase_studies: [glasgow]\n---\n\n## One\n\nText.\n',
  'briefings/case-studies/glasgow.md': caseStudy({ title: 'Glasgow' }),
  'briefings/training/basics.md': '---\ntitle: Basics\nobjectives: [Learn]\n---\n\nText.\n',
  'briefings/briefs/ask.md': '---\ntitle: Ask\nasks: [Change the law]\n---\n\nText.\n',
  'briefings/references.yaml': '- id: a2020\n  type: book\n  title: A book\n',
  'translations/uk/ui.yaml': 'home: Головна\n',
  'translations/uk/main/index.md': '---\ntitle: Головна\n---\n\nТекст.\n',
  'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk]\nvariables: {}\n',
  'countries/ua/overrides/section.md': '---\nreplaces: main/index.md#one\n---\n\n## Один\n\nТекст.\n',
  'templates/pages/page.hbs': '{{#> layout}}{{{page.html}}}{{/layout}}\n',
};

describe('the build pipeline', () => {
  it('writes the project when nothing is wrong (so each case below fails for its own file)', async () => {
    const root = await makeProject(good);
    const result = await buildProject(root, { allCountries: true });
    expect(result.report).toBe('');
    expect(result.written).toBe(true);
  });

  it('reports a refused output folder without printing anything', async () => {
    const root = await makeProject(good);
    let printed = 0;
    const printer: typeof printPdfs = async (jobs, options) => {
      printed += jobs.length;
      return { files: [], pdfs: new Map(), reprinted: 0, ...(options && {}) };
    };
    const result = await buildProject(root, { out: 'briefings/out', pdf: true, printer });
    expect(result.written).toBe(false);
    expect(result.report).toContain('output-folder');
    expect(printed).toBe(0);
  });

  it.each([
    ['the config', 'briefkit.config.yaml', 'title: [unclosed\n'],
    ['a source page', 'briefings/main/index.md', '---\ntitle: [unclosed\n---\n'],
    ['a training module', 'briefings/training/basics.md', '---\ntitle: Basics\nterms: [just a word]\n---\n'],
    ['an advocacy brief', 'briefings/briefs/ask.md', '---\ntitle: Ask\n---\n'],
    ['the references', 'briefings/references.yaml', '- id: [x\n'],
    ['a translation', 'translations/uk/main/index.md', '---\ntitle: [unclosed\n---\n'],
    ['interface strings', 'translations/uk/ui.yaml', 'home: [unclosed\n'],
    ['a country profile', 'countries/ua.yaml', 'name: Ukraine\nlanguages: [uk]\nvariables:\n  country_name: ""\n'],
    ['a country override', 'countries/ua/overrides/section.md', '---\nreplaces: nothing/here.md#one\n---\n'],
    ['a template', 'templates/pages/page.hbs', '{{#> layout}}{{#if}}{{/layout}}\n'],
  ])('does not write when %s has an error', async (_what, path, text) => {
    const root = await makeProject({ ...good, [path]: text });
    const result = await buildProject(root, { allCountries: true });
    expect(result.report).toMatch(/ error /);
    expect(result.report).toContain(path);
    expect(result.written).toBe(false);
  });
});
