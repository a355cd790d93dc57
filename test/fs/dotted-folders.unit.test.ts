/**
 * Issue 28, item 6: whether a path is inside a folder is asked of `node:path`
 * (paths/project-path.ts), not of the text `..`: a folder named `..drafts` is inside, and
 * was taken for one above.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputDir } from '../../src/fs/check-output-dir.js';
import { explainError } from '../../src/fs/explain-error.js';
import { temporaryDir } from '../helpers/project.js';

describe('issue 28: folders whose names start with two dots', () => {
  it('refuses an output folder that holds the project in its ..proj folder', async () => {
    const out = await temporaryDir();
    const root = join(out, '..proj');
    await mkdir(root);
    expect(await checkOutputDir(root, out)).toBe(
      `The output folder ${out} contains the project itself; briefkit replaces the whole output folder on each build`,
    );
  });

  it('shows a file in ..notes relative to the working folder, as any other', () => {
    const failure = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'open', path: '/p/..notes/a.md' });
    expect(explainError(failure, '/p')).toBe(
      'briefkit: cannot open ..notes/a.md: permission denied; give your user access to it (or choose another folder, e.g. with --out).',
    );
  });
});
