/**
 * Issue 27, item 8: errors that hid errors. A write that failed was reported as the clean-up's
 * "folder is not empty"; a read-only previous output made every later build fail; a slug too
 * long for a file name was found only when writing.
 */
import { spawnSync } from 'node:child_process';
import { chmod, chown, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/fs/write-atomic.js';
import { buildProject, caseStudy, makeProject, temporaryDir } from '../helpers/project.js';

const CLI = join(import.meta.dirname, '../../bin/briefkit.js');

describe('the first cause is the one reported (issue 27, item 8)', () => {
  it('reports a name too long for the file system, not the clean-up after it', async () => {
    const out = join(await temporaryDir(), 'dist');
    const files = Array.from({ length: 400 }, (_, index) => ({ path: `f${index % 40}/page-${index}.html`, content: 'x'.repeat(20_000) }));
    files.splice(5, 0, { path: `${'b'.repeat(300)}.pdf`, content: 'pdf' });
    const failure = await writeAtomic(out, files).then(
      () => undefined,
      (reason: NodeJS.ErrnoException) => reason,
    );
    expect(failure?.code).toBe('ENAMETOOLONG');
    // Nothing is left beside the output folder.
    expect((await readdir(join(out, '..'))).filter((name) => name.startsWith('dist'))).toEqual([]);
  });

  it('refuses a slug too long to be a file name, at the file or at its slug: line', async () => {
    const long = 'a'.repeat(150);
    const root = await makeProject({
      [`briefings/${long}/index.md`]: '---\ntitle: Guide\n---\n\nText.\n',
      'briefings/case-studies/b.md': caseStudy({ slug: 'c'.repeat(120) }),
    });
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toContain(
      `briefings/${long}/index.md:1:1  error  The web address made from the file name is 150 characters long; briefkit allows 100  slug-too-long`,
    );
    expect(result.report).toMatch(/b\.md:4:7 {2}error {2}.*a slug has at most 100 characters, this one has 120/);
  });

  it('builds again over a previous output someone made read-only', async () => {
    const root = await makeProject({ 'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n', 'briefings/case-studies/a.md': caseStudy({ title: 'First' }) });
    // As root, permissions do not apply: the builds run as the unprivileged user "nobody".
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (process.getuid?.() === 0) await chownTree(root, 65534);
    const build = () =>
      spawnSync(process.execPath, [CLI, 'build', '--no-pdf'], { cwd: root, encoding: 'utf8', env: { ...process.env, HOME: root, NO_COLOR: '1' }, ...asUser });
    expect(build().status).toBe(0);
    await chmodTree(join(root, 'dist'));
    for (const title of ['Second', 'Third']) {
      await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title }));
      const result = build();
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(await readFile(join(root, 'dist/en/case-studies/a/index.html'), 'utf8')).toContain(`<title>${title}`);
      expect((await readdir(root)).filter((name) => name.startsWith('dist'))).toEqual(['dist']);
    }
  });
});

async function chownTree(path: string, id: number): Promise<void> {
  await chown(path, id, id);
  for (const entry of await readdir(path, { withFileTypes: true }).catch(() => [])) await chownTree(join(path, entry.name), id);
}

/** `chmod -R a-w`. */
async function chmodTree(path: string): Promise<void> {
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.isDirectory()) await chmodTree(join(path, entry.name));
    else await chmod(join(path, entry.name), 0o444);
  }
  await chmod(path, 0o555);
}
