import type { ProjectFiles } from '../project/list.js';
import type { Page } from '../site.js';
import type { Edition } from '../countries/edition.js';
import type { ReferenceLibrary } from '../references/library.js';

/** Words the Markdown plugins print, in the page's language. */
export interface MarkdownLabels {
  readonly note: string;
  readonly warning: string;
  readonly keyPoints: string;
  readonly footnotes: string;
  readonly backToReference: string;
  readonly table: string;
}

/** What a page's Markdown plugins may know about the rest of the site. */
export interface RenderContext {
  readonly page: Page;
  readonly lang: string;
  readonly labels: MarkdownLabels;
  /** Every page, by its source path under `briefings/`. */
  readonly pagesBySource: ReadonlyMap<string, Page>;
  /**
   * Files local links and images may use, by path relative to `briefings/` (for a translation,
   * its own folder's files first). Values are real paths inside the project, or why a link
   * there is refused (out of the project, dangling), to report where a page uses it.
   */
  readonly sourceFiles: ProjectFiles;
  readonly references: ReferenceLibrary;
  /** The edition being built: its country, and the values of `{{variables}}`. */
  readonly edition: Edition;
  /** Every variable name any edition or the config defines, to tell a typo from a gap. */
  readonly knownVariables: ReadonlySet<string>;
}

/** A local file a page uses: copied from `from` (absolute) to `<lang>/<to>`. */
export interface PageAsset {
  readonly from: string;
  readonly to: string;
}

/** A link to a heading in another page, checked once every page is rendered. */
export interface AnchorLink {
  readonly target: string;
  readonly id: string;
  readonly place: import('unist').Position | undefined;
}

declare module 'vfile' {
  interface DataMap {
    sourcePath: string;
    context: RenderContext;
    citations: string[];
    assets: PageAsset[];
    ids: Set<string>;
    explicitIds: Set<string>;
    /** Heading ids made from the headings' text, with the offset where each heading starts. */
    generatedIds: ReadonlyMap<string, number | undefined>;
    anchorLinks: AnchorLink[];
  }
}
