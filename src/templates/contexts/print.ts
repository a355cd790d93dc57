import type { Translator } from '../../i18n/ui-strings.js';
import type { LangText, ReferenceItem } from '../view-models.js';
import type { LicenceView, OrganisationView } from './layout.js';

/** `print/document.hbs`: the HTML a PDF is printed from. */
export interface PrintDocumentContext {
  /** The language of the text (the original's, for a page not translated). */
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** The reader's language: cover, contents and back page. */
  readonly reader: { readonly lang: string; readonly dir: 'ltr' | 'rtl'; readonly foreign: boolean };
  readonly ui: Translator['ui'];
  readonly kind: string;
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: string;
  readonly assets: string;
  readonly paper: 'A4' | 'letter';
  readonly coverHeight: string;
  /** CSS `content:` values (src/pdf/css-text.ts). */
  readonly runningTitle: string;
  readonly pageNumber: string;
  readonly coverLabel: string;
  readonly organisation: OrganisationView | undefined;
  readonly kicker: string;
  readonly cover: { readonly title: LangText; readonly summary: LangText | undefined };
  readonly language: LangText;
  readonly edition: string | undefined;
  readonly version: string | undefined;
  readonly date: string | undefined;
  readonly authors: string;
  readonly toc: readonly { readonly depth: number; readonly id: string; readonly text: string; readonly lang: string; readonly page: string }[];
  readonly notice: { readonly title: string; readonly text: string } | undefined;
  /** What changed since the previous released version, and where it is told in full (issue 33). */
  readonly changes?: { readonly title: string; readonly summary: string; readonly url: string | undefined } | undefined;
  readonly content: { readonly lang: string; readonly dir: 'ltr' | 'rtl'; readonly foreign: boolean };
  /** A partial shown before the text (a module's objectives), with its own context. */
  readonly intro: { readonly partial: string; readonly data: object } | undefined;
  /** A short document: the cover is a band on the first page (see print.css `.print-compact`). */
  readonly compact: boolean;
  readonly html: string;
  readonly references: readonly ReferenceItem[];
  readonly citation: { readonly who: string | undefined; readonly title: string; readonly version: string | undefined; readonly url: string | undefined };
  readonly licence: LicenceView | undefined;
  readonly online: { readonly url: string; readonly qr: string } | undefined;
}
