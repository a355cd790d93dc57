/** What the search page's loader leaves out of and adds to the whole index. */
export interface Delta {
  /** The languages of the small index of pages indexed again (`delta/`): it is merged into a search in one of them. */
  readonly languages: readonly string[];
  /** The fragments of the whole index that are no longer the pages' text (pages changed or gone). */
  readonly superseded: readonly string[];
}

/** Pagefind's own module, renamed: `pagefind.js` (the name Pagefind's search box loads) is the loader. */
export const PAGEFIND_MODULE = 'pagefind-core.js';
/** The small index of the pages made again since the whole index, inside the index's folder. */
export const DELTA_FOLDER = 'delta/';

/**
 * `pagefind.js` of an edition's search index: Pagefind's module (`pagefind-core.js`) as
 * Pagefind's search box uses it, with the small index of the pages indexed again since the
 * whole index (`delta/`) merged in, and the whole index's old entries of those pages left out
 * of the results (issue 30: a build after an edit indexes only the pages it made again). The
 * counts beside the search filters still count a changed page's old entry until the next
 * whole index.
 */
export function searchLoader(delta: Delta): string {
  return `// briefkit: Pagefind's module (${PAGEFIND_MODULE}) with the pages indexed again since the whole index (${DELTA_FOLDER}) merged in.
import * as core from './${PAGEFIND_MODULE}';

const DELTA = ${JSON.stringify({ languages: [...delta.languages].sort(), superseded: [...delta.superseded].sort() })};
const basePath = new URL('./', import.meta.url).href;
const superseded = new Set(DELTA.superseded);
let ready;
// Where result addresses start, as the search page gives it: the small index's results then read like the others'.
let baseUrl;

async function mergeDelta() {
  const lang = (document.documentElement.getAttribute('lang') || '').toLowerCase();
  const language = DELTA.languages.find((code) => code === lang || code === lang.split('-')[0]);
  if (language) await core.mergeIndex(basePath + '${DELTA_FOLDER}', baseUrl === undefined ? { language } : { language, baseUrl });
}

function prepare(settings) {
  if (settings.baseUrl !== undefined) baseUrl = settings.baseUrl;
  const set = core.options({ ...settings, basePath });
  if (!ready) ready = set.then(mergeDelta);
  return Promise.all([set, ready]);
}

/** The results without the old entries of pages indexed again, each page once. */
function kept(found) {
  if (!found || !Array.isArray(found.results)) return found;
  const seen = new Set();
  const results = found.results.filter((result) => !superseded.has(result.id) && !seen.has(result.id) && seen.add(result.id));
  return { ...found, results };
}

export async function options(settings) {
  await prepare(settings || {});
}
export async function search(term, settings) {
  await (ready || prepare({}));
  return kept(await core.search(term, settings));
}
export async function debouncedSearch(term, settings, wait) {
  await (ready || prepare({}));
  return kept(await core.debouncedSearch(term, settings, wait));
}
export async function preload(term, settings) {
  await (ready || prepare({}));
  return core.preload(term, settings);
}
export async function filters() {
  await (ready || prepare({}));
  return core.filters();
}
export const { init, destroy, mergeIndex, createInstance } = core;
`;
}
