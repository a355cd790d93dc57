/**
 * Issue 9: `briefkit init <dir>` writes a new organisation's project that builds with no
 * warnings, and `briefkit new <type> <slug>` scaffolds every content type.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../../src/content-types/index.js';
import { briefkitHere } from '../helpers/cli.js';
import { listTree, temporaryDir } from '../helpers/project.js';

describe('briefkit init', () => {
  it("writes a project with a briefing, a case study, a training module and an authors' guide that builds with no warnings", async () => {
    const parent = await temporaryDir();
    const init = await briefkitHere(['init', 'our-briefings'], { cwd: parent });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('cd our-briefings');
    const root = join(parent, 'our-briefings');
    expect(await listTree(root)).toEqual([
      '.gitignore',
      'README.md',
      'briefings/case-studies/example-case-study.md',
      'briefings/our-first-briefing/index.md',
      'briefings/references.yaml',
      'briefings/training/example-module.md',
      'briefkit.config.yaml',
    ]);
    const build = await briefkitHere(['build', '--strict', '--no-pdf'], { cwd: root });
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    const tree = await listTree(join(root, 'dist'));
    expect(tree).toContain('en/our-first-briefing/index.html');
    expect(tree).toContain('en/case-studies/example-case-study/index.html');
    expect(tree).toContain('en/training/example-module/index.html');
  });

  it('refuses a folder that already has what it would write, and changes nothing in it', async () => {
    const root = await temporaryDir();
    await writeFile(join(root, 'notes.txt'), 'mine');
    await writeFile(join(root, 'README.md'), 'my readme');
    const init = await briefkitHere(['init', '.'], { cwd: root });
    expect(init.code).toBe(1);
    expect(init.stderr).toContain('. already has README.md; give a new folder, or one without it, so nothing of yours is overwritten');
    expect(await listTree(root)).toEqual(['README.md', 'notes.txt']);
  });

  it('starts a project where briefkit was just installed with npm (issue 28)', async () => {
    const root = await temporaryDir();
    await writeFile(join(root, 'package.json'), '{ "dependencies": { "briefkit": "^0.1.0" } }\n');
    const init = await briefkitHere(['init', '.'], { cwd: root });
    expect(init.code, init.stderr).toBe(0);
    expect(await listTree(root)).toContain('briefkit.config.yaml');
    expect(await listTree(root)).toContain('package.json');
  });

  it('writes a .gitignore, so the built site and the cache are not committed (issue 29), and keeps one already there', async () => {
    const fresh = await temporaryDir();
    expect((await briefkitHere(['init', '.'], { cwd: fresh })).code).toBe(0);
    expect(await readFile(join(fresh, '.gitignore'), 'utf8')).toBe('dist/\n.briefkit-cache/\nnode_modules/\n');
    const mine = await temporaryDir();
    await writeFile(join(mine, '.gitignore'), '*.log\n');
    expect((await briefkitHere(['init', '.'], { cwd: mine })).code).toBe(0);
    expect(await readFile(join(mine, '.gitignore'), 'utf8')).toBe('*.log\n');
  });
});

describe('briefkit new <type> <slug>', () => {
  it('scaffolds every content type where the build finds it, and the result builds with no warnings', async () => {
    const parent = await temporaryDir();
    await briefkitHere(['init', 'p'], { cwd: parent });
    const root = join(parent, 'p');
    for (const type of CONTENT_TYPES) {
      const made = await briefkitHere(['new', type.name, `a-new-${type.name}`], { cwd: root });
      expect(made.code, made.stderr).toBe(0);
      const path = join(root, 'briefings', type.sourcePath(`a-new-${type.name}`));
      expect(existsSync(path), path).toBe(true);
      expect(await readFile(path, 'utf8')).toMatch(/^---\ntitle: a new /);
    }
    const build = await briefkitHere(['build', '--strict', '--no-pdf'], { cwd: root });
    expect(build.stderr).toBe('');
    const tree = await listTree(join(root, 'dist'));
    for (const path of [
      'en/a-new-briefing/index.html',
      'en/case-studies/a-new-case-study/index.html',
      'en/training/a-new-training/index.html',
      'en/briefs/a-new-brief/index.html',
      'en/a-new-page/index.html',
    ]) {
      expect(tree).toContain(path);
    }
  });

  it('refuses an unknown type, a slug that cannot be an address, and an existing file', async () => {
    const root = await temporaryDir();
    const unknown = await briefkitHere(['new', 'podcast', 'x'], { cwd: root });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('cannot make "podcast"');
    const badSlug = await briefkitHere(['new', 'training', 'Naloxone Basics'], { cwd: root });
    expect(badSlug.code).toBe(2);
    expect(badSlug.stderr).toContain('e.g. naloxone-basics');
    expect((await briefkitHere(['new', 'brief', 'ask'], { cwd: root })).code).toBe(0);
    const again = await briefkitHere(['new', 'brief', 'ask'], { cwd: root });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });
});
