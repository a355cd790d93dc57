import type { ProjectFiles } from '../project/list.js';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import type { Edition } from '../countries/edition.js';
import { createProcessor } from '../markdown/create-processor.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import type { AnchorLink, MarkdownLabels, PageAsset } from '../markdown/context.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { Page } from '../site.js';
import { replayMessage } from '../messages.js';
import type { MarkdownWorkers } from '../markdown/worker-pool.js';
import { markdownContext, markdownLabels, pageRef, sharedContext } from './markdown-context.js';

/** A Markdown file (a source page, a translation, an override) as an HTML tree for one edition. */
export interface RenderedDocument {
  readonly file: VFile;
  readonly lang: string;
  readonly tree: HastRoot;
  readonly assets: readonly PageAsset[];
  readonly anchorLinks: readonly AnchorLink[];
  /** Ids written as `{#id}` after headings: a translation that has them is matched by section. */
  readonly explicitIds: ReadonlySet<string>;
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
}

/**
 * Turns each Markdown file's tree into an HTML tree for each edition (whose country blocks
 * and variables differ) with the processor of its language. Trees parsed by an earlier stage
 * are used as they are (on a copy); a file without one is parsed once here.
 */
export class MarkdownRenderer {
  private readonly processors = new Map<string, MarkdownProcessor>();
  private readonly parsed: Map<VFile, MdastRoot>;

  /** `workers`, when given, parse and render instead of this thread (with the same result). */
  constructor(trees: ReadonlyMap<VFile, MdastRoot> = new Map(), private readonly workers?: MarkdownWorkers) {
    this.parsed = new Map(trees);
  }

  /** Render the jobs for one edition; problems are left on each file (once, however many editions). */
  async render(input: RenderInput): Promise<Map<VFile, RenderedDocument>> {
    const shared = sharedContext(input);
    if (this.workers) return this.renderInWorkers(this.workers, input, shared);
    const results = new Map<VFile, RenderedDocument>();
    for (const job of input.jobs) {
      const labels = input.labels(job.lang);
      let processor = this.processors.get(job.lang);
      if (!processor) this.processors.set(job.lang, (processor = createProcessor(labels)));
      const { file } = job;
      let tree = this.parsed.get(file);
      if (!tree) this.parsed.set(file, (tree = processor.parse(file)));
      file.data.context = markdownContext(shared, { page: job.page, lang: job.lang, labels, files: job.files });
      const hast = (await processor.run(structuredClone(tree), file)) as HastRoot;
      results.set(file, {
        file,
        lang: job.lang,
        tree: hast,
        assets: file.data.assets ?? [],
        anchorLinks: file.data.anchorLinks ?? [],
        explicitIds: file.data.explicitIds ?? new Set(),
      });
    }
    return results;
  }

  private async renderInWorkers(workers: MarkdownWorkers, input: RenderInput, shared: ReturnType<typeof sharedContext>): Promise<Map<VFile, RenderedDocument>> {
    // The file lists links may use are the same few maps for every job: each crosses once a batch.
    const keys = new Map<ProjectFiles, string>();
    for (const job of input.jobs) if (!keys.has(job.files)) keys.set(job.files, String(keys.size));
    const files = Object.fromEntries([...keys].map(([map, key]) => [key, map]));
    const done = await workers.render(
      shared,
      files,
      input.jobs.map((job) => ({
        file: { path: job.file.path, cwd: job.file.cwd, value: String(job.file.value), sourcePath: job.file.data.sourcePath! },
        page: pageRef(job.page),
        lang: job.lang,
        labels: markdownLabels(input.labels(job.lang)),
        filesKey: keys.get(job.files)!,
      })),
    );
    const results = new Map<VFile, RenderedDocument>();
    input.jobs.forEach((job, index) => {
      const result = done[index]!;
      for (const message of result.messages) replayMessage(job.file, message);
      results.set(job.file, { file: job.file, lang: job.lang, tree: result.tree, assets: result.assets, anchorLinks: result.anchorLinks, explicitIds: new Set(result.explicitIds) });
    });
    return results;
  }
}
