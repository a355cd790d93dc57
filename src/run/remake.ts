import type { VFile } from 'vfile';
import type { OutputFile } from '../model/output-file.js';
import { OUTPUT_FORMATS } from '../formats/index.js';
import { searchAgain } from '../search/search-again.js';
import type { IndexedAgain } from '../search/search-again.js';
import { emitSome } from './emit.js';
import { makeEditions } from './make.js';
import type { Run } from './types.js';
import { addresses, cleanAfter, linkingFiles, movedTargets, updateProject } from './update.js';

/** An edit made with the run kept in memory: the run with it, and what to write. */
export interface Updated {
  /** The run as it is with the edit (kept if the update is written). */
  readonly run: Run;
  /** The files read again, with their problems. */
  readonly files: readonly VFile[];
  /** Whether none of them has an error (then `changed` is written). */
  readonly ok: boolean;
  /** The files to write: the pages made again. */
  readonly changed: readonly OutputFile[];
  /** The search index made again, to write after the pages (it takes longer than they do), and the old index's files to remove. */
  readonly search: () => Promise<IndexedAgain>;
  /** The addresses of the pages made again, from the site's root (`en/case-studies/a/index.html`). */
  readonly pages: readonly string[];
  /** The source paths of the pages made again. */
  readonly remade: ReadonlySet<string>;
}

/**
 * An update of a finished run, for the preview (its run in memory) and for a build (the run
 * kept in the cache): the same phases as a whole build (update the project, make the editions,
 * emit), on the pages the change touches. Undefined when it touches the whole project: then
 * the whole project is built again.
 */
export async function update(run: Run, changed: readonly string[]): Promise<Updated | undefined> {
  let updated = await updateProject(run, changed);
  if (updated.dirty === 'all') return undefined;
  let made = await makeEditions(updated.project, { only: updated.dirty, before: run.made });
  // Other pages' links into these were checked against their headings: if those changed, the pages linking in are made again too.
  const moved = movedTargets(run.made, made, updated.dirty);
  if (moved === 'all') return undefined;
  const linking = moved.size > 0 ? linkingFiles(run, moved, updated.dirty) : [];
  if (linking.length > 0) {
    updated = await updateProject(run, [...changed, ...linking]);
    if (updated.dirty === 'all') return undefined;
    made = await makeEditions(updated.project, { only: updated.dirty, before: run.made });
  }
  const dirty = updated.dirty;
  const pages = addresses(made, dirty);
  const ok = !updated.files.some((file) => file.messages.some((message) => message.fatal === true));
  if (!ok) return { run, files: updated.files, ok, changed: [], search: async () => ({ files: [], gone: [] }), pages, remade: dirty };
  const { emitted, changed: written } = await emitSome(OUTPUT_FORMATS, updated.project, made, dirty, run.emitted);
  const project = updated.project;
  return {
    run: { project, made, emitted, clean: cleanAfter(run, updated) },
    files: updated.files,
    ok,
    changed: written,
    search: () => searchAgain(project, emitted, run.emitted, written),
    pages,
    remade: dirty,
  };
}
