import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { hashOf, readEntry, writeEntry } from './cache-dir.js';

/**
 * What earlier builds made from Markdown files, by a key made of everything the making read:
 * each file's HTML tree for an edition, with what the page uses and links to and the
 * problems found (render-markdown.ts), and each original's fingerprint (make-editions.ts).
 * A file whose key is known is not parsed or rendered again. Each build keeps its own folder (by output folder and options), holding
 * exactly the files it used last time: entries of files since changed or deleted are removed.
 */
export class RenderCache {
  private readonly used = new Set<string>();
  private readonly writing: Promise<void>[] = [];

  private constructor(private readonly dir: string) {}

  /** The cache of builds into `outDir` with these options, under the project's cache folder. */
  static open(cacheDir: string, outDir: string, options: unknown): RenderCache {
    return new RenderCache(join(cacheDir, 'markdown', hashOf([outDir, JSON.stringify(options)]).slice(0, 32)));
  }

  /** What was stored under this key, if its entry is whole and `valid` accepts it. */
  async get<T>(key: string, valid: (value: unknown) => value is T): Promise<T | undefined> {
    this.used.add(key);
    const body = await readEntry(this.dir, `${key}.json`);
    if (!body) return undefined;
    try {
      const value: unknown = JSON.parse(body.toString('utf8'));
      return valid(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }

  /** Store a value (or its JSON text) under a key; {@link close} waits for the writing. */
  set(key: string, value: unknown): void {
    this.used.add(key);
    this.writing.push(writeEntry(this.dir, `${key}.json`, Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))));
  }

  /** Finish writing, and remove the entries this build did not use (files changed or deleted since). */
  async close(): Promise<void> {
    await Promise.all(this.writing);
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => !this.used.has(name.replace(/\.json$/, ''))).map((name) => rm(join(this.dir, name), { force: true })));
  }
}
