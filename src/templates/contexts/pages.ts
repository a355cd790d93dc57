import type { TocEntry } from '../../model/page.js';
import type { LangText, Link } from '../view-models.js';
import type { LayoutContext } from './layout.js';

/** What `partials/page-header.hbs` shows of any page, and the page's content. */
export interface PageView {
  readonly kind: string;
  readonly title: LangText;
  readonly summary: LangText | undefined;
  readonly date: string | undefined;
  /** The date as written (`YYYY-MM-DD`), for `<time datetime>`. */
  readonly datetime: string | undefined;
  readonly authors: readonly AuthorView[];
  readonly tags: readonly Link[];
  /** Only a briefing has a version; undefined on other pages. */
  readonly version: string | undefined;
  /** The front matter as written (and translated): any key a project adds, for its own templates. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly html: string;
  /** The page's contents, when it has two headings or more (else empty). */
  readonly toc: readonly TocEntry[];
  /** The language of the text, with `lang`/`dir` when it is not the reader's. */
  readonly content: LangText;
}

export interface AuthorView {
  readonly name: string;
  readonly affiliation: string | undefined;
}

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

export interface ReferenceItem {
  readonly id: string;
  /** The style's label ("1.", "[1]"); none in an author–date style. */
  readonly label: string | undefined;
  readonly html: string;
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
  };

/** What a content type adds to its pages' context (each type's own, e.g. BriefingView); a `page` key adds to the page's own view. */
export type TypeView = object;

/** `pages/page.hbs`: a plain page adds nothing. */
export type PlainPageContext = ContentPageContext;
