/**
 * Issue 26: a re-extract only ever makes a translator's file better. A paragraph added above
 * others renumbered their keys, and every later entry of the section came back fuzzy with
 * another paragraph's translation; a paragraph removed from the original took its
 * translation with it. Entries now follow their text (as gettext's msgmerge does), and a
 * translation whose original is gone is kept, marked obsolete (PO `#~`, an XLIFF file of its
 * own), until the translator deletes it; it comes back if its text does.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { devNull } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { caseStudy, makeProject } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

const SCHEMA = join(import.meta.dirname, '../fixtures/xliff-schema');
const BODY = '## Context\n\nFirst paragraph.\n\nSecond paragraph.\n\n## Results\n\nKits were handed out.\n';

/** A translator fills every one-line entry: `msgstr "УКР <msgid>"`. */
const fill = (po: string) => po.replace(/^msgid "(.+)"\nmsgstr ""$/gm, (_, id: string) => `msgid "${id}"\nmsgstr "УКР ${id}"`);

async function translated(format: 'po' | 'xliff') {
  const root = await makeProject({ 'briefkit.config.yaml': 'languages: [en, uk]\n', 'briefings/case-studies/a.md': caseStudy({ title: 'A' }, BODY) });
  expect((await briefkitHere(['i18n', 'extract', 'uk', '--format', format], { cwd: root })).code).toBe(0);
  const file = join(root, `translations/uk/case-studies/a.${format === 'po' ? 'po' : 'xlf'}`);
  const text = await readFile(file, 'utf8');
  await writeFile(
    file,
    format === 'po'
      ? fill(text)
      : text.replace(
          /<segment state="initial"><source>([^<]*)<\/source><\/segment>/g,
          (_, source: string) => `<segment state="translated"><source>${source}</source><target>УКР ${source}</target></segment>`,
        ),
  );
  const edit = async (from: string, to: string) => {
    const path = join(root, 'briefings/case-studies/a.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace(from, to));
  };
  return { root, file, edit };
}

describe('issue 26: i18n extract again keeps every translation', () => {
  it('a paragraph added above others leaves their translations on their texts, not fuzzy', async () => {
    const { root, file, edit } = await translated('po');
    await edit('First paragraph.', 'A new paragraph.\n\nFirst paragraph.');
    const again = await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    const po = await readFile(file, 'utf8');
    expect(po).not.toContain('fuzzy');
    expect(po).toContain('msgctxt "context/2"\nmsgid "A new paragraph."\nmsgstr ""');
    expect(po).toContain('msgctxt "context/3"\nmsgid "First paragraph."\nmsgstr "УКР First paragraph."');
    expect(po).toContain('msgctxt "context/4"\nmsgid "Second paragraph."\nmsgstr "УКР Second paragraph."');
  });

  it.skipIf(lacks('msgcat', 'msgfmt'))(
    'a paragraph removed from the original keeps its translation as an obsolete entry, which gettext reads and which comes back with its text',
    async () => {
      const { root, file, edit } = await translated('po');
      await edit('Second paragraph.\n\n', '');
      const again = await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(
        /a\.po:\d+:1 {2}warning {2}The entry "context\/3" matches no text of briefings\/case-studies\/a\.md \("Second paragraph\."\): its translation is kept at the end of the new file, marked obsolete/,
      );
      const po = await readFile(file, 'utf8');
      expect(po.trimEnd().endsWith('#~ msgctxt "context/3"\n#~ msgid "Second paragraph."\n#~ msgstr "УКР Second paragraph."')).toBe(true);
      execFileSync('msgfmt', ['--check', '-o', devNull, file]);
      expect(execFileSync('msgcat', ['--no-wrap', file], { encoding: 'utf8' })).toBe(po);
      // Once obsolete, it is kept without a word each time.
      const third = await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root });
      expect(third.stderr).not.toContain('warning');
      expect(await readFile(file, 'utf8')).toBe(po);
      // Its text back in the original, its translation is back in place.
      await edit('First paragraph.', 'First paragraph.\n\nSecond paragraph.');
      expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
      const back = await readFile(file, 'utf8');
      expect(back).toContain('msgctxt "context/3"\nmsgid "Second paragraph."\nmsgstr "УКР Second paragraph."');
      expect(back).not.toContain('#~');
    },
  );

  it.skipIf(lacks('xmllint'))('in XLIFF, the obsolete translation goes to a file of its own, and the document still validates', async () => {
    const { root, file, edit } = await translated('xliff');
    await edit('Second paragraph.\n\n', '');
    expect((await briefkitHere(['i18n', 'extract', 'uk', '--format', 'xliff'], { cwd: root })).code).toBe(0);
    const xlf = await readFile(file, 'utf8');
    expect(xlf).toMatch(/<file id="obsolete">.*<source>Second paragraph\.<\/source><target>УКР Second paragraph\.<\/target>/s);
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', join(SCHEMA, 'xliff_core_2.0.xsd'), file], {
      env: { ...process.env, XML_CATALOG_FILES: join(SCHEMA, 'catalog.xml') },
      stdio: 'pipe',
    });
    // apply is not troubled by it.
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).toBe('');
  });
});

