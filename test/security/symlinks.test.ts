/**
 * Issue 8, class 2: nothing is read or written outside the project through links. Every
 * reader and writer goes through src/project/, which resolves real paths.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { png } from '../helpers/binary-files.js';
import { buildProject, caseStudy, listTree, makeProject, readText, temporaryDir } from '../helpers/project.js';

const SECRET = 'TOP-SECRET-OUTSIDE';

/** A folder outside the project holding files that must never be read or published. */
async function outsideDir(files: Record<string, string> = {}): Promise<string> {
  const dir = await temporaryDir();
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

async function link(root: string, path: string, target: string): Promise<void> {
  await mkdir(join(root, path, '..'), { recursive: true });
  await symlink(target, join(root, path));
}

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

/** Every built file's text, to check that nothing from outside was published. */
async function published(root: string): Promise<string> {
  const files = await listTree(join(root, 'dist'));
  return (await Promise.all(files.map((path) => readText(root, `dist/${path}`)))).join('\n');
}

const ok = { 'briefings/case-studies/a.md': caseStudy({}, 'Some text.\n') };

describe('reading through links', () => {
  it('refuses a Markdown file that links out of the project, naming the link', async () => {
    const outside = await outsideDir({ 'secret.md': caseStudy({ title: SECRET }, `${SECRET}\n`) });
    const root = await makeProject(ok);
    await link(root, 'briefings/case-studies/leak.md', join(outside, 'secret.md'));
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toContain(
      `briefings/case-studies/leak.md  error  briefings/case-studies/leak.md is a symbolic link ` +
        `to ${join(outside, 'secret.md')}, outside the project  symlink-outside`,
    );
    expect(result.report).not.toContain(SECRET);
  });

  it('refuses a linked image out of the project at the place the page uses it, and copies nothing', async () => {
    const outside = await outsideDir({ 'private.png': SECRET });
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({}, 'See ![x](leak.png)\n') });
    await link(root, 'briefings/case-studies/leak.png', join(outside, 'private.png'));
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toContain(
      `briefings/case-studies/a.md:6:5  error  Image "leak.png": briefings/case-studies/leak.png is a symbolic link ` +
        `to ${join(outside, 'private.png')}, outside the project  symlink-outside`,
    );
    expect(result.report).not.toContain('not found');
  });

  // A real PNG (only images that decode are published), with a marker to recognise the copy by.
  const PNG_INSIDE = png(1, 1, { text: 'PNG-INSIDE' });

  it('follows a link whose target stays inside the project, and names a dangling one as a link', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({}, '![x](pic.png) ![y](gone.png)\n') });
    await mkdir(join(root, 'branding'));
    await writeFile(join(root, 'branding/pic.png'), PNG_INSIDE);
    await link(root, 'briefings/case-studies/pic.png', '../../branding/pic.png');
    await link(root, 'briefings/case-studies/gone.png', '/nonexistent/briefkit/gone.png');
    const dangling = await buildProject(root);
    expect(dangling.report).toContain(
      'a.md:6:15  error  Image "gone.png": briefings/case-studies/gone.png is a symbolic link to ' +
        '/nonexistent/briefkit/gone.png, which does not exist  symlink-dangling',
    );
    expect(dangling.report).not.toContain('pic.png');
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({}, '![x](pic.png)\n'));
    const result = await buildProject(root);
    expect(result.report).toBe('');
    expect(await readFile(join(root, 'dist/en/case-studies/a/pic.png'))).toEqual(PNG_INSIDE);
  });

  it('refuses a content or translation folder that is itself a link out of the project', async () => {
    const outside = await outsideDir({ 'case-studies/a.md': caseStudy({ title: SECRET }, `${SECRET}\n`) });
    const root = await makeProject({ 'briefkit.config.yaml': 'languages: [en, uk]\n', ...ok });
    await link(root, 'translations/uk', outside);
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toContain(`translations/uk  error  translations/uk is a symbolic link to ${outside}, outside the project  symlink-outside`);
    expect(result.report).not.toContain(SECRET);

    const other = await makeProject({});
    await link(other, 'briefings', outside);
    const content = await buildProject(other);
    expect(content.written).toBe(false);
    expect(content.report).toContain(`briefings  error  briefings is a symbolic link to ${outside}, outside the project  symlink-outside`);
    expect(content.report).not.toContain(SECRET);
  });

  it('refuses a linked config, ui.yaml, country profile, bibliography and template, and publishes nothing from them', async () => {
    const outside = await outsideDir({
      'config.yaml': `title: ${SECRET}\n`,
      'ui.yaml': `homeTitle: ${SECRET}\n`,
      'ua.yaml': `name: ${SECRET}\n`,
      'references.yaml': `- id: x\n  title: ${SECRET}\n`,
      'page.hbs': SECRET,
    });
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({}, 'Text.\n') });
    await link(root, 'briefkit.config.yaml', join(outside, 'config.yaml'));
    await link(root, 'translations/en/ui.yaml', join(outside, 'ui.yaml'));
    await link(root, 'countries/ua.yaml', join(outside, 'ua.yaml'));
    await link(root, 'briefings/references.yaml', join(outside, 'references.yaml'));
    await link(root, 'templates/pages/page.hbs', join(outside, 'page.hbs'));
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    for (const path of ['briefkit.config.yaml', 'translations/en/ui.yaml', 'countries/ua.yaml', 'briefings/references.yaml', 'templates/pages/page.hbs']) {
      expect(result.report).toMatch(
        new RegExp(`${path.replace(/\./g, '\\.')}  error  ${path.replace(/\./g, '\\.')} is a symbolic link to .*, outside the project  symlink-outside`),
      );
    }
    expect(result.report).not.toContain(SECRET);
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('refuses a logo that links out of the project, at its line in the config', async () => {
    const outside = await outsideDir({ 'logo.svg': `<svg xmlns="http://www.w3.org/2000/svg"><text>${SECRET}</text></svg>` });
    const root = await makeProject({ 'briefkit.config.yaml': 'organisation:\n  name: X\n  logo: branding/logo.svg\n', ...ok });
    await link(root, 'branding/logo.svg', join(outside, 'logo.svg'));
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toContain(
      `briefkit.config.yaml:3:9  error  The logo "branding/logo.svg": branding/logo.svg is a symbolic link ` +
        `to ${join(outside, 'logo.svg')}, outside the project  symlink-outside`,
    );
    expect(await published(root)).not.toContain(SECRET);
  });

  it("refuses an output folder that is a link into the project's content", async () => {
    const root = await makeProject(ok);
    await symlink(join(root, 'briefings'), join(root, 'dist'));
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toContain(`(the real path of ${join(root, 'dist')}) is inside the project's briefings/ folder`);
    expect(existsSync(join(root, 'briefings/case-studies/a.md'))).toBe(true);
  });
});

