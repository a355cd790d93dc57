/**
 * Issue 26, item 7: a translated file that was never stamped showed as "untracked ?" in
 * `i18n status`, with nothing saying why the share is unknown or what to run.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { caseStudy, makeProject } from '../helpers/project.js';

async function run(root: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: root,
    color: false,
  });
  return { code, stdout, stderr };
}

describe('Issue 26: an unstamped translation in i18n status', () => {
  it('says it was never stamped and gives the command that stamps it', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/x.md': caseStudy({ title: 'Outreach' }, '## Context\n\nNight outreach.\n'),
      // Translated by hand, without {#id}s (and headings that do not line up with the original's) and without a stamp.
      'translations/uk/case-studies/x.md': '---\ntitle: Аутріч\n---\n\n## Контекст\n\nНічний аутріч.\n\n## Примітка\n\nНотатка.\n',
    });
    const text = await run(root, 'i18n', 'status');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      '  untracked    ?  case-studies/x.md\n                  never stamped (so the share translated is unknown): when it matches the original, run ' +
        'briefkit i18n stamp uk case-studies/x.md\n',
    );

    // A machine gets the state and the file, without the sentence.
    const json = JSON.parse((await run(root, 'i18n', 'status', '--json')).stdout) as { languages: { files: Record<string, unknown>[] }[] };
    expect(json.languages[0]!.files[0]).toEqual({
      path: 'case-studies/x.md',
      state: 'untracked',
      translation: 'translations/uk/case-studies/x.md',
      words: expect.any(Number),
      translatedWords: null,
      percent: null,
      changed: [],
      factMismatches: 0,
    });
    expect(JSON.stringify(json)).not.toContain('never stamped');

    // Once stamped, the hint is gone.
    expect((await run(root, 'i18n', 'stamp', 'uk', 'case-studies/x.md')).code).toBe(0);
    expect((await run(root, 'i18n', 'status')).stdout).not.toContain('never stamped');
  });
});
