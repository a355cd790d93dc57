import type { PagefindIndex } from 'pagefind';
import type { Edition } from '../model/edition.js';
import type { OutputFile } from '../model/output-file.js';
import type { SearchIndexState } from '../model/search-index.js';
import type { Project } from '../run/types.js';
import { bundleOf, INDEXED, indexFolder, pageAddress, withPagefind } from './index-search.js';
import type { PagefindFile, SearchIndexes } from './index-search.js';

type Pagefind = typeof import('pagefind');

/** One language of one edition's index, being fed. */
interface Feeding {
  readonly folder: string;
  readonly lang: string;
  readonly index: Promise<PagefindIndex | undefined>;
  readonly added: Promise<readonly string[]>[];
}

/**
 * The search index of a whole build, made while the web pages are (issue 31, item 1): each
 * page goes to Pagefind, which runs in its own process, as soon as it is made, with every
 * page of a language in flight at once, instead of one at a time after the whole site was
 * rendered. Pages go in the order they are made, so the same pages give the same index.
 * `finish` gives every edition's index (none if Pagefind could not be loaded or failed, with
 * a warning), as search/index-search.ts puts it together.
 */
export class SearchFeeder {
  private readonly pagefind: Promise<Pagefind | undefined>;
  private readonly feeding = new Map<string, Feeding>();
  private readonly editions: readonly Edition[];
  private finished = false;

  constructor(private readonly project: Project) {
    // Country editions are in folders inside the international one: the longest prefix is a page's edition.
    this.editions = [...project.editions].sort((a, b) => b.prefix.length - a.prefix.length);
    this.pagefind = project.config.config.search ? import('pagefind').catch(() => undefined) : Promise.resolve(undefined);
  }

  /** Give Pagefind a file of the site, if it is a web page that goes into the index. */
  add(file: OutputFile): void {
    if (this.finished || !this.project.config.config.search || !file.path.endsWith('.html') || !('content' in file)) return;
    const { content } = file;
    if (typeof content !== 'string' || !content.includes(INDEXED)) return;
    const edition = this.editions.find((candidate) => file.path.startsWith(candidate.prefix));
    if (!edition) return;
    const url = pageAddress(edition, file.path);
    const lang = url.split('/')[1]!;
    const folder = indexFolder(edition);
    const key = `${folder}\n${lang}`;
    let feeding = this.feeding.get(key);
    if (!feeding) {
      const index = this.pagefind.then(async (pagefind) => (pagefind ? ((await pagefind.createIndex({})).index ?? undefined) : undefined));
      // A failure is reported by `finish`, not as an unhandled rejection meanwhile.
      index.catch(() => undefined);
      this.feeding.set(key, (feeding = { folder, lang, index, added: [] }));
    }
    // Sent in the order added: once the index exists, these run in the order they were made.
    const added = feeding.index.then(async (index) => (index ? (await index.addHTMLFile({ url, content })).errors : ['no index']));
    added.catch(() => undefined);
    feeding.added.push(added);
  }

  /** Every edition's index of the pages added. */
  async finish(): Promise<SearchIndexes> {
    this.finished = true;
    const states = new Map<string, SearchIndexState>();
    const files = await withPagefind(this.project, async () => {
      if (!(await this.pagefind)) throw new Error('Pagefind could not be started');
      const made: OutputFile[] = [];
      for (const edition of this.project.editions) {
        const folder = indexFolder(edition);
        const byLanguage = new Map<string, PagefindFile[]>();
        for (const feeding of [...this.feeding.values()].filter((one) => one.folder === folder).sort((a, b) => (a.lang < b.lang ? -1 : 1))) {
          byLanguage.set(feeding.lang, await filesOf(feeding));
        }
        const bundle = bundleOf(folder, byLanguage);
        made.push(...bundle.files);
        states.set(folder, { ids: bundle.ids, delta: [] });
      }
      return made;
    });
    return { files, states: files.length > 0 ? states : new Map() };
  }
}

/** Pagefind's files for one language of an edition, once every page of it is in. */
async function filesOf(feeding: Feeding): Promise<PagefindFile[]> {
  const failed = (await Promise.all(feeding.added)).flat();
  const index = await feeding.index;
  if (!index) throw new Error('Pagefind made no index');
  try {
    if (failed.length > 0) throw new Error(failed.join('; '));
    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(errors.join('; '));
    return files;
  } finally {
    await index.deleteIndex();
  }
}
