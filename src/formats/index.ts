import type { OutputFormat } from '../output/format.js';
import { bookletFormat } from './booklet.js';
import { cardFormat } from './card.js';
import { feedsFormat } from './feeds.js';
import { pdfFormat } from './pdf.js';
import { searchFormat } from './search.js';
import { slidesFormat } from './slides.js';
import { webFormat } from './web.js';

/**
 * The outputs of a build. What they print comes first (PDFs, slides, link-preview cards, page
 * by page in this order, with one browser: pages show the PDFs' sizes), then the web pages,
 * the sitemaps and feeds that list them, and the search index of those pages. A new output
 * is a module in this folder and a line here.
 */
export const OUTPUT_FORMATS: readonly OutputFormat[] = [pdfFormat, slidesFormat, cardFormat, bookletFormat, webFormat, feedsFormat, searchFormat];
