import type { Edition } from '../model/edition.js';
import { contentType } from '../content-types/index.js';
import { ONE_PDF } from '../content-types/content-type.js';
import type { UiKey } from '../i18n/strings.js';
import { pdfPath } from '../pdf/print-document.js';
import { qrSvg } from '../pdf/qr.js';
import { webAddress } from '../paths/urls.js';
import { slidesPath } from '../pdf/slides.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { PdfInfo } from '../model/pdf.js';
import type { ShareEntry } from '../model/share-entry.js';

/**
 * Every shareable PDF of every page whose type has a share page, by source path: each
 * edition of the run, each of its languages, each variant, in that order. Only PDFs that
 * exist are shared: printed in this run, or (`onDemand`, the preview) printed when asked for.
 */
export async function shareEntries(
  made: ReadonlyMap<Edition, readonly LocalizedPage[]>,
  pdfs: ReadonlyMap<string, PdfInfo>,
  baseUrl: string | undefined,
  onDemand: boolean,
): Promise<Map<string, ShareEntry<UiKey>[]>> {
  const entries = new Map<string, ShareEntry<UiKey>[]>();
  for (const [edition, pages] of made) {
    for (const local of pages) {
      const print = contentType(local.page.kind)?.print;
      if (!print?.share) continue;
      // Its key messages as slides, when it has some and they were printed: shared with its main PDF.
      const slides = `${edition.prefix}${slidesPath(local, edition)}`;
      const list = entries.get(local.page.sourcePath) ?? [];
      for (const variant of print.variants ?? ONE_PDF) {
        const path = `${edition.prefix}${pdfPath(local, variant.suffix, edition)}`;
        if (!onDemand && !pdfs.has(path)) continue;
        const url = baseUrl ? webAddress(baseUrl, path) : undefined;
        const withSlides = variant.suffix === '' && pdfs.has(slides) ? { path: slides, url: baseUrl ? webAddress(baseUrl, slides) : undefined } : undefined;
        list.push({ edition, local, variant, path, pdf: pdfs.get(path), url, qr: url ? await qrSvg(url) : undefined, slides: withSlides });
      }
      if (list.length > 0) entries.set(local.page.sourcePath, list);
    }
  }
  return entries;
}
