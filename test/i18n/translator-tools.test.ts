/**
 * Issue 26, items 2 and 8: translators' own tools. Every XLIFF file briefkit writes
 * validates against the OASIS XLIFF 2.0 core schema; msgcat leaves a PO file as briefkit
 * wrote it (gettext's comment order, a Plural-Forms header); a round trip through
 * translate-toolkit (po2xliff then xliff2po, which drops msgctxt) or msgcat keeps every
 * translation, and what cannot be placed is a warning at its line; `extract --out` makes
 * its folder; extracting one page shows only that page's problems.
 */
import { execFileSync } from 'node:child_process';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { devNull } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { caseStudy, listTree, makeProject, temporaryDir } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

const SCHEMA = join(import.meta.dirname, '../fixtures/xliff-schema');

/** xmllint's verdict on an XLIFF file, offline: the catalog maps the schema's import of xml.xsd to the local copy. */
function validate(file: string): string {
  try {
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', join(SCHEMA, 'xliff_core_2.0.xsd'), file], {
      env: { ...process.env, XML_CATALOG_FILES: join(SCHEMA, 'catalog.xml') },
      stdio: 'pipe',
    });
    return 'valid';
  } catch (failure) {
    return String((failure as { stderr: Buffer }).stderr);
  }
}

/** What `msgcat` makes of a PO file (gettext's own writer). */
const msgcat = (file: string, ...options: string[]) => execFileSync('msgcat', [...options, file], { encoding: 'utf8' });

/** A translator fills every one-line entry, as a PO editor would: `msgstr "УКР <msgid>"`. */
const fill = (po: string) => po.replace(/^msgid "(.+)"\nmsgstr ""$/gm, (_, id: string) => `msgid "${id}"\nmsgstr "УКР ${id}"`);

/** The sample project, copied. */
async function sample(): Promise<string> {
  const root = await temporaryDir();
  for (const entry of ['briefings', 'translations', 'countries', 'branding', 'briefkit.config.yaml'])
    await cp(join(process.cwd(), entry), join(root, entry), { recursive: true });
  return root;
}

describe('XLIFF 2.0 files (Issue 26, item 8a)', () => {
  it.skipIf(lacks('xmllint'))('every file extracted from the sample validates against the OASIS core schema, unit ids with "/" included', async () => {
    const root = await sample();
    const extracted = await briefkitHere(['i18n', 'extract', 'uk', '--format', 'xliff'], { cwd: root });
    expect(extracted.code, extracted.stderr).toBe(0);
    const files = (await listTree(join(root, 'translations/uk'))).filter((path) => path.endsWith('.xlf'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(validate(join(root, 'translations/uk', file)), file).toBe('valid');
    // The objectives of the training module: `_front/objectives/0` was written `_front:objectives/0`.
    const training = await readFile(join(root, 'translations/uk/training/peer-naloxone-training.xlf'), 'utf8');
    expect(training).toContain('<unit id="_front:objectives:0">');
  });

  it('reads files written with the old ids, and a translated unit id applies', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/training/m.md': '---\ntitle: Module\nsummary: A module.\nobjectives:\n  - Learn one thing.\n---\n\n## Part\n\nText.\n',
    });
    expect((await briefkitHere(['i18n', 'extract', 'uk', '--format', 'xliff'], { cwd: root })).code).toBe(0);
    const file = join(root, 'translations/uk/training/m.xlf');
    const xml = (await readFile(file, 'utf8'))
      .replace('id="_front:objectives:0"', 'id="_front:objectives/0"')
      .replace(
        /<segment state="initial"><source>([^<]*)<\/source><\/segment>/g,
        (_, source: string) => `<segment state="translated"><source>${source}</source><target>УКР ${source}</target></segment>`,
      );
    await writeFile(file, xml);
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).not.toContain('unplaced');
    expect(await readFile(join(root, 'translations/uk/training/m.md'), 'utf8')).toMatch(/objectives:\n\s+- УКР Learn one thing\./);
  });
});

