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
import { markdownContext, sharedContext } from './markdown-context.js';

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

  constructor(trees: ReadonlyMap<VFile, MdastRoot> = new Map()) {
    this.parsed = new Map(trees);
  }

  /** Render the jobs for one edition; problems are left on each file (once, however many editions). */
  async render(input: RenderInput): Promise<Map<VFile, RenderedDocument>> {
    const shared = sharedContext(input);
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
}
