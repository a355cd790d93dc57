/** Country editions: profiles, variables, country blocks, overrides, and building them. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { buildProject, caseStudy, listTree, makeProject, readText } from '../helpers/project.js';
import { pdfinfo, pdftotext } from '../helpers/pdf-tools.js';
import { lacks } from '../helpers/tools.js';

/** A briefing written by someone else, using the four variables of the issue. */
const briefing = `---
title: Overdose response in {{country_name}}
summary: What to do, and who to call ({{emergency_number}}).
case_studies: [a]
---

Call {{emergency_number}} straight away. Carry {{naloxone_product}}.

## The law in {{country_name}}

{{legal_status_note}}

Table: Emergency numbers

| Service | Number |
|---|---|
| Ambulance | {{emergency_number}} |

[Call now](tel:{{emergency_number}}) or read [about {{country_name}}](../case-studies/a.md).

![Map of {{country_name}}](map.svg)

Templates use \`{{emergency_number}}\` and \\{{this}} stays as it is.

:::only{country="pl"}
Only for Poland.
:::

:::only{country="ua"}
Only for Ukraine.
:::

:::except{country="ua"}
Everywhere but Ukraine.
:::
`;

const profile = `name: Ukraine
languages: [uk, en]
paper: A4
variables:
  emergency_number: 103
  naloxone_product:
    uk: налоксон в ампулах
    en: naloxone ampoules
  legal_status_note: Naloxone is prescription-only.
organisation:
  name: Kyiv Peer Network
  url: https://example.org/kyiv
`;

const config = `variables:
  country_name: your country
  emergency_number: your local emergency number
  naloxone_product: naloxone
  legal_status_note: Check the rules where you work.
`;

async function project(extra: Record<string, string> = {}) {
  return makeProject({
    'briefkit.config.yaml': config,
    'briefings/guide/index.md': briefing,
    'briefings/case-studies/a.md': caseStudy({ title: 'A case' }),
    'briefings/guide/map.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'countries/ua.yaml': profile,
    ...extra,
  });
}

