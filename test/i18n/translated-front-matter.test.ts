/**
 * Issue 26, item 7: `organisation:` in a translation's front matter was ignored without a
 * word. A case study's organisation is a name readers read, so a translation may now give
 * it in its own language (on the page, in lists and in the PDF chapter line); any other key a
 * translation sets to no effect is a warning at its place, and a misspelt key gets "did you mean".
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

const ORIGINAL = caseStudy({ title: 'Outreach', organisation: 'Alliance for Public Health', year: '2009', citation_style: 'apa' }, '## Context\n\nText.\n');

describe("Issue 26: a translation's front matter", () => {
  it("names a case study's organisation in the translation's language, in the page and in lists", async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': ORIGINAL,
      'translations/uk/case-studies/a.md': "---\ntitle: Аутріч\norganisation: Альянс громадського здоров'я\n---\n\n## Контекст {#context}\n\nТекст.\n",
    });
    const result = await buildProject(root);
    expect(result.report).toBe('');
    const page = await readText(root, 'dist/uk/case-studies/a/index.html');
    expect(page).toContain('<dt>Організація</dt><dd><bdi>Альянс громадського здоров&#x27;я</bdi></dd>');
    expect(page).not.toContain('Alliance for Public Health');
    expect(await readText(root, 'dist/uk/case-studies/index.html')).toContain('<bdi>Альянс громадського здоров&#x27;я</bdi>');
    // The original keeps its own, and a language with no translated name shows the original's, marked.
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('<bdi>Alliance for Public Health</bdi>');
  });

  it('warns at each key that has no effect, and suggests the key a misspelt one means', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': ORIGINAL,
      'translations/uk/case-studies/a.md':
        '---\ntitle: Аутріч\norganization: Альянс\nyear: 2010\ncitation_style: vancouver\nlang: uk\nsumary: Підсумок\nreviewer: Олена\n---\n\nТекст.\n',
    });
    const { report } = await buildProject(root);
    const file = 'translations/uk/case-studies/a.md';
    expect(report).toContain(`${file}:3:1  warning  Unknown key "organization" in a translation's front matter  translation-key-unknown`);
    expect(report).toContain('Did you mean "organisation"? A translation sets title, summary, menu_title and organisation in its own language.');
    expect(report).toContain(
      `${file}:4:1  warning  "year" is taken from the original (briefings/case-studies/a.md); the translation's value is ignored  translation-key-ignored`,
    );
    expect(report).toContain('Remove "year:" here, or change it in briefings/case-studies/a.md.');
    expect(report).toContain(
      `${file}:5:1  warning  "citation_style" is taken from the original (briefings/case-studies/a.md); the translation's value is ignored`,
    );
    expect(report).toContain(`${file}:6:1  warning  A translation's language is its folder; "lang" is ignored  translation-key-ignored`);
    expect(report).toContain(`${file}:7:1  warning  Unknown key "sumary" in a translation's front matter`);
    // A key of the translator's own, with no known key near it, is theirs for templates.
    expect(report).not.toContain('reviewer');
  });

  it('is offered for translation by i18n extract, pre-filled by key from the Markdown translation', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': ORIGINAL,
      'briefings/case-studies/b.md': ORIGINAL,
      // One names the organisation, one leaves it as the original writes it: both keep their title.
      'translations/uk/case-studies/a.md': '---\ntitle: Аутріч\norganisation: Альянс\n---\n\n## Контекст {#context}\n\nТекст.\n',
      'translations/uk/case-studies/b.md': '---\ntitle: Аутріч Б\n---\n\n## Контекст {#context}\n\nТекст.\n',
    });
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: root, color: false };
    expect(await main(['i18n', 'extract', 'uk'], io)).toBe(0);
    const a = await readText(root, 'translations/uk/case-studies/a.po');
    expect(a).toContain('msgctxt "_front/organisation"\nmsgid "Alliance for Public Health"\nmsgstr "Альянс"');
    expect(a).toContain('msgctxt "_front/title"\nmsgid "Outreach"\nmsgstr "Аутріч"');
    const b = await readText(root, 'translations/uk/case-studies/b.po');
    expect(b).toContain('msgctxt "_front/organisation"\nmsgid "Alliance for Public Health"\nmsgstr ""');
    expect(b).toContain('msgctxt "_front/title"\nmsgid "Outreach"\nmsgstr "Аутріч Б"');
  });
});
