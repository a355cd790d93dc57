/**
 * Issue 32, item 4: a termbase. The build warns at a term to avoid in a page, a translation
 * and a country override, each in its own language; `i18n terms` exports the termbase as TBX
 * (read back with translate-toolkit, as Weblate reads it) and as CSV.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

const TERMS = [
  '# Illustrative, after INPUD and ANPUD, Words Matter! (2020)',
  '- use:',
  '    en: person who uses drugs',
  '    uk: людина, яка вживає наркотики',
  '  avoid:',
  '    en: [addict, junkie]',
  '    uk: [наркоман]',
  '  source: INPUD and ANPUD, Words Matter! (2020)',
  '- use: { en: drug use, uk: вживання наркотиків }',
  '  avoid: { en: [drug abuse] }',
  '',
].join('\n');

let root = '';
let report = '';

beforeAll(async () => {
  root = await makeProject({
    'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
    'terms.yaml': TERMS,
    'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, '## Context\n\nPeers gave naloxone to addicts.\n'),
    'translations/uk/case-studies/a.md': '---\ntitle: Кейс А\n---\n\n## Контекст {#context}\n\nРівні дали налоксон наркоманам.\n',
    'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\n',
    'countries/ua/overrides/a.md': '---\nreplaces: case-studies/a.md#context\n---\n\n## Контекст\n\nНе кажіть «наркоман».\n',
  });
  ({ report } = await buildProject(root, { allCountries: true }));
});

describe('the termbase (issue 32)', () => {
  it('warns at a term to avoid in the original, the translation and the override, each in its language', () => {
    expect(report).toContain(
      'briefings/case-studies/a.md:9:24  warning  "addicts" is a term to avoid: write "person who uses drugs", as terms.yaml asks  term-avoid',
    );
    expect(report).toContain('Source: INPUD and ANPUD, Words Matter! (2020).');
    expect(report).toContain('translations/uk/case-studies/a.md:7:21  warning  "наркоманам" is a term to avoid: write "людина, яка вживає наркотики"');
    expect(report).toContain('countries/ua/overrides/a.md:7:12  warning  "наркоман" is a term to avoid');
  });

  it.skipIf(lacks('tbx2po', 'xmllint'))('exports TBX that translate-toolkit reads, for every language or one pair', async () => {
    const all = await briefkitHere(['i18n', 'terms'], { cwd: root });
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('wrote terms.tbx: 2 terms');
    execFileSync('xmllint', ['--noout', join(root, 'terms.tbx')]);
    const tbx = await readText(root, 'terms.tbx');
    expect(tbx).toContain('<term>junkie</term>\n          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    expect((await briefkitHere(['i18n', 'terms', '--lang', 'uk'], { cwd: root })).stdout).toContain('wrote terms.uk.tbx: 2 terms');
    execFileSync('tbx2po', ['-i', join(root, 'terms.uk.tbx'), '-o', join(root, 'terms.po')], { stdio: 'ignore' });
    const po = await readFile(join(root, 'terms.po'), 'utf8');
    expect(po).toContain('msgid "person who uses drugs"\nmsgstr "людина, яка вживає наркотики"');
    expect(po).toContain('msgid "drug use"\nmsgstr "вживання наркотиків"');
  });

  it('exports a source,target CSV per language', async () => {
    const csv = await briefkitHere(['i18n', 'terms', '--format', 'csv'], { cwd: root });
    expect(csv.code, csv.stderr).toBe(0);
    expect(await readText(root, 'terms.uk.csv')).toBe(
      'source,target,note\r\n' +
        'person who uses drugs,"людина, яка вживає наркотики","Avoid: наркоман. Source: INPUD and ANPUD, Words Matter! (2020)."\r\n' +
        'drug use,вживання наркотиків,\r\n',
    );
  });
});
