/**
 * The sample project, built once per test run and shared read-only (issue 30, item 5). The
 * first test file that asks for a build makes it with the compiled CLI, as a user does; test
 * files in other workers wait for it (a folder made with `mkdir` is the lock, a file the
 * result). The run's folder comes from test/setup/sample-site.ts.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const run = promisify(execFile);
const repository = join(import.meta.dirname, '../..');
const bin = join(repository, 'bin/briefkit.js');
/** The files of the sample project, as in the repository. */
const SAMPLE_ENTRIES = ['briefings', 'translations', 'countries', 'branding', 'briefkit.config.yaml'];

/** The builds the tests share, by the `briefkit build` options that make them. */
const BUILDS = {
  /** Every country's edition, no PDFs. */
  web: ['--all-countries', '--no-pdf'],
  /** Every country's edition and every PDF. */
  print: ['--all-countries'],
} as const;

/** A shared build of the sample: its project folder (the site is in `<root>/dist`) and what `--quiet` printed (its problems). */
export interface SampleBuild {
  readonly root: string;
  readonly report: string;
}

interface Outcome {
  readonly report?: string;
  readonly failure?: string;
}

/** Build it here (this file holds the lock), writing the outcome for every waiting test file. */
async function make(root: string, args: readonly string[], result: string): Promise<void> {
  let outcome: Outcome;
  try {
    for (const entry of SAMPLE_ENTRIES) await cp(join(repository, entry), join(root, entry), { recursive: true });
    const { stdout, stderr } = await run(process.execPath, [bin, 'build', '--quiet', '--no-cache', ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', BRIEFKIT_DEBUG: '' },
      maxBuffer: 50_000_000,
    });
    outcome = { report: `${stderr}${stdout}` };
  } catch (failure) {
    const { stdout, stderr, message } = failure as { stdout?: string; stderr?: string; message?: string };
    outcome = {
      failure: `The sample did not build (briefkit build ${args.join(' ')}):\n${stderr ?? ''}${stdout ?? ''}${stderr || stdout ? '' : (message ?? '')}`,
    };
  }
  // Whole or not at all, for the files waiting on it.
  await writeFile(`${result}.partial`, JSON.stringify(outcome));
  await rename(`${result}.partial`, result);
}

/**
 * The sample built as `name` says, made once per run; read-only (copy it to change it). A build
 * that fails fails every test that asks for it, with the build's report.
 */
export async function sampleSite(name: keyof typeof BUILDS): Promise<SampleBuild> {
  if (!existsSync(join(repository, 'lib/cli.js'))) throw new Error('lib/ is missing: run "npm test", which compiles first');
  const folder = inject('sampleBuilds');
  const root = join(folder, name);
  const result = join(folder, `${name}.json`);
  const mine = await mkdir(root).then(
    () => true,
    () => false,
  );
  if (mine) await make(root, BUILDS[name], result);
  while (!existsSync(result)) await new Promise((resolve) => setTimeout(resolve, 250));
  const outcome = JSON.parse(await readFile(result, 'utf8')) as Outcome;
  if (outcome.failure !== undefined) throw new Error(outcome.failure);
  return { root, report: outcome.report ?? '' };
}
