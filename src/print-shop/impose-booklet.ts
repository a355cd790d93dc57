import { PDFDocument } from 'pdf-lib';
import { bookletOrder } from './booklet-order.js';

/**
 * A reading PDF imposed as a booklet for a print shop (issue 34): each sheet side is one of
 * the reading pages' size turned on its side (A4 for an A4 document), holding two pages
 * scaled to half of it (A5) in the printer's order of {@link bookletOrder}; printed on both
 * sides, folded and stapled in the middle, it reads in order. Deterministic: no dates, and
 * pdf-lib writes the same bytes for the same input.
 */
export async function imposeBooklet(reading: Uint8Array, rightToLeft: boolean, title: string): Promise<{ readonly bytes: Uint8Array; readonly pages: number }> {
  const source = await PDFDocument.load(reading);
  const booklet = await PDFDocument.create();
  booklet.setTitle(title);
  booklet.setProducer('briefkit');
  booklet.setCreator('briefkit');
  booklet.setCreationDate(new Date(0));
  booklet.setModificationDate(new Date(0));
  const count = source.getPageCount();
  const embedded = await booklet.embedPages(source.getPages());
  const { width, height } = source.getPage(0).getSize();
  // The sheet is the page turned on its side; each half holds a page scaled to fit.
  const [sheetWidth, sheetHeight] = [height, width];
  const scale = Math.min(sheetWidth / 2 / width, sheetHeight / height);
  const [placedWidth, placedHeight] = [width * scale, height * scale];
  for (const sheet of bookletOrder(count, rightToLeft)) {
    for (const side of [sheet.front, sheet.back]) {
      const page = booklet.addPage([sheetWidth, sheetHeight]);
      side.forEach((number, half) => {
        if (number === null) return;
        page.drawPage(embedded[number - 1]!, {
          x: half * (sheetWidth / 2) + (sheetWidth / 2 - placedWidth) / 2,
          y: (sheetHeight - placedHeight) / 2,
          width: placedWidth,
          height: placedHeight,
        });
      });
    }
  }
  return { bytes: await booklet.save({ useObjectStreams: false }), pages: booklet.getPageCount() };
}
