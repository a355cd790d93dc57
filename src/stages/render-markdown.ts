import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { createProcessor } from '../markdown/create-processor.js';
import type { MarkdownProcessor } from '../markdown/create-processor.js';
import type { AnchorLink, MarkdownLabels, PageAsset } from '../markdown/context.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { Page } from '../site.js';

/** A Markdown file (a source page or a translation) as an HTML tree, before it becomes a page. */
export interface RenderedDocument {
  readonly file: VFile;
  readonly lang: string;
  readonly tree: Root;
  readonly assets: readonly PageAsset[];
  readonly anchorLinks: readonly AnchorLink[];
  /** Ids written as `{#id}` after headings: a translation that has them is matched by section. */
  readonly explicitIds: ReadonlySet<string>;
}

/** One file to render, with what its links may point to. */
export interface RenderJob {
  readonly file: VFile;
  /** The source page this file is, or translates. */
  readonly page: Page;
  /** The language the file is written in. */
  readonly lang: string;
  /** Files a link or image may use: path as written from `briefings/` → absolute path. */
  readonly files: ReadonlyMap<string, string>;
}

/** What rendering needs besides the files. */
export interface RenderInput {
  readonly jobs: readonly RenderJob[];
  readonly pages: readonly Page[];
  readonly references: ReferenceLibrary;
  /** Words the Markdown plugins print, by language (callout titles, footnote labels). */
  readonly labels: (lang: string) => MarkdownLabels;
}

/**
 * Turn each Markdown file into an HTML tree with the processor of its language. Each file is
 * parsed once, whatever number of pages and languages later use it; problems are left on
 * the file.
 */
export async function renderMarkdown(input: RenderInput): Promise<Map<VFile, RenderedDocument>> {
  const processors = new Map<string, MarkdownProcessor>();
  const pagesBySource = new Map(input.pages.map((page) => [page.sourcePath, page]));
  const results = new Map<VFile, RenderedDocument>();
  for (const job of input.jobs) {
    let processor = processors.get(job.lang);
    if (!processor) processors.set(job.lang, (processor = createProcessor(input.labels(job.lang))));
    const { file } = job;
    file.data.context = {
      page: job.page,
      lang: job.lang,
      labels: input.labels(job.lang),
      pagesBySource,
      sourceFiles: job.files,
      references: input.references,
    };
    const tree = (await processor.run(processor.parse(file), file)) as Root;
    results.set(file, {
      file,
      lang: job.lang,
      tree,
      assets: file.data.assets ?? [],
      anchorLinks: file.data.anchorLinks ?? [],
      explicitIds: file.data.explicitIds ?? new Set(),
    });
  }
  return results;
}
