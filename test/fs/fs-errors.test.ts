/**
 * Issue 8, class 6: a failure to read or write a file is one line naming the file and what
 * to do, with exit code 1 and the previous output intact; never a stack trace. Tests run as
 * root, which permission bits do not stop, so each error is made in a way root hits too
 * (and permission denied by running the CLI as the unprivileged user "nobody").
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failureMessage } from '../../src/cli.js';
import { explainError } from '../../src/fs/explain-error.js';
import { caseStudy, makeProject } from '../helpers/project.js';
import { briefkit as cli } from '../helpers/cli.js';

const briefkit = (args: string[], cwd: string, user?: { uid: number; gid: number }) => cli(args, { cwd, user });

/** Exit 1 and exactly one line on stderr, with no stack frame in it. */
function expectOneLine(result: { code: number; stderr: string }): string {
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  return result.stderr.trimEnd();
}

const project = () => makeProject({ 'briefings/case-studies/a.md': caseStudy() });

describe('file-system failures on the command line', () => {
  it('--out under a regular file (ENOTDIR)', async () => {
    const root = await project();
    await writeFile(join(root, 'notes.txt'), 'not a folder');
    const line = expectOneLine(await briefkit(['build', '--no-pdf', '--out', 'notes.txt/dist'], root));
    expect(line).toBe('briefkit: cannot open notes.txt/dist: a part of the path is a file, not a folder; rename that file or choose another path.');
  });

  it('an output name too long for the file system (ENAMETOOLONG)', async () => {
    const root = await project();
    const name = 'd'.repeat(300);
    const line = expectOneLine(await briefkit(['build', '--no-pdf', '--out', name], root));
    expect(line).toBe(`briefkit: cannot open ${name}: the name is too long for the file system; use a shorter file or folder name.`);
  });

  it('a folder where the config file should be: reported like any other problem, without a stack trace', async () => {
    const root = await project();
    await mkdir(join(root, 'briefkit.config.yaml'));
    const result = await briefkit(['build', '--no-pdf'], root);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).toContain('briefkit.config.yaml  error  briefkit.config.yaml is a folder, not a file  not-a-file');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('a file where new country would make the countries folder (EEXIST)', async () => {
    const root = await project();
    await writeFile(join(root, 'countries'), 'a file');
    const line = expectOneLine(await briefkit(['new', 'country', 'ua'], root));
    expect(line).toBe('briefkit: cannot write countries: something already exists there; remove or rename it, or choose another name.');
  });

  it('an output folder the user may not write to (EACCES), keeping the previous site', async () => {
    const root = await project();
    await chmod(root, 0o755);
    expect((await briefkit(['build', '--no-pdf', '--out', 'site/dist'], root)).code).toBe(0);
    const before = await readFile(join(root, 'site/dist/en/case-studies/a/index.html'), 'utf8');
    await chmod(join(root, 'site'), 0o555);
    // Root ignores permission bits: run as "nobody" (tests run as root in CI).
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const line = expectOneLine(await briefkit(['build', '--no-pdf', '--out', 'site/dist'], root, as));
    expect(line).toBe('briefkit: cannot open site/dist: permission denied; give your user access to it (or choose another folder, e.g. with --out).');
    expect(await readFile(join(root, 'site/dist/en/case-studies/a/index.html'), 'utf8')).toBe(before);
  });
});

describe('the messages', () => {
  const fake = (code: string, syscall: string, path?: string) => Object.assign(new Error(`${code}: oops, ${syscall} '${path}'`), { code, syscall, path });

  it("name the file the user knows, not briefkit's temporary folder, and say what to do", () => {
    expect(explainError(fake('ENOSPC', 'write', '/site/dist.briefkit-tmp-123/en/a/a.en.pdf'), '/')).toBe(
      'briefkit: cannot write site/dist/en/a/a.en.pdf: the disk is full; free some space and run again.',
    );
    expect(explainError(fake('EROFS', 'mkdir', '/mnt/cd/dist.briefkit-tmp-9'), '/home')).toBe(
      'briefkit: cannot write /mnt/cd/dist: it is on a read-only file system; choose a folder you can write to, e.g. with --out.',
    );
    expect(explainError(fake('EACCES', 'scandir', '/p/briefings/x'), '/p')).toBe(
      'briefkit: cannot read briefings/x: permission denied; give your user access to it (or choose another folder, e.g. with --out).',
    );
    expect(explainError(fake('EPERM', 'rename', '/p/dist'), '/p')).toContain('cannot write dist: the operation is not permitted;');
    expect(explainError(fake('EMFILE', 'open', '/p/briefings/a.md'), '/p')).toBe(
      'briefkit: cannot open briefings/a.md: too many files are open at once; raise the limit (e.g. "ulimit -n 4096") and run again.',
    );
    expect(explainError(fake('EEXIST', 'mkdir', '/p/translations/uk'), '/p')).toContain('cannot write translations/uk: something already exists there');
    expect(explainError(fake('EMFILE', 'spawn'), '/p')).toBe(
      'briefkit: too many files are open at once (EMFILE); raise the limit (e.g. "ulimit -n 4096") and run again.',
    );
    expect(explainError(new TypeError('x is undefined'), '/p')).toBeUndefined();
  });

  it('keep a bug reportable: one line and how to see the details, the stack only with BRIEFKIT_DEBUG=1', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'slug')");
    const previous = process.env.BRIEFKIT_DEBUG;
    try {
      delete process.env.BRIEFKIT_DEBUG;
      expect(failureMessage(bug, '/p')).toBe(
        "briefkit: unexpected error: Cannot read properties of undefined (reading 'slug'). Run again with BRIEFKIT_DEBUG=1 for details, and please report it.",
      );
      process.env.BRIEFKIT_DEBUG = '1';
      expect(failureMessage(bug, '/p')).toMatch(/^briefkit: unexpected error\nTypeError: Cannot read properties[^]*\n\s+at /);
    } finally {
      if (previous === undefined) delete process.env.BRIEFKIT_DEBUG;
      else process.env.BRIEFKIT_DEBUG = previous;
    }
  });
});
