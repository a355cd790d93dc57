/**
 * Issue 30, item 3: `briefkit build` runs the preview's update across processes. The run of
 * a build is kept in the cache; the next build after an edit to a page's text makes, renders
 * and writes only the pages that show it (and those linking into headings it moved), re-indexes
 * search, and leaves an output byte for byte what a whole build without a cache writes.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { buildProject, caseStudy, listTree, makeProject, readText, SEARCH_INDEX, UNSTABLE_SEARCH_FILES } from '../helpers/project.js';

const quiet = { write: () => undefined };

/** The addresses of the pages given to Pagefind, in order (Pagefind itself runs as it would). */
const indexed: string[] = [];
vi.mock('pagefind', async (importOriginal) => {
  const real = await importOriginal<typeof import('pagefind')>();
  return {
    ...real,
    createIndex: async (...args: Parameters<typeof real.createIndex>) => {
      const made = await real.createIndex(...args);
      const index = made.index;
      if (index) {
        const add = index.addHTMLFile.bind(index);
        index.addHTMLFile = (file) => {
          indexed.push(file.url ?? '');
          return add(file);
        };
      }
      return made;
    },
  };
});

async function project(): Promise<string> {
  const root = await makeProject({
    'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
    'briefings/main/index.md': '---\ntitle: Main\ndate: 2024-01-01\ncase_studies: [a, b]\n---\n\n## One\n\nFirst text, see [nowhere](#nothing).\n',
    'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, '## Context\n\nFirst version.\n\n## Results\n\nIt worked.\n'),
    'briefings/case-studies/b.md': caseStudy({ title: 'Case B', date: '2024-01-01' }, 'See [the results](a.md#results).\n'),
    'briefings/case-studies/c.md': caseStudy({ title: 'Case C', date: '2024-01-01' }, 'Nothing to do with the others.\n'),
    'translations/uk/case-studies/a.md': '---\ntitle: Випадок А\n---\n\n## Контекст {#context}\n\nПерша версія.\n\n## Результати {#results}\n\nСпрацювало.\n',
  });
  expect(await main(['i18n', 'stamp', 'uk', 'case-studies/a.md'], { stdout: quiet, stderr: quiet, cwd: root, color: false })).toBe(0);
  return root;
}

/** The output of a build into `dist` is what a whole build without a cache writes into `fresh`, byte for byte (search's unstable files aside). */
async function expectSameAsFreshBuild(root: string): Promise<void> {
  const fresh = await buildProject(root, { out: 'fresh', cache: false });
  expect(fresh.ok).toBe(true);
  const paths = (await listTree(join(root, 'dist'))).filter((path) => !UNSTABLE_SEARCH_FILES.test(path));
  expect(paths).toEqual((await listTree(join(root, 'fresh'))).filter((path) => !UNSTABLE_SEARCH_FILES.test(path)));
  for (const path of paths) expect((await readFile(join(root, 'dist', path))).equals(await readFile(join(root, 'fresh', path))), path).toBe(true);
}

const edit = async (root: string, path: string, from: string, to: string) =>
  writeFile(join(root, path), (await readFile(join(root, path), 'utf8')).replace(from, to));

