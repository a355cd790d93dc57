import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Install the peer tools into bench/node_modules on first run (from bench/package-lock.json),
 * and compile briefkit's lib/ from src/ (unless BENCH_NO_COMPILE is set): the benchmark runs
 * the published CLI, `bin/briefkit.js`, over lib/.
 */
export function setup(bench: string, root: string, log: (line: string) => void): void {
  if (!existsSync(join(bench, 'node_modules/@11ty/eleventy/package.json'))) {
    log('Installing the peer tools in bench/node_modules (npm ci --prefix bench)…');
    execFileSync('npm', ['ci', '--prefix', bench, '--no-audit', '--no-fund'], { stdio: ['ignore', 2, 2] }); // keep stdout for the table
  }
  if (process.env.BENCH_NO_COMPILE) return;
  log('Compiling briefkit (tsc -p tsconfig.build.json)…');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
}

/** Whether `hugo` is on PATH. */
export function hasHugo(): boolean {
  try {
    execFileSync('hugo', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
