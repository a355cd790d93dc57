import type { OutputFormat } from '../output/format.js';
import { pdfFormat } from './pdf.js';
import { searchFormat } from './search.js';
import { webFormat } from './web.js';

/**
 * The outputs of a build, in the order they are made: PDFs first (pages show their sizes),
 * then the web pages, then the search index of those pages. A new output is a module in this
 * folder and a line here.
 */
export const OUTPUT_FORMATS: readonly OutputFormat[] = [pdfFormat, webFormat, searchFormat];
