import { contentType, wants } from '../content-types/index.js';
import { ONE_PDF } from '../content-types/content-type.js';
import type { PrintSpec } from '../content-types/content-type.js';
import { fileSize } from '../i18n/format.js';
import type { Page } from '../model/page.js';
import type { OutputFormat, PageFile } from '../output/format.js';
import { pdfPath, printJob } from '../pdf/print-document.js';
import { makesPdfs } from '../stages/print-editions.js';

const name = 'pdf';

/** How a page prints, if its type names this output. */
const printSpec = (page: Page): PrintSpec | undefined => (wants(page, name) ? contentType(page.kind)?.print : undefined);

/** The PDFs of every page whose type names them: one per variant, a briefing's with its case studies as chapters. */
export const pdfFormat: OutputFormat = {
  name,
  runs: makesPdfs,
  links(local, { edition, translator, pdfs, onDemand }) {
    const print = printSpec(local.page);
    if (!print) return [];
    return (print.variants ?? ONE_PDF).flatMap((variant): PageFile[] => {
      const path = pdfPath(local, variant.suffix, edition);
      const pdf = pdfs.get(`${edition.prefix}${path}`);
      const file = { format: name, path, label: translator.ui[variant.label], type: 'application/pdf' };
      if (!pdf) return onDemand ? [{ ...file, details: undefined }] : [];
      return [{ ...file, details: translator.t('pdfDetails', { size: fileSize(pdf.bytes, translator.lang), pages: pdf.pages }) }];
    });
  },
  async printJobs(local, { input, byPage, site }) {
    const spec = printSpec(local.page);
    if (!spec) return [];
    const chapters = (spec.chapters?.(local.page, site) ?? []).map((page) => byPage.get(page)!);
    return Promise.all((spec.variants ?? ONE_PDF).map((variant) => printJob(input, local, { spec, variant, chapters, byPage, site })));
  },
};
