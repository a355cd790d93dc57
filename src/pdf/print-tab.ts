import { PDFDocument, ParseSpeeds } from 'pdf-lib';
import type { Browser, HTTPRequest, Page, Target } from 'puppeteer-core';
import { fillContentsPages, linkLabels, prepare, swapDocument } from './in-page.js';
import { finishPdf } from './finish.js';
import { matchHeadings, readOutline } from './outline.js';
import type { Heading } from './outline.js';
import { headingTitles } from './outline-titles.js';
import { MARGINS, PAPER, PRINT_ORIGIN } from './print-document.js';
import type { PrintJob } from './print-document.js';
import { CARD_SIZE } from './preview-card.js';

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
 * One browser tab that prints documents, one at a time: a sandbox. The page is served from
 * an origin that exists only inside this tab: every request is answered from the build's own
 * files, and anything else is refused, so printing never touches the network (the browser's
 * flags stop what interception does not see: see PRINT_SANDBOX_ARGS). Page scripts are off,
 * and nothing a document leaves behind reaches the next one: a tab prints the same bytes as
 * a fresh one (test/issues/8/pdf-determinism.test.ts).
 */
export class PrintTab {
  private job: PrintJob | undefined;
  /** The stylesheets of the document the tab holds, to know whether the next one can reuse it. */
  private sheets: string | undefined;
  /** The address the tab is about to load, the only navigation it answers. */
  private expected: string | undefined;
  /** Whether a document tried to navigate away (a refresh, a timer): the tab is not used again. */
  private left = false;

  private constructor(
    private readonly page: Page,
    private readonly resources: Resources,
    private readonly closePopups: () => void,
  ) {}

  /**
   * A tab with page scripts off (the measuring code runs through the DevTools protocol, which
   * page settings do not stop): no document can keep state (no script, and no response of
   * the print origin sets a cookie), so the tabs share the browser's one context and its
   * cache of fonts and styles (a context per tab made printing a third slower). Any tab or
   * window a document opens is closed at once.
   */
  static async open(browser: Browser, resources: Resources): Promise<PrintTab> {
    const context = browser.defaultBrowserContext();
    const page = await context.newPage();
    const popup = (target: Target) => {
      if (target.opener() === page.target())
        void target
          .page()
          .then((other) => other?.close())
          .catch(() => undefined);
    };
    context.on('targetcreated', popup);
    const tab = new PrintTab(page, resources, () => context.off('targetcreated', popup));
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    // Every request is answered or refused, whatever goes wrong on the way (issue 27): one left
    // waiting holds its document until the time limit.
    page.on('request', (request) => void tab.answer(request).catch(() => request.abort('failed').catch(() => undefined)));
    return tab;
  }

