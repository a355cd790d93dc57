import type { VFile } from 'vfile';
import type { BriefingMeta, CaseStudyMeta, PageMeta } from './content/schemas.js';
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

/** A file the build writes: text, bytes, or a copy of a source file. */
export type OutputFile =
  | { readonly path: string; readonly content: string | Uint8Array }
  | { readonly path: string; readonly copyFrom: string };
