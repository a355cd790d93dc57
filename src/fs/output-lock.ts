import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { processAlive } from './process-alive.js';
import { onInterrupt } from './signals.js';

/** Who holds an output folder's lock. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** ISO date and time the build started. */
  readonly started: string;
}

/** A lock that is ours: release it when the build is done (it is released on Ctrl-C and exit too). */
export interface HeldLock {
  readonly path: string;
  release(): Promise<void>;
}

let drafts = 0;
/** Locks this process holds (a lock with our pid that is not one of these is stale). */
const holding = new Set<string>();
const HEARTBEAT_MS = 30_000;

/** The lock file of an output folder: beside it, so replacing the folder leaves the lock alone. */
export function lockPath(outDir: string): string {
  return `${outDir}.briefkit-lock`;
}

/**
 * Take the lock of an output folder, so that two builds never write into it at once. The
 * lock file appears complete in one step (written under a private name, then hard-linked
 * into place, which fails if it exists), so a reader never sees half of it. A lock left by
 * a build that died (its pid is no longer running on this host; on another host, it has not
 * been kept fresh for two minutes) is taken over. Returns the owner instead if another build holds it.
 */
export async function lockOutput(outDir: string): Promise<HeldLock | { readonly owner: LockOwner }> {
  const path = lockPath(outDir);
  // A file in the folder's place (EEXIST) is reported by the write below, naming the path.
  await mkdir(dirname(path), { recursive: true }).catch((reason: NodeJS.ErrnoException) => (reason.code === 'EEXIST' ? undefined : Promise.reject(reason)));
  const mine: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const text = `${JSON.stringify(mine)}\n`;
  // Builds in one process (tests, a dev server) need drafts of their own: a shared one would
  // be one file, hard-linked to whichever lock it became.
  const draft = `${path}-${process.pid}-${(drafts += 1)}`;
  await writeFile(draft, text, { flag: 'wx' });
  try {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const taken = await link(draft, path).then(
        () => true,
        (reason: NodeJS.ErrnoException) => {
          if (reason.code === 'EEXIST') return false;
          throw reason;
        },
      );
      if (taken) return held(path, text);
      const current = await readFile(path, 'utf8').catch((reason: NodeJS.ErrnoException) => (reason.code === 'ENOENT' ? undefined : Promise.reject(reason)));
      const touched = await stat(path).then(
        (info) => info.mtimeMs,
        () => undefined,
      );
      if (current === undefined || touched === undefined) continue;
      const owner = parseOwner(current);
      if (owner && !isStale(owner, touched, path)) return { owner };
      await takeOver(path, current);
    }
    throw Object.assign(new Error(`Could not take the lock ${path}`), { code: 'EBUSY', path });
  } finally {
    await unlink(draft).catch(() => undefined);
  }
}

/** The one-line reason a build cannot write, for a held lock. */
export function lockedMessage(outDir: string, owner: LockOwner): string {
  const where = owner.host === hostname() ? `pid ${owner.pid}` : `pid ${owner.pid} on ${owner.host}`;
  return `Another briefkit build (${where}, started ${owner.started}) is writing ${outDir}; wait for it to finish`;
}

function held(path: string, text: string): HeldLock {
  let released = false;
  holding.add(path);
  // Builds on other machines (a shared disk, containers) cannot see our pid: they see the
  // lock's time, kept fresh while we run.
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  // On Ctrl-C or exit, remove the lock at once (synchronously: there is no later).
  const forget = onInterrupt(() => {
    if (!released && readFileSync(path, 'utf8') === text) unlinkSync(path);
  });
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      clearInterval(heartbeat);
      holding.delete(path);
      forget();
      // Only our own lock: never one that another build took over meanwhile.
      if ((await readFile(path, 'utf8').catch(() => undefined)) === text) await unlink(path).catch(() => undefined);
    },
  };
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.started === 'string')
      return { pid: value.pid, host: value.host, started: value.started };
  } catch {
    // Not written by briefkit's lockOutput (which writes whole files only): not a live lock.
  }
  return undefined;
}

/**
 * A lock of a process that no longer runs here (or has our pid but is not one we hold: a
 * container restarted with the same pid). One of another host cannot be checked: it stands
 * while its owner keeps it fresh.
 */
function isStale(owner: LockOwner, touched: number, path: string): boolean {
  if (owner.host !== hostname()) return Date.now() - touched > 4 * HEARTBEAT_MS;
  return owner.pid === process.pid ? !holding.has(path) : !processAlive(owner.pid);
}

/**
 * Remove a stale lock, unless another build replaced it since we read it: the lock is first
 * moved aside under our own name (one step), then checked; a live one is put back.
 */
async function takeOver(path: string, stale: string): Promise<void> {
  const aside = `${path}-stale-${process.pid}-${(drafts += 1)}`;
  const moved = await rename(path, aside).then(
    () => true,
    (reason: NodeJS.ErrnoException) => (reason.code === 'ENOENT' ? false : Promise.reject(reason)),
  );
  if (!moved) return;
  if ((await readFile(aside, 'utf8')) !== stale) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}