describe('PO files and gettext (Issue 26, item 8b)', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk, ar, fr]\n',
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Case A', date: '2024-01-01' },
        '## Context\n\nPeers "carry" naloxone\\\nevery day.\n\n> A quote that goes\n> over two lines.\n\n- one item\n  on two lines\n',
      ),
    });
  });

  it.skipIf(lacks('msgcat', 'msgfmt'))('msgcat --no-wrap leaves a freshly extracted file, and one a translator filled, byte for byte', async () => {
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const file = join(root, 'translations/uk/case-studies/a.po');
    const fresh = await readFile(file, 'utf8');
    expect(msgcat(file, '--no-wrap')).toBe(fresh);
    // gettext's order of comments: extracted, then reference.
    expect(fresh).toContain('#. A heading in "Context".\n#: briefings/case-studies/a.md:7\nmsgctxt "context/1"');
    expect(fresh).toContain('"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"');
    await writeFile(file, fill(fresh));
    expect(msgcat(file, '--no-wrap')).toBe(fill(fresh));
    execFileSync('msgfmt', ['--check', '-o', devNull, file]);
  });

  it.skipIf(lacks('msgfmt'))('writes the Plural-Forms of each language, and nplurals=2 for one it does not know', async () => {
    expect((await briefkitHere(['i18n', 'extract', 'ar'], { cwd: root })).code).toBe(0);
    expect((await briefkitHere(['i18n', 'extract', 'fr'], { cwd: root })).code).toBe(0);
    expect(await readFile(join(root, 'translations/ar/case-studies/a.po'), 'utf8')).toContain(
      '"Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;\\n"',
    );
    expect(await readFile(join(root, 'translations/fr/case-studies/a.po'), 'utf8')).toContain('"Plural-Forms: nplurals=2; plural=(n > 1);\\n"');
    for (const lang of ['ar', 'fr']) execFileSync('msgfmt', ['--check', '-o', devNull, join(root, `translations/${lang}/case-studies/a.po`)]);
  });
});

