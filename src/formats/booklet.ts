import { readFile } from 'node:fs/promises';
import { wants } from '../content-types/index.js';
import { fileSize } from '../i18n/format.js';
import { direction } from '../i18n/languages.js';
import type { OutputFormat } from '../output/format.js';
import { pdfPath } from '../pdf/print-document.js';
import { makesPdfs } from '../stages/print-editions.js';

/** A page's booklet, beside its PDF: `<slug>.booklet.<lang>.pdf`. */
const bookletPath = (local: Parameters<typeof pdfPath>[0], edition: Parameters<typeof pdfPath>[2]) => pdfPath(local, 'booklet', edition);

/**
 * For a print shop (`--print-shop`, issue 34): each printed page's reading PDF imposed as a
 * booklet, its pages halved onto sheets in the printer's order, to print on both sides, fold
 * and staple; bound on the right in a right-to-left language. Offered beside the PDF.
 */
export const bookletFormat: OutputFormat = {
  name: 'booklet',
  runs: (options) => makesPdfs(options) && options.printShop === true && options.pdfOnly === undefined,
  links(local, { edition, translator, pdfs }) {
    const path = bookletPath(local, edition);
    const booklet = pdfs.get(`${edition.prefix}${path}`);
    if (!booklet) return [];
    return [
      {
        format: 'booklet',
        path,
        label: translator.ui.bookletPdf,
        type: 'application/pdf',
        details: translator.t('pdfDetails', { size: fileSize(booklet.bytes, translator.lang), pages: booklet.pages }),
      },
    ];
  },
  async emit(project, made, { output, pdfs }) {
    const files = new Map(output.files.map((file) => [file.path, file]));
    for (const [edition, pages] of made.pages) {
      for (const local of pages.filter((candidate) => wants(candidate.page, 'pdf'))) {
        const reading = files.get(`${edition.prefix}${pdfPath(local, '', edition)}`);
        if (!reading) continue;
        const bytes =
          'copyFrom' in reading ? await readFile(reading.copyFrom) : typeof reading.content === 'string' ? Buffer.from(reading.content) : reading.content;
        // pdf-lib is loaded only by a build that makes booklets.
        const { imposeBooklet } = await import('../print-shop/impose-booklet.js');
        const booklet = await imposeBooklet(bytes, direction(local.contentLang) === 'rtl', local.title);
        const path = `${edition.prefix}${bookletPath(local, edition)}`;
        output.add({ path, content: booklet.bytes }, `the booklet of briefings/${local.page.sourcePath} (${local.lang})`, project.config.file);
        pdfs.set(path, { path, bytes: booklet.bytes.length, pages: booklet.pages });
      }
    }
  },
};
