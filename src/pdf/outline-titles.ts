import type { PDFDocument } from 'pdf-lib';
import { matchHeadings, readOutline } from './outline.js';
import type { Heading } from './outline.js';

/**
 * The bookmarks whose title is not their heading as written, by object number, with the
 * heading's text. Chromium titles a bookmark with the heading's words as laid out: a
 * right-to-left heading's words come out in reverse ("الأقران بين النالوكسون على التدريب"),
 * and where any heading wraps the space is lost ("supplymodel").
 */
export function headingTitles(pdf: PDFDocument, headings: readonly Heading[]): Map<number, string> {
  const titles = new Map<number, string>();
  for (const [item, heading] of matchHeadings(readOutline(pdf), headings)) {
    if (item.id > 0 && heading.text !== '' && item.title !== heading.text) titles.set(item.id, heading.text);
  }
  return titles;
}

/** An outline item's dictionary (`<< … >>`) with another title. */
export function withTitle(dict: string, title: string): string {
  const encoded = `<FEFF${Buffer.from(title, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
  const pattern = /\/Title\s*(?:<[0-9A-Fa-f\s]*>|\((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*\))/;
  return pattern.test(dict) ? dict.replace(pattern, () => `/Title ${encoded}`) : `${dict.slice(0, dict.lastIndexOf('>>'))}/Title ${encoded}>>`;
}
