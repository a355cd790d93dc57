/**
 * Issue 14: readers see which sections of a translated page are out of date, not only that
 * something is. A section whose original changed since the translation was stamped gets a
 * note under its heading; the sections that did not change get none.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

describe('an outdated translation', () => {
  it('marks exactly the sections whose original changed', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Case A', date: '2024-01-01' },
        '## Context\n\nFirst.\n\n## Results\n\nSecond.\n\n## Lessons\n\nThird.\n',
      ),
    });
    expect((await briefkitHere(['i18n', 'new', 'uk', 'case-studies/a.md'], { cwd: root })).code).toBe(0);
    const translation = join(root, 'translations/uk/case-studies/a.md');
    await writeFile(translation, (await readFile(translation, 'utf8')).replace('First.', 'Перше.').replace('Second.', 'Друге.').replace('Third.', 'Третє.'));
    const original = join(root, 'briefings/case-studies/a.md');
    await writeFile(original, (await readFile(original, 'utf8')).replace('Second.', 'Second, revised.'));

    expect((await buildProject(root)).ok).toBe(true);
    const page = await readText(root, 'dist/uk/case-studies/a/index.html');
    expect(page.match(/class="section-outdated"/g)).toHaveLength(1);
    expect(page).toMatch(/<h2 id="results">[^<]*<\/h2><p class="section-outdated">Оригінал цього розділу \(англійська\) змінився після перекладу/);
    expect(page).toContain('page-notice-outdated');

    // Stamped again, nothing is marked.
    expect((await briefkitHere(['i18n', 'stamp', 'uk'], { cwd: root })).code).toBe(0);
    expect((await buildProject(root)).ok).toBe(true);
    expect(await readText(root, 'dist/uk/case-studies/a/index.html')).not.toContain('section-outdated');
  });
});
