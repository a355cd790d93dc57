/**
 * Issue 31, item 6: the benchmark's table gives CPU time beside wall time (a build that uses
 * both cores, or Pagefind's process, shows it), the median of the runs that succeeded.
 */
import { describe, expect, it } from 'vitest';
import { table } from '../../bench/harness/table.js';

describe("the benchmark's table (issue 31)", () => {
  it('shows the median CPU time of the successful runs beside the wall time', () => {
    const run = (ms: number, cpuMs: number, failure?: 'timed out') => ({ ms, cpuMs, peak: 300e6, stderr: '', ...(failure ? { failure } : {}) });
    const lines = table([
      {
        pages: 4000,
        languages: 1,
        layout: 'sections',
        tool: 'briefkit',
        runs: [run(20_000, 31_000), run(22_000, 33_000), run(900_000, 5_000, 'timed out')],
        eleventyMs: 5000,
      },
      { pages: 4000, languages: 1, layout: 'sections', tool: 'Eleventy', runs: [run(5000, 0)], eleventyMs: 5000 },
    ]).split('\n');
    expect(lines[0]).toBe('| pages | languages | tool | median wall time | CPU time | peak memory | × Eleventy | runs |');
    expect(lines[2]).toBe('| 4,000 | 1 | briefkit | 21.0 s (also timed out) | 32.0 s | 300 MB | 4.20 × | 3 |');
    // Measured without /usr/bin/time: no CPU time, not 0 s.
    expect(lines[3]).toBe('| 4,000 | 1 | Eleventy | 5.00 s | — | 300 MB | 1.00 × | 1 |');
  });
});