/** Issue 26, found by a translator's review of the fix. */
describe('issue 26: placing entries by text never puts one translation where another belongs', () => {
  const TWICE = '## Before\n\nWhat happened?\n\n## After\n\nWhat happened?\n';

  it('keeps two translations of one sentence apart after a round trip that lost msgctxt', async () => {
    const root = await makeProject({ 'briefkit.config.yaml': 'languages: [en, uk]\n', 'briefings/case-studies/d.md': caseStudy({ title: 'D' }, TWICE) });
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const file = join(root, 'translations/uk/case-studies/d.po');
    const po = (await readFile(file, 'utf8'))
      .replace('msgctxt "before/2"\nmsgid "What happened?"\nmsgstr ""', 'msgctxt "before/2"\nmsgid "What happened?"\nmsgstr "Що сталося ДО?"')
      .replace('msgctxt "after/2"\nmsgid "What happened?"\nmsgstr ""', 'msgctxt "after/2"\nmsgid "What happened?"\nmsgstr "Що сталося ПІСЛЯ?"');
    // As a tool that drops msgctxt leaves it: the entries in the page's order, without keys.
    await writeFile(file, fill(po.replace(/^msgctxt .*\n/gm, '')));
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    const md = await readFile(join(root, 'translations/uk/case-studies/d.md'), 'utf8');
    expect(md).toMatch(/Що сталося ДО\?[\s\S]*Що сталося ПІСЛЯ\?/);
    // Three entries for the text, translated differently, cannot be told apart: reported, not used.
    await writeFile(file, `${await readFile(file, 'utf8')}\n#. An extra.\nmsgid "What happened?"\nmsgstr "Третій варіант"\n`);
    const three = await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root });
    expect(three.stderr).toContain(
      'is for a text that is in briefings/case-studies/d.md more than once ("What happened?"), and the file translates it differently',
    );
    expect(await readFile(file, 'utf8')).toContain('#~ msgstr "Що сталося ПІСЛЯ?"');
  });

  it("does not fill an entry from a paragraph a translated section left in the original's words", async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'A' }, BODY),
      'translations/uk/case-studies/a.md':
        '---\ntitle: А\n---\n\n## Контекст {#context}\n\nПерший абзац.\n\nSecond paragraph.\n\n## Результати {#results}\n\nНабори роздали.\n',
    });
    expect((await briefkitHere(['i18n', 'stamp', 'uk'], { cwd: root })).code).toBe(0);
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const po = await readFile(join(root, 'translations/uk/case-studies/a.po'), 'utf8');
    expect(po).toContain('msgid "First paragraph."\nmsgstr "Перший абзац."');
    expect(po).toContain('msgid "Second paragraph."\nmsgstr ""');
  });
});
