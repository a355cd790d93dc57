/**
 * Issue 27, item 4 (found by fuzz-translator-files.test.ts): a message quotes a few words of
 * the file, never all of a line. A 16 KB RIS line came back whole in the hint, a long
 * citation key or address in the reason, and a translation that adds hundreds of
 * placeholders listed every one of them.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { loadReferences } from '../../src/references/library.js';
import { caseStudy, makeProject } from '../helpers/project.js';

const long = 'x'.repeat(5000);

async function referenceMessages(name: string, text: string) {
  const library = await loadReferences(await makeProject({ [`briefings/${name}`]: text }));
  return library.files.flatMap((file) => file.messages);
}

describe('issue 27: messages quote a few words of the file', () => {
  it('a RIS line without its two spaces, a record whose long ID has no title, a long address', async () => {
    const messages = await referenceMessages('references.ris', `TY  - JOUR\nAU - ${long}\nID  - ${long}\nUR  - ${long}\nER  - \n`);
    expect(messages.map((message) => message.ruleId)).toEqual(expect.arrayContaining(['ris-syntax', 'reference-no-title']));
    for (const message of messages) expect(message.reason.length + (message.note?.length ?? 0), message.reason.slice(0, 80)).toBeLessThan(400);
    const bib = await referenceMessages(
      'references.bib',
      `@article{k, title = {T}, url = {${long}}}\n@article{${long}, title = {T}}\n@article{${long}, title = {T}}\n`,
    );
    expect(bib.map((message) => message.reason)).toEqual([
      expect.stringMatching(/^"URL": "x{59}…" is not a complete address/),
      expect.stringMatching(/^Citation key "x{59}…" is defined twice/),
    ]);
    for (const message of bib) expect(message.reason.length + (message.note?.length ?? 0)).toBeLessThan(400);
  });

  it('a translation that adds hundreds of placeholders names the first five and how many more', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Kits' }, 'Peers gave out kits.\n'),
      'translations/uk/case-studies/a.po':
        `msgctxt "_front/title"\nmsgid "Kits"\nmsgstr ` + `"${Array.from({ length: 300 }, (_, index) => `{{v${index}}}`).join(' ')}"\n`,
    });
    let stderr = '';
    await main(['i18n', 'apply', 'uk'], { cwd: root, color: false, stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } });
    expect(stderr).toMatch(
      /a\.po:3:8 +error +The translation of "_front\/title" has \{\{v0\}\} \{\{v100\}\} \{\{v101\}\} \{\{v102\}\} \{\{v103\}\} and 295 more that the original does not/,
    );
    expect(stderr.length).toBeLessThan(1500);
  });
});
