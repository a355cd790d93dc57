import { chmod, lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Remove a folder briefkit wrote (an old output, a leftover of a killed build), even when
 * someone made it read-only (issue 27: `chmod -R a-w dist` made every later build fail on
 * removing the previous output). Its folders are made writable by their owner, then removed
 * again; links are never followed. Throws only if it still cannot be removed.
 */
export async function removeTree(path: string): Promise<void> {
  try {
    await rm(path, { recursive: true, force: true });
  } catch (reason) {
    const code = (reason as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw reason;
    await makeWritable(path);
    await rm(path, { recursive: true, force: true });
  }
}

async function makeWritable(path: string): Promise<void> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isDirectory()) return;
  await chmod(path, (info.mode & 0o7777) | 0o700).catch(() => undefined);
  const names = await readdir(path).catch(() => []);
  await Promise.all(names.map((name) => makeWritable(join(path, name))));
}
