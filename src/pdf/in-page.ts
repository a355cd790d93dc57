/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions that run inside the print page (passed to page.evaluate), so they may use the DOM.

/**
 * Predict the page of every contents entry before printing: lay the document out on screen
 * in columns exactly one printed page wide and high (Chromium fragments columns as it does
 * pages), so the column a heading falls in is its page. Checked against the PDF afterwards.
 */
export function measureContentsPages(box: { width: number; height: number }): Record<string, number> {
  const style = document.createElement('style');
  style.textContent = `
    html, body { margin: 0; padding: 0; }
    body { width: ${box.width}px; height: ${box.height}px; column-width: ${box.width}px; column-gap: 0; column-fill: auto; }
    .cover, .print-toc { break-after: column; }
    .chapter, .print-references, .back-page { break-before: column; }`;
  document.head.append(style);
  const body = document.body.getBoundingClientRect();
  const rtl = getComputedStyle(document.body).direction === 'rtl';
  const pages: Record<string, number> = {};
  for (const span of document.querySelectorAll<HTMLElement>('.toc-page[data-target]')) {
    const target = document.getElementById(span.dataset.target ?? '');
    if (!target) continue;
    const box = target.getBoundingClientRect();
    const offset = rtl ? body.right - box.right : box.left - body.left;
    pages[span.dataset.target!] = Math.floor((offset + 1) / body.width) + 1;
  }
  style.remove();
  return pages;
}

/** Write the page numbers into the contents. */
export function fillContentsPages(pages: Record<string, number>): void {
  for (const span of document.querySelectorAll<HTMLElement>('.toc-page[data-target]')) {
    const page = pages[span.dataset.target ?? ''];
    span.textContent = page === undefined ? '' : String(page);
  }
}

/** Every heading of the page in order, with its id and text. */
export function headingTexts(): { id: string; text: string }[] {
  return [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((element) => ({ id: element.id, text: (element.textContent ?? '').replace(/\s+/g, ' ').trim() }));
}

/** The ids the contents point at. */
export function contentsTargets(): string[] {
  return [...document.querySelectorAll<HTMLElement>('.toc-page[data-target]')].map((span) => span.dataset.target ?? '');
}