  /** Close the tab; one that does not answer is left to the browser's close. */
  async close(): Promise<void> {
    this.closePopups();
    await Promise.race([this.page.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
  }

  /**
   * Print one document: lay it out, number its contents, print, check the numbers, fix if
   * needed. A document that tried to load another page (a refresh, say) is not trusted: it
   * fails, and the tab is not used again.
   */
  async print(job: PrintJob, timeout: number): Promise<Printed> {
    if (this.left) throw new Error('An earlier document in this tab tried to load another page');
    try {
      const printed = await this.printHere(job, timeout);
      if (!this.left) return printed;
    } catch (reason) {
      if (!this.left) throw reason;
    }
    throw new Error('The document tried to load another page while it was printed');
  }

  private async printHere(job: PrintJob, timeout: number): Promise<Printed> {
    this.job = job;
    const { page } = this;
    // A card is laid out in a window of its own size from the start (a right-to-left page
    // laid out narrower first overflows to the left, off the picture).
    if (job.card) await page.setViewport({ ...CARD_SIZE, deviceScaleFactor: 1 });
    // The first document is loaded; the next ones replace it in place, which keeps the
    // fonts and styles the tab has already loaded (a third of the time of a print).
    const sheets = stylesheetsOf(job.html);
    if (this.sheets === sheets) await page.evaluate(swapDocument, job.html, job.url);
    else {
      // Compared with the address as Chromium writes it (percent-encoded).
      this.expected = new URL(job.url).href;
      await page.goto(job.url, { waitUntil: 'load', timeout });
    }
    this.sheets = sheets;
    if (job.card) return this.screenshot();
    const size = PAPER[job.paper];
    const { predicted, headings, targets } = await page.evaluate(prepare, {
      width: (size.width - MARGINS.left - MARGINS.right) * MM,
      height: (size.height - MARGINS.top - MARGINS.bottom) * MM,
    });
    let bytes = await this.printOnce(timeout);
    let passes = 1;
    if (targets.length > 0) {
      // Check the predicted contents page numbers against where the headings landed.
      const actual = landed(await load(bytes), headings, targets);
      if (Object.keys(actual).some((id) => actual[id] !== predicted[id])) {
        // The prediction was off (a theme that changed the page margins, say): print again
        // with the pages the first print showed. Only the numbers change, so the pages stay.
        await page.evaluate(fillContentsPages, { ...predicted, ...actual });
        bytes = await this.printOnce(timeout);
        passes = 2;
      }
    }
    const links = new Map(await page.evaluate(linkLabels));
    return { ...finishPdf(bytes, job.metadata, links, headingTitles(await load(bytes), headings)), passes };
  }

  /** A link-preview image of the loaded document: 1200 × 630 pixels, once its fonts and images are in. */
  private async screenshot(): Promise<Printed> {
    const { page } = this;
    await page.evaluate(prepare, CARD_SIZE);
    // The window is the card's size: no clip (a clip misses a right-to-left page entirely).
    const bytes = await page.screenshot({ type: 'png' });
    // The next document is loaded afresh (a PDF must not inherit a card's page).
    this.sheets = undefined;
    return { bytes, pages: 1, passes: 1 };
  }

  private printOnce(timeout: number): Promise<Uint8Array> {
    return this.page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true, timeout });
  }

  private async answer(request: HTTPRequest): Promise<void> {
    const url = request.url();
    const job = this.job;
    if (request.isNavigationRequest()) {
      // The one navigation the tab makes itself; a refresh, a frame or a link is refused.
      if (job && url === this.expected && request.frame() === this.page.mainFrame()) {
        this.expected = undefined;
        await request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: job.html });
      } else {
        if (request.frame() === this.page.mainFrame()) this.left = true;
        await request.abort('blockedbyclient');
      }
      return;
    }
    if (url.startsWith(PRINT_ORIGIN)) {
      const path = decodedPath(new URL(url).pathname.slice(1));
      const resource = await this.resources(path);
      if (resource) {
        await request.respond({
          status: 200,
          contentType: resource.type,
          body: typeof resource.body === 'string' ? resource.body : Buffer.from(resource.body),
        });
      } else {
        await request.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
      }
      return;
    }
    // data: URLs are not intercepted; everything else would leave the machine.
    await request.abort('blockedbyclient');
  }
}

/**
 * A path of the print origin with its %-escapes decoded; a `%` that starts no escape
 * (`50%off.png`, a file's own name) or an escape that is no UTF-8 (`%E0%A4%A`) stays as it is.
 */
function decodedPath(path: string): string {
  return path.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}

/** The stylesheet links of a print document, as one string. */
function stylesheetsOf(html: string): string {
  return [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((match) => match[1]).join('\n');
}

/** Read a PDF in one go (pdf-lib's default yields to the event loop every 100 objects). */
function load(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { parseSpeed: ParseSpeeds.Fastest, updateMetadata: false });
}

/** The page each contents target landed on, from the PDF's bookmarks. */
function landed(pdf: PDFDocument, headings: readonly Heading[], targets: readonly string[]): Record<string, number> {
  const actual: Record<string, number> = {};
  for (const [item, heading] of matchHeadings(readOutline(pdf), headings)) {
    if (targets.includes(heading.id) && item.page > 0) actual[heading.id] ??= item.page;
  }
  return actual;
}
