import { siteIndex } from '../content-types/site-index.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { OutputFormat } from '../output/format.js';
import type { PrintInput, PrintJob } from './print-document.js';

/**
 * The documents the formats print of one language (of the pages `wanted`, by default all):
 * page by page, each format's in the order the formats are listed (a page's PDFs, then its
 * slides and link-preview card).
 */
export async function printJobs(
  formats: readonly OutputFormat[],
  input: PrintInput,
  wanted: (local: LocalizedPage) => boolean = () => true,
): Promise<PrintJob[]> {
  const jobs: PrintJob[] = [];
  const byPage = new Map(input.pages.map((local) => [local.page, local]));
  const site = siteIndex(
    input.pages.map((local) => local.page),
    input.translator.lang,
  );
  for (const local of input.pages.filter(wanted)) {
    for (const format of formats) jobs.push(...((await format.printJobs?.(local, { input, byPage, site })) ?? []));
  }
  return jobs;
}