describe('a country edition', () => {
  it("puts the profile's values in every position, its organisation on every page, and leaves out other countries' blocks", async () => {
    const root = await project({
      'translations/uk/guide/index.md':
        '---\ntitle: "Допомога при передозуванні: {{country_name}}"\n---\n\nДзвоніть {{emergency_number}}. Майте {{naloxone_product}}.\n',
    });
    const result = await buildProject(root, { country: 'ua' });
    expect(result.report).toBe('');
    expect(result.written).toBe(true);
    const en = await readText(root, 'dist/en/guide/index.html');
    expect(en).toContain('<h1>Overdose response in Ukraine</h1>');
    expect(en).toContain('<p class="lead">What to do, and who to call (103).</p>');
    expect(en).toContain('<p>Call 103 straight away. Carry naloxone ampoules.</p>');
    expect(en).toContain('<h2 id="the-law-in-country_name">The law in Ukraine</h2>');
    expect(en).toContain('<td>103</td>');
    expect(en).toContain('<a href="tel:103">Call now</a>');
    expect(en).toContain('about Ukraine</a>');
    expect(en).toContain('<img src="map.svg" alt="Map of Ukraine">');
    expect(en).toContain('<code>{{emergency_number}}</code> and {{this}} stays as it is.');
    expect(en).toContain('Only for Ukraine.');
    expect(en).not.toContain('Only for Poland.');
    expect(en).not.toContain('Everywhere but Ukraine.');
    expect(en).toContain('<span class="site-organisation">Kyiv Peer Network</span>');
    expect(en).toContain('<p class="edition-badge">Ukraine edition</p>');
    const uk = await readText(root, 'dist/uk/guide/index.html');
    expect(uk).toContain('<h1>Допомога при передозуванні: Україна</h1>');
    expect(uk).toContain('Дзвоніть 103. Майте налоксон в ампулах.');
    expect(uk).toContain('Видання для країни: Україна');
    // The edition's languages only: no Arabic, even though the config may list more.
    expect(await listTree(join(root, 'dist'))).not.toContain('ar/index.html');
  });

  it("gives the international edition the config's values, its except-blocks and none of its only-blocks", async () => {
    const root = await project();
    const result = await buildProject(root);
    expect(result.report).toBe('');
    const en = await readText(root, 'dist/en/guide/index.html');
    expect(en).toContain('Call your local emergency number straight away.');
    expect(en).toContain('Everywhere but Ukraine.');
    expect(en).not.toContain('Only for');
  });

  it('reports a variable the edition does not define at its file, line and column, naming the country, and writes nothing', async () => {
    const root = await project({ 'countries/ua.yaml': profile.replace('  legal_status_note: Naloxone is prescription-only.\n', '') });
    const result = await buildProject(root, { country: 'ua' });
    expect(result.written).toBe(false);
    expect(result.report).toContain(
      'briefings/guide/index.md:11:1  error  {{legal_status_note}} has no value in the Ukraine edition (countries/ua.yaml)  variable-missing',
    );
    expect(result.report).toContain('Add "legal_status_note:" under "variables:" in countries/ua.yaml');
  });

  it('reports unknown and malformed variables and a stray "{{", each at its place', async () => {
    const root = await project({ 'briefings/about.md': '---\ntitle: About {{ Bad Name }}\n---\n\nCall {{emergency_numbr}}.\n\nA {{stray brace.\n' });
    const { report } = await buildProject(root, { country: 'ua' });
    expect(report).toContain(
      'briefings/about.md:5:6  error  Unknown variable {{emergency_numbr}} in the Ukraine edition (countries/ua.yaml)  ' +
        'variable-unknown\n      → Did you mean {{emergency_number}}?',
    );
    expect(report).toContain('briefings/about.md:7:3  error  A "{{" with no matching "}}" on the same line  variable-syntax');
    expect(report).toContain('briefings/about.md:2:8  error  "{{ Bad Name }}" is not a variable name  variable-syntax');
  });

  it('refuses a country block code that is not ISO 3166-1, and accepts a real country without a profile', async () => {
    const root = await project({
      'briefings/about.md': '---\ntitle: About\n---\n\n:::only{country="xx"}\nTypo.\n:::\n\n:::only{country="md"}\nMoldova, no profile yet.\n:::\n',
    });
    const { report } = await buildProject(root);
    expect(report).toContain('briefings/about.md:5:1  error  "xx" is not an ISO 3166-1 country code  country-code');
    expect(report).not.toContain('"md"');
  });

  it("reports a profile's mistakes at their place", async () => {
    const root = await project({
      'countries/ua.yaml': 'name: Ukraine\npaper: A5\nvariables:\n  Emergency-Number: "103"\ncolour: blue\n',
      'countries/xx.yaml': 'name: Nowhere\n',
    });
    const { report } = await buildProject(root, { country: 'ua' });
    expect(report).toContain('countries/ua.yaml:2:8  error  "paper": is A4 or Letter');
    expect(report).toContain('countries/ua.yaml:4:3  error  "Emergency-Number": use lower-case letters, digits and _ in variable names  invalid-key');
    expect(report).not.toContain('There is no country profile');
    expect(report).toContain('countries/ua.yaml:5:1  error  Unknown key "colour" in ua.yaml');
    expect(report).toContain('countries/xx.yaml:1:1  error  "xx.yaml" is not named after a country');
  });

  it('says so when there is no profile for --country', async () => {
    const root = await project();
    const { report, written } = await buildProject(root, { country: 'pl' });
    expect(written).toBe(false);
    expect(report).toContain('There is no country profile countries/pl.yaml');
    expect(report).toContain('briefkit new country pl');
  });
});

