import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PRINT_ORIGIN } from '../pdf/print-document.js';
import type { PrintJob } from '../pdf/print-document.js';
import { DEV_PREFIX, withLiveScript } from './live-script.js';

/** Where the preview serves the paged-media polyfill. */
export const PAGED_PATH = `${DEV_PREFIX}paged.polyfill.js`;

/** The Paged.js polyfill (shipped with briefkit: nothing is fetched from the network). */
export async function pagedPolyfill(): Promise<Buffer> {
  const main = createRequire(import.meta.url).resolve('pagedjs');
  return readFile(join(dirname(main), '../dist/paged.polyfill.min.js'));
}

/** How the pages sit on screen: a grey desk, white sheets, and a bar saying what this is. */
const SCREEN_CSS = `html { background: #d5d9db; }
body { margin: 0; }
.pagedjs_pages { display: flex; flex-direction: column; align-items: center; padding: 1.5rem 0; gap: 1.5rem; }
.pagedjs_page { background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25); }
.briefkit-print-bar { position: sticky; top: 0; z-index: 10; background: #1d2b33; color: #fff; font: 14px/1.4 system-ui, sans-serif; padding: .5rem 1rem; text-align: center; }
.briefkit-print-bar a { color: #9cdcfe; }`;

/**
 * Paged.js and what runs once it has laid the document out: the contents page numbers, from
 * the page each heading landed on (what the PDF's contents will say), the desk and the bar.
 */
const SCREEN = `<script>
window.PagedConfig = {
  after: () => {
    for (const span of document.querySelectorAll('.toc-page[data-target]')) {
      const target = document.getElementById(span.dataset.target);
      const sheet = target && target.closest('.pagedjs_page');
      span.textContent = sheet ? sheet.dataset.pageNumber : '';
    }
    // Added once Paged.js is done, so it does not treat them as the document's own.
    const style = document.createElement('style');
    style.textContent = ${JSON.stringify(SCREEN_CSS)};
    document.head.append(style);
    const bar = document.createElement('div');
    bar.className = 'briefkit-print-bar';
    bar.append('Print preview, laid out by your browser: the PDF may differ slightly. ');
    const link = document.createElement('a');
    link.href = document.querySelector('meta[name="briefkit-pdf"]').content;
    link.textContent = 'Open the PDF';
    bar.append(link);
    document.body.prepend(bar);
    document.documentElement.dataset.briefkitPaged = String(document.querySelectorAll('.pagedjs_page').length);
  },
};
</script>
<script src="${PAGED_PATH}"></script>`;

/**
 * A print document as the preview shows it: the PDF's own HTML and print stylesheet, laid
 * out in pages by Paged.js (page size, running heads, page numbers, contents numbers) with
 * the live-reload script, and its files loaded from the preview instead of the print origin.
 * A bar above the pages says what this is and links to the real PDF (`pdfHref`).
 */
export function previewDocument(job: PrintJob, pdfHref: string): string {
  const html = job.html.split(PRINT_ORIGIN).join('/');
  const head = html.indexOf('</head>');
  const added = `<meta name="briefkit-pdf" content="${escapeAttribute(pdfHref)}">${SCREEN}`;
  return withLiveScript(head === -1 ? `${added}${html}` : `${html.slice(0, head)}${added}${html.slice(head)}`);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
