import { contentType } from '../content-types/index.js';
import { ONE_PDF } from '../content-types/content-type.js';
import { fileSize } from '../i18n/format.js';
import type { OutputFormat, PageFile } from '../output/format.js';
import { pdfPath, printJob } from '../pdf/print-document.js';
import { makesPdfs } from '../stages/print-editions.js';

/** The PDFs of every page whose type prints: one per variant, a briefing's with its case studies as chapters. */
export const pdfFormat: OutputFormat = {
  name: 'pdf',
  runs: makesPdfs,
  links(local, { edition, translator, pdfs, onDemand }) {
    const print = contentType(local.page.kind)?.print;
    if (!print) return [];
    return (print.variants ?? ONE_PDF).flatMap((variant): PageFile[] => {
      const path = pdfPath(local, variant.suffix, edition);
      const pdf = pdfs.get(`${edition.prefix}${path}`);
      const file = { format: 'pdf', path, label: translator.ui[variant.label], type: 'application/pdf' };
      if (!pdf) return onDemand ? [{ ...file, details: undefined }] : [];
      return [{ ...file, details: translator.t('pdfDetails', { size: fileSize(pdf.bytes, translator.lang), pages: pdf.pages }) }];
    });
  },
  async printJobs(local, { input, byPage, site }) {
    const spec = contentType(local.page.kind)?.print;
    if (!spec) return [];
    const chapters = (spec.chapters?.(local.page, site) ?? []).map((page) => byPage.get(page)!);
    return Promise.all((spec.variants ?? ONE_PDF).map((variant) => printJob(input, local, { spec, variant, chapters, byPage, site })));
  },
};
