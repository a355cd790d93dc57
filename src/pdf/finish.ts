import type { PdfMetadata } from './print-document.js';
import { withTitle } from './outline-titles.js';

/**
 * Set a Chromium PDF's document information (title, author, subject, keywords, dates from
 * the content, producer) and ask viewers to show the title, by an incremental update: the
 * changed objects are appended after the original bytes, which stay as they are. pdf-lib
 * rewrites the whole file instead, which costs more than printing a short document.
 *
 * Chromium stamps the time of printing into its own information dictionary; those dates are
 * overwritten in place with spaces (same length, so every offset stays true), so the same
 * input gives the same bytes.
 *
 * `titles` gives bookmarks (by object number) their headings' text: see outline-titles.ts.
 */
export function finishPdf(bytes: Uint8Array, metadata: PdfMetadata, titles: ReadonlyMap<number, string> = new Map()): { bytes: Uint8Array; pages: number } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1];
  const info = /\/Info (\d+) 0 R/.exec(trailer)?.[1];
  if (!Number.isFinite(startxref) || !Number.isFinite(size) || !root) throw new Error('Unexpected PDF from Chromium: no classic trailer');
  const offsets = xrefOffsets(text, startxref);
  const objectText = (id: string) => {
    const start = offsets.get(Number(id));
    if (start === undefined) throw new Error(`Unexpected PDF from Chromium: no object ${id}`);
    return { start, body: text.slice(start, text.indexOf('endobj', start)) };
  };

  const output = Buffer.from(bytes);
  if (info) {
    // Blank Chromium's dates of printing where they stand.
    const { start, body } = objectText(info);
    for (const match of body.matchAll(/\/(?:CreationDate|ModDate)\s*\((?:\\.|[^)\\])*\)/g)) {
      output.fill(0x20, start + match.index, start + match.index + match[0].length);
    }
  }
  renumberNodeIds(output, text);
  const catalog = objectText(root).body;
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  const pages = pagesRef ? Number(/\/Count (\d+)/.exec(objectText(pagesRef).body)?.[1] ?? 0) : 0;

  const infoId = size;
  const date = metadata.date ? `D:${metadata.date.replace(/-/g, '')}000000Z` : undefined;
  const entries: [string, string | undefined][] = [
    ['Title', metadata.title],
    ['Author', metadata.author || undefined],
    ['Subject', metadata.subject || undefined],
    ['Keywords', metadata.keywords.length > 0 ? metadata.keywords.join(', ') : undefined],
    // Not a standard key, but any key is allowed (pdfinfo -custom shows it).
    ['Version', metadata.version],
    ['Creator', 'briefkit (Chromium)'],
    ['Producer', 'briefkit'],
    ['CreationDate', date],
    ['ModDate', date],
  ];
  const infoDict = `<<${entries.filter(([, value]) => value !== undefined).map(([key, value]) => `/${key} ${pdfString(value!)}`).join(' ')}>>`;
  const catalogDict = catalog.slice(catalog.indexOf('<<'), catalog.lastIndexOf('>>'));
  const newCatalog = `${/\/ViewerPreferences/.test(catalogDict) ? catalogDict : `${catalogDict}/ViewerPreferences <</DisplayDocTitle true>>`}>>`;

  let tail = '\n';
  const written: [number, number][] = [];
  const add = (id: number, dict: string) => {
    written.push([id, output.length + Buffer.byteLength(tail, 'latin1')]);
    tail += `${id} 0 obj\n${dict}\nendobj\n`;
  };
  add(Number(root), newCatalog);
  add(infoId, infoDict);
  for (const [id, title] of titles) {
    const { body } = objectText(String(id));
    add(id, withTitle(body.slice(body.indexOf('<<'), body.lastIndexOf('>>') + 2), title));
  }
  const xrefAt = output.length + Buffer.byteLength(tail, 'latin1');
  tail += 'xref\n';
  for (const [id, offset] of written.sort((a, b) => a[0] - b[0])) tail += `${id} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  tail += `trailer\n<</Size ${infoId + 1} /Root ${root} 0 R /Info ${infoId} 0 R /Prev ${startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return { bytes: Buffer.concat([output, Buffer.from(tail, 'latin1')]), pages };
}

/**
 * Chromium names the structure elements of a tagged PDF (`/ID (node00001824)`, and the table
 * headers and ID tree that refer to them) after DOM node ids, which count every node the
 * renderer process has made: the same document printed after others, or in another tab,
 * gets other names. Renumber them from 0 in their original order, in place and at the same
 * length, so the name tree stays sorted, every offset stays true and the bytes depend on the
 * document alone.
 */
function renumberNodeIds(output: Buffer, text: string): void {
  const pattern = /\(node(\d+)\)/g;
  const ids = [...new Set([...text.matchAll(pattern)].map((match) => match[1]!))].sort((a, b) => Number(a) - Number(b));
  const renamed = new Map(ids.map((id, index) => [id, String(index).padStart(id.length, '0')]));
  for (const match of text.matchAll(pattern)) {
    output.write(renamed.get(match[1]!)!, match.index + '(node'.length, 'latin1');
  }
}

/** Object offsets from a classic cross-reference table (the form Chromium writes). */
function xrefOffsets(text: string, at: number): Map<number, number> {
  const offsets = new Map<number, number>();
  const table = text.slice(at, text.indexOf('trailer', at));
  const lines = table.split(/\r?\n/).slice(1);
  let id = 0;
  for (const line of lines) {
    const section = /^(\d+) (\d+)\s*$/.exec(line);
    if (section) {
      id = Number(section[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(line);
    if (!entry) continue;
    if (entry[3] === 'n') offsets.set(id, Number(entry[1]));
    id++;
  }
  return offsets;
}

/** A PDF text string: literal for plain ASCII, else UTF-16BE hex with a byte-order mark. */
function pdfString(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value)) return `(${value.replace(/[\\()]/g, (char) => `\\${char}`)})`;
  return `<FEFF${Buffer.from(value, 'utf16le').swap16().toString('hex').toUpperCase()}>`;
}
