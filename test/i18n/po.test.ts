/**
 * Issue 14: PO files for translators. `i18n extract` writes one per page (msgfmt --check
 * passes), `i18n apply` makes the Markdown translation from it with every link, citation
 * and variable working, a changed original marks exactly the changed entry fuzzy, and a
 * translation that loses a citation is an error at its line in the PO file.
 */
import { execFileSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { devNull } from 'node:os';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, listTree, makeProject, readText, temporaryDir } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

/** Fill every entry of PO files with a "translation" (the original, marked), as a translator's tool would save it. */
async function translateAll(files: readonly string[], translate: (msgid: string) => string): Promise<void> {
  for (const file of files) {
    const table = po.parse(await readFile(file));
    for (const entries of Object.values(table.translations)) {
      for (const entry of Object.values(entries)) {
        if (entry.msgid === '') continue;
        entry.msgstr = [translate(entry.msgid)];
        if (entry.comments) delete entry.comments.flag;
      }
    }
    await writeFile(file, po.compile(table));
  }
}

describe('PO round trip on the sample', () => {
  let root: string;
  let files: string[];

  beforeAll(async () => {
    root = await temporaryDir();
    for (const entry of ['briefings', 'translations', 'countries', 'branding', 'briefkit.config.yaml'])
      await cp(join(process.cwd(), entry), join(root, entry), { recursive: true });
    const extracted = await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root });
    expect(extracted.code, extracted.stderr).toBe(0);
    files = (await listTree(join(root, 'translations/uk'))).filter((path) => path.endsWith('.po')).map((path) => join(root, 'translations/uk', path));
  });

  it.skipIf(lacks('msgfmt'))('writes a PO file per page that msgfmt --check accepts, filled from the Markdown translations', async () => {
    expect(files.map((file) => file.slice(root.length + 1)).sort()).toEqual(
      expect.arrayContaining([
        'translations/uk/case-studies/glasgow-peer-supply.po',
        'translations/uk/peer-to-peer-naloxone/index.po',
        'translations/uk/about.po',
      ]),
    );
    for (const file of files) execFileSync('msgfmt', ['--check', '-o', devNull, file]);
    const glasgow = po.parse(await readFile(join(root, 'translations/uk/case-studies/glasgow-peer-supply.po')));
    expect(glasgow.translations['context/1']!['Context']!.msgstr).toEqual(['Контекст']);
    expect(glasgow.translations['_front/title']!["Glasgow: the UK's first peer naloxone supply model"]!.msgstr[0]).toContain('Глазго');
    const text = await readText(root, 'translations/uk/case-studies/glasgow-peer-supply.po');
    // gettext's order of comments (issue 26): extracted, then reference.
    expect(text).toContain('#. A heading in "Context".\n#: briefings/case-studies/glasgow-peer-supply.md:16\nmsgctxt "context/1"');
  });

  it('applies every translated entry: the Ukrainian pages show it, with links, citations, variables and captions working', async () => {
    await translateAll(files, (msgid) => `УКР ${msgid}`);
    const applied = await briefkitHere(['i18n', 'apply', 'uk', '--force'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('wrote translations/uk/case-studies/estonia-thn.md: 6 of 6 sections translated');
    const result = await buildProject(root);
    expect(result.ok, result.report).toBe(true);
    const estonia = await readText(root, 'dist/uk/case-studies/estonia-thn/index.html');
    expect(estonia).toMatch(
      /УКР Fentanyl shaped Estonia's overdose crisis\. [^<]*<span class="citation-cluster">\(<a href="#ref-abelollo2019" class="citation">1<\/a>\)<\/span>/,
    );
    expect(estonia).toContain('<a href="../../peer-to-peer-naloxone/index.html">УКР Peer-to-peer naloxone distribution</a>');
    expect(estonia).not.toContain('page-notice');
    const briefing = await readText(root, 'dist/uk/peer-to-peer-naloxone/index.html');
    expect(briefing).toContain('<caption>УКР Naloxone products named in the sources</caption>');
    expect(briefing).toContain('id="naloxone-basics"');
    // A module's objectives are front matter its type translates: they are entries too.
    const training = await readText(root, 'dist/uk/training/peer-naloxone-training/index.html');
    expect(training).toContain('УКР Recognise the signs of an opioid overdose and name the people most at risk of one.');
    expect(training).not.toMatch(/>Recognise the signs of an opioid overdose/);
    // {{country_name}} in a translated heading gets the international edition's value.
    expect(briefing).toContain('<h2 id="in-your-country">УКР In your country');
  });

  it.skipIf(lacks('msgfmt'))(
    'an edit to the original marks exactly that entry fuzzy, with what it translated; the page shows that section in the original',
    async () => {
      const path = join(root, 'briefings/case-studies/estonia-thn.md');
      const original = await readFile(path, 'utf8');
      await writeFile(path, original.replace('The law was a major obstacle.', 'The law was the main obstacle.'));
      expect((await briefkitHere(['i18n', 'extract', 'uk', 'case-studies/estonia-thn.md'], { cwd: root })).code).toBe(0);
      const table = po.parse(await readFile(join(root, 'translations/uk/case-studies/estonia-thn.po')));
      const fuzzy = Object.values(table.translations)
        .flatMap((entries) => Object.values(entries))
        .filter((entry) => entry.comments?.flag === 'fuzzy');
      expect(fuzzy).toHaveLength(1);
      expect(fuzzy[0]!.msgctxt).toBe('context/3');
      expect(fuzzy[0]!.msgid).toMatch(/^The law was the main obstacle\./);
      expect(fuzzy[0]!.comments!.previous).toMatch(/^msgid "The law was a major obstacle\./);
      expect(fuzzy[0]!.msgstr[0]).toMatch(/^УКР The law was a major obstacle\./);
      execFileSync('msgfmt', ['--check', '-o', devNull, join(root, 'translations/uk/case-studies/estonia-thn.po')]);
      // i18n status shows what changed, word by word, from the text the entry translated.
      const status = await briefkitHere(['i18n', 'status', '--lang', 'uk'], { cwd: root });
      expect(status.stdout).toMatch(
        /outdated +\d+% +case-studies\/estonia-thn\.md\n +changed in the original: Context \(#context\)\n +#context: The law was \[-a major-\]\{\+the main\+\} obstacle\. Naloxone/,
      );

      const applied = await briefkitHere(['i18n', 'apply', 'uk', 'case-studies/estonia-thn.md'], { cwd: root });
      expect(applied.code, applied.stderr).toBe(0);
      expect(applied.stdout).toContain('5 of 6 sections translated');
      expect((await buildProject(root)).ok).toBe(true);
      const page = await readText(root, 'dist/uk/case-studies/estonia-thn/index.html');
      // Only the Context section is shown in English, with its notice; the others stay translated.
      expect(page.match(/<div class="untranslated" lang="en" dir="ltr">/g)).toHaveLength(1);
      expect(page).toMatch(/<div class="untranslated" lang="en" dir="ltr"><h2 id="context">Context<\/h2><p class="untranslated-notice" lang="uk"/);
      expect(page).toContain('The law was the main obstacle.');
      expect(page).toContain('<h2 id="what-was-done">УКР What was done</h2>');
    },
  );
});

describe('i18n apply', () => {
  it('refuses a translation that lost a citation or changed a link, at its line in the PO file, and writes nothing', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/references.yaml': '- id: smith2020\n  type: article-journal\n  title: A study\n  issued: {date-parts: [[2020]]}\n',
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Case A', date: '2024-01-01' },
        '## Context\n\nPeers matter [@smith2020]. See [the results](#results).\n\n## Results\n\nGood.\n',
      ),
    });
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const file = join(root, 'translations/uk/case-studies/a.po');
    await translateAll([file], (msgid) => (msgid.startsWith('Peers') ? 'Рівні важливі. Див. [результати](#rezultaty).' : `УКР ${msgid}`));
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code).toBe(1);
    const line = (await readFile(file, 'utf8')).split('\n').findIndex((text) => text.startsWith('msgstr "Рівні')) + 1;
    expect(applied.stderr).toContain(
      `translations/uk/case-studies/a.po:${line}:8  error  The translation of "context/2" lost or changed @smith2020 ` +
        `](#results) and has ](#rezultaty) that the original does not  translation-placeholder`,
    );
    expect(await listTree(join(root, 'translations/uk'))).toEqual(['case-studies/a.po']);
  });
});

