import { contentType } from '../content-types/index.js';
import { ONE_PDF } from '../content-types/content-type.js';
import { siteIndex } from '../content-types/site-index.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { printJob } from './print-document.js';
import type { PrintInput, PrintJob } from './print-document.js';
import { cardJob } from './preview-card.js';
import { slidesJob } from './slides.js';

/**
 * The print documents of one language (of the pages `wanted`, by default all): one per page
 * of each type that prints (one per variant for types that have them), with the chapters its
 * type gives it (a briefing's case studies, in the briefing's order).
 */
export async function printJobs(input: PrintInput, wanted: (local: LocalizedPage) => boolean = () => true): Promise<PrintJob[]> {
  const jobs: PrintJob[] = [];
  const byPage = new Map(input.pages.map((local) => [local.page, local]));
  const site = siteIndex(input.pages.map((local) => local.page), input.translator.lang);
  for (const local of input.pages) {
    const spec = contentType(local.page.kind)?.print;
    if (!spec || !wanted(local)) continue;
    const chapters = (spec.chapters?.(local.page, site) ?? []).map((page) => byPage.get(page)!);
    for (const variant of spec.variants ?? ONE_PDF) {
      jobs.push(await printJob(input, local, { spec, variant, chapters, byPage, site }));
    }
    // The pages a share page lists get key-message slides (if they have key messages) and a link-preview image.
    if (spec.share) {
      const slides = await slidesJob(input, local);
      if (slides) jobs.push(slides);
      jobs.push(cardJob(input, local));
    }
  }
  return jobs;
}
