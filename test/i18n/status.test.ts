/** `briefkit i18n`: what a translator sees, and what a later build does with it. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

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

const source = caseStudy({ title: 'Outreach' }, '## Context\n\nNight outreach reaches people.\n\n## Results\n\nWorkers reported each use.\n');

async function project() {
  return makeProject({
    'briefkit.config.yaml': 'languages: [en, uk]\n',
    'briefings/case-studies/current.md': source,
    'briefings/case-studies/outdated.md': source,
    'briefings/case-studies/untracked.md': source,
    'briefings/case-studies/missing.md': source,
    'translations/uk/case-studies/current.md': '---\ntitle: Аутріч\n---\n\n## Контекст {#context}\n\nНічний аутріч.\n\n## Результати {#results}\n\nЗвіти.\n',
    'translations/uk/case-studies/outdated.md': '---\ntitle: Аутріч\n---\n\n## Контекст {#context}\n\nНічний аутріч.\n\n## Результати {#results}\n\nЗвіти.\n',
    'translations/uk/case-studies/untracked.md': '---\ntitle: Аутріч\n---\n\n## Контекст {#context}\n\nНічний аутріч.\n',
  });
}

describe('briefkit i18n', () => {
  it('reports each of the four states, and after an edit names the changed section', async () => {
    const root = await project();
    expect((await run(root, 'i18n', 'stamp', 'uk', 'case-studies/current.md', 'briefings/case-studies/outdated.md')).code).toBe(0);
    const stamped = await readFile(join(root, 'translations/uk/case-studies/outdated.md'), 'utf8');
    expect(stamped).toMatch(
      /^---\ntitle: Аутріч\nsource_hash: [0-9a-f]{8}\nsource_sections: \{ _front: "?[0-9a-f]{6}"?, context: "?[0-9a-f]{6}"?, results: "?[0-9a-f]{6}"? \}\n---\n/,
    );

    const path = join(root, 'briefings/case-studies/outdated.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('Workers reported each use.', 'Workers reported each use, by phone.'));

    const text = await run(root, 'i18n', 'status');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('uk  ');
    expect(text.stdout).toContain('1 current, 1 outdated, 1 missing, 1 untracked');
    expect(text.stdout).toMatch(/current {3}100% {2}case-studies\/current\.md/);
    expect(text.stdout).toMatch(/outdated +\d+% {2}case-studies\/outdated\.md\n +changed in the original: Results \(#results\)/);
    expect(text.stdout).toMatch(/missing {5}0% {2}case-studies\/missing\.md/);
    expect(text.stdout).toMatch(/untracked +\d+% {2}case-studies\/untracked\.md/);

    const json = JSON.parse((await run(root, 'i18n', 'status', '--json', '--lang', 'uk')).stdout) as {
      sourceLanguage: string;
      languages: {
        lang: string;
        words: number;
        translatedWords: number;
        percent: number;
        counts: Record<string, number>;
        files: {
          path: string;
          state: string;
          translation: string | null;
          words: number;
          translatedWords: number | null;
          percent: number | null;
          changed: { id: string; title: string; change: string }[];
        }[];
      }[];
    };
    expect(json.sourceLanguage).toBe('en');
    expect(json.languages).toHaveLength(1);
    const uk = json.languages[0]!;
    expect(uk.counts).toEqual({ current: 1, outdated: 1, missing: 1, untracked: 1 });
    const outdated = uk.files.find((file) => file.path === 'case-studies/outdated.md')!;
    expect(outdated).toMatchObject({
      state: 'outdated',
      translation: 'translations/uk/case-studies/outdated.md',
      changed: [{ id: 'results', title: 'Results', change: 'changed' }],
    });
    expect(outdated.translatedWords).toBeLessThan(outdated.words);
    expect(Object.keys(outdated)).toEqual(['path', 'state', 'translation', 'words', 'translatedWords', 'percent', 'changed', 'factMismatches']);
    const untracked = uk.files.find((file) => file.path === 'case-studies/untracked.md')!;
    expect(untracked.percent).toBeGreaterThan(0);
    expect(untracked.percent).toBeLessThan(100);
    expect(uk.files.find((file) => file.path === 'case-studies/missing.md')).toMatchObject({ state: 'missing', translation: null, translatedWords: 0 });

    // Readers of the outdated page are told, in their language, and pointed to the original.
    const build = await buildProject(root);
    expect(build.written).toBe(true);
    const page = await readText(root, 'dist/uk/case-studies/outdated/index.html');
    expect(page).toContain('<p class="page-notice-title" id="page-notice-title">Оригінал змінився</p>');
    expect(page).toContain('href="../../../en/case-studies/outdated/index.html" hreflang="en">');
    expect(await readText(root, 'dist/uk/case-studies/current/index.html')).not.toContain('page-notice');

    // Stamping again records the new original: current once more.
    await run(root, 'i18n', 'stamp', 'uk');
    expect((await run(root, 'i18n', 'status')).stdout).toContain('3 current, 0 outdated, 1 missing, 0 untracked');
  });

  it('starts a translation from the original, with the ids of its headings', async () => {
    const root = await project();
    const created = await run(root, 'i18n', 'new', 'uk', 'case-studies/missing.md');
    expect(created.code).toBe(0);
    expect(created.stdout).toBe('created translations/uk/case-studies/missing.md from briefings/case-studies/missing.md\n');
    const text = await readFile(join(root, 'translations/uk/case-studies/missing.md'), 'utf8');
    expect(text).toMatch(
      /^---\n# Translation into uk of briefings\/case-studies\/missing\.md\. Translate title, summary and text\.\n# Keep the \{#id\} after each heading: it ties the section to the original's\.\n\n?title: Outreach\nsource_hash: [0-9a-f]{8}\n/,
    );
    expect(text).toContain('## Context {#context}\n\nNight outreach reaches people.\n\n## Results {#results}\n');
    // A copy of the original is not a translation (issue 26): nothing of it counts until translated.
    expect((await run(root, 'i18n', 'status')).stdout).toMatch(/current {5}0% {2}case-studies\/missing\.md/);
    const again = await run(root, 'i18n', 'new', 'uk', 'case-studies/missing.md');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('refuses what it cannot do, with exit code 2 for usage and 1 for a missing file', async () => {
    const root = await project();
    expect((await run(root, 'i18n', 'status', '--lang', 'fr')).code).toBe(2);
    expect((await run(root, 'i18n', 'frobnicate')).code).toBe(2);
    const missing = await run(root, 'i18n', 'stamp', 'uk', 'case-studies/missing.md');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('start it with: briefkit i18n new uk case-studies/missing.md');
  });
});

describe('translation files in a build', () => {
  it('warns about a translation without an original, keys that belong to the original, and links to ids it dropped', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({}, '## Context\n\nText.\n'),
      'briefings/case-studies/b.md': caseStudy({}, 'See [context](a.md#context).\n'),
      // Its headings do not line up with the original's, so they cannot take its ids by place.
      'translations/uk/case-studies/a.md': '---\ntitle: А\ncountry: PL\n---\n\n## Контекст\n\nТекст.\n\n## Примітка\n\nНотатка.\n',
      'translations/uk/case-studies/b.md': '---\ntitle: Б\n---\n\nДив. [контекст](a.md#context).\n',
      'translations/uk/case-studies/gone.md': '---\ntitle: Г\n---\n',
    });
    const { report, written } = await buildProject(root);
    expect(written).toBe(true);
    expect(report).toContain(
      'translations/uk/case-studies/a.md:3:1  warning  "country" is taken from the original (briefings/case-studies/a.md); the translation\'s value is ignored',
    );
    expect(report).toContain('translations/uk/case-studies/b.md:5:6  warning  No heading "#context" in briefings/case-studies/a.md (uk)');
    expect(report).toContain('translations/uk/case-studies/gone.md:1:1  warning  There is no briefings/case-studies/gone.md for this translation to translate');
  });
});
