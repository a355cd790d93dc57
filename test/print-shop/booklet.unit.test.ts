/** Issue 34, item 4: a booklet for a print shop, in the printer's order, on sheets twice a page's width. */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { bookletOrder } from '../../src/print-shop/booklet-order.js';
import { imposeBooklet } from '../../src/print-shop/impose-booklet.js';

describe('a booklet (issue 34)', () => {
  it('puts 10 pages in the printer’s order, padded to 12 with blanks, outer sheet first', () => {
    expect(bookletOrder(10)).toEqual([
      { front: [null, 1], back: [2, null] },
      { front: [10, 3], back: [4, 9] },
      { front: [8, 5], back: [6, 7] },
    ]);
  });

  it('binds a right-to-left booklet on the right: each side’s pages swap', () => {
    expect(bookletOrder(10, true)).toEqual([
      { front: [1, null], back: [null, 2] },
      { front: [3, 10], back: [9, 4] },
      { front: [5, 8], back: [7, 6] },
    ]);
    expect(bookletOrder(4)).toEqual([{ front: [4, 1], back: [2, 3] }]);
  });

  it('imposes an A4 document on A4 sheets turned on their side, two A5 pages a side, and writes the same bytes twice', async () => {
    const source = await PDFDocument.create();
    const font = await source.embedFont(StandardFonts.Helvetica);
    for (let number = 1; number <= 10; number++) source.addPage([595.28, 841.89]).drawText(`Page ${number}`, { x: 72, y: 720, font, size: 24 });
    const reading = await source.save();
    const booklet = await imposeBooklet(reading, false, 'A briefing');
    expect(booklet.pages).toBe(6);
    const imposed = await PDFDocument.load(booklet.bytes);
    expect(imposed.getPageCount()).toBe(6);
    const { width, height } = imposed.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(imposed.getTitle()).toBe('A briefing');
    expect((await imposeBooklet(reading, false, 'A briefing')).bytes).toEqual(booklet.bytes);
  });
});
