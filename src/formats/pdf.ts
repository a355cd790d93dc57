import { contentType } from '../content-types/index.js';
import { ONE_PDF } from '../content-types/content-type.js';
import { fileSize } from '../i18n/format.js';
import type { OutputFormat, PageFile } from '../output/format.js';
import { pdfPath } from '../pdf/print-document.js';
import { makesPdfs, printEditions } from '../stages/print-editions.js';

/**
 * The PDFs of every page whose type prints (each variant, with their slides and link-preview
 * cards), printed with one browser or taken from shards printed elsewhere.
 */
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
  async emit(project, made, emitting) {
    const printed = await printEditions(project, made, emitting.printing);
    for (const file of printed.files) emitting.output.add(file, 'a PDF', emitting.printing);
    for (const [path, info] of printed.pdfs) emitting.pdfs.set(path, info);
    emitting.reprinted += printed.reprinted;
  },
};
