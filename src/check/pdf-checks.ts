import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import type { CheckedSite } from './checked-site.js';

/**
 * Every PDF of the site, as a screen reader and a printer need it: tagged (a structure tree,
 * so its text is read in order, headings as headings), every font embedded (it prints as
 * made on any machine), bookmarks (but slides), and its language in its metadata: the
 * language its text is in (a page not yet translated prints the original's). Without the
 * build's sources, the language of its folder or of any text the site has is accepted.
 */
export async function checkPdfs(site: CheckedSite, languages: readonly string[]): Promise<void> {
  // A page's PDFs are in its folder: their text is in the page's content language.
  const contentLang = new Map([...site.sources].map(([page, source]) => [page.replace(/[^/]*$/, ''), source.contentLang]));
  for (const path of [...site.files].filter((file) => file.endsWith('.pdf'))) {
    const problem = (reason: string, rule: string, hint: string) => site.report(path, { reason, rule, hint });
    let document: PDFDocument;
    try {
      document = await PDFDocument.load(await readFile(join(site.outDir, path)), { updateMetadata: false });
    } catch (cause) {
      problem(`This PDF cannot be read: ${(cause as Error).message}`, 'pdf-unreadable', 'Build again; if it stays broken, delete .briefkit-cache/ and build again.');
      continue;
    }
    const catalog = document.catalog;
    const marked = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.get(PDFName.of('Marked'));
    if (marked?.toString() !== 'true' || !catalog.has(PDFName.of('StructTreeRoot'))) {
      problem('This PDF is not tagged: screen readers cannot tell its headings, lists and reading order', 'pdf-untagged', 'Print it with briefkit\'s print templates (tagged PDF); a template that replaces them must keep real headings and lists.');
    }
    const missing = unembeddedFonts(document);
    if (missing.length > 0) {
      problem(`Fonts not embedded: ${missing.join(', ')}: the PDF looks different, or shows boxes, where they are not installed`, 'pdf-font-not-embedded', 'Use the fonts briefkit ships (fonts.css), or a web font file in templates/assets/ in a @font-face rule.');
    }
    const outlines = catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
    if (!path.includes('.slides.') && !outlines?.has(PDFName.of('First'))) {
      problem('This PDF has no bookmarks: a reader cannot jump to a section', 'pdf-bookmarks-missing', 'Give the document headings (## …); briefkit makes bookmarks from them.');
    }
    const langValue = catalog.get(PDFName.of('Lang'));
    const lang = langValue instanceof PDFString || langValue instanceof PDFHexString ? langValue.decodeText() : undefined;
    const folder = path.replace(/[^/]*$/, '');
    const expected = contentLang.get(folder);
    const folderLang = languages.find((candidate) => folder.split('/').includes(candidate));
    const right = lang !== undefined && (expected ? lang === expected : lang === folderLang || languages.includes(lang));
    if (!right) {
      problem(
        lang === undefined ? 'This PDF does not say what language it is in: screen readers read it with the wrong voice' : `This PDF says it is in "${lang}", but its text is in "${expected ?? folderLang}"`,
        'pdf-language',
        'The print template\'s <html lang> gives the PDF its language: keep lang="{{lang}}" on it.',
      );
    }
  }
}

/** The fonts a PDF uses but does not carry (a composite font's glyphs are in its descendant). */
function unembeddedFonts(document: PDFDocument): string[] {
  const missing = new Set<string>();
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    // Type 3 fonts are drawn by the PDF itself; a Type 0 font's glyphs are in its descendant, checked as a font of its own.
    if (subtype === PDFName.of('Type3') || subtype === PDFName.of('Type0')) continue;
    const descriptor = object.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor.has(PDFName.of(key)));
    if (!embedded) missing.add(object.get(PDFName.of('BaseFont'))?.toString().replace(/^\//, '') ?? 'a font without a name');
  }
  return [...missing].sort();
}

