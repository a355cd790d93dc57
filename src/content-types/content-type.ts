import type { z } from 'zod';
import type { UiKey } from '../i18n/strings.js';
import type { Translator } from '../i18n/ui-strings.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { Citations } from '../references/csl/citations.js';
import type { Page } from '../model/page.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { PrintVariant } from '../model/print-variant.js';
import type { HomeContent, IndexContents } from '../templates/contexts/indexes.js';
import type { TypeView } from '../templates/contexts/pages.js';
import type { LangText, Views } from '../templates/view-models.js';
import type { CommonMeta } from '../model/page.js';

/** The pages of one language of a site, by content type, for a type's lists and links. */
export interface SiteIndex {
  /** The pages of a type, in the type's list order. */
  pagesOf(type: string): readonly Page[];
  /** A page of a type by its slug. */
  find(type: string, slug: string): Page | undefined;
  /**
   * The pages whose front matter list `key` names `slug` (the modules and briefs whose
   * `briefings:` name a briefing), of each type whose schema has that list.
   */
  listing(key: string, slug: string): readonly Page[];
  /** The pages whose PDF prints this page as a chapter (the briefings a case study is part of). */
  chapterOf(page: Page): readonly Page[];
}

/** What a content type's view models are made with: one language of one edition. */
export interface ViewContext {
  readonly views: Views;
  readonly translator: Translator;
  readonly site: SiteIndex;
  /** The bibliography and each page's citation style. */
  readonly citations: Citations;
}

/** A page besides the content pages that a content type writes in each language (an index). */
export type IndexPage = { readonly [Template in keyof IndexContents]: IndexPageOf<Template> }[keyof IndexContents];

/** An index page written with one template (`pages/<Template>.hbs`), and what that template gets. */
export interface IndexPageOf<Template extends keyof IndexContents> {
  /** Under `<lang>/`, e.g. `case-studies/index.html`. */
  readonly path: string;
  readonly template: Template;
  /** Names the page in messages, e.g. "the case-study index". */
  readonly owner: string;
  /** The page title (before " · site title"); none for a page titled by the site. */
  readonly title?: string | undefined;
  readonly data: (views: Views) => IndexContents[Template];
}

/** The one PDF of a type that has no variants: `<slug>.<lang>.pdf`, "Download PDF". */
export const ONE_PDF: readonly PrintVariant<UiKey>[] = [{ suffix: '', label: 'downloadPdf' }];

/** How a content type prints. */
export interface PrintSpec {
  /** Pages printed as chapters after the page's own text (a briefing's case studies). */
  readonly chapters?: ((page: Page, site: SiteIndex) => readonly Page[]) | undefined;
  /** Whether the PDF has a contents page. */
  readonly toc: boolean;
  /** A short document: no cover page of its own (a band at the top), references and back page straight after the text. */
  readonly compact?: boolean | undefined;
  /** The line above the title on the cover. */
  readonly kicker: (page: Page, context: ViewContext) => string;
  readonly variants?: readonly PrintVariant<UiKey>[] | undefined;
  /** A partial shown before the text (a module's objectives and key terms), with its data. */
  readonly intro?: ((page: Page, context: ViewContext) => { readonly partial: string; readonly data: object }) | undefined;
  /** The line under the page's title when it is a chapter of another page's PDF. */
  readonly chapterLine?: ((page: Page, context: ViewContext) => string) | undefined;
  /** The page gets a share page listing its PDFs in every language and edition (for webinar hosts). */
  readonly share?: boolean | undefined;
}

/**
 * A kind of content: where its files live, its front matter, which of its fields a
 * translation may set, its templates, lists and PDFs, and the file `briefkit new` writes.
 * Registered in content-types/index.ts; nothing else in the build names a type.
 */
export interface ContentType {
  readonly name: string;
  /** Other names `briefkit new` accepts. */
  readonly aliases?: readonly string[] | undefined;
  /** What authors call it, in messages and help ("case study"), and more than one ("Case studies"). */
  readonly label: string;
  readonly plural: string;
  /** Its name in the reader's language, as search results filter by it (none: not offered as a filter). */
  readonly kindLabel?: UiKey | undefined;
  /** What search results of its pages may be filtered by besides their kind (a case study's country and topics), by filter name. */
  readonly searchFilters?: ((page: Page, context: ViewContext) => Readonly<Record<string, readonly string[]>>) | undefined;
  /** Where its files go, for help text: `briefings/training/<slug>.md`. */
  readonly where: string;
  /** The folder under `briefings/` that holds this type's files, if it has one of its own. */
  readonly folder?: string | undefined;
  /**
   * The slug of a source (its path under `briefings/` without `.md`, split at `/`), if it is
   * of this type. `reserved` are the folders of the types that have one.
   */
  readonly place: (parts: readonly string[], reserved: ReadonlySet<string>) => readonly string[] | undefined;
  /** Where a page of this type and slug is written, under `<lang>/`. */
  readonly outputPath: (slug: readonly string[]) => string;
  /** The source file of a new page with this slug, under `briefings/`. */
  readonly sourcePath: (slug: string) => string;
  readonly schema: z.ZodObject;
  /** Front matter keys, besides title and summary, that a translation sets in its own language. */
  readonly translatable: readonly string[];
  /** The web page template (`templates/pages/<template>.hbs`). */
  readonly template: string;
  /** Order of lists and navigation. */
  readonly order: (pages: readonly Page[], lang: string) => readonly Page[];
  /** Ids the page's template adds to its content (a glossary's entries), so links to them are checked. */
  readonly ids?: ((page: Page) => readonly string[]) | undefined;
  /** What the page template gets besides the common page view. */
  readonly view?: ((local: LocalizedPage, context: ViewContext) => TypeView) | undefined;
  /** Entries in the main navigation. */
  readonly nav?: ((pages: readonly Page[], context: ViewContext) => readonly { readonly label: LangText; readonly path: string }[]) | undefined;
  /** What the type adds to the home page's view. */
  readonly home?: ((pages: readonly Page[], context: ViewContext) => Partial<HomeContent>) | undefined;
  /** Index pages the type writes in each language. */
  readonly indexes?: ((pages: readonly Page[], context: ViewContext) => readonly IndexPage[]) | undefined;
  /**
   * The outputs its pages get, by format name (formats/): a format that makes files of some
   * pages (a PDF, slides, a link-preview card) makes them of the pages whose type names it
   * (`wants`). Web pages, search and feeds are made of every page whatever this says.
   */
  readonly outputs: readonly string[];
  /** How its pages print: needed by the outputs it names that are printed (`pdf`, `slides`, `card`). */
  readonly print?: PrintSpec | undefined;
  /** Checks across pages, once every page and the references are read (e.g. a briefing's case studies exist). */
  readonly check?: ((pages: readonly Page[], references: ReferenceLibrary) => void) | undefined;
  /** The Markdown a new page starts as (`briefkit new <type> <slug>`). */
  readonly scaffold: (slug: string) => string;
}

/** The validated front matter of a page, as its type's schema says. */
export type MetaOf<Schema extends z.ZodType> = z.infer<Schema> & CommonMeta;
