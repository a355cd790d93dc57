import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { location } from 'vfile-location';
import { VFile } from 'vfile';
import { error, warn } from '../messages.js';
import type { Problem } from '../messages.js';
import type { Place } from '../model/place.js';

/** Where a page of the built site came from, when `check` built it (so problems are told on the file the author edits). */
export interface PageSource {
  /** The Markdown file the page's text is in (a translation's, or the original's). */
  readonly file: VFile;
  /** Its content type (`briefing`, `case-study`…). */
  readonly kind: string;
  /** The language its text is in (the original's, for a page not yet translated). */
  readonly contentLang: string;
}

/**
 * A built site as `briefkit check` sees it: its files, the source of each page it knows,
 * and where each problem goes. A problem on a page goes on the Markdown file it came from
 * when what is wrong is written there (a link's address found in its text), else on the
 * built file, at its place in the HTML.
 */
export class CheckedSite {
  private readonly built = new Map<string, VFile>();

  private constructor(
    readonly root: string,
    readonly outDir: string,
    /** Every file of the site, by its path under the output folder (`en/index.html`). */
    readonly files: ReadonlySet<string>,
    readonly sources: ReadonlyMap<string, PageSource>,
  ) {}

  /** Read the output folder's listing; `skip`: top-level entries that are not checked (editions an earlier build left). */
  static async read(root: string, outDir: string, sources: ReadonlyMap<string, PageSource> = new Map(), skip: readonly string[] = []): Promise<CheckedSite> {
    const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile())
      .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
      .filter((path) => !path.startsWith('.') && !skip.includes(path.split('/')[0]!))
      .sort();
    return new CheckedSite(root, outDir, new Set(files), sources);
  }

  /** The site's web pages. */
  get pages(): string[] {
    return [...this.files].filter((path) => path.endsWith('.html'));
  }

  /** The file a built file's problems go on. */
  builtFile(path: string): VFile {
    let file = this.built.get(path);
    if (!file) this.built.set(path, (file = new VFile({ path: join(this.outDir, path), cwd: this.root })));
    return file;
  }

  /** Every file that got a problem from the check (the built ones; sources carry theirs already). */
  get reported(): VFile[] {
    return [...this.built.values()].filter((file) => file.messages.length > 0);
  }

  /**
   * Report a problem on a page: on its Markdown source at the first place `needle` is written
   * there, if it is; else on the built file, at `place` in the HTML.
   */
  report(
    page: string,
    problem: Problem & { readonly needle?: string | undefined; readonly severity?: 'error' | 'warning'; readonly toldBy?: string | undefined },
    place?: Place,
  ): void {
    const source = this.sources.get(page);
    const at = source && problem.needle ? placeOf(source.file, problem.needle) : undefined;
    // The build may have said it already, from the Markdown (a missing heading): once is enough.
    if (at && problem.toldBy && source!.file.messages.some((message) => message.ruleId === problem.toldBy && message.reason.includes(problem.needle!))) return;
    const target = at ? source!.file : this.builtFile(page);
    const reason = at ? `${problem.reason} (on ${page})` : problem.reason;
    const told = { reason, rule: problem.rule, place: at ?? place, ...(problem.hint ? { hint: problem.hint } : {}) };
    if (problem.severity === 'warning') warn(target, told);
    else error(target, told);
  }
}

/** Where `needle` is first written in a file, if it is. */
function placeOf(file: VFile, needle: string): Place | undefined {
  const text = String(file.value ?? '');
  const at = text.indexOf(needle);
  if (at === -1) return undefined;
  const locate = location(file);
  const start = locate.toPoint(at);
  const end = locate.toPoint(at + needle.length);
  return start && end ? { start, end } : undefined;
}
