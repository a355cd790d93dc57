/**
 * Issue 10: `briefkit pdf --shard I/N` prints a deterministic I-th of N of the PDFs, so a CI
 * matrix spreads them over machines; together the shards are a full build, byte for byte.
 */
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, listTree, makeProject, UNSTABLE_SEARCH_FILES } from '../helpers/project.js';

const files = {
  'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
  'briefings/main/index.md': `---\ntitle: Main\ndate: 2024-01-01\ncase_studies: [a, b]\n---\n\n## One\n\n${'A long briefing. '.repeat(400)}\n`,
  'briefings/case-studies/a.md': caseStudy({ title: 'A', date: '2024-01-01' }, 'Short.\n'),
  'briefings/case-studies/b.md': caseStudy({ title: 'B', date: '2024-01-01' }, `${'Longer. '.repeat(200)}\n`),
  'briefings/case-studies/c.md': caseStudy({ title: 'C', date: '2024-01-01' }, 'Short too.\n'),
  'briefings/briefs/ask.md': '---\ntitle: Ask\ndate: 2024-01-01\nasks: [Change the law]\n---\n\nText.\n',
};
const pdfs = async (dir: string) => (await listTree(dir)).filter((path) => path.endsWith('.pdf'));

describe('briefkit pdf --shard', () => {
  it('splits the PDFs into shares that add up to a full build, byte for byte', async () => {
    const root = await makeProject(files);
    const full = await buildProject(root, { out: 'full', pdf: true });
    expect(full.report).toBe('');
    const all = await pdfs(join(root, 'full'));
    // Five documents, and the brief's asks as slides (issue 12).
    expect(all).toHaveLength(6);

    const shards: string[][] = [];
    for (const index of [1, 2, 3]) {
      const out = `shard-${index}`;
      const result = await buildProject(root, { out, pdfOnly: { shard: { index, count: 3 } } });
      expect(result.report).toBe('');
      shards.push(await pdfs(join(root, out)));
    }
    // Every PDF in exactly one shard, none empty.
    expect(shards.flat().sort()).toEqual(all);
    for (const shard of shards) expect(shard.length).toBeGreaterThan(0);
    for (const [index, shard] of shards.entries()) {
      for (const path of shard) {
        const [mine, reference] = await Promise.all([readFile(join(root, `shard-${index + 1}`, path)), readFile(join(root, 'full', path))]);
        expect(mine.equals(reference), path).toBe(true);
      }
    }
    // The longest document, the briefing with its chapters, has a shard to itself.
    expect(shards.find((shard) => shard.includes('en/main/main.en.pdf'))).toEqual(['en/main/main.en.pdf']);

    // The shards put together, and the site built around them, is the full build.
    for (const index of [1, 2, 3])
      await cp(join(root, `shard-${index}`), join(root, 'merged'), { recursive: true, filter: (path) => !path.endsWith('.briefkit-output') });
    const site = await buildProject(root, { out: 'site', pdfsFrom: join(root, 'merged') });
    expect(site.report).toBe('');
    const tree = (await listTree(join(root, 'full'))).filter((path) => !UNSTABLE_SEARCH_FILES.test(path));
    expect((await listTree(join(root, 'site'))).filter((path) => !UNSTABLE_SEARCH_FILES.test(path))).toEqual(tree);
    for (const path of tree) expect((await readFile(join(root, 'site', path))).equals(await readFile(join(root, 'full', path))), path).toBe(true);
  });

  it('says which PDF is missing when a shard did not run', async () => {
    const root = await makeProject(files);
    await buildProject(root, { out: 'shard-1', pdfOnly: { shard: { index: 1, count: 2 } } });
    const site = await buildProject(root, { out: 'site', pdfsFrom: join(root, 'shard-1') });
    expect(site.report).toMatch(/error +No PDF at .*shard-1\/en\/.*\.pdf +pdf-shard-missing/);
    expect(site.ok).toBe(false);
  });

  it('is the same share on every run, and refuses a share that is not I/N', async () => {
    const root = await makeProject(files);
    const again = await Promise.all(
      [1, 2].map(async (run) => {
        await buildProject(root, { out: `run-${run}`, pdfOnly: { shard: { index: 2, count: 2 } } });
        return pdfs(join(root, `run-${run}`));
      }),
    );
    expect(again[0]).toEqual(again[1]);
    for (const bad of ['3/2', '0/2', 'two', '1/0']) {
      const result = await briefkitHere(['pdf', '--shard', bad], { cwd: root });
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toContain('--shard takes I/N');
    }
    expect((await briefkitHere(['build', '--shard', '1/2'], { cwd: root })).stderr).toContain('unexpected "--shard"');
  });
});