describe('XLIFF 2.0', () => {
  it('round-trips: extract, translate every unit, apply, build; a changed original puts its unit back to review with what it translated', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\nvariables:\n  emergency_number: "112"\n',
      'briefings/references.yaml': '- id: smith2020\n  type: article-journal\n  title: A study\n  issued: {date-parts: [[2020]]}\n',
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Case A', date: '2024-01-01' },
        '## Context\n\nPeers matter [@smith2020]. Call {{emergency_number}}. See [the results](#results).\n\n## Results\n\nKits & *training* <in> "quotes".\n',
      ),
    });
    expect((await briefkitHere(['i18n', 'extract', 'uk', '--format', 'xliff'], { cwd: root })).code).toBe(0);
    const file = join(root, 'translations/uk/case-studies/a.xlf');
    const xml = await readFile(file, 'utf8');
    // Well-formed, the standard's namespace and elements.
    const { fromXml } = await import('xast-util-from-xml');
    const tree = fromXml(xml);
    const root2 = tree.children.find((child) => child.type === 'element');
    expect(
      root2 && 'name' in root2 ? [root2.name, root2.attributes.xmlns, root2.attributes.version, root2.attributes.srcLang, root2.attributes.trgLang] : [],
    ).toEqual(['xliff', 'urn:oasis:names:tc:xliff:document:2.0', '2.0', 'en', 'uk']);
    expect(xml).toMatch(
      /<unit id="results:2"><notes><note category="location">briefings\/case-studies\/a\.md:13<\/note><note category="description">A paragraph in "Results"\. Keep exactly: &#x3C;in><\/note>/,
    );
    expect(xml).toContain('<source>Kits &#x26; *training* &#x3C;in> "quotes".</source>');

    // A translator's tool fills every target and marks it translated.
    const translated = xml.replace(
      /<segment state="initial"><source>([^<]*(?:<(?!\/source>)[^<]*)*)<\/source><\/segment>/g,
      (_, source: string) => `<segment state="translated"><source>${source}</source><target>УКР ${source}</target></segment>`,
    );
    await writeFile(file, translated);
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('wrote translations/uk/case-studies/a.md: 2 of 2 sections translated');
    const built = await buildProject(root);
    expect(built.ok, built.report).toBe(true);
    const page = await readText(root, 'dist/uk/case-studies/a/index.html');
    expect(page).toContain('<h1>УКР Case A</h1>');
    expect(page).toMatch(
      /УКР Peers matter <span class="citation-cluster">\(<a href="#ref-smith2020" class="citation">1<\/a>\)<\/span>\. Call 112\. See <a href="#results">the results<\/a>\./,
    );
    expect(page).toContain('УКР Kits &#x26; <em>training</em>');

    const source = join(root, 'briefings/case-studies/a.md');
    await writeFile(source, (await readFile(source, 'utf8')).replace('Kits &', 'Kits and'));
    expect((await briefkitHere(['i18n', 'extract', 'uk', '--format', 'xliff'], { cwd: root })).code).toBe(0);
    const again = await readFile(file, 'utf8');
    expect(again.match(/state="initial"/g)).toHaveLength(1);
    expect(again).toMatch(/<unit id="results:2"><notes>.*<note category="previous">Kits &#x26; \*training\*/);
    expect(again).toMatch(/<segment state="initial"><source>Kits and \*training\* &#x3C;in> "quotes".<\/source><target>УКР Kits &#x26;/);
  });
});
