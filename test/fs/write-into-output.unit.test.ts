/**
 * Issue 8, class 2: `briefkit pdf` writes into an existing output folder, file by file. A
 * link planted in that folder (a folder of it pointing elsewhere, or a dangling temporary
 * name) must not carry a write out of it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainError } from '../../src/fs/explain-error.js';
import { writeFilesInto } from '../../src/fs/write-atomic.js';
import { temporaryDir } from '../helpers/project.js';

describe('writing PDFs into an existing output folder', () => {
  it('refuses a folder of the output that is a link out of it, and says so in one line', async () => {
    const root = await temporaryDir();
    const out = join(root, 'dist');
    const outside = join(root, 'elsewhere');
    await mkdir(join(out, 'en/case-studies'), { recursive: true });
    await mkdir(outside);
    await symlink(outside, join(out, 'en/case-studies/a'));
    const failure = await writeFilesInto(out, [{ path: 'en/case-studies/a/a.en.pdf', content: '%PDF-1.7 planted' }]).catch((reason: unknown) => reason);
    expect(failure).toBeInstanceOf(Error);
    expect(await readdir(outside)).toEqual([]);
    expect(explainError(failure, root)).toBe(
      'briefkit: cannot write dist/en/case-studies/a: a symbolic link in the output folder leads out of it, and briefkit never writes through one; ' +
        'remove the link (or build the whole site again with briefkit build).',
    );
  });

  it('never writes through a dangling link at its temporary name', async () => {
    const root = await temporaryDir();
    const out = join(root, 'dist');
    await mkdir(join(out, 'en'), { recursive: true });
    const victim = join(root, 'victim.txt');
    await symlink(victim, join(out, `en/x.pdf.briefkit-tmp-${process.pid}`));
    await writeFilesInto(out, [{ path: 'en/x.pdf', content: 'the PDF' }]);
    expect(existsSync(victim)).toBe(false);
    expect(await readFile(join(out, 'en/x.pdf'), 'utf8')).toBe('the PDF');
  });

  it('still writes into folders that are really inside the output', async () => {
    const out = join(await temporaryDir(), 'dist');
    await mkdir(join(out, 'en'), { recursive: true });
    await writeFile(join(out, 'en/old.pdf'), 'old');
    await writeFilesInto(out, [
      { path: 'en/old.pdf', content: 'new' },
      { path: 'uk/b/b.uk.pdf', content: 'b' },
    ]);
    expect(await readFile(join(out, 'en/old.pdf'), 'utf8')).toBe('new');
    expect(await readFile(join(out, 'uk/b/b.uk.pdf'), 'utf8')).toBe('b');
  });
});