describe('a round trip through translate-toolkit and msgcat keeps every translation (Issue 26, item 2)', () => {
  const original =
    '## Context\n\nPeers carry naloxone [@smith2020].\n\n| Kit | Free |\n|---|---|\n| Nasal | Yes |\n| Injectable | Yes |\n\nTable: ' +
    'Kits\n\n> A quote that goes\n> over two lines.\n\n## Results\n\nKits were handed out.\n';
  let root: string;
  let po: string;
  let applied: string;

  beforeAll(async () => {
    root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/references.yaml': '- id: smith2020\n  type: article-journal\n  title: A study\n  issued: {date-parts: [[2020]]}\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, original),
    });
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    po = join(root, 'translations/uk/case-studies/a.po');
    // The quote is one entry of two lines: the translator writes two lines too.
    await writeFile(
      po,
      fill(await readFile(po, 'utf8')).replace(
        'msgid ""\n"A quote that goes\\n"\n"over two lines."\nmsgstr ""',
        'msgid ""\n"A quote that goes\\n"\n"over two lines."\nmsgstr ""\n"Цитата, що йде\\n"\n"у два рядки."',
      ),
    );
    const first = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('2 of 2 sections translated');
    applied = await readFile(join(root, 'translations/uk/case-studies/a.md'), 'utf8');
    // A translated multi-line quote is still a quote.
    expect(applied).toContain('> Цитата, що йде\n> у два рядки.');
  });

  /** Apply the PO file as it is now into a fresh Markdown translation, and return it with the run. */
  async function applyAgain() {
    await rm(join(root, 'translations/uk/case-studies/a.md'));
    const run = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    return { run, text: await readFile(join(root, 'translations/uk/case-studies/a.md'), 'utf8').catch(() => '') };
  }

  it.skipIf(lacks('po2xliff', 'xliff2po'))(
    'po2xliff then xliff2po drops msgctxt; apply places the entries by their text and gives the same translation',
    async () => {
      const saved = await readFile(po, 'utf8');
      execFileSync('po2xliff', [po, join(root, 'a.xlf')], { stdio: 'pipe' });
      execFileSync('xliff2po', [join(root, 'a.xlf'), po], { stdio: 'pipe' });
      const lost = await readFile(po, 'utf8');
      expect(lost).not.toContain('msgctxt "context/');
      const { run, text } = await applyAgain();
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('2 of 2 sections translated');
      expect(run.stderr).not.toContain('warning');
      expect(text).toBe(applied);

      // The original changes: the entry of the old text fits nowhere, and says so at its line.
      const source = join(root, 'briefings/case-studies/a.md');
      await writeFile(source, (await readFile(source, 'utf8')).replace('Kits were handed out.', 'Kits were given out.'));
      const changed = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
      const line = lost.split('\n').indexOf('msgid "Kits were handed out."') + 1;
      expect(line).toBeGreaterThan(0);
      expect(changed.stderr).toContain(
        `translations/uk/case-studies/a.po:${line}:1  warning  This entry (it has no msgctxt or unit id) matches no text of ` +
          `briefings/case-studies/a.md ("Kits were handed out."): its translation is not used  translation-entry-unplaced`,
      );
      expect(changed.stderr).toContain('run briefkit i18n extract uk case-studies/a.md again');

      // A re-extract keeps every translation it can place, with its msgctxt back.
      const again = await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain(`translations/uk/case-studies/a.po:${line}:1  warning`);
      const extracted = await readFile(po, 'utf8');
      expect(extracted).toContain('msgctxt "context/2"\nmsgid "Peers carry naloxone [@smith2020]."\nmsgstr "УКР Peers carry naloxone [@smith2020]."');
      // Two cells with the same text both get its translation.
      expect(extracted.match(/msgid "Yes"\nmsgstr "УКР Yes"/g)).toHaveLength(2);
      // The Markdown translation apply kept (never losing work) offers its old text, for review.
      expect(extracted).toContain('#, fuzzy\nmsgctxt "results/2"\nmsgid "Kits were given out."\nmsgstr "УКР Kits were handed out."');
      await writeFile(source, (await readFile(source, 'utf8')).replace('Kits were given out.', 'Kits were handed out.'));
      await writeFile(po, saved);
    },
  );

  it.skipIf(lacks('msgcat'))('msgcat with and without --no-wrap keeps every translation', async () => {
    for (const options of [['--no-wrap'], []]) {
      await writeFile(po, msgcat(po, ...options));
      const { run, text } = await applyAgain();
      expect(run.code, run.stderr).toBe(0);
      expect(text).toBe(applied);
    }
  });
});

describe('i18n extract --out and its messages (Issue 26, items 8c and 8d)', () => {
  it('makes the folder --out names, and blames no symbolic link', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Text.\n'),
    });
    const out = join(await temporaryDir(), 'for-translators/uk');
    const run = await briefkitHere(['i18n', 'extract', 'uk', '--out', out], { cwd: root });
    expect(run.stderr).not.toContain('symbolic link');
    expect(run.code, run.stderr).toBe(0);
    expect(await listTree(out)).toEqual(['case-studies/a.po']);
  });

  it("extracting one page shows that page's problems, not other pages' glossary problems", async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, '## Context\n\nPeers carry naloxone.\n'),
      'briefings/case-studies/b.md': caseStudy({ title: 'Case B', date: '2024-01-01' }, '## Context\n\nPeers carry naloxone.\n'),
      'translations/uk/case-studies/a.md': '---\ntitle: Кейс А\n---\n\n## Контекст {#context}\n\nРівні носять протиотруту.\n',
      'translations/uk/case-studies/b.md': '---\ntitle: Кейс Б\n---\n\n## Контекст {#context}\n\nРівні носять протиотруту.\n',
      'translations/uk/glossary.yaml': 'naloxone: налоксон\n',
    });
    const one = await briefkitHere(['i18n', 'extract', 'uk', 'case-studies/b.md'], { cwd: root });
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toContain('translations/uk/case-studies/b.md');
    expect(one.stderr).not.toContain('translations/uk/case-studies/a.md');
    const all = await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root });
    expect(all.stderr).toContain('translations/uk/case-studies/a.md');
  });
});
