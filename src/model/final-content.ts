import type { TocEntry } from './page.js';

/** A page's content, ready for its template. */
export interface FinalContent {
  readonly html: string;
  readonly toc: readonly TocEntry[];
  /** The keys of the references cited, in the order of the reference list. */
  readonly citations: readonly string[];
  /** The reference list, formatted by the page's style. */
  readonly references: readonly BibEntry[];
  /** Every id in the content, for anchor checks. */
  readonly ids: ReadonlySet<string>;
}

/** One entry of a reference list, formatted by the style. */
export interface BibEntry {
  readonly key: string;
  /** The style's number or label ("1."), when it has one. */
  readonly label: string | undefined;
  readonly html: string;
}
