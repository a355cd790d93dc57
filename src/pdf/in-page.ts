/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Functions that run inside the print page (passed to page.evaluate), so they may use the
// DOM. Each is sent as its own source text: it may not call anything outside itself.

/**
 * Everything the tab needs from a loaded document, in one call: wait for its fonts and
 * images; predict the page of every contents entry and write it in; list the headings.
 *
 * The prediction lays the document out on screen in columns exactly one printed page wide
 * and high (Chromium fragments columns as it does pages), so the column a heading falls in
 * is its page. The tab checks it against the PDF's bookmarks afterwards.
 */
export async function prepare(box: { width: number; height: number }): Promise<{
  predicted: Record<string, number>;
  headings: { id: string; text: string }[];
  targets: string[];
}> {
  await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
  await document.fonts.ready;
  const spans = [...document.querySelectorAll<HTMLElement>('.toc-page[data-target]')];
  const targets = spans.map((span) => span.dataset.target ?? '');
  const predicted: Record<string, number> = {};
  if (spans.length > 0) {
    const style = document.createElement('style');
    style.textContent = `
      html, body { margin: 0; padding: 0; }
      body { width: ${box.width}px; height: ${box.height}px; column-width: ${box.width}px; column-gap: 0; column-fill: auto; }
      .cover, .print-toc { break-after: column; }
      .chapter, .print-references, .back-page { break-before: column; }`;
    document.head.append(style);
    const body = document.body.getBoundingClientRect();
    const rtl = getComputedStyle(document.body).direction === 'rtl';
    for (const id of targets) {
      const target = document.getElementById(id);
      if (!target) continue;
      const place = target.getBoundingClientRect();
      const offset = rtl ? body.right - place.right : place.left - body.left;
      predicted[id] = Math.floor((offset + 1) / body.width) + 1;
    }
    style.remove();
    for (const span of spans) span.textContent = String(predicted[span.dataset.target ?? ''] ?? '');
  }
  const headings = [...document.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')].map((element) => ({
    id: element.id,
    text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }));
  return { predicted, headings, targets };
}

/** Write page numbers into the contents. */
export function fillContentsPages(pages: Record<string, number>): void {
  for (const span of document.querySelectorAll<HTMLElement>('.toc-page[data-target]')) {
    const page = pages[span.dataset.target ?? ''];
    span.textContent = page === undefined ? '' : String(page);
  }
}

/**
 * Put another print document in place of the current one, keeping the stylesheets (and so
 * the fonts) already loaded: the address, language, direction, title, page styles and body
 * change, so the page is what loading the document afresh would give (the print tab proves
 * it by printing the same bytes). Scripts in the new document do not run (DOMParser never
 * runs them, and page scripts are off anyway).
 */
export function swapDocument(html: string, url: string): void {
  // Relative addresses in the new document resolve against its own address.
  history.replaceState(null, '', url);
  const next = new DOMParser().parseFromString(html, 'text/html');
  const root = document.documentElement;
  for (const name of ['lang', 'dir']) {
    const value = next.documentElement.getAttribute(name);
    if (value === null) root.removeAttribute(name);
    else root.setAttribute(name, value);
  }
  for (const old of document.head.querySelectorAll(':scope > :not(link[rel="stylesheet"])')) old.remove();
  for (const element of next.head.querySelectorAll(':scope > :not(link[rel="stylesheet"])')) document.head.append(document.importNode(element, true));
  document.body.replaceWith(document.importNode(next.body, true));
}

/**
 * What the links of the document say, for their annotations' alternate descriptions in the
 * PDF (`/Contents`): by the address the PDF gives them (`#id` for a place in the document,
 * the full URL for any other), the text of each link to it in document order (what is
 * hidden from screen readers left out, elements apart by a space; or its label, or its
 * image's alt text), one line of at most 200 characters.
 */
export function linkLabels(): [string, string[]][] {
  const labels = new Map<string, string[]>();
  const textOf = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    if (!(node instanceof Element) || node.getAttribute('aria-hidden') === 'true') return '';
    if (node instanceof HTMLImageElement) return ` ${node.alt} `;
    return ` ${[...node.childNodes].map(textOf).join('')} `;
  };
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    const raw = link.getAttribute('href') ?? '';
    let key = link.href;
    if (raw.startsWith('#')) {
      try {
        key = `#${decodeURIComponent(raw.slice(1))}`;
      } catch {
        key = raw;
      }
    }
    const label = [...(link.getAttribute('aria-label') ?? textOf(link)).replace(/\s+/g, ' ').trim()];
    const list = labels.get(key) ?? [];
    list.push(label.length > 200 ? `${label.slice(0, 199).join('')}…` : label.join(''));
    labels.set(key, list);
  }
  return [...labels];
}
