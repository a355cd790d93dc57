import { createHash } from 'node:crypto';
import { readEntry, writeEntry } from '../cache/cache-dir.js';

/** The cache entry of the memo, and the version of what it holds. */
const ENTRY = 'yaml/front-matter.json';
const VERSION = 1;

/**
 * Front matter read before, by the hash of its YAML text: the data it gave, for text that
 * gave no problem. A build after an edit reads every page again, and parsing thousands of
 * front matters with positions is most of that; with the memo, a front matter that has not
 * changed is taken as it was, and parsed only if a message needs the position of one of its
 * values (issue 30). Kept in the project's cache between builds.
 */
export class YamlMemo {
  private readonly used = new Map<string, unknown>();
  private changed = false;

  private constructor(private readonly known: ReadonlyMap<string, unknown>) {}

  /** The memo kept in `cacheDir` (an empty one if there is none, or it is damaged or from another version). */
  static async load(cacheDir: string): Promise<YamlMemo> {
    const body = await readEntry(cacheDir, ENTRY);
    try {
      const saved = body ? (JSON.parse(body.toString('utf8')) as { version?: unknown; entries?: unknown }) : undefined;
      if (saved?.version === VERSION && typeof saved.entries === 'object' && saved.entries !== null)
        return new YamlMemo(new Map(Object.entries(saved.entries)));
    } catch {
      // Damaged: start again.
    }
    return new YamlMemo(new Map());
  }

  /** The data this YAML text gave before (a copy of its own), or undefined. */
  recall(text: string): unknown {
    const key = keyOf(text);
    if (!this.known.has(key)) return undefined;
    const data = this.known.get(key);
    this.used.set(key, data);
    return structuredClone(data);
  }

  /** Remember the data of YAML text that gave no problem (only data JSON keeps as it is). */
  keep(text: string, data: unknown): void {
    if (!isPlainData(data)) return;
    this.used.set(keyOf(text), structuredClone(data));
    this.changed = true;
  }

  /** Write the memo of this run's front matter (only what it read: the memo does not grow with old text) when it differs from the one loaded. */
  async save(cacheDir: string): Promise<void> {
    if (!this.changed && this.used.size === this.known.size) return;
    await writeEntry(cacheDir, ENTRY, Buffer.from(JSON.stringify({ version: VERSION, entries: Object.fromEntries(this.used) })));
  }
}

function keyOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** Strings, finite numbers, booleans, null, and arrays and plain objects of them: what JSON gives back unchanged. */
function isPlainData(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isPlainData);
}
