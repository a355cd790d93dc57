import type { Page } from '../../model/page.js';
import type { ReferenceLibrary } from '../library.js';
import type { CitationStyle } from './citation-style.js';
import type { Citer } from './citer.js';

/** The citation styles a project uses, and a page's. */
export interface Citations {
  readonly library: ReferenceLibrary;
  /** The style a page's citations and reference list follow. */
  styleOf(page: Page): CitationStyle;
  /** Formats a page's citations in its style, in one language. */
  citer(page: Page, lang: string): Citer;
}
