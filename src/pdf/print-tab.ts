import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import type { Browser, HTTPRequest, Page } from 'puppeteer';
import { contentsTargets, fillContentsPages, headingTexts, measureContentsPages } from './in-page.js';
import { fixTitles, matchHeadings, readOutline } from './outline.js';
import { MARGINS, PAPER, PRINT_ORIGIN } from './print-document.js';
import type { PdfMetadata, PrintJob } from './print-document.js';

/** A file a print page may load from the print origin (fonts, styles, images). */
export interface Resource {
  readonly body: Uint8Array | string;
  readonly type: string;
}

/** Finds files for the print origin by path (`assets/fonts.css`, `en/x/diagram.svg`). */
export type Resources = (path: string) => Promise<Resource | undefined>;

/** A printed PDF. */
export interface Printed {
  readonly bytes: Uint8Array;
  readonly pages: number;
  /** 1 when the predicted contents page numbers were right, 2 when a second print fixed them. */
  readonly passes: number;
}

const MM = 96 / 25.4;

/**
 * One browser tab that prints documents, one at a time. The page is served from an origin
 * that exists only inside this tab: every request is answered from the build's own files,
 * and anything else is refused, so printing never touches the network.
 */
export class PrintTab {
  private job: PrintJob | undefined;

  private constructor(private readonly page: Page, private readonly resources: Resources) {}

  static async open(browser: Browser, resources: Resources): Promise<PrintTab> {
    const page = await browser.newPage();
    const tab = new PrintTab(page, resources);
    await page.setRequestInterception(true);
    page.on('request', (request) => void tab.answer(request));
    return tab;
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
  }

  /** Print one document: lay it out, number its contents, print, check the numbers, fix if needed. */
  async print(job: PrintJob, timeout: number): Promise<Printed> {
    this.job = job;
    const { page } = this;
    await page.goto(job.url, { waitUntil: 'load', timeout });
    await page.evaluate(() => document.fonts.ready);
    const size = PAPER[job.paper];
    const predicted = await page.evaluate(measureContentsPages, {
      width: (size.width - MARGINS.left - MARGINS.right) * MM,
      height: (size.height - MARGINS.top - MARGINS.bottom) * MM,
    });
    await page.evaluate(fillContentsPages, predicted);

    const headings = await page.evaluate(headingTexts);
    const targets = new Set(await page.evaluate(contentsTargets));
    let pdf = await PDFDocument.load(await this.printOnce(timeout));
    let pairs = matchHeadings(readOutline(pdf), headings);
    const actual: Record<string, number> = {};
    for (const [item, heading] of pairs) if (targets.has(heading.id) && item.page > 0) actual[heading.id] ??= item.page;
    let passes = 1;
    if (Object.keys(actual).some((id) => actual[id] !== predicted[id])) {
      // The prediction was off (a theme that changed the page margins, say): print again
      // with the pages the first print showed. Only the numbers change, so the pages stay.
      await page.evaluate(fillContentsPages, { ...predicted, ...actual });
      pdf = await PDFDocument.load(await this.printOnce(timeout));
      pairs = matchHeadings(readOutline(pdf), headings);
      passes = 2;
    }
    fixTitles(pairs);
    setMetadata(pdf, job.metadata);
    return { bytes: await pdf.save(), pages: pdf.getPageCount(), passes };
  }

  private printOnce(timeout: number): Promise<Uint8Array> {
    return this.page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout });
  }

  private async answer(request: HTTPRequest): Promise<void> {
    const url = request.url();
    const job = this.job;
    if (job && url === job.url) {
      await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: job.html });
      return;
    }
    if (url.startsWith(PRINT_ORIGIN)) {
      const path = decodeURIComponent(new URL(url).pathname.slice(1));
      const resource = await this.resources(path);
      if (resource) {
        await request.respond({ status: 200, contentType: resource.type, body: typeof resource.body === 'string' ? resource.body : Buffer.from(resource.body) });
      } else {
        await request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
      }
      return;
    }
    // data: URLs are not intercepted; everything else would leave the machine.
    await request.abort('blockedbyclient');
  }
}

/** Title, author, subject, keywords, language and dates from the content, so rebuilding gives the same PDF. */
function setMetadata(pdf: PDFDocument, metadata: PdfMetadata): void {
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.subject) pdf.setSubject(metadata.subject);
  if (metadata.keywords.length > 0) pdf.setKeywords([...metadata.keywords]);
  pdf.setLanguage(metadata.lang);
  pdf.setProducer('briefkit');
  pdf.setCreator('briefkit (Chromium)');
  const info = pdf.context.lookup(pdf.context.trailerInfo.Info);
  if (metadata.date) {
    const date = new Date(`${metadata.date}T00:00:00Z`);
    pdf.setCreationDate(date);
    pdf.setModificationDate(date);
  } else if (info instanceof PDFDict) {
    info.delete(PDFName.of('CreationDate'));
    info.delete(PDFName.of('ModDate'));
  }
}
