/**
 * Issue 27, item 8: one bad value in a country profile (a javascript: URL) left the whole
 * edition out, so the other problems of that file (a missing logo, a language without
 * interface strings) and of the pages in that edition (an unknown variable) went unreported
 * until it was fixed. Every problem is reported in one run, each in the file that has it.
 */
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

describe('a country profile with an invalid value (issue 27, item 8)', () => {
  it('still reports the rest of its problems, and those of its edition, each at its place', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({}, 'Call {{helpline}}.\n'),
      'countries/ua.yaml':
        'name: Ukraine\nlanguages: [uk, xx]\norganisation:\n  name: Network\n  url: "javascript:alert(1)"\n  logo: ' +
        'missing.png\nvariables:\n  helpline: "0 800"\n  Bad Name: 1\n',
      'countries/pl.yaml': 'name: Poland\nlanguages: [pl]\n',
    });
    const result = await buildProject(root, { allCountries: true });
    expect(result.written).toBe(false);
    const report = result.report;
    expect(report).toContain('countries/ua.yaml:5:8  error  "organisation › url": "javascript:" addresses are not allowed here');
    expect(report).toContain('countries/ua.yaml:9:3  error  "Bad Name": use lower-case letters');
    expect(report).toContain('countries/ua.yaml:6:9  error  The logo "missing.png" was not found');
    expect(report).toContain('countries/ua.yaml:2:17  warning  No interface strings for "xx"');
    expect(report).toContain('countries/pl.yaml:2:13  warning  No interface strings for "pl"');
    // Its variables are still its edition's: {{helpline}} is known there, and unknown only where it is missing.
    expect(report).toContain('{{helpline}} has no value in the Poland edition');
    expect(report).not.toContain('{{helpline}} has no value in the Ukraine edition');
    expect(report).not.toMatch(/briefkit\.config\.yaml:\d+:\d+ {2}warning {2}No interface strings/);
  });
});
