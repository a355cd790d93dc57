/**
 * Issue 27, item 5: translators' files take the project's own road. A PO or XLIFF file that
 * is a symbolic link out of the project was read (its first line leaked into the error), a
 * Latin-1 PO was applied with U+FFFD and published, a PO entry without msgstr ended in
 * "unexpected error", and a translation could add links its original does not have (a
 * reference definition, a bare web address) without a word.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, makeProject, readText, temporaryDir } from '../helpers/project.js';

const project = () =>
  makeProject({ 'briefkit.config.yaml': 'languages: [en, uk]\n', 'briefings/case-studies/a.md': caseStudy({ title: 'Kits' }, 'Peers gave out kits.\n') });

describe("issue 27: translators' files are read as every input is", () => {
  it('refuses a PO or XLIFF file that leads out of the project, naming the link, and shows nothing of it', async () => {
    for (const extension of ['po', 'xlf']) {
      const root = await project();
      const outside = join(await temporaryDir(), `secret.${extension}`);
      await writeFile(outside, 'SECRET-FIRST-LINE\nmsgid "x"\n');
      await mkdir(join(root, 'translations/uk/case-studies'), { recursive: true });
      await symlink(outside, join(root, `translations/uk/case-studies/a.${extension}`));
      const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
      expect(applied.code).toBe(1);
      expect(applied.stderr).toMatch(new RegExp(`translations/uk/case-studies/a\\.${extension} +error .*is a symbolic link to .*, outside the project`));
      expect(applied.stderr + applied.stdout).not.toContain('SECRET');
    }
  });

  it('refuses a Latin-1 PO file at its first bad byte instead of publishing U+FFFD', async () => {
    const root = await project();
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const po = join(root, 'translations/uk/case-studies/a.po');
    const text = (await readText(root, 'translations/uk/case-studies/a.po')).replace(
      'msgid "Peers gave out kits."\nmsgstr ""',
      'msgid "Peers gave out kits."\nmsgstr "Les pairs ont donné des trousses."',
    );
    await writeFile(po, Buffer.from(text, 'latin1'));
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code).toBe(1);
    expect(applied.stderr).toMatch(/translations\/uk\/case-studies\/a\.po:\d+:\d+ +error .*UTF-8/);
    expect(await readText(root, 'translations/uk/case-studies/a.md').catch(() => '')).not.toContain('\uFFFD');
  });

  it('reports a PO entry without msgstr at its line, not as an unexpected error', async () => {
    const root = await project();
    await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root });
    const po = join(root, 'translations/uk/case-studies/a.po');
    await writeFile(po, `${await readText(root, 'translations/uk/case-studies/a.po')}\nmsgctxt "x/1"\nmsgid "Dangling"\n`);
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code).toBe(1);
    expect(applied.stderr).not.toContain('unexpected error');
    expect(applied.stderr).toMatch(/a\.po:\d+:1 +error +This is not a PO file briefkit can read: An entry without msgstr/);
  });

  it('warns at each link a translation adds that its original does not have', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Kits' }, 'Peers gave out [kits](https://example.org/kits).\n'),
      'translations/uk/case-studies/a.md':
        '---\ntitle: Набори\n---\n\nРівні роздавали [набори](https://example.org/kits).\n\nДив. [тут][x] і ' +
        'https://evil.example/pay.\n\n[x]: https://evil.example/form\n',
    });
    const { report } = await buildProject(root);
    expect(report).toContain(
      'translations/uk/case-studies/a.md:7:6  warning  This translation links to https://evil.example/form, which the original does not  translation-new-link',
    );
    expect(report).toContain(
      'translations/uk/case-studies/a.md:7:17  warning  This translation links to https://evil.example/pay, which the original does not',
    );
    expect(report).not.toContain('https://example.org/kits, which');
  });
});