describe('overrides', () => {
  it('replace a whole page, or one section, in that edition only', async () => {
    const root = await project({
      'briefings/case-studies/a.md': caseStudy({ title: 'A case' }, '## Context\n\nGeneral context.\n\n## Results\n\nGeneral results.\n'),
      'countries/ua/overrides/case-studies/a.md': '---\ntitle: Кейс для України\nlang: uk\n---\n\nУсе інакше.\n',
      'countries/ua/overrides/law.md':
        '---\nreplaces: guide/index.md#the-law-in-country_name\nlang: en\n---\n\n## The law in Ukraine\n\nA Ukrainian lawyer wrote this.\n',
    });
    await buildProject(root, { country: 'ua' });
    const page = await readText(root, 'dist/uk/case-studies/a/index.html');
    expect(page).toContain('<h1>Кейс для України</h1>');
    expect(page).toContain('Усе інакше.');
    expect(page).not.toContain('General context.');
    const guide = await readText(root, 'dist/en/guide/index.html');
    expect(guide).toContain('<h2 id="the-law-in-country_name">The law in Ukraine</h2><p>A Ukrainian lawyer wrote this.</p>');
    expect(guide).not.toContain('Naloxone is prescription-only.');
    const international = await buildProject(root, { out: join(root, 'int') });
    expect(international.report).toBe('');
    expect(await readText(root, 'int/en/case-studies/a/index.html')).toContain('General context.');
  });

  it('report a missing target, and are reported outdated when what they replace changes', async () => {
    const root = await project({
      'countries/ua/overrides/law.md': '---\nreplaces: guide/index.md#the-law-in-country_name\n---\n\n## The law\n\nLocal text.\n',
      'countries/ua/overrides/nothing.md': '---\ntitle: x\n---\nNo such page.\n',
    });
    const run = async (...argv: string[]) => {
      let out = '';
      const code = await main(argv, { stdout: { write: (text: string) => (out += text) }, stderr: { write: () => true }, cwd: root, color: false });
      return { code, out };
    };
    const { report } = await buildProject(root, { country: 'ua' });
    expect(report).toContain('countries/ua/overrides/nothing.md:1:1  error  There is no briefings/nothing.md for this override to replace');
    expect((await run('i18n', 'status')).out).toMatch(/ua {2}untracked countries\/ua\/overrides\/law\.md → guide\/index\.md#the-law-in-country_name/);
    expect((await run('i18n', 'stamp', '--country', 'ua', 'law.md')).code).toBe(0);
    expect(await readFile(join(root, 'countries/ua/overrides/law.md'), 'utf8')).toMatch(
      /^---\nreplaces: guide\/index\.md#the-law-in-country_name\nsource_hash: [0-9a-f]{6}\n---/,
    );
    expect((await run('i18n', 'status')).out).toContain('ua  current   countries/ua/overrides/law.md');
    const path = join(root, 'briefings/guide/index.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('{{legal_status_note}}', '{{legal_status_note}} Updated.'));
    const status = await run('i18n', 'status', '--json');
    const json = JSON.parse(status.out) as { overrides: { country: string; path: string; replaces: string; state: string }[] };
    expect(json.overrides.find((override) => override.path === 'law.md')).toMatchObject({
      country: 'ua',
      replaces: 'guide/index.md#the-law-in-country_name',
      state: 'outdated',
    });
  });
});

describe('building editions', () => {
  it.skipIf(lacks('pdfinfo', 'pdftotext'))(
    'builds every edition with --all-countries, each in its own folder, with its paper, organisation and values in the PDFs',
    async () => {
      const root = await project({
        'countries/ca.yaml':
          'name: Canada\nlanguages: [en]\npaper: Letter\nvariables:\n  emergency_number: "911"\n  ' +
          'naloxone_product: a take-home kit\n  legal_status_note: The Good Samaritan Drug Overdose Act applies.\norganisation:\n  name: Toronto Peers\n',
      });
      const result = await buildProject(root, { allCountries: true, pdf: true });
      expect(result.report).toBe('');
      expect(result.ok).toBe(true);
      const files = await listTree(join(root, 'dist'));
      for (const path of [
        'en/guide/index.html',
        'ua/uk/guide/index.html',
        'ua/en/guide/index.html',
        'ca/en/guide/index.html',
        'ua/assets/style.css',
        'ca/index.html',
      ])
        expect(files).toContain(path);
      const entry = await readText(root, 'dist/index.html');
      expect(entry).toContain('<a href="ua/index.html">Ukraine</a>');
      expect(entry).toContain('<a href="ca/index.html">Canada</a>');
      const canada = join(root, 'dist/ca/en/guide/guide.ca-en.pdf');
      expect((await pdfinfo(canada))['Page size']).toContain('(letter)');
      const cover = await pdftotext(canada, 1, 1);
      expect(cover).toContain('TORONTO PEERS');
      expect(cover).toContain('Canada');
      expect(await pdftotext(canada)).toContain('Call 911 straight away.');
      const ukraine = join(root, 'dist/ua/uk/guide/guide.ua-uk.pdf');
      expect((await pdfinfo(ukraine))['Page size']).toContain('(A4)');
      expect(await pdftotext(ukraine, 1, 1)).toContain('KYIV PEER NETWORK');
    },
  );

  it('starts a profile with every variable the content uses, and the international values as comments', async () => {
    const root = await project();
    let out = '';
    const code = await main(['new', 'country', 'CA'], {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: () => true },
      cwd: root,
      color: false,
    });
    expect(code).toBe(0);
    expect(out).toBe('created countries/ca.yaml with 3 variables to fill in\n');
    const text = await readFile(join(root, 'countries/ca.yaml'), 'utf8');
    expect(text).toContain('name: Canada\n');
    expect(text).toContain('paper: Letter');
    expect(text).toContain('  emergency_number: ""   # international edition: your local emergency number\n');
    expect(text).toContain('  legal_status_note: ""   # international edition: Check the rules where you work.\n');
    expect(text).toContain('  naloxone_product: ""   # international edition: naloxone\n');
  });
});