describe('a build after an edit to the text of a page (issue 30)', () => {
  it('makes again only that page, in every language, with the same output and problems as a whole build', async () => {
    const root = await project();
    const first = await buildProject(root);
    expect(first.remade).toBeUndefined();
    expect(first.report).toMatch(/No heading "#nothing"/);

    await edit(root, 'briefings/case-studies/c.md', 'Nothing to do', 'Still nothing to do');
    const second = await buildProject(root);
    expect(second.ok).toBe(true);
    expect(second.remade).toEqual(['en/case-studies/c/index.html', 'uk/case-studies/c/index.html']);
    expect(await readText(root, 'dist/en/case-studies/c/index.html')).toContain('Still nothing to do');
    // The problems of the pages not made again are still reported, as the whole build reported them.
    expect(second.report).toBe(first.report);
    const site = (result: typeof first) => result.output.map((file) => file.path).filter((path) => !SEARCH_INDEX.test(path));
    expect(site(second)).toEqual(site(first));
    await expectSameAsFreshBuild(root);

    // The search index was made again, with the new text: its changed parts are those of a whole build.
    const searchParts = async (out: string) => (await listTree(join(root, out))).filter((path) => /pagefind\/fragment\//.test(path));
    expect(await searchParts('dist')).toEqual(await searchParts('fresh'));

    // And the CLI says what it did.
    await edit(root, 'briefings/case-studies/c.md', 'Still nothing', 'Yet still nothing');
    const out: string[] = [];
    expect(await main(['build', '--no-pdf'], { stdout: { write: (text: string) => out.push(text) }, stderr: quiet, cwd: root, color: false })).toBe(0);
    expect(out.join('')).toMatch(/^Made 2 pages again \(the others had not changed\): \d+ pages in /);
  });

  it('makes again the pages that link into a heading that moved, and reports their broken links', async () => {
    const root = await project();
    await buildProject(root);
    await edit(root, 'briefings/case-studies/a.md', '## Results', '## Outcomes');
    const second = await buildProject(root);
    expect(second.remade).toEqual(expect.arrayContaining(['en/case-studies/a/index.html', 'en/case-studies/b/index.html']));
    expect(second.remade).not.toContain('en/case-studies/c/index.html');
    expect(second.report).toMatch(/case-studies\/b\.md.*\n.*No heading "#results"/);
    await expectSameAsFreshBuild(root);
  });

  it('indexes search again only in the language whose pages changed, and keeps the other languages as they were', async () => {
    const root = await project();
    await buildProject(root);
    const times = async (lang: string) => {
      const paths = (await listTree(join(root, 'dist', 'pagefind'))).filter(
        (path) => path.startsWith(`index/${lang}_`) || path.startsWith(`fragment/${lang}_`),
      );
      return Promise.all(paths.map(async (path) => `${path} ${(await stat(join(root, 'dist', 'pagefind', path))).mtimeMs}`));
    };
    const [en, uk] = [await times('en'), await times('uk')];
    await new Promise((resolve) => setTimeout(resolve, 20));
    await edit(root, 'translations/uk/case-studies/a.md', 'Спрацювало.', 'Спрацювало добре.');
    indexed.length = 0;
    const second = await buildProject(root);
    expect(second.remade).toContain('uk/case-studies/a/index.html');
    // Only the Ukrainian pages went to Pagefind again.
    expect(indexed.length).toBeGreaterThan(0);
    expect(
      indexed.every((url) => url.startsWith('/uk/')),
      indexed.join(' '),
    ).toBe(true);
    expect(await times('en')).toEqual(en);
    expect(await times('uk')).not.toEqual(uk);
    await expectSameAsFreshBuild(root);

    // The next edit, in the other language, keeps what this one indexed.
    await edit(root, 'briefings/case-studies/a.md', 'It worked.', 'It worked well.');
    expect((await buildProject(root)).remade).toContain('en/case-studies/a/index.html');
    await expectSameAsFreshBuild(root);
  });

  it('builds the whole site after a change to front matter, and after a damaged kept run', async () => {
    const root = await project();
    await buildProject(root);
    await edit(root, 'briefings/case-studies/c.md', 'title: Case C', 'title: Case C, renamed');
    const second = await buildProject(root);
    expect(second.remade).toBeUndefined();
    expect(await readText(root, 'dist/en/case-studies/index.html')).toContain('Case C, renamed');

    const runs = join(root, '.briefkit-cache', 'runs');
    for (const path of await listTree(runs)) await writeFile(join(runs, path), 'damaged');
    await edit(root, 'briefings/case-studies/c.md', 'Nothing to do', 'Now something to do');
    const third = await buildProject(root);
    expect(third.remade).toBeUndefined();
    expect(third.ok).toBe(true);
    await expectSameAsFreshBuild(root);
  });

  it('writes nothing when the edit has an error, and keeps the site as it was', async () => {
    const root = await project();
    await buildProject(root);
    const before = await readText(root, 'dist/en/case-studies/c/index.html');
    await edit(root, 'briefings/case-studies/c.md', 'Nothing to do with the others.', 'See [@nobody].');
    const second = await buildProject(root);
    expect(second.written).toBe(false);
    expect(second.report).toMatch(/case-studies\/c\.md/);
    expect(await readText(root, 'dist/en/case-studies/c/index.html')).toBe(before);
  });
});
