/**
 * Issue 32: safety facts hold in every language and edition. A held project in en, uk and ar,
 * with a Ukrainian and a Canadian country edition, built once: each difference of a dose,
 * number, interval, product or telephone number is reported on the translation or override,
 * at its line and column, naming the original's line; what is the same written another way
 * (a decimal comma, Arabic-Indic digits, other spacing) is not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

const ORIGINAL = [
  '## Dose',
  '',
  ':::safety',
  'Spray 1.8 mg into one nostril. Call 112 at once.',
  ':::',
  '',
  '## Waiting',
  '',
  'If nothing changes after 2–3 minutes, give a second spray.',
  '',
  '## Products',
  '',
  'Nyxoid comes in packs of two.',
  '',
  '## Helpline',
  '',
  'Call the helpline on +44 20 7946 0958.',
  '',
  '## Training',
  '',
  'Peers trained 1,200 people in 2023.',
  '',
].join('\n');

const UKRAINIAN = [
  '---',
  'title: Кейс А',
  '---',
  '',
  '## Доза {#dose}',
  '',
  ':::safety',
  'Розпиліть 0,8 мг в одну ніздрю. Негайно телефонуйте 112.',
  ':::',
  '',
  '## Очікування {#waiting}',
  '',
  'Якщо нічого не змінюється, дайте другу дозу.',
  '',
  '## Препарати {#products}',
  '',
  'Prenoxad продається в упаковках по два.',
  '',
  '## Гаряча лінія {#helpline}',
  '',
  'Телефонуйте на гарячу лінію: +44 (20) 7946-0958.',
  '',
  '## Навчання {#training}',
  '',
  'Рівні консультанти навчили 1\u00a0200 людей у 2023 році.',
  '',
].join('\n');

const ARABIC = [
  '---',
  'title: الحالة أ',
  '---',
  '',
  '## الجرعة {#dose}',
  '',
  ':::safety',
  'رشّ ١٫٨ ملغ في فتحة أنف واحدة. اتصل بالرقم ١١٣ فورًا.',
  ':::',
  '',
  '## الانتظار {#waiting}',
  '',
  'إذا لم يتغير شيء بعد ٢-٣ دقائق، أعطِ بخة ثانية.',
  '',
  '## المنتجات {#products}',
  '',
  'يأتي Nyxoid في عبوات من اثنين.',
  '',
  '## خط المساعدة {#helpline}',
  '',
  'اتصل بخط المساعدة على +44 20 7946 0958.',
  '',
  '## التدريب {#training}',
  '',
  'درّب الأقران ١٢٠٠ شخص في عام ٢٠٢٤. <!-- fact-ok: 2023 -->',
  '',
].join('\n');

let report = '';
let ok = true;
let root = '';

beforeAll(async () => {
  root = await makeProject({
    'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk, ar]\nproducts: [Nyxoid, Prenoxad]\n',
    'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01', safety_sections: '[helpline, dosage]' }, ORIGINAL),
    'translations/uk/case-studies/a.md': UKRAINIAN,
    'translations/ar/case-studies/a.md': ARABIC,
    'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\nvariables:\n  emergency_number: "103"\n',
    'countries/ua/overrides/dose.md': [
      '---',
      'replaces: case-studies/a.md#dose',
      'lang: uk',
      '---',
      '',
      '## Доза',
      '',
      ':::safety',
      'Розпиліть 1,8 мг в одну ніздрю. Негайно телефонуйте {{emergency_number}}.',
      ':::',
      '',
    ].join('\n'),
    'countries/ca.yaml': 'name: Canada\nlanguages: [en]\n',
    'countries/ca/overrides/dose.md': [
      '---',
      'replaces: case-studies/a.md#dose',
      '---',
      '',
      '## Dose',
      '',
      ':::safety',
      'Spray 1.8 mg into one nostril. Call 113 at once.',
      ':::',
      '',
    ].join('\n'),
  });
  ({ report, ok } = await buildProject(root, { allCountries: true }));
});

describe('facts checked across translations and editions (issue 32)', () => {
  it('fails the build on a wrong dose with a decimal comma inside :::safety, at its place, naming the original line', () => {
    expect(ok).toBe(false);
    expect(report).toContain(
      'translations/uk/case-studies/a.md:8:11  error  A safety fact differs: this says "0,8 мг" where the original says "1.8 mg" (briefings/case-studies/a.md:11:7)  fact-mismatch',
    );
  });

  it('reports a wrong emergency number in Arabic-Indic digits as an error', () => {
    expect(report).toContain(
      'translations/ar/case-studies/a.md:8:44  error  A safety fact differs: this says "١١٣" where the original says "112" (briefings/case-studies/a.md:11:37)',
    );
  });

  it('warns where an interval is dropped, at the section, naming the original line', () => {
    expect(report).toContain(
      'translations/uk/case-studies/a.md:11:1  warning  The original says "2–3 minutes" here (briefings/case-studies/a.md:16:26), and this section does not  fact-mismatch',
    );
  });

  it('warns at a safety section that names no section, and treats a listed section as safety facts', () => {
    expect(report).toContain(
      'briefings/case-studies/a.md:5:29  warning  "dosage" names no section of this page, so no section is checked as safety facts under that name  safety-section-unknown',
    );
  });

  it('warns where a product name is changed', () => {
    expect(report).toContain(
      'translations/uk/case-studies/a.md:17:1  warning  This says "Prenoxad" where the original says "Nyxoid" (briefings/case-studies/a.md:20:1)',
    );
  });

  it('accepts the same telephone number with other spacing, a decimal comma, Arabic-Indic digits and grouping', () => {
    expect(report).not.toMatch(/a\.md:21:\d+ .*fact-/);
    expect(report).not.toMatch(/uk\/case-studies\/a\.md:25:\d+ .*fact-/);
    expect(report).not.toContain('"١٫٨ ملغ"');
    expect(report).not.toContain('"٢-٣ دقائق"');
  });

  it('stays quiet about an acknowledged difference', () => {
    expect(report).not.toContain('"٢٠٢٤"');
  });

  it('accepts a country override that puts a variable in place of the emergency number', () => {
    expect(report).not.toContain('countries/ua/overrides/dose.md');
  });

  it('reports a country override that writes a wrong number instead', () => {
    expect(report).toContain(
      'countries/ca/overrides/dose.md:8:37  error  A safety fact differs: this says "113" where the original says "112" (briefings/case-studies/a.md:11:37)',
    );
  });

  it('counts the differences per file in i18n status, and reports them there too', async () => {
    const status = await briefkitHere(['i18n', 'status'], { cwd: root });
    expect(status.stdout).toMatch(/^uk .*· 3 facts differ from the original$/m);
    expect(status.stdout).toMatch(/case-studies\/a\.md\n +3 facts differ from the original \(doses, numbers, products\): see the problems listed\n/);
    expect(status.stdout).toMatch(/^ar .*· 1 fact differs from the original$/m);
    expect(status.stdout).toMatch(
      /^ {2}ca {2}untracked .*countries\/ca\/overrides\/dose\.md → case-studies\/a\.md#dose .* {2}1 fact differs from the original/m,
    );
    expect(status.stdout).not.toMatch(/countries\/ua\/overrides\/dose\.md.*fact/);
    expect(status.stderr).toContain('translations/ar/case-studies/a.md:8:44  error  A safety fact differs');
    expect(status.stderr).toContain('countries/ca/overrides/dose.md:8:37  error  A safety fact differs');
    const json = JSON.parse((await briefkitHere(['i18n', 'status', '--json'], { cwd: root })).stdout) as {
      languages: { lang: string; factMismatches: number; files: { path: string; factMismatches: number }[] }[];
    };
    expect(json.languages.map((language) => [language.lang, language.factMismatches, language.files[0]?.factMismatches])).toEqual([
      ['uk', 3, 3],
      ['ar', 1, 1],
    ]);
  });

  it("sums up in briefkit check: a table per language and edition, and each file's tally in --json", async () => {
    const check = await briefkitHere(['check', '--all-countries', '--no-pdf', '--no-browser'], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('Facts checked against the originals (doses, numbers, telephone numbers, addresses, products, variables):');
    expect(check.stdout).toMatch(/^ {2}language +files +facts checked +differences +acknowledged$/m);
    expect(check.stdout).toMatch(/^ {2}ar +1 +\d+ +1 +1$/m);
    expect(check.stdout).toMatch(/^ {2}uk +1 +\d+ +3 +0$/m);
    expect(check.stdout).toMatch(/^ {2}en, ca overrides +1 +\d+ +1 +0$/m);
    expect(check.stdout).toMatch(/^ {2}uk, ua overrides +1 +\d+ +0 +0$/m);
    const json = JSON.parse((await briefkitHere(['check', '--all-countries', '--no-pdf', '--no-browser', '--json'], { cwd: root })).stdout) as {
      path: string;
      facts?: { checked: number; mismatches: number; acknowledged: number };
    }[];
    const ua = json.find((entry) => entry.path.endsWith('countries/ua/overrides/dose.md'));
    expect(ua?.facts).toEqual({ checked: 2, mismatches: 0, acknowledged: 0 });
    expect(json.find((entry) => entry.path.endsWith('translations/ar/case-studies/a.md'))?.facts).toMatchObject({ mismatches: 1, acknowledged: 1 });
  });
});
