/**
 * Issue 27, item 8 (part): one rule for relative paths. `build --root X --out X/dist`
 * resolved --out against the root (writing X/X/dist) while `check` and `i18n extract` took
 * it from the working folder. Every path option is from the working folder now.
 */
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefkit } from '../helpers/cli.js';
import { caseStudy, listTree, makeProject, temporaryDir } from '../helpers/project.js';

describe('issue 27: --out is from the working folder, as every path option is', () => {
  it('build --root proj --out proj/site run from the parent writes proj/site', async () => {
    const parent = await temporaryDir();
    const root = await makeProject({ 'briefkit.config.yaml': 'languages: [en]\n', 'briefings/case-studies/a.md': caseStudy({ title: 'A' }) });
    await mkdir(join(parent, 'work'));
    await rename(root, join(parent, 'work', 'proj'));
    const result = await briefkit(['build', '--no-pdf', '--root', 'proj', '--out', 'proj/site'], { cwd: join(parent, 'work') });
    expect(result.code, result.stderr).toBe(0);
    const tree = await listTree(join(parent, 'work'));
    expect(tree).toContain('proj/site/en/case-studies/a/index.html');
    expect(tree.some((path) => path.startsWith('proj/proj/'))).toBe(false);
  });
});
