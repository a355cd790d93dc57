/**
 * Issue 32, item 3: in translators' files. `i18n extract` lists each entry's facts in a note
 * (PO `#.`, XLIFF `<note category="facts">`); `i18n apply` checks them before writing: a
 * changed safety fact is an error at the entry and the entry is not used (the section stays
 * in the original), another changed fact is a warning.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { caseStudy, makeProject, readText } from '../helpers/project.js';

const setUp = () =>
  makeProject({
    'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\nproducts: [Nyxoid]\n',
    'briefings/case-studies/a.md': caseStudy(
      { title: 'Case A', date: '2024-01-01' },
      '## Dose\n\n:::safety\nSpray Nyxoid 1.8 mg. Call 112.\n:::\n\n## Waiting\n\nWait 2–3 minutes, then give another dose.\n',
    ),
  });

async function translate(root: string, targets: Record<string, string>): Promise<void> {
  const file = join(root, 'translations/uk/case-studies/a.po');
  const table = po.parse(await readFile(file));
  for (const [key, text] of Object.entries(targets)) Object.values(table.translations[key]!)[0]!.msgstr = [text];
  await writeFile(file, po.compile(table));
}

describe('facts in translators’ files (issue 32)', () => {
  it('lists each entry’s facts in the PO and XLIFF notes, safety facts as such', async () => {
    const root = await setUp();
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const text = await readText(root, 'translations/uk/case-studies/a.po');
    expect(text).toContain(
      '#. A paragraph of a :::safety box in "Dose".\n' +
        '#. Safety facts, to keep exactly (a dose or number may be written as your language writes numbers): Nyxoid · 1.8 mg · 112\n',
    );
    expect(text).toContain('#. Facts to keep (numbers may be written as your language writes them): 2–3 minutes\n');
    expect(text).toContain('#. A heading in "Dose".\n#: ');
    expect((await briefkitHere(['i18n', 'extract', 'uk', '--format', 'xliff', '--out', join(root, 'xlf')], { cwd: root })).code).toBe(0);
    expect(await readText(root, 'xlf/case-studies/a.xlf')).toContain(
      '<note category="facts">Facts to keep (numbers may be written as your language writes them): 2–3 minutes</note>',
    );
  });

  it('refuses an entry that changes a safety fact, and warns about another changed fact', async () => {
    const root = await setUp();
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    await translate(root, {
      'dose/1': 'Доза',
      'dose/2': 'Розпиліть Nyxoid 0,8 мг. Телефонуйте 112.',
      'waiting/1': 'Очікування',
      'waiting/2': 'Зачекайте 3–4 хвилини, потім дайте ще одну дозу.',
    });
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.stderr).toMatch(
      /translations\/uk\/case-studies\/a\.po:\d+:\d+ +error +The translation of "dose\/2" says "0,8 мг" where the original says "1\.8 mg": a safety fact, so nothing of this file is applied until it is corrected +fact-mismatch/,
    );
    expect(applied.stderr).toMatch(
      /translations\/uk\/case-studies\/a\.po:\d+:\d+ +warning +The translation of "waiting\/2" says "3–4 хвилини" where the original says "2–3 minutes" +fact-mismatch/,
    );
    expect(applied.code).toBe(1);
    await expect(readText(root, 'translations/uk/case-studies/a.md')).rejects.toThrow(/ENOENT/);
    // Corrected, the file is applied, the other difference still a warning.
    await translate(root, { 'dose/2': 'Розпиліть Nyxoid 1,8 мг. Телефонуйте 112.' });
    const again = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('says "3–4 хвилини" where the original says "2–3 minutes"');
    const markdown = await readText(root, 'translations/uk/case-studies/a.md');
    expect(markdown).toContain('Розпиліть Nyxoid 1,8 мг. Телефонуйте 112.');
    expect(markdown).toContain('Зачекайте 3–4 хвилини');
  });
});
