import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** Reads a file of a site (from its top), or undefined when there is none. */
export type Get = (path: string) => Promise<Buffer | undefined>;

/** A site's files from a folder on disk. */
export const fromDisk =
  (dir: string): Get =>
  (path) =>
    readFile(join(dir, path)).catch(() => undefined);

/** A site's files from a web server. */
export const fromServer =
  (url: string): Get =>
  async (path) => {
    const answer = await fetch(new URL(path, url));
    return answer.ok ? Buffer.from(await answer.arrayBuffer()) : undefined;
  };

/** A page as Pagefind's search page reads it from the index: its address, text, filters and metadata. */
export interface ServedPage {
  readonly url: string;
  readonly content: string;
  readonly [key: string]: unknown;
}

/**
 * The pages an edition's search index serves (`folder`: `pagefind/`), in order of address, as
 * Pagefind's script and briefkit's loader (`pagefind.js`) serve them: the whole index's pages
 * but those the loader leaves out, and the pages of the small index beside it (`delta/`).
 * A page served twice is there twice.
 */
export async function servedPages(get: Get, folder = 'pagefind/'): Promise<ServedPage[]> {
  const loader = String(await get(`${folder}pagefind.js`));
  const delta = JSON.parse(/^const DELTA = (.*);$/m.exec(loader)?.[1] ?? 'null') as { languages: string[]; superseded: string[] } | null;
  if (!delta) throw new Error(`${folder}pagefind.js is not briefkit's loader`);
  const superseded = new Set(delta.superseded);
  const whole = (await fragmentNames(get, folder)).filter((name) => !superseded.has(name));
  const again = delta.languages.length > 0 ? await fragmentNames(get, `${folder}delta/`) : [];
  const names = [
    ...whole.map((name) => `${folder}fragment/${name}`),
    ...again.filter((name) => !whole.includes(name)).map((name) => `${folder}delta/fragment/${name}`),
  ];
  const pages = await Promise.all(
    names.map(async (name) => {
      const bytes = await get(`${name}.pf_fragment`);
      if (!bytes) return undefined;
      return JSON.parse(
        gunzipSync(bytes)
          .toString('utf8')
          .replace(/^pagefind_dcd/, ''),
      ) as ServedPage;
    }),
  );
  return pages.filter((page): page is ServedPage => page !== undefined).sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The fragments a Pagefind bundle's metadata names, in every language (with the names of its other parts: those have no fragment file). */
async function fragmentNames(get: Get, bundle: string): Promise<string[]> {
  const entry = JSON.parse(String(await get(`${bundle}pagefind-entry.json`))) as { languages: Record<string, { hash: string }> };
  const names: string[] = [];
  for (const [lang, { hash }] of Object.entries(entry.languages)) {
    const meta = gunzipSync((await get(`${bundle}pagefind.${hash}.pf_meta`))!).toString('latin1');
    names.push(...new Set(meta.match(new RegExp(`${lang}_[0-9a-f]{7}`, 'g')) ?? []));
  }
  return names;
}
