/**
 * Issue 8, class 6 (part): a Chromium that hangs at start is killed, reported, and briefkit
 * exits (1), with the website written and no process left behind.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { caseStudy, listTree, makeProject } from '../helpers/project.js';

const bin = join(import.meta.dirname, '../../bin/briefkit.js');
const run = promisify(execFile);

/** Whether a process still runs (a zombie waiting for its parent to reap it does not). */
async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  return stat !== undefined && !/^\d+ \(.*\) Z/.test(stat);
}

describe('a Chromium that hangs at start', () => {
  it('is killed, reported as pdf-browser, the site is written, and briefkit exits 1', async () => {
    if (!existsSync(join(import.meta.dirname, '../../lib/cli.js'))) throw new Error('lib/ is missing: run "npm test", which compiles first');
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy() });
    const fake = join(root, 'fake-chromium');
    const pids = join(root, 'pids');
    // A "browser" that never answers, with a child of its own.
    await writeFile(fake, `#!/bin/sh\nsleep 600 &\necho "$$ $!" > '${pids}'\nwait\n`);
    await chmod(fake, 0o755);
    const started = Date.now();
    const result = await run(process.execPath, [bin, 'build', '--root', root], {
      env: { ...process.env, NO_COLOR: '1', PUPPETEER_EXECUTABLE_PATH: fake, BRIEFKIT_BROWSER_TIMEOUT_MS: '1500' },
      timeout: 240_000,
    }).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (failure: { code: number; stderr: string }) => ({ code: failure.code, stderr: failure.stderr }),
    );
    expect(result.code).toBe(1);
    // It ends by itself, far sooner than the fake's 600 s (a loaded machine may take a while to start it).
    expect(Date.now() - started).toBeLessThan(240_000);
    expect(result.stderr).toContain(`error  Chromium (${fake}) did not start within 1.5 s and was stopped  pdf-browser`);
    expect(result.stderr).toContain('BRIEFKIT_BROWSER_TIMEOUT_MS');
    expect(await listTree(join(root, 'dist'))).toContain('en/case-studies/a/index.html');
    const [shell, child] = (await readFile(pids, 'utf8')).trim().split(' ').map(Number);
    expect(await alive(shell!)).toBe(false);
    expect(await alive(child!)).toBe(false);
  }, 300_000);
});
