/** Issue 13: `briefkit build --json` gives the report's messages as data, for editors and CI. */
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { caseStudy, makeProject } from '../helpers/project.js';

interface JsonFile {
  path: string;
  messages: { reason: string; line: number | null; column: number | null; ruleId: string | null; fatal: boolean | null; note?: string }[];
}

describe('briefkit build --json', () => {
  it('prints every problem with its file, position, rule, severity and hint, and nothing else', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A' }, '## Results\n\nText.\n'),
      'briefings/case-studies/b.md': caseStudy({ title: 'Case B' }, 'See [the results](a.md#result).\n'),
    });
    const warned = await briefkitHere(['build', '--no-pdf', '--json'], { cwd: root });
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe('');
    const files = JSON.parse(warned.stdout) as JsonFile[];
    expect(files).toHaveLength(1);
    expect(files[0]!.path).toMatch(/briefings[\\/]case-studies[\\/]b\.md$/);
    expect(files[0]!.messages).toEqual([
      expect.objectContaining({
        reason: 'No heading "#result" in briefings/case-studies/a.md',
        line: 6,
        column: 5,
        ruleId: 'anchor-missing',
        fatal: false,
        note: 'Did you mean "#results"?',
      }),
    ]);

    const broken = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': '---\ntitle: [unclosed\n---\n\nText.\n',
    });
    const failed = await briefkitHere(['build', '--no-pdf', '--json'], { cwd: broken });
    expect(failed.code).toBe(1);
    const errors = (JSON.parse(failed.stdout) as JsonFile[]).flatMap((file) => file.messages);
    expect(errors.some((message) => message.fatal === true && message.line === 2)).toBe(true);
  });
});
