import type { VFile } from 'vfile';
import type { Edition } from '../model/edition.js';
import type { LandingPage } from '../model/landing-page.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { Page } from '../model/page.js';
import type { SiteIndex } from '../content-types/content-type.js';
import type { PrintInput, PrintJob } from '../pdf/print-document.js';
import type { PdfInfo } from '../model/pdf.js';
import type { SearchIndexState } from '../model/search-index.js';
import type { Made, Project, RunOptions } from '../run/types.js';
import type { Output } from './output.js';
import type { LinkContext, PageFile } from './page-file.js';

export type { LinkContext, PageFile } from './page-file.js';

/** The third phase as formats take part in it: the files so far, and what printing found. */
export interface Emitting {
  readonly output: Output;
  /** Every format of the run (the web pages list what each offers). */
  readonly formats: readonly OutputFormat[];
  /** The PDFs printed, by path (the PDF format fills it in; pages show their sizes). */
  readonly pdfs: Map<string, PdfInfo>;
  /** Problems printing: they fail the run, but the website is still written. */
  readonly printing: VFile;
  /** PDFs whose contents page numbers needed a second print. */
  reprinted: number;
  /** The web pages readers land on, by edition, as the web pages' format wrote them (the sitemap lists them). */
  readonly landing: Map<Edition, LandingPage[]>;
  /** What each edition's search index holds, by its folder (the search format fills it in). */
  readonly search: Map<string, SearchIndexState>;
}

/** The pages of one language of an edition, for the documents a format prints of one of them. */
export interface PrintContext {
  readonly input: PrintInput;
  /** Each page's version in this language. */
  readonly byPage: ReadonlyMap<Page, LocalizedPage>;
  readonly site: SiteIndex;
}

/**
 * An output of a build (issue 30, item 4): PDFs, slides, link-preview cards, web pages, the
 * search index, or a format a project adds. Formats are listed once (formats/index.ts). The
 * documents every format prints (`printJobs`) are printed first, together, by one browser;
 * then each format's `emit` runs in the list's order, seeing the files of those before it.
 * What a format offers readers (`links`) shows on each page's download list and share page.
 * A format that makes files of some pages only makes them of the pages whose content type
 * names it among its `outputs` (content-types/index.ts `wants`).
 */
export interface OutputFormat {
  readonly name: string;
  /** Whether a run makes this format's files (default: all but `briefkit pdf`). */
  readonly runs?: ((options: RunOptions) => boolean) | undefined;
  /** The files this format makes of a page, offered to its readers. */
  links?(local: LocalizedPage, context: LinkContext): readonly PageFile[];
  /** The documents this format prints of a page (in one language of an edition). */
  printJobs?(local: LocalizedPage, context: PrintContext): Promise<readonly PrintJob[]>;
  /** Start, before any format emits, work that follows the files the others add (`emitting.output.watch`); `emit` then ends it. */
  begin?(project: Project, made: Made, emitting: Emitting): void;
  /** Add this format's files to `emitting.output` (the printed ones are there already). */
  emit?(project: Project, made: Made, emitting: Emitting): Promise<void>;
}

/** Whether a format takes part in a run. */
export function formatRuns(format: OutputFormat, options: RunOptions): boolean {
  return format.runs ? format.runs(options) : options.pdfOnly === undefined;
}

/** Every file the formats offer the readers of a page, in the order the formats are listed. */
export function pageFiles(formats: readonly OutputFormat[], local: LocalizedPage, context: LinkContext): PageFile[] {
  return formats.flatMap((format) => format.links?.(local, context) ?? []);
}
