import type { ProjectFiles } from '../project/list.js';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import type { Edition } from '../model/edition.js';
import { createProcessor } from '../markdown/create-processor.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import type { AnchorLink, MarkdownLabels } from '../markdown/context.js';
import type { PageAsset } from '../model/localized-page.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { Page } from '../model/page.js';
import { briefkitIdentity, hashOf } from '../cache/cache-dir.js';
import type { RenderCache } from '../cache/render-cache.js';
import { renderTree } from '../markdown/render-file.js';
import type { RenderResult } from '../markdown/render-file.js';
import { parseMarkdown } from '../markdown/parse.js';
import type { OutlineHeading } from '../markdown/heading-ids.js';
import { replayMessage } from '../messages.js';
import type { MarkdownWorkers } from '../markdown/worker-pool.js';
import { markdownContext, markdownLabels, pageRef, sharedContext } from '../markdown/shared-context.js';
import type { SharedContext } from '../markdown/shared-context.js';
import type { SectionFacts } from '../facts/section-facts.js';

/** A Markdown file (a source page, a translation, an override) as an HTML tree for one edition. */
export interface RenderedDocument {
  readonly file: VFile;
  readonly lang: string;
  readonly tree: HastRoot;
  readonly assets: readonly PageAsset[];
  readonly anchorLinks: readonly AnchorLink[];
  /** Ids written as `{#id}` after headings (or taken by place from the original's): a translation that has them is matched by section. */
  readonly explicitIds: ReadonlySet<string>;
  /** A translation's sections, by id, as keys that tell a copy of the original (sections.ts copyKey). */
  readonly copyKeys: Readonly<Record<string, string>>;
  /** Each section's facts, by id (issue 32). */
  readonly facts: Readonly<Record<string, SectionFacts>>;
}

/** One file to render, with what its links may point to. */
export interface RenderJob {
  readonly file: VFile;
  /** The source page this file is, translates or overrides. */
  readonly page: Page;
  /** The language the file is written in. */
  readonly lang: string;
  /** Files a link or image may use: path as written from `briefings/` → real path, or why a link is refused. */
  readonly files: ProjectFiles;
  /** For a translation: its original's headings, which its own take their ids from where they line up. */
  readonly outline?: readonly OutlineHeading[] | undefined;
  /** Read its facts, to compare them across languages (issue 32). */
  readonly facts?: boolean | undefined;
}

/** What rendering needs besides the files. */
export interface RenderInput {
  readonly jobs: readonly RenderJob[];
  readonly pages: readonly Page[];
  readonly references: ReferenceLibrary;
  /** Words the Markdown plugins print, by language (callout titles, footnote labels). */
  readonly labels: (lang: string) => MarkdownLabels;
  readonly edition: Edition;
  readonly knownVariables: ReadonlySet<string>;
  /** The project's product names (config `products`). */
  readonly products: readonly string[];
  /** No later call renders these files again (the last edition): their parsed trees are let go. */
  readonly last?: boolean | undefined;
}

/**
 * Turns each Markdown file's tree into an HTML tree for each edition (whose country blocks
 * and variables differ) with the processor of its language. Trees parsed by an earlier stage
 * are used as they are (on a copy); a file without one is parsed once here.
 */
export class MarkdownRenderer {
  private readonly processors = new Map<string, MarkdownProcessor>();
  private readonly parsed: Map<VFile, MdastRoot>;
  private readonly filesKeys = new WeakMap<ProjectFiles, string>();

  /**
   * `workers`, when given, parse and render instead of this thread (with the same result);
   * `cache` holds files rendered by earlier builds, used instead of rendering them again.
   */
  constructor(
    trees: ReadonlyMap<VFile, MdastRoot> = new Map(),
    private readonly workers?: MarkdownWorkers,
    private readonly cache?: RenderCache,
  ) {
    this.parsed = new Map(trees);
  }

  /** Render the jobs for one edition; problems are left on each file (once, however many editions). */
  async render(input: RenderInput): Promise<Map<VFile, RenderedDocument>> {
    const shared = sharedContext(input);
    const keys = this.cache ? await this.keysOf(input, shared) : undefined;
    const cached = keys ? await Promise.all(keys.map((key) => this.cache!.get(key, isRenderResult))) : [];
    const missing = input.jobs.flatMap((_, index) => (cached[index] ? [] : [index]));
    const fresh =
      this.workers && missing.length > 0 ? await this.renderInWorkers(this.workers, input, shared, missing) : await this.renderHere(input, shared, missing);
    const results = new Map<VFile, RenderedDocument>();
    input.jobs.forEach((job, index) => {
      const made = fresh.get(index);
      const result = cached[index] ?? made!.result;
      // Problems found here are on the file already; those found elsewhere are put there now.
      if (!made?.reported) for (const message of result.messages) replayMessage(job.file, message);
      if (made && keys) this.cache!.set(keys[index]!, made.text ?? result);
      results.set(job.file, {
        file: job.file,
        lang: job.lang,
        tree: result.tree,
        assets: result.assets,
        anchorLinks: result.anchorLinks,
        explicitIds: new Set(result.explicitIds),
        copyKeys: result.copyKeys,
        facts: result.facts,
      });
    });
    return results;
  }

