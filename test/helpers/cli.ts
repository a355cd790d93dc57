import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../bin/briefkit.js');

/** What a run of the command line gave: exit code (or the signal that ended it) and output. */
export interface CliResult {
  readonly code: number;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run it: folder, extra environment, and the user to run as (root ignores permissions). */
export interface CliOptions {
  readonly cwd?: string | undefined;
  readonly env?: Record<string, string>;
  readonly user?: { readonly uid: number; readonly gid: number } | undefined;
}

/**
 * Run `briefkit <args>` as a user types it (the compiled CLI in lib/, which `npm test` builds
 * first), without colour or debug output, and never throw: a failure is its exit code.
 */
export async function briefkit(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  if (!existsSync(join(import.meta.dirname, '../../lib/cli.js'))) throw new Error('lib/ is missing: run "npm test", which compiles first');
  const env = { ...process.env, NO_COLOR: '1', BRIEFKIT_DEBUG: '', ...(options.user ? { HOME: options.cwd ?? '/' } : {}), ...options.env };
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: options.cwd, env, maxBuffer: 50_000_000, ...options.user });
    return { code: 0, signal: null, stdout, stderr };
  } catch (failure) {
    const { code, signal, stdout, stderr } = failure as { code: number; signal: string | null; stdout: string; stderr: string };
    return { code, signal, stdout, stderr };
  }
}

/**
 * Run `briefkit <args>` in this process: the CLI's own `main` (src/cli.ts) with buffers for its
 * output, giving the same exit code and output as {@link briefkit} without starting Node and
 * loading the whole CLI again (seconds a run on a busy machine). For tests of what a command
 * does; a test of the process itself (the compiled lib/, a signal, a user's permissions, its
 * environment) spawns it with {@link briefkit}.
 */
export async function briefkitHere(args: readonly string[], options: { readonly cwd: string }): Promise<CliResult> {
  const { main } = await import('../../src/cli.js');
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: options.cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    color: false,
    progress: false,
  });
  return { code, signal: null, stdout, stderr };
}
