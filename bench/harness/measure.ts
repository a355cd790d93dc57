import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One timed run of a command. */
export interface Measurement {
  /** Wall time in ms. */
  ms: number;
  /** Peak resident memory of the process tree in bytes. */
  peak: number;
  /** CPU time (user and system) of the process and the children it waited for (Pagefind's, workers), in ms; 0 without /usr/bin/time. */
  cpuMs: number;
  /** Why it did not finish normally, if it did not. */
  failure?: 'timed out' | 'out of memory' | `exit ${string}`;
  /** The last lines of its error output, when it failed. */
  stderr: string;
}

const TIME = '/usr/bin/time';
const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};
const kib = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;

/** `pid` and every descendant still alive (through /proc/<pid>/task/<tid>/children). */
function tree(pid: number): number[] {
  const all = [pid];
  for (let at = 0; at < all.length; at++) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${all[at]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) for (const child of read(`/proc/${all[at]}/task/${task}/children`).split(' ').filter(Boolean)) all.push(Number(child));
  }
  return all;
}

/**
 * Run `command` in its own process group and measure wall time, CPU time and peak memory: the larger
 * of the tree's summed VmRSS, polled every 50 ms, and the biggest single process's peak
 * (VmHWM while polling; GNU time's exact maximum when /usr/bin/time exists). After
 * `timeoutMs` the whole group is killed.
 */
export function measure(command: string, args: readonly string[], options: { cwd: string; timeoutMs: number }): Promise<Measurement> {
  const timeFile = join(tmpdir(), `briefkit-bench-time-${process.pid}.txt`);
  rmSync(timeFile, { force: true });
  const [file, argv] = existsSync(TIME) ? [TIME, ['-f', '%M %U %S', '-o', timeFile, command, ...args]] : [command, [...args]];
  const start = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (data: Buffer) => void (stderr = (stderr + data.toString()).slice(-20_000)));
  let peak = 0;
  const poll = setInterval(() => {
    let sum = 0;
    for (const pid of tree(child.pid!)) {
      const status = read(`/proc/${pid}/status`);
      sum += kib(status, 'VmRSS');
      peak = Math.max(peak, kib(status, 'VmHWM'));
    }
    peak = Math.max(peak, sum);
  }, 50);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }, options.timeoutMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - start;
      clearInterval(poll);
      clearTimeout(timer);
      const timed = /^(\d+) ([\d.]+) ([\d.]+)\s*$/m.exec(read(timeFile));
      const exact = Number(timed?.[1] ?? 0) * 1024;
      const cpuMs = (Number(timed?.[2] ?? 0) + Number(timed?.[3] ?? 0)) * 1000;
      rmSync(timeFile, { force: true });
      const tail = stderr.trim().split('\n').slice(-5).join('\n');
      const failure = timedOut
        ? 'timed out'
        : /heap out of memory|JavaScript heap|allocation failed/i.test(stderr)
          ? 'out of memory'
          : code === 0 && !signal
            ? undefined
            : (`exit ${code ?? signal}` as const);
      resolve({ ms, peak: Math.max(peak, exact), cpuMs, stderr: failure ? tail : '', ...(failure ? { failure } : {}) });
    });
  });
}
