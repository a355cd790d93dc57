import type { Edition } from '../model/edition.js';
import type { Translator } from '../i18n/ui-strings.js';
import type { PdfInfo } from '../model/pdf.js';

/** A file a format offers the readers of a page: on the page's download list and its share page. */
export interface PageFile {
  /** The format's name (`pdf`: the page's main download button). */
  readonly format: string;
  /** From the edition's root: `en/case-studies/a/a.en.pdf`. */
  readonly path: string;
  /** In the reader's language. */
  readonly label: string;
  /** Size, pages: "PDF, 1.2 MB, 12 pages". */
  readonly details: string | undefined;
  /** Its media type, for the link's `type`. */
  readonly type: string;
}

/** What a format's links are made from: a page of an edition, read in a language. */
export interface LinkContext {
  readonly edition: Edition;
  /** The reader's language. */
  readonly translator: Translator;
  /** The PDFs printed, by path from the site's root. */
  readonly pdfs: ReadonlyMap<string, PdfInfo>;
  /** A live preview: files are made when asked for, so every file is linked. */
  readonly onDemand: boolean;
}
