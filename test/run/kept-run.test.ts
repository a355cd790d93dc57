/**
 * Issue 30, item 3: `briefkit build` runs the preview's update across processes. The run of
 * a build is kept in the cache; the next build after an edit to a page's text makes, renders
 * and writes only the pages that show it (and those linking into headings it moved), indexes
 * only those pages again for search (in a small index beside the whole one), and leaves an
 * output byte for byte what a whole build without a cache writes, but for the search index,
 * which serves the same pages with the same text.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { buildProject, caseStudy, editText, listTree, makeProject, readText, SEARCH_INDEX } from '../helpers/project.js';
import { fromDisk, servedPages } from '../helpers/search-index.js';

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

/**
 * The output of a build into `dist` is what a whole build without a cache writes into `fresh`:
 * byte for byte outside the search index, whose pages are the same with the same text.
 */
async function expectSameAsFreshBuild(root: string): Promise<void> {
  const fresh = await buildProject(root, { out: 'fresh', cache: false });
  expect(fresh.ok).toBe(true);
  const site = async (out: string) => (await listTree(join(root, out))).filter((path) => !path.startsWith('pagefind/'));
  const paths = await site('dist');
  expect(paths).toEqual(await site('fresh'));
  for (const path of paths) expect((await readFile(join(root, 'dist', path))).equals(await readFile(join(root, 'fresh', path))), path).toBe(true);
  expect(await servedPages(fromDisk(join(root, 'dist')))).toEqual(await servedPages(fromDisk(join(root, 'fresh'))));
}

