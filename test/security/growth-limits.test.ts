/**
 * Issue 27, item 4 (part): growth limits. A 900 KB variable used 1,000 times ended in
 * "Invalid string length", and a very long base_url in "unexpected error" from the QR
 * library. A variable's value and the site's address have a limit now, each an error at its
 * line; an address too long for a QR code goes without one.
 */
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../../src/pdf/qr.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

describe('issue 27: growth limits, each a positioned message', () => {
  it('a variable longer than 2,000 characters is an error at its line, in the config and in a country profile', async () => {
    const huge = 'x'.repeat(900_000);
    const root = await makeProject({
      'briefkit.config.yaml': `languages: [en]\nvariables:\n  emergency_number: "112"\n  filler: "${huge}"\n`,
      'countries/ua.yaml': `name: Ukraine\nlanguages: [uk]\nvariables:\n  emergency_number: "103"\n  filler: "${'y'.repeat(3000)}"\n`,
      'briefings/case-studies/a.md': caseStudy({ title: 'A' }, `${'{{filler}} '.repeat(1000)}\n`),
    });
    const result = await buildProject(root, { allCountries: true });
    expect(result.ok).toBe(false);
    expect(result.report).not.toContain('unexpected error');
    expect(result.report).toMatch(/briefkit\.config\.yaml:4:\d+ +error +.*is 900,000 characters long, more than a variable may hold \(2,000\)/);
    expect(result.report).toMatch(/countries\/ua\.yaml:5:\d+ +error +.*is 3,000 characters long/);
  });

  it('a base_url longer than 500 characters is an error at its line', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': `languages: [en]\nbase_url: https://example.org/${'a/'.repeat(2000)}\n`,
      'briefings/case-studies/a.md': caseStudy({ title: 'A' }),
    });
    const result = await buildProject(root);
    expect(result.ok).toBe(false);
    expect(result.report).not.toContain('unexpected error');
    expect(result.report).toMatch(/briefkit\.config\.yaml:2:\d+ +error +.*characters long; a site's address may have at most 500/);
  });

  it('an address too long for a QR code gets none, instead of stopping the build', async () => {
    expect(await qrSvg(`https://example.org/${'a'.repeat(5000)}`)).toBeUndefined();
    expect(await qrSvg('https://example.org/')).toContain('<svg role="img" aria-label="QR code"');
  });
});
