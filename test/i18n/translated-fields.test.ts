/**
 * Issue 9: a type's translatable front matter (a brief's asks, a module's objectives) is
 * tracked like its title and summary: changing an ask makes its translations out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

const brief = (ask: string) => `---\ntitle: Ask\nasks:\n  - ${ask}\n---\n\n## The problem\n\nText.\n`;

describe('translation tracking of translatable fields', () => {
  it('marks a translation outdated when an ask of the original changes', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/briefs/ask.md': brief('Change the law.'),
      'translations/uk/briefs/ask.md': '---\ntitle: Прохання\nasks:\n  - Змініть закон.\n---\n\n## Проблема {#the-problem}\n\nТекст.\n',
    });
    expect((await briefkitHere(['i18n', 'stamp', 'uk'], { cwd: root })).code).toBe(0);
    const status = async () =>
      JSON.parse((await briefkitHere(['i18n', 'status', '--json'], { cwd: root })).stdout) as {
        languages: { files: { path: string; state: string; changed: { id: string }[] }[] }[];
      };
    expect((await status()).languages[0]!.files).toEqual([expect.objectContaining({ path: 'briefs/ask.md', state: 'current' })]);
    await writeFile(join(root, 'briefings/briefs/ask.md'), brief('Change the law this year.'));
    const after = (await status()).languages[0]!.files[0]!;
    expect(after.state).toBe('outdated');
    expect(after.changed).toEqual([expect.objectContaining({ id: '_front' })]);
    expect(await readFile(join(root, 'translations/uk/briefs/ask.md'), 'utf8')).toContain('source_hash');
  });
});
