/**
 * Issue 26, item 9: `[[emergency_number]]`, the placeholder syntax of other tools, was
 * published as written with no word that briefkit writes `{{emergency_number}}`. A build now
 * warns at its line and column in originals, translations and country overrides alike.
 */
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

describe('Issue 26: a placeholder written as other tools write it', () => {
  it('is a warning at its place in an original, a translation and a country override', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\nvariables:\n  emergency_number: "112"\n',
      'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\nvariables:\n  emergency_number: "103"\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'A' }, '## Context\n\nCall [[emergency_number]] now.\n'),
      'translations/uk/case-studies/a.md': '---\ntitle: А\n---\n\n## Контекст {#context}\n\nДзвоніть {emergency_number}, а не `[[emergency_number]]`.\n',
      'countries/ua/overrides/case-studies/a.md': '---\ntitle: Кейс\nlang: uk\n---\n\nДзвоніть [[ emergency_number ]].\n',
    });
    const international = await buildProject(root);
    expect(international.ok).toBe(true);
    expect(international.report).toContain(
      'briefings/case-studies/a.md:8:6  warning  [[emergency_number]] is shown as written: briefkit variables are ' +
        'written {{emergency_number}}  variable-syntax-foreign',
    );
    expect(international.report).toContain(
      'translations/uk/case-studies/a.md:7:10  warning  {emergency_number} is shown as written: briefkit variables ' +
        'are written {{emergency_number}}  variable-syntax-foreign',
    );
    expect(international.report).toContain('"emergency_number" is a variable of this project: write {{emergency_number}}.');
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('Call [[emergency_number]] now.');

    const ukraine = await buildProject(root, { country: 'ua', out: `${root}/ua` });
    expect(ukraine.report).toContain(
      'countries/ua/overrides/case-studies/a.md:6:10  warning  [[ emergency_number ]] is shown as written: briefkit ' +
        'variables are written {{emergency_number}}  variable-syntax-foreign',
    );
  });
});
