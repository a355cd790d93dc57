/**
 * Issue 30: a kept run leaves out every page's content HTML (most of its size); an update
 * renders only the pages it makes again, with their new content. Should anything ask for a
 * kept page's HTML all the same, the build is made whole instead, never written with a page
 * missing its text.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { buildProject, caseStudy, editText, listTree, makeProject, readText } from '../helpers/project.js';

/** When set, the update of a kept run asks for a kept page's HTML (as a future change might). */
let askForKeptHtml = false;
vi.mock('../../src/run/remake.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/run/remake.js')>();
  return {
    ...real,
    update: async (...args: Parameters<typeof real.update>) => {
      if (askForKeptHtml) {
        const [run] = args;
        for (const locals of run.made.pages.values()) for (const local of locals) void local.content.html;
      }
      return real.update(...args);
    },
  };
});

describe('the kept run without content HTML (issue 30)', () => {
  it('keeps no page text, and builds the whole site when an update asks for a kept page’s HTML', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Peers carried kits to the lighthouse.\n'),
      'briefings/case-studies/b.md': caseStudy({ title: 'Case B', date: '2024-01-01' }, 'A drop-in by the harbour.\n'),
    });
    expect((await buildProject(root)).ok).toBe(true);
    const runs = join(root, '.briefkit-cache', 'runs');
    const kept = (await Promise.all((await listTree(runs)).map((path) => readFile(join(runs, path), 'utf8')))).join('');
    expect(kept).toContain('case-studies/a.md');
    expect(kept).not.toContain('Peers carried kits');

    // An edit to one page: only it is made again, and the other keeps its text.
    await editText(root, 'briefings/case-studies/a.md', 'lighthouse', 'harbour wall');
    const second = await buildProject(root);
    expect(second.remade).toEqual(['en/case-studies/a/index.html']);
    expect(await readText(root, 'dist/en/case-studies/b/index.html')).toContain('A drop-in by the harbour.');

    // An update that asks for a kept page's HTML: the whole site is built, every page with its text.
    askForKeptHtml = true;
    await editText(root, 'briefings/case-studies/a.md', 'harbour wall', 'sea wall');
    const third = await buildProject(root);
    askForKeptHtml = false;
    expect(third.ok).toBe(true);
    expect(third.remade).toBeUndefined();
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('sea wall');
    expect(await readText(root, 'dist/en/case-studies/b/index.html')).toContain('A drop-in by the harbour.');
  });
});
