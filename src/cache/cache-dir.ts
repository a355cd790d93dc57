import { createHash, createHmac, randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';

/** The cache folder in a project. */
export const CACHE_DIR = '.briefkit-cache';

/** Raised when the layout of what is cached changes: older entries are then simply not found. */
const FORMAT = 1;

/** A SHA-256 of the parts, each length-prefixed, so ["ab", "c"] and ["a", "bc"] differ. */
export function hashOf(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${bytes.byteLength}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

let code: Promise<string> | undefined;

/**
 * What identifies this briefkit: its version, and the size and time of every file of its
 * code and templates, so a cache written by another version (or by a developer's earlier
 * build of briefkit itself) is never used.
 */
export function briefkitIdentity(): Promise<string> {
  code ??= (async () => {
    const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
    const here = dirname(fileURLToPath(import.meta.url));
    const version = (JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
    const parts = [String(FORMAT), version];
    for (const dir of [dirname(here), join(packageRoot, 'templates')]) {
      const names = (await readdir(dir, { recursive: true }).catch(() => [] as string[])).sort();
      // Synchronous: hundreds of small stat calls, one after another as promises, were a tenth of a build with nothing to do.
      for (const name of names) {
        const info = statSync(join(dir, name), { throwIfNoEntry: false });
        if (info?.isFile()) parts.push(`${name} ${info.size} ${info.mtimeMs}`);
      }
    }
    return hashOf(parts);
  })();
  return code;
}

/**
 * A project's cache folder, or undefined when it cannot be used safely: one that is a link
 * (it could lead out of the project) or not a folder is left alone, and the build runs
 * without a cache.
 */
export async function cacheFolder(root: string): Promise<string | undefined> {
  const dir = join(root, CACHE_DIR);
  const info = await lstat(dir).catch(() => undefined);
  if (info && !info.isDirectory()) return undefined;
  if (!info) {
    await mkdir(dir).catch(() => undefined);
    await writeFile(
      join(dir, 'README.txt'),
      'briefkit keeps what it can reuse between builds here. Delete this folder whenever you like; do not commit it.\n',
    ).catch(() => undefined);
    await writeFile(join(dir, '.gitignore'), '*\n').catch(() => undefined);
    if (!(await lstat(dir).catch(() => undefined))?.isDirectory()) return undefined;
  }
  return dir;
}

let key: Promise<Buffer> | undefined;

/**
 * This computer's key for signing cache entries, kept outside every project (in the user's
 * cache folder): a cache that came with a project (copied, unzipped, planted) is not signed
 * with it, so nothing in it is used. If no key can be kept, one for this run only.
 */
function machineKey(): Promise<Buffer> {
  key ??= (async () => {
    const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' ? process.env.LOCALAPPDATA : undefined) || join(homedir(), '.cache');
    const path = join(base, 'briefkit', 'cache-key');
    const known = await readFile(path, 'latin1').catch(() => '');
    if (/^[0-9a-f]{64}$/.test(known)) return Buffer.from(known, 'hex');
    const fresh = randomBytes(32);
    await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
    const written = await writeFile(path, fresh.toString('hex'), { flag: 'wx', mode: 0o600 }).then(
      () => true,
      () => false,
    );
    if (written) return fresh;
    // Another build made it at the same moment: use theirs.
    const theirs = await readFile(path, 'latin1').catch(() => '');
    return /^[0-9a-f]{64}$/.test(theirs) ? Buffer.from(theirs, 'hex') : fresh;
  })();
  return key;
}

async function signatureOf(body: Uint8Array): Promise<string> {
  return createHmac('sha256', await machineKey())
    .update(body)
    .digest('hex');
}

/**
 * Read a cache entry written by {@link writeEntry}: its bytes, only if they are whole,
 * exactly what was written, and written on this computer (a truncated, edited or foreign
 * file is ignored, never trusted).
 */
export async function readEntry(dir: string, name: string): Promise<Buffer | undefined> {
  const file = await readFile(join(dir, name)).catch(() => undefined);
  if (!file) return undefined;
  const newline = file.indexOf(10);
  if (newline !== 64) return undefined;
  const body = file.subarray(newline + 1);
  return file.subarray(0, newline).toString('latin1') === (await signatureOf(body)) ? body : undefined;
}

/** Write a cache entry: its signature first, then the bytes, into a temporary file renamed into place. */
export async function writeEntry(dir: string, name: string, body: Uint8Array): Promise<void> {
  const target = join(dir, name);
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    const contents = Buffer.concat([Buffer.from(`${await signatureOf(body)}\n`), body]);
    await writeFile(temporary, contents).catch(async (reason: NodeJS.ErrnoException) => {
      if (reason.code !== 'ENOENT') throw reason;
      // Its folder is made when it is missing, not before every entry (thousands in a build).
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temporary, contents);
    });
    await rename(temporary, target);
  } catch {
    // A cache that cannot be written only makes the next build slower.
    await rm(temporary, { force: true }).catch(() => undefined);
  }
}
