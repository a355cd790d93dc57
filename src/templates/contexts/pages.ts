import type { PageView, ReferenceItem } from '../view-models.js';
import type { LayoutContext } from './layout.js';

export interface PdfLink {
  readonly href: string;
  readonly label: string;
  /** "PDF, 1.2 MB, 12 pages"; none in the live preview, where a PDF is printed when asked for. */
  readonly details: string | undefined;
}

/** A file another output format made of the page (not a PDF), on its download list. */
export interface Download extends PdfLink {
  /** Its media type. */
  readonly type: string;
}

/**
 * What every content page's template gets (`pages/<type>.hbs`): the layout, its page, its
 * PDFs and references, and what its type adds (`View`: see each type's `view`).
 */
export type ContentPageContext<View extends TypeView = TypeView> = LayoutContext &
  Omit<View, 'page'> & {
    readonly page: PageView & (View extends { readonly page: infer Own } ? Own : unknown);
    /** The first PDF, for `partials/pdf-link.hbs`; undefined when none was printed. */
    readonly pdf: PdfLink | undefined;
    readonly pdfs: readonly PdfLink[];
    /** What other output formats made of the page, for `partials/pdf-link.hbs`. */
    readonly downloads: readonly Download[];
    readonly references: readonly ReferenceItem[];
    /** The line above the title in `partials/page-header.hbs`; templates pass their own (`kicker=ui.briefing`). */
    readonly kicker: string | undefined;
    /** The page's share page (its PDFs in every language and edition), for types that have one. */
    readonly share?: { readonly href: string; readonly label: string } | undefined;
    /** What changed since the previous released version, and where the page that says it is (issue 33). */
    readonly changes?: { readonly title: string; readonly summary: string; readonly href: string; readonly link: string } | undefined;
  };

/** What a content type adds to its pages' context (each type's own, e.g. BriefingView); a `page` key adds to the page's own view. */
export type TypeView = object;

/** `pages/page.hbs`: a plain page adds nothing. */
export type PlainPageContext = ContentPageContext;
