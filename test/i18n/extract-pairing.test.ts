/**
 * Issue 26, item 5: `i18n extract` fills new entries from a hand-written Markdown
 * translation only where the structure proves the pairing (same sections, same kinds of
 * pieces in the same order, same emphasis-only shape, same links and citations); a
 * segment's text has no block marks (`> `); a filled entry from a section changed since the
 * translation was stamped is for review, not "translated"; list items, quotes, captions and
 * boxes are described as what they are.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { caseStudy, makeProject } from '../helpers/project.js';

const CONFIG = 'title: Test\nlanguages: [en, uk]\n';
const REFERENCES = '- id: smith2020\n  type: article-journal\n  title: A study\n  issued: {date-parts: [[2020]]}\n';

/** The PO entry (msgstr, with its comments) of a msgctxt. */
function entry(po: string, key: string): string {
  const block = po.split('\n\n').find((candidate) => candidate.includes(`msgctxt "${key}"\n`));
  if (!block) throw new Error(`no entry ${key} in\n${po}`);
  return block;
}

describe('extract pre-fill (Issue 26, item 5)', () => {
  it("does not give an italic disclaimer the translator's note, nor a paragraph a translation that lost its citation", async () => {
    const root = await makeProject({
      'briefkit.config.yaml': CONFIG,
      'briefings/references.yaml': REFERENCES,
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Case A', date: '2024-01-01' },
        '*Sample content, not medical advice.*\n\n## Context\n\nPeers matter [@smith2020].\n\nKits help.\n',
      ),
      'translations/uk/case-studies/a.md':
        '---\ntitle: Кейс А\n---\n\nПримітка перекладача: переклад ще не перевірено.\n\n## Контекст {#context}\n\nРівні важливі.\n\nНабори допомагають.\n',
    });
    const run = await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const po = await readFile(join(root, 'translations/uk/case-studies/a.po'), 'utf8');
    expect(entry(po, '_start/1')).toContain('msgid "*Sample content, not medical advice.*"\nmsgstr ""');
    expect(entry(po, 'context/2')).toContain('msgid "Peers matter [@smith2020]."\nmsgstr ""');
    // What the structure proves is still filled: the heading, the other paragraph, the title.
    expect(entry(po, 'context/1')).toContain('msgstr "Контекст"');
    expect(entry(po, 'context/3')).toContain('msgstr "Набори допомагають."');
    expect(entry(po, '_front/title')).toContain('msgstr "Кейс А"');
  });

  it('gives a multi-line quote and list item their text without "> " or indent, and apply puts them back', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': CONFIG,
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Case A', date: '2024-01-01' },
        '## Context\n\n> Peers reach people\n> whom services miss.\n\n- ' +
          'A list item\n  on two lines.\n\n:::note\nA note.\n:::\n\n| Kit | Free |\n|---|---|\n| Nasal | Yes |\n\nTable: Kits handed out\n',
      ),
      'translations/uk/case-studies/a.md':
        '---\ntitle: Кейс А\n---\n\n## Контекст {#context}\n\n> Рівні досягають людей,\n> яких оминають служби.\n\n- ' +
        'Пункт списку\n  у два рядки.\n\n:::note\nПримітка.\n:::\n\n| Набір | Безкоштовно |\n|---|---|\n| Назальний | Так |\n\nТаблиця: Видані набори\n',
    });
    // Stamped: the translation matches the original as it is, so what is filled counts as translated.
    expect((await briefkitHere(['i18n', 'stamp', 'uk'], { cwd: root })).code).toBe(0);
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const po = await readFile(join(root, 'translations/uk/case-studies/a.po'), 'utf8');
    expect(entry(po, 'context/2')).toBe(
      '#. A paragraph of a quote in "Context".\n#: briefings/case-studies/a.md:9\nmsgctxt "context/2"\nmsgid ' +
        '""\n"Peers reach people\\n"\n"whom services miss."\nmsgstr ""\n"Рівні досягають людей,\\n"\n"яких оминають служби."',
    );
    expect(entry(po, 'context/3')).toContain('#. A list item in "Context".');
    expect(entry(po, 'context/3')).toContain('msgid ""\n"A list item\\n"\n"on two lines."\nmsgstr ""\n"Пункт списку\\n"\n"у два рядки."');
    expect(entry(po, 'context/4')).toContain('#. A paragraph of a :::note box in "Context".');
    expect(entry(po, 'context/9')).toContain(
      '#. The caption of a table in "Context".\n#: briefings/case-studies/a.md:23\nmsgctxt "context/9"\nmsgid "Kits handed out"\nmsgstr "Видані набори"',
    );

    // Applied (into a new file), the quote is still a quote and the list item still one item.
    await rm(join(root, 'translations/uk/case-studies/a.md'));
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    const markdown = await readFile(join(root, 'translations/uk/case-studies/a.md'), 'utf8');
    expect(markdown).toContain('> Рівні досягають людей,\n> яких оминають служби.');
    expect(markdown).toContain('- Пункт списку\n  у два рядки.');
    expect(markdown).toContain('Table: Видані набори');
  });

  it('marks a filled unit for review when that section changed since the translation was stamped, and translated when not', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': CONFIG,
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, '## Context\n\nPeers matter.\n\n## Results\n\nKits help.\n'),
      'translations/uk/case-studies/a.md':
        '---\ntitle: Кейс А\n---\n\n## Контекст {#context}\n\nРівні важливі.\n\n## Результати {#results}\n\nНабори допомагають.\n',
    });
    expect((await briefkitHere(['i18n', 'stamp', 'uk'], { cwd: root })).code).toBe(0);
    const source = join(root, 'briefings/case-studies/a.md');
    await writeFile(source, (await readFile(source, 'utf8')).replace('Kits help.', 'Kits help a lot.'));
    expect((await briefkitHere(['i18n', 'extract', 'uk', '--format', 'xliff'], { cwd: root })).code).toBe(0);
    const xml = await readFile(join(root, 'translations/uk/case-studies/a.xlf'), 'utf8');
    expect(xml).toContain(
      '<unit id="context:2"><notes><note category="location">briefings/case-studies/a.md:9</note><note category="description">A ' +
        'paragraph in "Context".</note></notes><segment state="translated"><source>Peers matter.</source><target>Рівні важливі.</target></segment></unit>',
    );
    // The Results section changed: its old translation is there, for review.
    expect(xml).toContain('<segment state="initial"><source>Kits help a lot.</source><target>Набори допомагають.</target></segment>');
    expect(xml).toContain('<segment state="initial"><source>Results</source><target>Результати</target></segment>');
  });
});
