import { gunzipSync } from 'node:zlib';

/** A page's part of a Pagefind index: `fragment/<id>.pf_fragment`, gzipped `pagefind_dcd` and JSON starting with the page's address. */
const FRAGMENT = /(?:^|\/)fragment\/([^/]+)\.pf_fragment$/;
const SIGNATURE = 'pagefind_dcd';

/**
 * The fragment of each page of a Pagefind index, by the page's address: how the search page
 * tells the entry of a page indexed again (`delta/`) from its old one. Pagefind names a
 * search result by its fragment.
 */
export function fragmentIds(files: readonly { readonly path: string; readonly content: string | Uint8Array }[]): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const file of files) {
    const id = FRAGMENT.exec(file.path)?.[1];
    if (id === undefined || typeof file.content === 'string') continue;
    const text = gunzipSync(file.content).toString('utf8');
    if (!text.startsWith(SIGNATURE)) throw new Error(`${file.path} is not a Pagefind fragment`);
    const { url } = JSON.parse(text.slice(SIGNATURE.length)) as { url?: unknown };
    if (typeof url !== 'string') throw new Error(`${file.path} names no page`);
    ids[url] = id;
  }
  return ids;
}
