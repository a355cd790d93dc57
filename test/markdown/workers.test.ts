/**
 * Issue 10: Markdown is parsed and rendered on worker threads on a large site; the site and
 * every message are the same, byte for byte, as on one thread.
 */
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkdownWorkers } from '../../src/markdown/worker-pool.js';
import { buildProject, caseStudy, listTree, makeProject, temporaryDir, UNSTABLE_SEARCH_FILES } from '../helpers/project.js';

async function sameTrees(one: string, other: string): Promise<string[]> {
  const paths = (await listTree(one)).filter((path) => !UNSTABLE_SEARCH_FILES.test(path));
  expect((await listTree(other)).filter((path) => !UNSTABLE_SEARCH_FILES.test(path))).toEqual(paths);
  for (const path of paths) {
    const [a, b] = await Promise.all([readFile(join(one, path)), readFile(join(other, path))]);
    expect(a.equals(b), `${path} differs`).toBe(true);
  }
  return paths;
}

describe('worker threads', () => {
  afterEach(() => vi.restoreAllMocks());

  it('build the sample project, every edition and language, byte for byte as one thread does', async () => {
    const root = await temporaryDir();
    for (const dir of ['briefings', 'translations', 'countries', 'templates', 'branding'])
      await cp(join(process.cwd(), dir), join(root, dir), { recursive: true }).catch(() => undefined);
    await cp(join(process.cwd(), 'briefkit.config.yaml'), join(root, 'briefkit.config.yaml'));
    const start = vi.spyOn(MarkdownWorkers, 'start');
    const single = await buildProject(root, { out: 'one', allCountries: true, workers: 1 });
    expect(start).not.toHaveBeenCalled();
    const threaded = await buildProject(root, { out: 'two', allCountries: true, workers: 2 });
    expect(start).toHaveBeenCalledWith(2);
    expect(single.written).toBe(true);
    expect(threaded.written).toBe(true);
    expect(threaded.report).toBe(single.report);
    const paths = await sameTrees(join(root, 'one'), join(root, 'two'));
    expect(paths).toContain('uk/peer-to-peer-naloxone/index.html');
    expect(paths).toContain('ua/uk/peer-to-peer-naloxone/index.html');
  });

  it('report the same problems at the same places, once, and write nothing when one is an error', async () => {
    const files: Record<string, string> = {
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/references.yaml': 'smith2020:\n  title: A study\n  year: 2020\n',
      'briefings/main/index.md': '---\ntitle: Main\ndate: 2024-01-01\n---\n\n## One\n\nSee [top](#tpo) [@smith2020].\n',
      'translations/uk/main/index.md': '---\ntitle: Головна\n---\n\n## Один {#one}\n\nДив. [@smith2021].\n',
    };
    for (let index = 0; index < 30; index++)
      files[`briefings/case-studies/c${index}.md`] = caseStudy(
        { title: `Case ${index}`, date: '2024-01-01' },
        `Text ${index} <span onclick="steal()">here</span> and [top](#nothing-${index}) [@smith2020].\n\n#### Skipped a level\n`,
      );
    const root = await makeProject(files);
    const start = vi.spyOn(MarkdownWorkers, 'start');
    const single = await buildProject(root, { out: 'one', workers: 1 });
    const threaded = await buildProject(root, { out: 'two', workers: 2 });
    expect(start).toHaveBeenCalledTimes(1);
    expect(single.report).toContain('main/index.md:8:5');
    expect(single.report).toContain('c7.md:7:');
    expect(single.report).toMatch(/#nothing-7/);
    expect(single.report).toMatch(/smith2021/);
    expect(threaded.report).toBe(single.report);
    expect(threaded.written).toBe(false);
    expect(await listTree(join(root, 'two'))).toEqual([]);
  });
});
