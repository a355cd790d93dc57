/**
 * Issue 33: versions. `briefkit release` records a page with its translations and overrides
 * under versions/<slug>/<version>/; once the page's `version:` moves on, its "Changes in"
 * page names what changed in every language, and the page links to it.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { UNSTABLE_SEARCH_FILES, buildProject, caseStudy, listTree, makeProject, readText } from '../helpers/project.js';

const BRIEFING = [
  '---',
  'title: A briefing',
  'version: "1.0"',
  'case_studies: [a, b]',
  '---',
  '',
  '## Introduction',
  '',
  'Peers carry naloxone.',
  '',
  '## Dose',
  '',
  'Give a second dose after 2–3 minutes.',
  '',
  '## Lessons',
  '',
  'Train peers.',
  '',
].join('\n');

const UKRAINIAN = [
  '---',
  'title: Брифінг',
  '---',
  '',
  '## Вступ {#introduction}',
  '',
  'Рівні носять налоксон.',
  '',
  '## Доза {#dose}',
  '',
  'Дайте другу дозу через 2–3 хвилини.',
  '',
  '## Уроки {#lessons}',
  '',
  'Навчайте рівних.',
  '',
].join('\n');

let root = '';

async function edit(path: string, change: (text: string) => string): Promise<void> {
  await writeFile(join(root, path), change(await readFile(join(root, path), 'utf8')));
}

beforeAll(async () => {
  root = await makeProject({
    'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\nbase_url: https://example.org/\n',
    'briefings/brief/index.md': BRIEFING,
    'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }),
    'briefings/case-studies/b.md': caseStudy({ title: 'Case B', date: '2024-01-01' }),
    'briefings/case-studies/c.md': caseStudy({ title: 'Case C', date: '2024-01-01' }),
    'translations/uk/brief/index.md': UKRAINIAN,
    'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\n',
    'countries/ua/overrides/dose.md': '---\nreplaces: brief/index.md#dose\nlang: uk\n---\n\n## Доза\n\nДайте другу дозу через 2–3 хвилини.\n',
  });
  expect((await briefkitHere(['i18n', 'stamp', 'uk'], { cwd: root })).code).toBe(0);
  expect((await briefkitHere(['i18n', 'stamp', '--country', 'ua'], { cwd: root })).code).toBe(0);
});

describe('releasing a version (issue 33)', () => {
  it('records the page, its translations and overrides as they are, once', async () => {
    const released = await briefkitHere(['release', 'brief', '--date', '2024-03-01'], { cwd: root });
    expect(released.code, released.stderr).toBe(0);
    expect(released.stdout).toContain('Released version 1.0 of brief/index.md (2024-03-01) into versions/brief/1.0/: 4 files.');
    expect(await listTree(join(root, 'versions'))).toEqual([
      'brief/1.0/overrides/ua/dose.md',
      'brief/1.0/release.yaml',
      'brief/1.0/source.md',
      'brief/1.0/translations/uk.md',
    ]);
    expect(await readText(root, 'versions/brief/1.0/source.md')).toBe(BRIEFING);
    expect(await readText(root, 'versions/brief/1.0/release.yaml')).toContain('version: "1.0"\ndate: 2024-03-01\nsource: brief/index.md\n');
    const again = await briefkitHere(['release', 'brief'], { cwd: root });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'version 1.0 of brief/index.md was released on 2024-03-01 (versions/brief/1.0/); to release what changed since, set "version:" to the next one',
    );
  });

  it('lists the versions per language', async () => {
    const listed = await briefkitHere(['versions', 'brief'], { cwd: root });
    expect(listed.stdout).toBe('brief/index.md (writing version 1.0)\n  1.0    2024-03-01  en, uk; overrides: ua  versions/brief/1.0/\n');
  });

  it('builds a "Changes in V.2.0" page in every language once the version moves on, and the page links to it', async () => {
    await edit('briefings/brief/index.md', (text) =>
      text
        .replace('version: "1.0"', 'version: "2.0"')
        .replace('[a, b]', '[a, c]')
        .replace('after 2–3 minutes.', 'after 2–3 minutes if there is no response.')
        .concat('\n## Funding\n\nPay peers.\n'),
    );
    const { ok, report } = await buildProject(root);
    expect(ok, report).toBe(true);
    const english = await readText(root, 'dist/en/brief/changes/index.html');
    expect(english).toContain('<h1>Changes in V.2.0</h1>');
    expect(english).toContain('What changed in this version since V.1.0, released March 1, 2024.');
    expect(english).toMatch(/<a href="\.\.\/index\.html#dose">Dose<\/a> <span class="change-label">Rewritten<\/span>/);
    expect(english).toContain('Give a second dose after 2–3 minutes <ins>if there is no response</ins>.');
    expect(english).toMatch(/Funding<\/a> <span class="change-label">New section<\/span>/);
    expect(english).not.toContain('Introduction');
    expect(english).toMatch(/Case studies added<\/h2>\s*<ul><li><a href="[^"]*case-studies\/c\/index\.html">Case C<\/a>/);
    expect(english).toMatch(/Case studies dropped<\/h2>\s*<ul><li><a href="[^"]*case-studies\/b\/index\.html">Case B<\/a>/);
    expect(english).not.toContain('changes-stale');
    // In Ukrainian: its own headings, and the section translated against V.1 named.
    const ukrainian = await readText(root, 'dist/uk/brief/changes/index.html');
    expect(ukrainian).toContain('<h1>Зміни у версії 2.0</h1>');
    expect(ukrainian).toMatch(/<a href="\.\.\/index\.html#dose">Доза<\/a> <span class="change-label">Переписано<\/span>/);
    expect(ukrainian).toMatch(/changes-stale">\s*<p>Оригінал цих розділів \(English\) змінився[^<]*<\/p>\s*<ul><li>Доза<\/li><\/ul>/);
    expect(ukrainian).toContain('<p class="change-diff" lang="en" dir="auto">');
    // The feed has an entry for the released version, dated as released.
    const feed = await readText(root, 'dist/en/feed.xml');
    expect(feed).toContain(
      '<title>A briefing (V.1.0)</title><id>https://example.org/en/brief/index.html#version-1.0</id>' +
        '<link rel="alternate" type="text/html" href="https://example.org/en/brief/index.html"></link><updated>2024-03-01T00:00:00Z</updated>',
    );
    const page = await readText(root, 'dist/en/brief/index.html');
    expect(page).toContain(
      '<p class="callout-title">What changed since V.1.0</p><p>Dose (rewritten); Funding (new section); Case studies added: 1; Case studies dropped: 1</p>' +
        '<p><a href="changes/index.html">See what changed</a></p>',
    );
  });

  it('keeps the earlier version readable at its own address, marked as replaced, in every language and edition, and lists it nowhere', async () => {
    const { ok, report } = await buildProject(root, { allCountries: true });
    expect(ok, report).toBe(true);
    const english = await readText(root, 'dist/en/brief/v1/index.html');
    expect(english).toMatch(
      /<p class="page-notice-title" id="page-notice-title">An earlier version<\/p>\s*<p>This is version 1\.0 of this document, released March 1, 2024\. Version 2\.0 has replaced it\.<\/p>/,
    );
    expect(english).toContain('<a href="../index.html" hreflang="en">Read the latest version</a>');
    expect(english).toContain('Give a second dose after 2–3 minutes.</p>');
    expect(english).not.toContain('if there is no response');
    expect(english).not.toContain('data-pagefind-body');
    expect(await readText(root, 'dist/uk/brief/v1/index.html')).toContain('Дайте другу дозу через 2–3 хвилини.');
    // The Ukraine edition's earlier version has its override as it was.
    expect(await readText(root, 'dist/ua/uk/brief/v1/index.html')).toContain('<h2 id="dose">Доза</h2>');
    const links = await briefkitHere(['links', 'brief', '--lang', 'en'], { cwd: root });
    expect(links.stdout).toContain('A briefing (V.1.0) (English): https://example.org/en/brief/v1/brief.v1.en.pdf\n');
    expect(links.stdout).toContain('A briefing (English): https://example.org/en/brief/brief.en.pdf\n');
    expect(await readText(root, 'dist/en/index.html')).not.toContain('brief/v1/');
    expect(await readText(root, 'dist/en/feed.xml')).not.toContain('brief/v1/');
  });

  it('releases V.2, after which the site still shows what changed since V.1, and builds the same bytes twice', async () => {
    const released = await briefkitHere(['release', 'brief', '--date', '2024-06-01'], { cwd: root });
    expect(released.code, released.stderr).toBe(0);
    expect((await briefkitHere(['versions', 'brief'], { cwd: root })).stdout).toBe(
      'brief/index.md (writing version 2.0)\n' +
        '  2.0    2024-06-01  en, uk; overrides: ua  versions/brief/2.0/\n' +
        '  1.0    2024-03-01  en, uk; overrides: ua  versions/brief/1.0/\n',
    );
    // The international edition (the country editions are built the same way, by the same code).
    const once = await buildProject(root, { out: join(root, 'once'), cache: false });
    const twice = await buildProject(root, { out: join(root, 'twice'), cache: false });
    expect(once.ok && twice.ok, once.report).toBe(true);
    expect(await readText(root, 'once/en/brief/changes/index.html')).toContain('<h1>Changes in V.2.0</h1>');
    expect(await readText(root, 'once/en/brief/v1/index.html')).toContain('An earlier version');
    const files = (await listTree(join(root, 'once'))).filter((path) => !UNSTABLE_SEARCH_FILES.test(path));
    expect(files).toContain('en/brief/v1/index.html');
    for (const path of files) expect(await readFile(join(root, 'twice', path)), path).toEqual(await readFile(join(root, 'once', path)));
  });

  it('warns on a country override whose section changed in the new version, with what changed, until it is stamped again', async () => {
    const { report } = await buildProject(root, { allCountries: true });
    expect(report).toContain(
      'countries/ua/overrides/dose.md:2:11  warning  The section this override replaces changed in version 2.0 (since 1.0): "Dose" (#dose, rewritten)  override-version-changed',
    );
    expect(report).toContain('#dose: Give a second dose after 2–3 minutes {+if there is no response+}.');
    const status = await briefkitHere(['i18n', 'status'], { cwd: root });
    expect(status.stderr).toContain('countries/ua/overrides/dose.md:2:11  warning  The section this override replaces changed in version 2.0');
    expect((await briefkitHere(['i18n', 'stamp', '--country', 'ua'], { cwd: root })).code).toBe(0);
    expect((await buildProject(root, { allCountries: true })).report).not.toContain('override-version-changed');
  });
});

describe('a release of a page no longer in the project (issue 33)', () => {
  it('is a warning at its release.yaml, and the rest builds', async () => {
    const project = await makeProject({
      'briefkit.config.yaml': 'title: Test\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }),
      'versions/gone/1.0/release.yaml': 'version: "1.0"\ndate: 2024-03-01\nsource: gone/index.md\n',
      'versions/gone/1.0/source.md': '---\ntitle: Gone\n---\n\nText.\n',
      'versions/bad/1.0/release.yaml': 'version: "1.0"\ndate: 2024-13-01\nsource: bad/index.md\n',
    });
    const { ok, report } = await buildProject(project);
    expect(ok).toBe(false);
    expect(report).toContain(
      'versions/gone/1.0/release.yaml:1:1  warning  This release is of briefings/gone/index.md, which is not in the project any more  release-source',
    );
    expect(report).toContain('versions/bad/1.0/release.yaml:2:7  error  "date": 2024-13-01 is not a real date');
  });
});