describe('a build after an edit to the text of a page (issue 30)', () => {
  it('makes again only that page, in every language, with the same output and problems as a whole build', async () => {
    const root = await project();
    const first = await buildProject(root);
    expect(first.remade).toBeUndefined();
    expect(first.report).toMatch(/No heading "#nothing"/);

    await editText(root, 'briefings/case-studies/c.md', 'Nothing to do', 'Still nothing to do');
    indexed.length = 0;
    const second = await buildProject(root);
    expect(second.ok).toBe(true);
    expect(second.remade).toEqual(['en/case-studies/c/index.html', 'uk/case-studies/c/index.html']);
    expect(await readText(root, 'dist/en/case-studies/c/index.html')).toContain('Still nothing to do');
    // The problems of the pages not made again are still reported, as the whole build reported them.
    expect(second.report).toBe(first.report);
    const site = (result: typeof first) => result.output.map((file) => file.path).filter((path) => !SEARCH_INDEX.test(path));
    expect(site(second)).toEqual(site(first));
    // Search indexed that page again, and no other (its Ukrainian page shows the English text, found in English only).
    expect(indexed).toEqual(['/en/case-studies/c/']);
    await expectSameAsFreshBuild(root);

    // And the CLI says what it did.
    await editText(root, 'briefings/case-studies/c.md', 'Still nothing', 'Yet still nothing');
    const out: string[] = [];
    expect(await main(['build', '--no-pdf'], { stdout: { write: (text: string) => out.push(text) }, stderr: quiet, cwd: root, color: false })).toBe(0);
    expect(out.join('')).toMatch(/^Made 2 pages again \(the others had not changed\): \d+ pages in /);
  });

  it('makes again the pages that link into a heading that moved, and reports their broken links', async () => {
    const root = await project();
    await buildProject(root);
    await editText(root, 'briefings/case-studies/a.md', '## Results', '## Outcomes');
    const second = await buildProject(root);
    expect(second.remade).toEqual(expect.arrayContaining(['en/case-studies/a/index.html', 'en/case-studies/b/index.html']));
    expect(second.remade).not.toContain('en/case-studies/c/index.html');
    expect(second.report).toMatch(/case-studies\/b\.md.*\n.*No heading "#results"/);
    await expectSameAsFreshBuild(root);
  });

  it('indexes search again only the pages whose text changed, beside the whole index, which it keeps as it was (issue 30)', async () => {
    const root = await project();
    await buildProject(root);
    const whole = async () => {
      const paths = (await listTree(join(root, 'dist', 'pagefind'))).filter((path) => !path.startsWith('delta/') && path !== 'pagefind.js');
      return Promise.all(paths.map(async (path) => `${path} ${(await stat(join(root, 'dist', 'pagefind', path))).mtimeMs}`));
    };
    const before = await whole();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await editText(root, 'translations/uk/case-studies/a.md', 'Спрацювало.', 'Спрацювало добре.');
    indexed.length = 0;
    const second = await buildProject(root);
    expect(second.remade).toContain('uk/case-studies/a/index.html');
    // Of the pages made again, only the one whose text changed.
    expect(indexed).toEqual(['/uk/case-studies/a/']);
    // The whole index is as it was, file for file; search finds the new text, and the old text no more.
    expect(await whole()).toEqual(before);
    const served = await servedPages(fromDisk(join(root, 'dist')));
    expect(served.filter((page) => page.url === '/uk/case-studies/a/').map((page) => page.content)).toEqual([expect.stringContaining('Спрацювало добре.')]);
    await expectSameAsFreshBuild(root);

    // The next edit, in the other language, indexes that page and again the one changed before it.
    await editText(root, 'briefings/case-studies/a.md', 'It worked.', 'It worked well.');
    indexed.length = 0;
    expect((await buildProject(root)).remade).toContain('en/case-studies/a/index.html');
    expect(indexed.sort()).toEqual(['/en/case-studies/a/', '/uk/case-studies/a/']);
    expect(await whole()).toEqual(before);
    await expectSameAsFreshBuild(root);

    // A page whose text is back to what the whole index has is served once.
    await editText(root, 'translations/uk/case-studies/a.md', 'Спрацювало добре.', 'Спрацювало.');
    await buildProject(root);
    await expectSameAsFreshBuild(root);
  });

  it('indexes the whole site again once more than 50 pages have changed since its whole index', async () => {
    const pages: Record<string, string> = { 'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n' };
    for (let n = 0; n < 52; n++) pages[`briefings/case-studies/p${n}.md`] = caseStudy({ title: `Case ${n}`, date: '2024-01-01' }, `Text ${n}.\n`);
    const root = await makeProject(pages);
    await buildProject(root);
    for (let n = 0; n < 51; n++) await editText(root, `briefings/case-studies/p${n}.md`, `Text ${n}.`, `Text ${n}, changed.`);
    indexed.length = 0;
    const second = await buildProject(root);
    expect(second.remade).toHaveLength(51);
    // Every page went to Pagefind: the index is whole again, with no small index beside it.
    expect(indexed.length).toBeGreaterThanOrEqual(52);
    expect((await listTree(join(root, 'dist', 'pagefind'))).some((path) => path.startsWith('delta/'))).toBe(false);
    await expectSameAsFreshBuild(root);
  });

  it('builds the whole site after a change to front matter, and after a damaged kept run', async () => {
    const root = await project();
    await buildProject(root);
    await editText(root, 'briefings/case-studies/c.md', 'title: Case C', 'title: Case C, renamed');
    const second = await buildProject(root);
    expect(second.remade).toBeUndefined();
    expect(await readText(root, 'dist/en/case-studies/index.html')).toContain('Case C, renamed');

    const runs = join(root, '.briefkit-cache', 'runs');
    for (const path of await listTree(runs)) await writeFile(join(runs, path), 'damaged');
    await editText(root, 'briefings/case-studies/c.md', 'Nothing to do', 'Now something to do');
    const third = await buildProject(root);
    expect(third.remade).toBeUndefined();
    expect(third.ok).toBe(true);
    await expectSameAsFreshBuild(root);
  });

  it('writes nothing when the edit has an error, and keeps the site as it was', async () => {
    const root = await project();
    await buildProject(root);
    const before = await readText(root, 'dist/en/case-studies/c/index.html');
    await editText(root, 'briefings/case-studies/c.md', 'Nothing to do with the others.', 'See [@nobody].');
    const second = await buildProject(root);
    expect(second.written).toBe(false);
    expect(second.report).toMatch(/case-studies\/c\.md/);
    expect(await readText(root, 'dist/en/case-studies/c/index.html')).toBe(before);
  });
});
