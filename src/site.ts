import type { VFile } from 'vfile';
import type { Config } from './config/schema.js';
import type { BriefingMeta, CaseStudyMeta, PageMeta } from './content/schemas.js';
import type { ReferenceLibrary } from './references/library.js';
import type { YamlSource } from './yaml/parse.js';

interface PageBase {
  /** The Markdown file, front matter masked; every message about the page goes here. */
  readonly file: VFile;
  /** Path of the source under `briefings/`, with forward slashes (e.g. `case-studies/glasgow.md`). */
  readonly sourcePath: string;
  /** Where the page is written under `dist/<lang>/` (e.g. `case-studies/glasgow/index.html`). */
  readonly outputPath: string;
  /** Positions of the front matter values, for messages. */
  readonly yaml: YamlSource | undefined;
}

/** A technical briefing: `briefings/<slug>/index.md`. */
export interface BriefingPage extends PageBase {
  readonly kind: 'briefing';
  readonly slug: string;
  readonly meta: BriefingMeta;
}
/** A case study: `briefings/case-studies/<slug>.md`. */
export interface CaseStudyPage extends PageBase {
  readonly kind: 'case-study';
  readonly slug: string;
  readonly meta: CaseStudyMeta;
}
/** Any other Markdown file. */
export interface PlainPage extends PageBase {
  readonly kind: 'page';
  readonly slug: string;
  readonly meta: PageMeta;
}
/** A source page of any kind. */
export type Page = BriefingPage | CaseStudyPage | PlainPage;

/** One entry of a page's table of contents. */
export interface TocEntry {
  readonly depth: number;
  readonly id: string;
  readonly text: string;
  /** Set when the heading is in another language than the page (an untranslated section). */
  readonly lang?: string | undefined;
}

/** A page after Markdown rendering: its HTML and what the templates need around it. */
export interface RenderedPage {
  readonly page: Page;
  readonly lang: string;
  readonly html: string;
  readonly toc: readonly TocEntry[];
  /** Reference keys in the order they are first cited (their number is index + 1). */
  readonly citations: readonly string[];
}

/** A file the build writes: text, bytes, or a copy of a source file. */
export type OutputFile =
  | { readonly path: string; readonly content: string | Uint8Array }
  | { readonly path: string; readonly copyFrom: string };

/** Everything a build knows; each stage returns a new Site with its part filled in. */
export interface Site {
  readonly root: string;
  readonly config: Config;
  readonly configFile: VFile;
  readonly configYaml: YamlSource | undefined;
  /** Every file read (config, Markdown, references, templates): the report is made from these. */
  readonly files: readonly VFile[];
  readonly pages: readonly Page[];
  readonly references: ReferenceLibrary;
  readonly rendered: readonly RenderedPage[];
  readonly output: readonly OutputFile[];
}
