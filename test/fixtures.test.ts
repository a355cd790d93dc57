/**
 * Golden fixtures: each `test/fixtures/<case>/input` is built and compared with
 * `expected/`. For a case that must fail, `expected/report.txt` pins every message and its
 * position, and nothing may be written. Run `UPDATE_GOLDEN=1 npm test` to rewrite the
 * expected files after a deliberate change, then review the diff before committing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject, listTree, temporaryDir, UNSTABLE_SEARCH_FILES } from './helpers/project.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const update = process.env.UPDATE_GOLDEN === '1';
/** Output compared byte for byte; fonts and the stylesheet are listed but not stored. */
const compared = (path: string) => path.endsWith('.html') || path.endsWith('.svg') || path.endsWith('.png');

const cases = (await readdir(FIXTURES)).filter((name) => existsSync(join(FIXTURES, name, 'input'))).sort();

describe.each(cases)('fixture %s', (name) => {
  const input = join(FIXTURES, name, 'input');
  const expected = join(FIXTURES, name, 'expected');

  it('builds to the expected output and report', async () => {
    const out = join(await temporaryDir(), 'dist');
    // No cache: a build must not write into the fixture (a .briefkit-cache there would also be reused next time).
    const result = await buildProject(input, { out, cache: false });
    const reportPath = join(expected, 'report.txt');
    // Pagefind names some files of the search index by hashes that differ between runs (see UNSTABLE_SEARCH_FILES).
    const files = (await listTree(out)).map((file) => (UNSTABLE_SEARCH_FILES.test(file) ? file.replace(/_[0-9a-f]+(\.pf_\w+)$/, '_*$1') : file));
    if (update) {
      await rm(expected, { recursive: true, force: true });
      await mkdir(expected, { recursive: true });
      if (result.report) await writeFile(reportPath, `${result.report}\n`);
      await writeFile(join(expected, 'files.txt'), files.map((file) => `${file}\n`).join(''));
      for (const file of files.filter(compared)) {
        await mkdir(dirname(join(expected, 'tree', file)), { recursive: true });
        await writeFile(join(expected, 'tree', file), await readFile(join(out, file)));
      }
      return;
    }
    const expectedReport = existsSync(reportPath) ? (await readFile(reportPath, 'utf8')).trimEnd() : '';
    expect(result.report).toBe(expectedReport);
    const expectedFiles = (await readFile(join(expected, 'files.txt'), 'utf8')).split('\n').filter(Boolean);
    expect(files).toEqual(expectedFiles);
    expect(result.written).toBe(expectedFiles.length > 0);
    for (const file of files.filter(compared)) {
      const actual = await readFile(join(out, file), 'utf8');
      expect(actual, file).toBe(await readFile(join(expected, 'tree', file), 'utf8'));
    }
  });
});