describe('writing through links', () => {
  const project = (extra: Record<string, string> = {}) => makeProject({ 'briefkit.config.yaml': 'languages: [en, uk]\n', ...ok, ...extra });

  it('i18n new refuses a translation folder that links out of the project', async () => {
    const outside = await outsideDir();
    const root = await project();
    await link(root, 'translations/uk', outside);
    const result = await run(root, 'i18n', 'new', 'uk', 'case-studies/a.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`translations/uk is a symbolic link to ${outside}, outside the project; briefkit does not write there`);
    expect(await listTree(outside)).toEqual([]);
  });

  it('i18n new never writes through a dangling link', async () => {
    const outside = await outsideDir();
    const root = await project();
    await link(root, 'translations/uk/case-studies/a.md', join(outside, 'planted.md'));
    const result = await run(root, 'i18n', 'new', 'uk', 'case-studies/a.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `translations/uk/case-studies/a.md is a symbolic link to ${join(outside, 'planted.md')}, which does not exist; briefkit does not write through it`,
    );
    expect(existsSync(join(outside, 'planted.md'))).toBe(false);
  });

  it('i18n stamp leaves a translation that links out of the project untouched', async () => {
    const original = caseStudy({ title: 'Перекладено' }, 'Текст.\n');
    const outside = await outsideDir({ 'a.md': original });
    const root = await project();
    await link(root, 'translations/uk/case-studies/a.md', join(outside, 'a.md'));
    const result = await run(root, 'i18n', 'stamp', 'uk');
    expect(result.stderr).toContain(`translations/uk/case-studies/a.md is a symbolic link to ${join(outside, 'a.md')}, outside the project`);
    expect(await readFile(join(outside, 'a.md'), 'utf8')).toBe(original);
  });

  it('new country refuses a dangling link and a countries/ folder out of the project', async () => {
    const outside = await outsideDir();
    const root = await project();
    await link(root, 'countries/ua.yaml', join(outside, 'ua.yaml'));
    const dangling = await run(root, 'new', 'country', 'ua');
    expect(dangling.code).toBe(1);
    expect(dangling.stderr).toContain(
      `countries/ua.yaml is a symbolic link to ${join(outside, 'ua.yaml')}, which does not exist; briefkit does not write through it`,
    );
    expect(existsSync(join(outside, 'ua.yaml'))).toBe(false);
    expect(await readlink(join(root, 'countries/ua.yaml'))).toBe(join(outside, 'ua.yaml'));

    const other = await project();
    await symlink(outside, join(other, 'countries'));
    const folder = await run(other, 'new', 'country', 'pl');
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain(`countries is a symbolic link to ${outside}, outside the project; briefkit does not write there`);
    expect(await listTree(outside)).toEqual([]);
  });
});
