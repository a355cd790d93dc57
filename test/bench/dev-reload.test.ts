/**
 * Issue 31, item 6: the benchmark's live-preview step piped the preview's error output and
 * never read it, so on a project with many warnings the preview blocked on a full pipe and
 * the step hung. Here a project whose warnings fill far more than a pipe holds (64 KB).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { devReloadTimes } from '../../bench/harness/dev-reload.js';
import { caseStudy, makeProject } from '../helpers/project.js';

describe('the benchmark of the live preview (issue 31)', () => {
  it('times save → reload on a project whose warnings fill more than a pipe holds', async () => {
    const table = '| Year | Kits |\n|---|---|\n| 2023 | 10 |\n';
    const pages: Record<string, string> = { 'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n' };
    // Each page warns of each of its tables without a caption, with a hint of several lines.
    for (let n = 0; n < 60; n++) pages[`briefings/case-studies/p${n}.md`] = caseStudy({ title: `Case ${n}`, date: '2024-01-01' }, `${table}\n`.repeat(20));
    const root = await makeProject(pages);
    const times = await devReloadTimes(join(import.meta.dirname, '../..'), root, join(root, 'briefings/case-studies/p0.md'), 1);
    expect(times).toHaveLength(1);
    expect(times[0]).toBeGreaterThan(0);
  }, 120_000);
});
