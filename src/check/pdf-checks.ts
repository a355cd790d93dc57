import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString, decodePDFRawStream } from 'pdf-lib';
import type { CheckedSite } from './checked-site.js';

/**
 * Every PDF of the site, as a screen reader and a printer need it: tagged (a structure tree,
 * so its text is read in order, headings as headings), every font embedded (it prints as
 * made on any machine), bookmarks (but slides), and its language in its metadata: the
 * language its text is in (a page not yet translated prints the original's). Without the
 * build's sources, the language of its folder or of any text the site has is accepted.
 * And the points of PDF/UA-1 that can be read from its objects (see docs/briefings/pdfs-and-sharing.md): a title,
 * which viewers show; XMP metadata that agrees with its title and language; every link
 * annotation with an alternate description.
 */
export async function checkPdfs(site: CheckedSite, languages: readonly string[]): Promise<void> {
  // A page's PDFs are in its folder: their text is in the page's content language.
  const contentLang = new Map([...site.sources].map(([page, source]) => [page.replace(/[^/]*$/, ''), source.contentLang]));
  for (const path of [...site.files].filter((file) => file.endsWith('.pdf'))) {
    const problem = (reason: string, rule: string, hint: string, severity: 'error' | 'warning' = 'error') =>
      site.report(path, { reason, rule, hint, severity });
    let document: PDFDocument;
    try {
      document = await PDFDocument.load(await readFile(join(site.outDir, path)), { updateMetadata: false });
    } catch (cause) {
      problem(
        `This PDF cannot be read: ${(cause as Error).message}`,
        'pdf-unreadable',
        'Build again; if it stays broken, delete .briefkit-cache/ and build again.',
      );
      continue;
    }
    const catalog = document.catalog;
    const marked = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.get(PDFName.of('Marked'));
    if (marked?.toString() !== 'true' || !catalog.has(PDFName.of('StructTreeRoot'))) {
      problem(
        'This PDF is not tagged: screen readers cannot tell its headings, lists and reading order',
        'pdf-untagged',
        "Print it with briefkit's print templates (tagged PDF); a template that replaces them must keep real headings and lists.",
      );
    }
    const missing = unembeddedFonts(document);
    if (missing.length > 0) {
      problem(
        `Fonts not embedded: ${missing.join(', ')}: the PDF looks different, or shows boxes, where they are not installed`,
        'pdf-font-not-embedded',
        'Use the fonts briefkit ships (fonts.css), or a web font file in templates/assets/ in a @font-face rule.',
      );
    }
    const outlines = catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
    if (!path.includes('.slides.') && !outlines?.has(PDFName.of('First'))) {
      problem(
        'This PDF has no bookmarks: a reader cannot jump to a section',
        'pdf-bookmarks-missing',
        'Give the document headings (## …); briefkit makes bookmarks from them.',
      );
    }
    const langValue = catalog.get(PDFName.of('Lang'));
    const lang = langValue instanceof PDFString || langValue instanceof PDFHexString ? langValue.decodeText() : undefined;
    const folder = path.replace(/[^/]*$/, '');
    const expected = contentLang.get(folder);
    const folderLang = languages.find((candidate) => folder.split('/').includes(candidate));
    const right = lang !== undefined && (expected ? lang === expected : lang === folderLang || languages.includes(lang));
    if (!right) {
      problem(
        lang === undefined
          ? 'This PDF does not say what language it is in: screen readers read it with the wrong voice'
          : `This PDF says it is in "${lang}", but its text is in "${expected ?? folderLang}"`,
        'pdf-language',
        'The print template\'s <html lang> gives the PDF its language: keep lang="{{lang}}" on it.',
      );
    }
    const title = document.getTitle()?.trim() ?? '';
    const shown = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)?.get(PDFName.of('DisplayDocTitle'))?.toString() === 'true';
    if (!title || !shown) {
      problem(
        !title
          ? "This PDF has no title: a reader's viewer and screen reader show its file name instead"
          : 'This PDF does not ask viewers to show its title: they show its file name instead',
        'pdf-title',
        'briefkit\'s PDFs have both; for a file of your own, set its title (document properties) and "show document title" in the program that made it.',
      );
    }
    const xmp = xmpText(catalog);
    const xmpProblem = xmp === undefined ? 'has no XMP metadata' : xmpDisagrees(xmp, title, lang);
    if (xmpProblem) {
      problem(
        `This PDF ${xmpProblem} (PDF/UA asks for its title there)`,
        'pdf-xmp',
        'briefkit writes it when it prints; for a file of your own, export it as PDF/UA or PDF/A.',
        'warning',
      );
    }
    const undescribed = linksWithoutContents(document);
    if (undescribed > 0) {
      problem(
        `${undescribed === 1 ? 'A link' : `${undescribed} links`} of this PDF ${undescribed === 1 ? 'has' : 'have'} no alternate description ` +
          `(/Contents): a screen reader cannot say where ${undescribed === 1 ? 'it leads' : 'they lead'}`,
        'pdf-link-undescribed',
        'briefkit describes each link by its text; for a file of your own, export it with tags for accessibility (PDF/UA).',
        'warning',
      );
    }
  }
}

/** The catalog's XMP metadata packet, as text; undefined without one. */
function xmpText(catalog: PDFDict): string | undefined {
  const stream = catalog.lookupMaybe(PDFName.of('Metadata'), PDFStream);
  if (!(stream instanceof PDFRawStream)) return undefined;
  try {
    return Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8');
  } catch {
    return undefined;
  }
}

/** What an XMP packet gets wrong against the document's title and language; undefined if nothing. */
function xmpDisagrees(xmp: string, title: string, lang: string | undefined): string | undefined {
  const unescape = (value: string) =>
    value.replace(/&(lt|gt|quot|apos|amp|#x([0-9a-f]+)|#(\d+));/gi, (entity, name: string, hex?: string, decimal?: string) =>
      hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : decimal
          ? String.fromCodePoint(Number(decimal))
          : (({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[name.toLowerCase()] ?? entity),
    );
  const titles = [...(/<dc:title>([\s\S]*?)<\/dc:title>/.exec(xmp)?.[1] ?? '').matchAll(/<rdf:li[^>]*>([^<]*)<\/rdf:li>/g)].map((match) => unescape(match[1]!));
  if (titles.length === 0) return 'has XMP metadata without a title (dc:title)';
  if (title && !titles.includes(title)) return `says in its XMP metadata that its title is "${titles[0]}", but in its document information "${title}"`;
  const languages = [...(/<dc:language>([\s\S]*?)<\/dc:language>/.exec(xmp)?.[1] ?? '').matchAll(/<rdf:li[^>]*>([^<]*)<\/rdf:li>/g)].map((match) =>
    unescape(match[1]!),
  );
  if (lang && languages.length > 0 && !languages.includes(lang))
    return `says in its XMP metadata that it is in "${languages.join(', ')}", but in its catalog "${lang}"`;
  return undefined;
}

/** How many link annotations have no alternate description (`/Contents`). */
function linksWithoutContents(document: PDFDocument): number {
  let count = 0;
  for (const page of document.getPages()) {
    const annotations = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let index = 0; index < (annotations?.size() ?? 0); index++) {
      const annotation = annotations!.lookupMaybe(index, PDFDict);
      if (annotation?.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const contents = annotation.get(PDFName.of('Contents'));
      const text = contents instanceof PDFString || contents instanceof PDFHexString ? contents.decodeText().trim() : '';
      if (!text) count++;
    }
  }
  return count;
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
