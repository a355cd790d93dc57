import type { Root } from 'hast';
import { createProcessor } from '../markdown/create-processor.js';
import type { AnchorLink, MarkdownLabels, PageAsset } from '../markdown/context.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { Page, RenderedPage } from '../site.js';

/** A rendered page plus what later stages check or copy. */
export interface RenderResult extends RenderedPage {
  readonly assets: readonly PageAsset[];
  readonly ids: ReadonlySet<string>;
  readonly anchorLinks: readonly AnchorLink[];
}

/** What rendering needs besides the pages. */
export interface RenderInput {
  readonly pages: readonly Page[];
  readonly lang: string;
  readonly labels: MarkdownLabels;
  readonly references: ReferenceLibrary;
  readonly sourceFiles: ReadonlySet<string>;
}

/**
 * Turn each page's Markdown into HTML with one processor for the language. Each source is
 * parsed once; problems are left on the page's file.
 */
export async function renderMarkdown(input: RenderInput): Promise<RenderResult[]> {
  const processor = createProcessor(input.labels);
  const pagesBySource = new Map(input.pages.map((page) => [page.sourcePath, page]));
  const results: RenderResult[] = [];
  for (const page of input.pages) {
    const { file } = page;
    file.data.context = {
      page,
      lang: input.lang,
      labels: input.labels,
      pagesBySource,
      sourceFiles: input.sourceFiles,
      references: input.references,
    };
    const tree = (await processor.run(processor.parse(file), file)) as Root;
    const html = processor.stringify(tree, file);
    results.push({
      page,
      lang: input.lang,
      html,
      toc: file.data.toc ?? [],
      citations: file.data.citations ?? [],
      assets: file.data.assets ?? [],
      ids: file.data.ids ?? new Set(),
      anchorLinks: file.data.anchorLinks ?? [],
    });
  }
  return results;
}
