/** A failed build leaves the previous output exactly as it was. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/fs/write-atomic.js';
import { buildProject, caseStudy, listTree, makeProject, UNSTABLE_SEARCH_FILES } from '../helpers/project.js';

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = await listTree(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, (await readFile(join(dir, file))).toString('base64')] as const)));
}

describe('atomic output', () => {
  it('keeps the previous site when a later build has errors', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({ title: 'First version' }) });
    expect((await buildProject(root)).written).toBe(true);
    const before = await snapshot(join(root, 'dist'));
    expect(before.size).toBeGreaterThan(5);

    await import('node:fs/promises').then((fs) =>
      fs.writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'Second version', date: '2023-13-45' })),
    );
    const failed = await buildProject(root);
    expect(failed.written).toBe(false);
    expect(failed.report).toContain('2023-13-45 is not a real date');
    expect(await snapshot(join(root, 'dist'))).toEqual(before);
  });

  it('keeps the previous site when writing fails part-way', async () => {
    const root = await makeProject({ 'briefings/about.md': '---\ntitle: About\n---\n' });
    await buildProject(root);
    const out = join(root, 'dist');
    const before = await snapshot(out);
    await expect(
      writeAtomic(out, [
        { path: 'a.html', content: 'new' },
        { path: 'b.png', copyFrom: join(root, 'does-not-exist.png') },
      ]),
    ).rejects.toThrow();
    expect(await snapshot(out)).toEqual(before);
    expect((await listTree(root)).some((path) => path.includes('briefkit-tmp'))).toBe(false);
  });

  it('replaces the whole folder: a page removed from the source disappears from the site', async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy({ title: 'A' }),
      'briefings/case-studies/b.md': caseStudy({ title: 'B' }),
    });
    await buildProject(root);
    expect(await listTree(join(root, 'dist'))).toContain('en/case-studies/b/index.html');
    await import('node:fs/promises').then((fs) => fs.rm(join(root, 'briefings/case-studies/b.md')));
    await buildProject(root);
    expect(await listTree(join(root, 'dist'))).not.toContain('en/case-studies/b/index.html');
  });
});

describe('deterministic output', () => {
  it('gives byte-identical files for the same input', async () => {
    const root = join(import.meta.dirname, '../fixtures/features/input');
    const first = await buildProject(root, { out: join(await import('../helpers/project.js').then((m) => m.temporaryDir()), 'one') });
    const second = await buildProject(root, { out: join(await import('../helpers/project.js').then((m) => m.temporaryDir()), 'two') });
    expect(first.written && second.written).toBe(true);
    const stable = (files: Map<string, string>) => new Map([...files].filter(([path]) => !UNSTABLE_SEARCH_FILES.test(path)));
    const a = stable(await snapshot(first.outDir));
    const b = stable(await snapshot(second.outDir));
    expect([...a.keys()].filter((path) => path.includes('pagefind/fragment/')).length).toBeGreaterThan(0);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect(a).toEqual(b);
  });
});
