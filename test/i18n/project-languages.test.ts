/**
 * Issue 9: the build and the `i18n` commands agree on a project's languages: the config's,
 * then every country profile's (src/i18n/project-languages.ts). A language only a profile
 * lists (Ukraine in [uk, en] with `languages: [en]`) is one `i18n status` reports and
 * `i18n new` and `i18n stamp` accept, and its translations are the ones the build uses.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { buildProject, caseStudy, listTree, makeProject } from '../helpers/project.js';

async function run(root: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: root,
    color: false,
  });
  return { code, stdout, stderr };
}

/** The languages a built output has the case study in, whatever the edition. */
async function builtLanguages(out: string): Promise<string[]> {
  const langs = (await listTree(out)).flatMap((path) => /^(?:[a-z]{2}\/)?([a-z]{2})\/case-studies\/a\/index\.html$/.exec(path)?.[1] ?? []);
  return [...new Set(langs)].sort();
}

const combinations: { name: string; config: string; profiles: Record<string, string>; expected: string[] }[] = [
  {
    name: 'config [en] + profile ua [uk, en]',
    config: 'languages: [en]\n',
    profiles: { 'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\n' },
    expected: ['uk'],
  },
  {
    name: 'config [en, uk] + profile eg [ar]',
    config: 'languages: [en, uk]\n',
    profiles: { 'countries/eg.yaml': 'name: Egypt\nlanguages: [ar]\n' },
    expected: ['uk', 'ar'],
  },
  { name: 'config [en, uk] + no profiles', config: 'languages: [en, uk]\n', profiles: {}, expected: ['uk'] },
];

describe("the project's languages", () => {
  it('are the same for i18n status, i18n new, i18n stamp and the build, in every combination of config and profile languages', async () => {
    for (const combination of combinations) {
      const root = await makeProject({
        'briefkit.config.yaml': combination.config,
        'briefings/case-studies/a.md': caseStudy({ title: 'Outreach' }, '## Context\n\nNight outreach.\n'),
        ...combination.profiles,
      });
      const built = await buildProject(root, { allCountries: true });
      expect(built.written, combination.name).toBe(true);
      expect(await builtLanguages(join(root, 'dist')), combination.name).toEqual(['en', ...combination.expected].sort());

      const status = await run(root, 'i18n', 'status', '--json');
      expect(status.code, `${combination.name}: ${status.stderr}`).toBe(0);
      const json = JSON.parse(status.stdout) as { sourceLanguage: string; languages: { lang: string }[] };
      expect(json.sourceLanguage, combination.name).toBe('en');
      expect(
        json.languages.map((language) => language.lang),
        combination.name,
      ).toEqual(combination.expected);

      for (const lang of combination.expected) {
        const made = await run(root, 'i18n', 'new', lang, 'case-studies/a.md');
        expect(made.code, `${combination.name}, new ${lang}: ${made.stderr}`).toBe(0);
        expect((await run(root, 'i18n', 'stamp', lang)).code, `${combination.name}, stamp ${lang}`).toBe(0);
      }
      const after = JSON.parse((await run(root, 'i18n', 'status', '--json')).stdout) as { languages: { lang: string; counts: Record<string, number> }[] };
      expect(
        after.languages.map((language) => [language.lang, language.counts.current]),
        combination.name,
      ).toEqual(combination.expected.map((lang) => [lang, 1]));
      // A language none of the project lists is still refused.
      expect((await run(root, 'i18n', 'new', 'fr', 'case-studies/a.md')).code, combination.name).toBe(2);
    }
  });

  it('include a language only a profile lists: its translation is the one the country edition shows', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en]\n',
      'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Outreach' }, '## Context\n\nNight outreach.\n'),
    });
    expect((await run(root, 'i18n', 'new', 'uk', 'case-studies/a.md')).code).toBe(0);
    const path = join(root, 'translations/uk/case-studies/a.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('title: Outreach', 'title: Аутріч').replace('Night outreach.', 'Нічний аутріч.'));
    const built = await buildProject(root, { country: 'ua' });
    expect(built.report).toBe('');
    const page = await readFile(join(root, 'dist/uk/case-studies/a/index.html'), 'utf8');
    expect(page).toContain('Аутріч');
    expect(page).toContain('Нічний аутріч.');
    const status = JSON.parse((await run(root, 'i18n', 'status', '--json')).stdout) as { languages: { lang: string; files: { state: string }[] }[] };
    expect(status.languages).toMatchObject([{ lang: 'uk', files: [{ state: 'current' }] }]);
  });
});
