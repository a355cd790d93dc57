/**
 * Issue 13: `briefkit check` passes on the sample, every page of every language and edition
 * loaded in Chromium. The longest test of the run, in a file of its own so that the other
 * worker takes check.browser.test.ts meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { sampleSite } from '../helpers/sample.js';

describe('briefkit check', () => {
  it('passes on the sample site, every page of every language and edition loaded in Chromium', async () => {
    // The sample, every edition, no PDFs, built once per run (helpers/sample.ts), with no
    // problem at all: none of the build's warnings that check counts as errors.
    const { root, report } = await sampleSite('web');
    expect(report).toBe('');
    const result = await briefkitHere(['check', '--no-build', '--no-pdf', '--all-countries'], { cwd: root });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Checked \d{3} pages in .*dist: no errors\.$/m);
  }, 300_000);
});