  /** Render jobs on this thread: the file gets its problems as they are found. */
  private async renderHere(input: RenderInput, shared: SharedContext, indexes: readonly number[]): Promise<Map<number, Fresh>> {
    const done = new Map<number, Fresh>();
    for (const index of indexes) {
      const job = input.jobs[index]!;
      const labels = input.labels(job.lang);
      let processor = this.processors.get(job.lang);
      if (!processor) this.processors.set(job.lang, (processor = createProcessor(labels)));
      const { file } = job;
      const before = file.messages.length;
      let tree = this.parsed.get(file);
      if (!tree) this.parsed.set(file, (tree = parseMarkdown(file)));
      const result = await renderTree(
        processor,
        tree,
        file,
        markdownContext(shared, { page: job.page, lang: job.lang, labels, files: job.files, outline: job.outline, facts: job.facts }),
        before,
        input.last === true,
      );
      if (input.last) this.parsed.delete(file);
      done.set(index, { result, reported: true });
    }
    return done;
  }

  private async renderInWorkers(workers: MarkdownWorkers, input: RenderInput, shared: SharedContext, indexes: readonly number[]): Promise<Map<number, Fresh>> {
    // The file lists links may use are the same few maps for every job: each crosses once a batch.
    const keys = new Map<ProjectFiles, string>();
    for (const index of indexes) {
      const { files } = input.jobs[index]!;
      if (!keys.has(files)) keys.set(files, String(keys.size));
    }
    const files = Object.fromEntries([...keys].map(([map, key]) => [key, map]));
    const texts = await workers.render(
      shared,
      files,
      indexes.map((index) => {
        const job = input.jobs[index]!;
        return {
          file: { path: job.file.path, cwd: job.file.cwd, value: String(job.file.value), sourcePath: job.file.data.sourcePath! },
          page: pageRef(job.page),
          lang: job.lang,
          labels: markdownLabels(input.labels(job.lang)),
          filesKey: keys.get(job.files)!,
          outline: job.outline,
          facts: job.facts,
        };
      }),
      input.last,
    );
    return new Map(indexes.map((index, at) => [index, { result: JSON.parse(texts[at]!) as RenderResult, text: texts[at]!, reported: false }]));
  }

  /** Each job's cache key: everything its rendering reads. */
  private async keysOf(input: RenderInput, shared: SharedContext): Promise<string[]> {
    const base = hashOf([
      await briefkitIdentity(),
      JSON.stringify([...shared.pagesBySource]),
      JSON.stringify([...shared.citationKeys]),
      JSON.stringify(shared.edition),
      JSON.stringify([...shared.knownVariables]),
      JSON.stringify(shared.products),
    ]);
    return input.jobs.map((job) => {
      let files = this.filesKeys.get(job.files);
      if (!files) this.filesKeys.set(job.files, (files = hashOf([JSON.stringify([...job.files])])));
      return hashOf([
        base,
        files,
        job.file.path,
        job.file.data.sourcePath ?? '',
        String(job.file.value),
        job.lang,
        JSON.stringify(markdownLabels(input.labels(job.lang))),
        JSON.stringify(pageRef(job.page)),
        JSON.stringify(job.outline ?? null),
        job.facts === true ? 'facts' : '',
      ]);
    });
  }
}

/** A file just rendered: its result, as JSON text when a worker made it, and whether its problems are on the file already. */
interface Fresh {
  readonly result: RenderResult;
  readonly text?: string;
  readonly reported: boolean;
}

function isRenderResult(value: unknown): value is RenderResult {
  const result = value as Partial<RenderResult> | null;
  return (
    typeof result?.tree === 'object' &&
    result.tree !== null &&
    [result.assets, result.anchorLinks, result.explicitIds, result.messages].every(Array.isArray) &&
    typeof result.copyKeys === 'object' &&
    typeof result.facts === 'object' &&
    result.facts !== null
  );
}
