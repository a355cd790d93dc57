/**
 * Issue 8, class 8: a blank variable is an error at its line in the profile (or config), and
 * `briefkit new country` cannot produce a profile that builds with blanks unnoticed; names that
 * objects inherit (`{{constructor}}`) are unknown variables, never values.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, caseStudy, listTree, makeProject } from '../helpers/project.js';
import { briefkitHere as cli } from '../helpers/cli.js';

const briefkit = (args: string[], cwd: string) => cli(args, { cwd });

const calling = caseStudy({}, 'In an emergency call {{emergency_number}}.\n');

describe('blank variable values', () => {
  it('are errors at their line in a country profile, however they are written', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: T\nvariables:\n  emergency_number: "112"\n  helpline: "0800 1"\n',
      'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\nvariables:\n  emergency_number: ""\n  helpline:   \n',
      'countries/pl.yaml': 'name: Poland\nvariables:\n  emergency_number: "  "\n  helpline:\n    en: "800"\n    pl: " \\t"\n',
      'briefings/case-studies/a.md': calling,
    });
    const result = await buildProject(root, { allCountries: true });
    expect(result.report).toContain(
      'countries/ua.yaml:4:21  error  "variables › emergency_number": is empty: pages of this edition would print nothing in its place  invalid-value',
    );
    expect(result.report).toContain('Fill in the value between the quotes (e.g. emergency_number: "103"), or remove the line if no page uses it.');
    expect(result.report).toContain('countries/ua.yaml:5:15  error  "variables › helpline": is empty');
    expect(result.report).toContain('countries/pl.yaml:3:21  error  "variables › emergency_number": is empty');
    expect(result.report).toContain('countries/pl.yaml:6:9  error  "variables › helpline › pl": is empty');
    expect(result.written).toBe(false);
    expect(await listTree(join(root, 'dist'))).toEqual([]);
  });

  it('are errors at their line in the config', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: T\nvariables:\n  emergency_number: "   "\n',
      'briefings/case-studies/a.md': calling,
    });
    const { report, written } = await buildProject(root);
    expect(report).toContain(
      'briefkit.config.yaml:3:21  error  "variables › emergency_number": is empty: pages of this edition would print nothing in its place',
    );
    expect(written).toBe(false);
  });

  it('stop a profile made by "briefkit new country" from building until it is filled in', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: T\nvariables:\n  emergency_number: "112"\n',
      'briefings/case-studies/a.md': calling,
    });
    const made = await briefkit(['new', 'country', 'ua'], root);
    expect(made.code).toBe(0);
    const profile = await readFile(join(root, 'countries/ua.yaml'), 'utf8');
    expect(profile.split('\n').slice(4, 6)).toEqual([
      'variables:   # fill in every value: the build stops at any left empty',
      '  emergency_number: ""   # international edition: 112',
    ]);
    const built = await briefkit(['build', '--no-pdf', '--country', 'ua'], root);
    expect(built.code).toBe(1);
    expect(built.stderr).toContain(
      'countries/ua.yaml:6:21  error  "variables › emergency_number": is empty: pages of this edition would print nothing in its place',
    );
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });
});

describe('names objects inherit', () => {
  it('are unknown variables at their position in every edition, never values', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: T\nvariables:\n  emergency_number: "112"\n',
      'countries/ua.yaml': 'name: Ukraine\nvariables:\n  emergency_number: "103"\n',
      'briefings/case-studies/a.md': caseStudy(
        { title: '"Call {{constructor}}"' },
        'Call {{constructor}}, {{__proto__}}, {{toString}} or {{hasOwnProperty}}.\n',
      ),
    });
    for (const options of [{}, { country: 'ua' }]) {
      const result = await buildProject(root, options);
      const edition = 'country' in options ? 'the Ukraine edition (countries/ua.yaml)' : 'the international edition';
      expect(result.report).toContain(`briefings/case-studies/a.md:2:8  error  Unknown variable {{constructor}} in ${edition}  variable-unknown`);
      expect(result.report).toContain(`briefings/case-studies/a.md:6:6  error  Unknown variable {{constructor}} in ${edition}  variable-unknown`);
      expect(result.report).toContain('briefings/case-studies/a.md:6:23  error  "{{__proto__}}" is not a variable name');
      expect(result.report).toContain('briefings/case-studies/a.md:6:38  error  "{{toString}}" is not a variable name');
      expect(result.report).toContain('briefings/case-studies/a.md:6:54  error  "{{hasOwnProperty}}" is not a variable name');
      expect(result.report).not.toContain('native code');
      expect(result.written).toBe(false);
    }
  });

  it('are values only when a profile defines them itself', async () => {
    const root = await makeProject({
      'countries/ua.yaml': 'name: Ukraine\nvariables:\n  constructor: "Bob the builder"\n',
      'briefings/case-studies/a.md': caseStudy({}, 'Built by {{constructor}}.\n'),
    });
    const result = await buildProject(root, { country: 'ua' });
    expect(result.report).toBe('');
    expect(await readFile(join(root, 'dist/en/case-studies/a/index.html'), 'utf8')).toContain('Built by Bob the builder.');
  });
});
