import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';

/** A heading of the printed document. */
export interface Heading {
  readonly id: string;
  readonly text: string;
}

/** One bookmark of a PDF: its title and the (1-based) page it opens. */
export interface OutlineItem {
  /** The object number of its dictionary (0 for one written inline). */
  readonly id: number;
  readonly title: string;
  readonly page: number;
  readonly depth: number;
}

/**
 * The bookmarks of a PDF in reading order (depth first), with the page each one opens:
 * Chromium writes them from the headings with their true pages, so they tell where every
 * heading landed.
 */
export function readOutline(pdf: PDFDocument): OutlineItem[] {
  const pages = new Map(pdf.getPages().map((page, index) => [page.ref.toString(), index + 1]));
  const context = pdf.context;
  const lookup = (value: unknown) => (value instanceof PDFRef ? context.lookup(value) : value);
  const outlines = lookup(pdf.catalog.get(PDFName.of('Outlines')));
  const items: OutlineItem[] = [];
  const walk = (first: unknown, depth: number) => {
    let reference = first;
    let node = lookup(reference);
    let guard = 0;
    while (node instanceof PDFDict && guard++ < 100_000) {
      const title = node.get(PDFName.of('Title'));
      const text = title instanceof PDFString || title instanceof PDFHexString ? title.decodeText() : '';
      const id = reference instanceof PDFRef ? reference.objectNumber : 0;
      items.push({ id, title: text, page: destinationPage(node, lookup, pages), depth });
      walk(node.get(PDFName.of('First')), depth + 1);
      reference = node.get(PDFName.of('Next'));
      node = lookup(reference);
    }
  };
  if (outlines instanceof PDFDict) walk(outlines.get(PDFName.of('First')), 1);
  return items;
}

function destinationPage(item: PDFDict, lookup: (value: unknown) => unknown, pages: ReadonlyMap<string, number>): number {
  let destination = lookup(item.get(PDFName.of('Dest')));
  const action = lookup(item.get(PDFName.of('A')));
  if (!destination && action instanceof PDFDict) destination = lookup(action.get(PDFName.of('D')));
  if (destination instanceof PDFArray) {
    const target = destination.get(0);
    if (target instanceof PDFRef) return pages.get(target.toString()) ?? 0;
  }
  return 0;
}

/**
 * Pair each bookmark with the heading it was made from, in order. Chromium drops the space
 * where a heading wraps ("supplymodel"), and writes the words of a right-to-left heading in
 * the order they stand on the page, left to right, line by line ("نُفِّذ الذي ما" for
 * "ما الذي نُفِّذ"): titles are compared by their letters, without white space and in any order.
 */
export function matchHeadings(items: readonly OutlineItem[], headings: readonly Heading[]): Map<OutlineItem, Heading> {
  const letters = (text: string) => [...text.replace(/\s+/g, '')].sort().join('');
  const pairs = new Map<OutlineItem, Heading>();
  let next = 0;
  for (const item of items) {
    const title = letters(item.title);
    const found = headings.findIndex((heading, index) => index >= next && letters(heading.text) === title);
    if (found === -1) continue;
    pairs.set(item, headings[found]!);
    next = found + 1;
  }
  return pairs;
}
