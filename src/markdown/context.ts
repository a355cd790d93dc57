import type { Position } from 'unist';
import type { OutlineHeading } from './heading-ids.js';
import type { EditionVariables } from '../model/edition.js';
import type { ProjectFiles } from '../model/project-files.js';
import type { PageAsset } from '../model/localized-page.js';

/** Words the Markdown plugins print, in the page's language. */
export interface MarkdownLabels {
  readonly note: string;
  readonly warning: string;
  readonly keyPoints: string;
  /** The title of a `:::safety` block. */
  readonly safety: string;
  readonly footnotes: string;
  readonly backToReference: string;
  readonly table: string;
  /** A self-check question's label, and the button that shows its answer. */
  readonly question: string;
  readonly showAnswer: string;
}

/** A page as the plugins see it: where it comes from and where it is written. */
export interface PageRef {
  /** Path of the source under `briefings/`, with forward slashes (e.g. `case-studies/glasgow.md`). */
  readonly sourcePath: string;
  /** Where the page is written under `dist/<lang>/` (e.g. `case-studies/glasgow/index.html`). */
  readonly outputPath: string;
  /** Its content type's name (see content-types/). */
  readonly kind: string;
  readonly slug: string;
}

/** The edition being rendered, as the plugins see it. */
export interface MarkdownEdition {
  /** ISO 3166-1 alpha-2 in lower case; undefined for the international edition. */
  readonly country: string | undefined;
  /** How messages name it: "the Ukraine edition (countries/ua.yaml)". */
  readonly label: string;
  /** Where a missing variable should be added, for the hint. */
  readonly variablesFile: string;
  /** The values of `{{variables}}`: look one up with `lookupVariable` (countries/variables.ts). */
  readonly variables: EditionVariables;
}

/**
 * What a page's Markdown plugins may know about the rest of the site, per file on
 * `file.data.context`. Plain data only (what `structuredClone` accepts, nothing lost: no
 * class instances, functions or VFiles), so a file can be rendered in a worker and the
 * plugins tested without a project on disk. Build it with `markdownContext` (markdown/shared-context.ts).
 */
export interface MarkdownContext {
  readonly page: PageRef;
  readonly lang: string;
  readonly labels: MarkdownLabels;
  /** Every page, by its source path under `briefings/`. */
  readonly pagesBySource: ReadonlyMap<string, PageRef>;
  /**
   * Files local links and images may use, by path relative to `briefings/` (for a translation,
   * its own folder's files first). Values are real paths inside the project, or why a link
   * there is refused (out of the project, dangling), to report where a page uses it.
   */
  readonly sourceFiles: ProjectFiles;
  /** The keys of `references.yaml`, which `[@key]` may cite. */
  readonly citationKeys: ReadonlySet<string>;
  /** The edition being built: its country, and the values of `{{variables}}`. */
  readonly edition: MarkdownEdition;
  /** Every variable name any edition or the config defines, to tell a typo from a gap. */
  readonly knownVariables: ReadonlySet<string>;
  /** The project's product names (config `products`): facts compared across languages like numbers. */
  readonly products: readonly string[];
  /** For a translation: its original's headings, which its own take their ids from where they line up (heading-ids.ts). */
  readonly outline?: readonly OutlineHeading[] | undefined;
  /** Read the file's facts, to compare them across languages: a translation, an override, or an original that has either (issue 32). */
  readonly facts?: boolean | undefined;
}

/** A link to a heading in another page, checked once every page is rendered. */
export interface AnchorLink {
  readonly target: string;
  readonly id: string;
  readonly place: Position | undefined;
}

// What the plugins read (`context`) and leave for later stages: all plain data.
declare module 'vfile' {
  interface DataMap {
    sourcePath: string;
    context: MarkdownContext;
    citations: string[];
    assets: PageAsset[];
    ids: Set<string>;
    explicitIds: Set<string>;
    /** Heading ids made from the headings' text, with the offset where each heading starts. */
    generatedIds: ReadonlyMap<string, number | undefined>;
    anchorLinks: AnchorLink[];
  }
}
