import { readFile } from 'node:fs/promises';
import type { Edition } from '../model/edition.js';
import type { OutputFile } from '../model/output-file.js';
import type { SearchIndexState } from '../model/search-index.js';
import type { Emitted, Project } from '../run/types.js';
import { fragmentIds } from './fragment-ids.js';
import { indexEdition, INDEXED, indexedPages, indexFolder, ownPages, pageAddress, pagefindFiles, withPagefind } from './index-search.js';
import type { IndexedPage } from './index-search.js';
import { DELTA_FOLDER, searchLoader } from './search-loader.js';

/** A search index made again: its files that are new or changed, and those of the index before it that it no longer has (to remove). */
export interface IndexedAgain {
  readonly files: readonly OutputFile[];
  readonly gone: readonly string[];
}

/** The parts of Pagefind's files the small index of pages indexed again needs (the search page's scripts are the whole index's). */
const DELTA_PARTS = /^(pagefind-entry\.json|pagefind\.[^/]+\.pf_meta|(index|fragment|filter)\/.+)$/;

/** How many pages may be indexed again beside a whole index before it is made again whole: 50, or one page in 20. */
function deltaLimit(state: SearchIndexState): number {
  return Math.max(50, Math.ceil(Object.keys(state.ids).length / 20));
}

/** What is done to one edition's index. */
type Plan =
  | { readonly kind: 'keep' }
  | { readonly kind: 'whole'; readonly edition: Edition }
  | { readonly kind: 'delta'; readonly edition: Edition; readonly state: SearchIndexState; readonly delta: readonly string[] };

/**
 * The search index after some pages were made again (`remade`: their files as now made), so
 * that search finds their new text; `emitted` then holds it. An edition's index whose pages
 * did not change is kept; otherwise only the pages changed since its whole index was made go
 * to Pagefind, into a small index beside it (`delta/`) that the search page merges in, leaving
 * out the whole index's old entries of those pages (search/search-loader.ts). When more pages
 * than {@link deltaLimit} have changed, or the run kept no state of the index, the edition is
 * indexed whole again.
 */
export async function searchAgain(project: Project, emitted: Emitted, before: Emitted, remade: readonly OutputFile[]): Promise<IndexedAgain> {
  const folders = project.editions.map(indexFolder);
  const inIndex = (path: string) => folders.some((folder) => path.startsWith(folder));
  const old = emitted.output.files.filter((file) => inIndex(file.path));
  if (old.length === 0) return { files: [], gone: [] };
  // The run's files before and now, looked up by every edition's plan.
  const lookup = { earlier: new Map(before.output.files.map((file) => [file.path, file])), present: new Set(emitted.output.files.map((file) => file.path)) };
  const plans = await Promise.all(project.editions.map((edition) => plan(project, edition, before, lookup, remade)));
  if (plans.every((one) => one.kind === 'keep')) return { files: [], gone: [] };
  const states = new Map<string, SearchIndexState>();
  const made = await withPagefind(project, async (pagefind) => {
    const files: OutputFile[] = [];
    for (const one of plans) {
      if (one.kind === 'keep') continue;
      const folder = indexFolder(one.edition);
      if (one.kind === 'whole') {
        const whole = await indexEdition(pagefind, folder, await indexedPages(project, one.edition, emitted.output.files));
        files.push(...whole.files);
        states.set(folder, { ids: whole.ids, delta: [] });
        continue;
      }
      const again: IndexedPage[] = [...(await indexedPages(project, one.edition, emitted.output.files, new Set(one.delta))).values()].flat();
      const parts = again.length > 0 ? (await pagefindFiles(pagefind, again)).filter((file) => DELTA_PARTS.test(file.path)) : [];
      const fresh = new Set(Object.values(fragmentIds(parts)));
      // A page whose text is back to what the whole index has keeps its entry there (the loader shows it once).
      const superseded = one.delta.map((url) => one.state.ids[url]).filter((id): id is string => id !== undefined && !fresh.has(id));
      const entry = parts.find((file) => file.path === 'pagefind-entry.json');
      const languages = entry ? Object.keys((JSON.parse(Buffer.from(entry.content).toString('utf8')) as { languages: object }).languages) : [];
      files.push(
        ...old.filter((file) => file.path.startsWith(folder) && !file.path.startsWith(`${folder}${DELTA_FOLDER}`) && file.path !== `${folder}pagefind.js`),
        ...parts.map((file) => ({ path: `${folder}${DELTA_FOLDER}${file.path}`, content: file.content })),
        { path: `${folder}pagefind.js`, content: searchLoader({ languages, superseded }) },
      );
      states.set(folder, { ids: one.state.ids, delta: one.delta });
    }
    return files;
  });
  if (made.length === 0) return { files: [], gone: [] };
  const redone = new Set([...states.keys()]);
  const kept = old.filter((file) => !redone.has(folders.find((folder) => file.path.startsWith(folder))!));
  const now = [...kept, ...made];
  // The run holds the index as it now is: the next update keeps what did not change of it.
  emitted.output.replace(inIndex, now, 'the search index', project.config.file);
  for (const [folder, state] of states) emitted.search.set(folder, state);
  const unchanged = new Set(old);
  const paths = new Set(now.map((file) => file.path));
  return { files: made.filter((file) => !unchanged.has(file)), gone: old.map((file) => file.path).filter((path) => !paths.has(path)) };
}

/** What to do to an edition's index: the addresses of its pages whose indexed text changed (or that are new or gone), added to those changed before. */
async function plan(
  project: Project,
  edition: Edition,
  before: Emitted,
  { earlier, present }: { readonly earlier: ReadonlyMap<string, OutputFile>; readonly present: ReadonlySet<string> },
  remade: readonly OutputFile[],
): Promise<Plan> {
  const state = before.search.get(indexFolder(edition));
  if (!state) return { kind: 'whole', edition };
  const known = (url: string) => state.ids[url] !== undefined || state.delta.includes(url);
  const changed = new Set<string>();
  for (const file of ownPages(project, edition, remade)) {
    if (!('content' in file) || typeof file.content !== 'string') continue;
    const was = earlier.get(file.path);
    const text = was === undefined ? undefined : 'copyFrom' in was ? await readFile(was.copyFrom, 'utf8').catch(() => undefined) : String(was.content);
    if (text === file.content) continue;
    const url = pageAddress(edition, file.path);
    if (file.content.includes(INDEXED) || known(url)) changed.add(url);
  }
  for (const file of ownPages(project, edition, before.output.files)) {
    const url = pageAddress(edition, file.path);
    if (!present.has(file.path) && known(url)) changed.add(url);
  }
  if (changed.size === 0) return { kind: 'keep' };
  const delta = [...new Set([...state.delta, ...changed])].sort();
  return delta.length > deltaLimit(state) ? { kind: 'whole', edition } : { kind: 'delta', edition, state, delta };
}
