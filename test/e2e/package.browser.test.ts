/**
 * Issue 28, item 5: briefkit is a real package. What `npm pack` makes installs in an empty
 * folder (from npm's cache, as on a machine that reaches only the registry), and there
 * `npx briefkit init . && npx briefkit build` makes the sample site and its PDFs, with no
 * clone and no `npm link`. The package holds what it needs and nothing else.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listTree, temporaryDir } from '../helpers/project.js';

const run = promisify(execFile);
const REPO = join(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

describe('the npm package (issue 28)', () => {
  it('installs in an empty folder, and init then build work there', async () => {
    const work = await temporaryDir();
    // lib/ is compiled already (npm test does it first): no need to run prepare again.
    const { stdout } = await run(NPM, ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: REPO, shell: process.platform === 'win32' });
    const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    const paths = packed!.files.map((file) => file.path);
    expect(paths).toContain('bin/briefkit.js');
    expect(paths).toContain('lib/cli.js');
    expect(paths).toContain('starter/briefkit.config.yaml');
    expect(paths.filter((path) => !/^(bin|lib|starter|templates|translations)\/|^(README\.md|package\.json|LICENSE.*)$/.test(path))).toEqual([]);
    expect(paths.some((path) => path.endsWith('.map') || path.endsWith('.pdf') || path.startsWith('test/'))).toBe(false);

    const project = join(work, 'project');
    await mkdir(project);
    await run(NPM, ['init', '-y'], { cwd: project, shell: process.platform === 'win32' });
    await run(NPM, ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed!.filename)], {
      cwd: project,
      shell: process.platform === 'win32',
      maxBuffer: 50_000_000,
    });
    const env = { ...process.env, NO_COLOR: '1' };
    const init = await run(NPX, ['--offline', 'briefkit', 'init', '.'], { cwd: project, env, shell: process.platform === 'win32' });
    expect(init.stdout).toContain('Started a briefkit project in .');
    const build = await run(NPX, ['--offline', 'briefkit', 'build'], { cwd: project, env, shell: process.platform === 'win32' });
    expect(build.stdout).toMatch(/Built \d+ pages and \d+ PDFs into /);
    const built = await listTree(join(project, 'dist'));
    expect(built).toContain('en/index.html');
    expect(built.filter((path) => path.endsWith('.pdf')).length).toBeGreaterThan(0);
    // Installed as a package, it keeps its hands off the project: no puppeteer download, no config of its own there.
    expect((await readdir(project)).sort()).toEqual([
      '.briefkit-cache',
      '.gitignore',
      'README.md',
      'briefings',
      'briefkit.config.yaml',
      'dist',
      'node_modules',
      'package-lock.json',
      'package.json',
    ]);
  }, 300_000);
});
