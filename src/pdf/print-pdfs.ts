import { readFile } from 'node:fs/promises';
import { mediaType } from '../paths/media-type.js';
import { TimeoutError } from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import type { PdfInfo } from '../model/pdf.js';
import type { VFile } from 'vfile';
import type { Problem } from '../messages.js';
import { reportPrintProblem } from './print-problems.js';
import { BrowserStartTimeout, NoBrowserError, launchBrowser } from './browser.js';
import type { PrintJob } from './print-document.js';
import { PrintTab } from './print-tab.js';
import type { Resource, Resources } from './print-tab.js';
import type { OutputFile } from '../model/output-file.js';

/** What printing produced. */
export interface PrintResult {
  readonly files: readonly OutputFile[];
  /** By PDF path. */
  readonly pdfs: ReadonlyMap<string, PdfInfo>;
  /** How many documents needed a second print to correct their contents page numbers. */
  readonly reprinted: number;
}

/** How to print. */
export interface PrintOptions {
  /** Files the print pages may load, by path under the output folder. */
  readonly files: ReadonlyMap<string, OutputFile>;
  /** Tabs printing at once (two is the fastest on two cores). */
  readonly tabs?: number;
  /** Longest a document may take, in ms (default: `BRIEFKIT_PDF_TIMEOUT_MS`, else two minutes). */
  readonly timeout?: number;
  /** Longest Chromium may take to start, in ms (default: `BRIEFKIT_BROWSER_TIMEOUT_MS`, else 30 s). */
  readonly startTimeout?: number;
  /** Called before each document, for a progress line. */
  readonly progress?: (done: number, total: number, current: string) => void;
  /** Where a problem that belongs to no document goes (no browser). */
  readonly siteFile: VFile;
  readonly env?: NodeJS.ProcessEnv;
  /** The config's `browser:` setting (an absolute path outside the project). */
  readonly browser?: string | undefined;
}

/** How long one document may take to print, unless told otherwise. */
const DOCUMENT_TIMEOUT = 120_000;

/** A document took longer than its time limit. */
class DocumentTimeout extends Error {}

/**
 * Print every document with one Chromium and a small pool of tabs. A document that fails
 * (a crashed tab) is tried once more in a fresh tab; what still fails, or takes longer than
 * the time limit, is reported on its file. The browser is closed whatever happens. Without
 * a browser, or one that will not start, nothing is printed and the error says what to do.
 */
export async function printPdfs(jobs: readonly PrintJob[], options: PrintOptions): Promise<PrintResult> {
  const files: OutputFile[] = [];
  const pdfs = new Map<string, PdfInfo>();
  if (jobs.length === 0) return { files, pdfs, reprinted: 0 };
  // Ctrl-C or a kill while printing: take Chromium down with us, then let the signal do
  // what it would have done (end the process, before anything is written).
  let browser: Browser | undefined;
  let caught: NodeJS.Signals | undefined;
  const interrupted = (signal: NodeJS.Signals) => {
    caught = signal;
    if (!browser) return; // still starting: handled as soon as it has started
    killBrowser(browser);
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    process.kill(process.pid, signal);
  };
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);
  try {
    browser = await launchBrowser(options.env, options.startTimeout, undefined, options.browser);
  } catch (reason) {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    if (caught) process.kill(process.pid, caught);
    reportPrintProblem(options.siteFile, {
      reason:
        reason instanceof NoBrowserError || reason instanceof BrowserStartTimeout ? reason.message : `Chromium would not start: ${(reason as Error).message}`,
      rule: 'pdf-browser',
      ...(reason instanceof NoBrowserError ? { hint: reason.hint } : {}),
      ...(reason instanceof BrowserStartTimeout
        ? {
            hint:
              'Check that Chromium runs (PUPPETEER_EXECUTABLE_PATH, if set, must point at a working Chromium or Chrome); ' +
              'raise the limit with BRIEFKIT_BROWSER_TIMEOUT_MS (ms) on a slow machine, or build only the website with --no-pdf.',
          }
        : {}),
    });
    return { files, pdfs, reprinted: 0 };
  }
  if (caught) interrupted(caught);
  const running = browser;
  const resources = resourcesFrom(options.files);
  const timeout = options.timeout ?? (Number((options.env ?? process.env).BRIEFKIT_PDF_TIMEOUT_MS) || DOCUMENT_TIMEOUT);
  const queue = [...jobs];
  let done = 0;
  let reprinted = 0;
  const worker = async () => {
    let tab: PrintTab | undefined;
    try {
      for (let job = queue.shift(); job; job = queue.shift()) {
        options.progress?.(done, jobs.length, job.path);
        for (let attempt = 1; attempt <= 2; attempt++) {
          tab ??= await PrintTab.open(running, resources);
          try {
            const printed = await withTimeout(tab.print(job, timeout), timeout);
            files.push({ path: job.path, content: printed.bytes });
            pdfs.set(job.path, { path: job.path, bytes: printed.bytes.byteLength, pages: printed.pages });
            if (printed.passes > 1) reprinted++;
            break;
          } catch (reason) {
            // Closing the tab's context stops whatever it was still doing.
            await tab.close();
            tab = undefined;
            // A document that ran out of time would do so again: it is not tried twice.
            if (reason instanceof DocumentTimeout || reason instanceof TimeoutError) {
              reportPrintProblem(job.file, {
                reason: `Printing ${job.path} took longer than ${seconds(timeout)}, the limit for one document, and was stopped`,
                rule: 'pdf-timeout',
                place: placeOf(job),
                hint: 'Shorten the document or split it; on a slow machine, raise the limit with BRIEFKIT_PDF_TIMEOUT_MS (milliseconds).',
              });
              break;
            }
            if (attempt === 2) {
              reportPrintProblem(job.file, {
                reason: `Could not print ${job.path}: ${(reason as Error).message.split('\n')[0]}`,
                rule: 'pdf-print',
                place: placeOf(job),
                hint: 'Try again; if it keeps failing, build without this PDF using --no-pdf and report the problem.',
              });
            }
          }
        }
        done++;
      }
    } finally {
      await tab?.close();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.tabs ?? 2, jobs.length) }, worker));
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    // A browser that does not close in time is killed: nothing may outlive the build.
    await withTimeout(running.close(), 10_000).catch(() => killBrowser(running));
  }
  options.progress?.(done, jobs.length, '');
  // Workers finish in any order; the output does not depend on it.
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, pdfs, reprinted };
}

/** Kill Chromium and its helpers at once (puppeteer starts it in its own process group). */
function killBrowser(browser: Browser): void {
  const pid = browser.process()?.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    browser.process()?.kill('SIGKILL');
  }
}

function resourcesFrom(files: ReadonlyMap<string, OutputFile>): Resources {
  const cache = new Map<string, Promise<Resource | undefined>>();
  return (path) => {
    let found = cache.get(path);
    if (!found) {
      const file = files.get(path);
      const type = mediaType(path);
      found = !file
        ? Promise.resolve(undefined)
        : 'copyFrom' in file
          ? readFile(file.copyFrom).then((body) => ({ body, type }))
          : Promise.resolve({ body: file.content, type });
      cache.set(path, found);
    }
    return found;
  };
}

/** Where a document's printing problems are reported: its title in front matter, else its first line. */
function placeOf(job: PrintJob): Problem['place'] {
  const from = job.local.titleFrom;
  return (from.file === job.file ? from.yaml?.placeOf(['title'], 'key') : undefined) ?? { line: 1, column: 1 };
}

function seconds(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DocumentTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
