import type { Edition } from './edition.js';
import type { LocalizedPage } from './localized-page.js';
import type { PdfInfo } from './pdf.js';
import type { PrintVariant } from './print-variant.js';

/**
 * One PDF of a page that can be shared: which edition and language, where it is, what it is.
 * `Label` names the interface strings, as in {@link PrintVariant}.
 */
export interface ShareEntry<Label extends string> {
  readonly edition: Edition;
  readonly local: LocalizedPage;
  readonly variant: PrintVariant<Label>;
  /** The PDF's path from the site's root (the edition's folder included). */
  readonly path: string;
  /** Its size and page count, when it was printed in this run. */
  readonly pdf: PdfInfo | undefined;
  /** Its address on the web (`base_url` + path), when the site has one. */
  readonly url: string | undefined;
  /** A QR code of `url`, as inline SVG. */
  readonly qr: string | undefined;
  /** The page's key messages as slides, shared with its main PDF, when they were printed. */
  readonly slides?: { readonly path: string; readonly url: string | undefined } | undefined;
}
