import { inflateSync } from 'node:zlib';
import type { PdfMetadata } from './print-document.js';
import { appendUpdate, withPdfVersion } from './incremental-update.js';
import { withTitle } from './outline-titles.js';

/**
 * Finish a Chromium PDF, by an incremental update: the changed objects are appended after the
 * original bytes, which stay as they are, most of them compressed (see incremental-update.ts).
 * pdf-lib rewrites the whole file instead, which costs more than printing a short document.
 * It gets:
 *
 * - its document information (title, author, subject, keywords, dates from the content,
 *   producer), and the same in an XMP metadata stream (`/Metadata`), with its language and,
 *   when the file passes every PDF/UA-1 point checked here (`pdfUaProblems`), `pdfuaid:part 1`;
 * - viewers asked to show the title;
 * - an alternate description (`/Contents`) on every link: its text in the document (`links`,
 *   by `#id` or URL, see `linkLabels`), or else where it leads;
 * - no `/NonStruct` element around a single piece of text (Chromium wraps each run of text
 *   in one): the text belongs to the element around it (a paragraph, a link) directly.
 *
 * Chromium stamps the time of printing into its own information dictionary; those dates are
 * overwritten in place with spaces (same length, so every offset stays true), so the same
 * input gives the same bytes.
 *
 * `titles` gives bookmarks (by object number) their headings' text: see outline-titles.ts.
 */
export function finishPdf(
  bytes: Uint8Array,
  metadata: PdfMetadata,
  links: ReadonlyMap<string, readonly string[]> = new Map(),
  titles: ReadonlyMap<number, string> = new Map(),
): { bytes: Uint8Array; pages: number } {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size (\d+)/.exec(trailer)?.[1]);
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1];
  const info = /\/Info (\d+) 0 R/.exec(trailer)?.[1];
  if (!Number.isFinite(startxref) || !Number.isFinite(size) || !root) throw new Error('Unexpected PDF from Chromium: no classic trailer');
  const offsets = xrefOffsets(text, startxref);
  const objectText = (id: string | number, source = text) => {
    const start = offsets.get(Number(id));
    if (start === undefined) throw new Error(`Unexpected PDF from Chromium: no object ${id}`);
    return { start, body: source.slice(start, source.indexOf('endobj', start)) };
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
  // Objects are changed as renumbered: an appended element keeps the name its ID tree gives it.
  const renumbered = output.toString('latin1');
  const catalog = objectText(root).body;
  const pagesRef = /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  const pages = pagesRef ? Number(/\/Count (\d+)/.exec(objectText(pagesRef).body)?.[1] ?? 0) : 0;

  // Every object's dictionary (a stream's: up to its data), as Chromium wrote it.
  const objects = new Map<number, string>();
  for (const id of offsets.keys()) {
    const { body } = objectText(id, renumbered);
    const dict = body.replace(/^\d+ \d+ obj\s*/, '').trimEnd();
    const data = dict.endsWith('endstream') ? /(>>)\s*stream\r?\n/.exec(dict) : undefined;
    objects.set(id, data ? dict.slice(0, data.index + 2) : dict);
  }
  const changed = new Map<number, string>();
  unwrapText(objects, changed);
  describeLinks(objects, changed, links);

  const infoId = size;
  const metadataId = size + 1;
  const date = metadata.date ? `D:${metadata.date.replace(/-/g, '')}000000Z` : undefined;
  const entries: [string, string | undefined][] = [
    ['Title', metadata.title],
    ['Author', metadata.author || undefined],
    ['Subject', metadata.subject || undefined],
    ['Keywords', metadata.keywords.length > 0 ? metadata.keywords.join(', ') : undefined],
    // Not a standard key, but any key is allowed (pdfinfo -custom shows it).
    ['Version', metadata.version],
    ['Creator', CREATOR],
    ['Producer', PRODUCER],
    ['CreationDate', date],
    ['ModDate', date],
  ];
  const infoDict = `<<${entries
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `/${key} ${pdfString(value!)}`)
    .join(' ')}>>`;
  const catalogDict = catalog.slice(catalog.indexOf('<<'), catalog.lastIndexOf('>>')).replace(/\/Metadata \d+ 0 R/, '');
  const withPreferences = /\/ViewerPreferences/.test(catalogDict) ? catalogDict : `${catalogDict}/ViewerPreferences <</DisplayDocTitle true>>`;
  const newCatalog = `${withPreferences}/Metadata ${metadataId} 0 R>>`;
  changed.set(Number(root), withPdfVersion(newCatalog, bytes));
  const claimsUa = pdfUaProblems(objects, changed, Number(root), metadata.title, (id) => streamData(bytes, text, offsets, id)).length === 0;
  const xmp = Buffer.from(xmpPacket(metadata, claimsUa), 'utf8');

  const packed = new Map(changed);
  packed.delete(Number(root));
  for (const [id, title] of titles) {
    const { body } = objectText(id);
    packed.set(id, withTitle(body.slice(body.indexOf('<<'), body.lastIndexOf('>>') + 2), title));
  }
  const plain = [
    { id: Number(root), body: changed.get(Number(root))! },
    { id: infoId, body: infoDict },
    // Uncompressed and outside object streams, so any tool (and a person) can read it.
    { id: metadataId, body: '<</Type /Metadata /Subtype /XML>>', data: xmp },
  ];
  return { bytes: appendUpdate(output, { packed, plain, root: Number(root), info: infoId, prev: startxref, size: metadataId + 1 }), pages };
}

const CREATOR = 'briefkit (Chromium)';
const PRODUCER = 'briefkit';

/** A dictionary's value for a key, as written (a name, number, reference or string; not a dictionary or array). */
function entry(dict: string, key: string): string | undefined {
  return new RegExp(`/${key}(?![A-Za-z0-9])\\s*(\\d+ \\d+ R|\\/[^\\s/<>\\[\\]()]*|\\((?:\\\\.|[^)\\\\])*\\)|<[0-9A-Fa-f\\s]*>|[-+.\\d]+|true|false)`).exec(
    dict,
  )?.[1];
}

function refId(value: string | undefined): number | undefined {
  const match = /^(\d+) \d+ R$/.exec(value ?? '');
  return match ? Number(match[1]) : undefined;
}

/**
 * Chromium tags each run of text as a `/NonStruct` element of its own, holding one marked
 * content (1,216 in the sample briefing): noise for a screen reader walking the tree, and
 * for anyone checking it. Where such an element has nothing else (no language, no
 * attributes), its marked content is moved into the element around it, and the parent tree
 * (marked content → element) says so. The unwrapped elements are left unused in the file.
 */
function unwrapText(objects: ReadonlyMap<number, string>, changed: Map<number, string>): void {
  const leaves = new Map<number, { parent: number; page: number; mcid: number }>();
  for (const [id, dict] of objects) {
    if (!/\/S\s*\/NonStruct\b/.test(dict) || !/\/Type\s*\/StructElem\b/.test(dict)) continue;
    const keys = [...dict.matchAll(/\/([A-Za-z]+)/g)].map((match) => match[1]!).filter((key) => !['StructElem', 'NonStruct'].includes(key));
    if (keys.some((key) => !['Type', 'S', 'P', 'Pg', 'K'].includes(key))) continue;
    const parent = refId(entry(dict, 'P'));
    const page = refId(entry(dict, 'Pg'));
    const mcid = entry(dict, 'K');
    // Marked content belongs in an element, not in the root of the tree.
    if (parent === undefined || page === undefined || !/^\d+$/.test(mcid ?? '') || !/\/Type\s*\/StructElem\b/.test(objects.get(parent) ?? '')) continue;
    leaves.set(id, { parent, page, mcid: Number(mcid) });
  }
  if (leaves.size === 0) return;
  // The parent tree: page → an array of the elements of its marked contents, by number.
  const rootId = [...objects].find(([, dict]) => /\/Type\s*\/StructTreeRoot\b/.test(dict))?.[0];
  const parentTree = refId(entry(objects.get(rootId ?? -1) ?? '', 'ParentTree'));
  const tree = objects.get(parentTree ?? -1);
  // Only the flat number tree Chromium writes is understood; anything else is left alone.
  if (!tree || /\/Kids/.test(tree)) return;
  const arrays = [...(/\/Nums\s*\[([^\]]*)\]/.exec(tree)?.[1] ?? '').matchAll(/(\d+) \d+ R/g)]
    .map((match) => Number(match[1]))
    .filter((id) => objects.get(id)?.trimStart().startsWith('['));
  const leafRef = /(\d+) 0 R/g;
  for (const id of arrays) {
    changed.set(
      id,
      objects.get(id)!.replace(leafRef, (ref, leaf: string) => {
        const found = leaves.get(Number(leaf));
        return found ? `${found.parent} 0 R` : ref;
      }),
    );
  }
  for (const parent of new Set([...leaves.values()].map((leaf) => leaf.parent))) {
    const dict = objects.get(parent);
    const kids = dict && /\/K\s*(\[[^\]]*\]|\d+ \d+ R)/.exec(dict);
    if (!dict || !kids) continue;
    // The element's page (`/Pg`) is that of most of its text: a number is enough to name
    // marked content there, others take a reference with their page.
    const moved = [...kids[1]!.matchAll(leafRef)].map((match) => leaves.get(Number(match[1]))?.page).filter((page) => page !== undefined);
    // Its own entries: the kids' object references have pages of their own.
    const own = `${dict.slice(0, kids.index)}${dict.slice(kids.index + kids[0].length)}`;
    const ownPage = refId(entry(own, 'Pg')) ?? mostCommon(moved);
    const newKids = kids[1]!.replace(leafRef, (ref, leaf: string) => {
      const found = leaves.get(Number(leaf));
      if (!found) return ref;
      return found.page === ownPage ? String(found.mcid) : `<</Type /MCR /Pg ${found.page} 0 R /MCID ${found.mcid}>>`;
    });
    const page = entry(own, 'Pg') === undefined && ownPage !== undefined ? `/Pg ${ownPage} 0 R\n` : '';
    changed.set(
      parent,
      `${dict.slice(0, kids.index)}${page}/K ${newKids.startsWith('[') ? newKids : `[${newKids}]`}${dict.slice(kids.index + kids[0].length)}`,
    );
  }
}

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}

/**
 * Give every link annotation an alternate description (`/Contents`), which PDF/UA asks for:
 * the link's text in the document, or else the address it leads to (a URL, or the name of
 * the place in the document). Chromium writes a page's annotations in the order of its
 * links: where the PDF has as many annotations to an address as the document has links,
 * each gets its own link's text; otherwise (a link broken over two lines has two), all get
 * the first link's.
 */
function describeLinks(objects: ReadonlyMap<number, string>, changed: Map<number, string>, links: ReadonlyMap<string, readonly string[]>): void {
  const byTarget = new Map<string, number[]>();
  for (const [id, dict] of objects) {
    if (!/\/Subtype\s*\/Link\b/.test(dict) || /\/Contents\b/.test(dict)) continue;
    const uri = /\/URI\s*(\((?:\\.|[^)\\])*\))/.exec(dict)?.[1];
    const dest = /\/Dest\s*\/([^\s/<>[\]()]*)/.exec(dict)?.[1];
    const target = uri !== undefined ? literalString(uri) : dest !== undefined ? `#${nameText(dest)}` : undefined;
    if (target === undefined) continue;
    byTarget.set(target, [...(byTarget.get(target) ?? []), id]);
  }
  for (const [target, ids] of byTarget) {
    const labels = links.get(target) ?? [];
    for (const [index, id] of [...ids].sort((a, b) => a - b).entries()) {
      const label = (labels.length === ids.length ? labels[index] : labels[0]) || (target.startsWith('#') ? target.slice(1) : target);
      const current = changed.get(id) ?? objects.get(id)!;
      changed.set(id, `${current.slice(0, current.lastIndexOf('>>'))}\n/Contents ${pdfString(label)}>>`);
    }
  }
}

/**
 * What keeps a finished PDF from meeting the PDF/UA-1 points that can be checked from its
 * objects: tagged (marked, with a structure tree), a language, the title shown, every font
 * embedded, every figure with alternate text, every link annotation described and in the
 * structure tree, and every piece of page content either tagged or marked as an artifact.
 * An empty list: the file may say it is PDF/UA-1 (`pdfuaid:part`). These are not all of
 * PDF/UA; see docs/briefings/pdfs-and-sharing.md.
 */
function pdfUaProblems(
  objects: ReadonlyMap<number, string>,
  changed: ReadonlyMap<number, string>,
  root: number,
  title: string,
  stream: (id: number) => Buffer | undefined,
): string[] {
  const current = (id: number) => changed.get(id) ?? objects.get(id) ?? '';
  const catalog = current(root);
  const problems: string[] = [];
  if (!/\/MarkInfo\s*<<[^>]*\/Marked\s+true/.test(catalog) || !/\/StructTreeRoot\s+\d+ \d+ R/.test(catalog)) problems.push('not tagged');
  if (!/\/Lang\s*(\([^)]+\)|<[0-9A-Fa-f]+>)/.test(catalog)) problems.push('no language');
  if (!/\/DisplayDocTitle\s+true/.test(catalog)) problems.push('title not shown');
  if (title.trim() === '') problems.push('no title');
  const referenced = new Set<number>();
  for (const [, dict] of objects) for (const match of dict.matchAll(/\/Type\s*\/OBJR\s*\/Obj\s+(\d+) \d+ R/g)) referenced.add(Number(match[1]));
  for (const [id, dict] of objects) {
    if (/\/Type\s*\/Font\b/.test(dict) && !/\/Subtype\s*\/(Type0|Type3)\b/.test(dict)) {
      const descriptor = objects.get(refId(entry(dict, 'FontDescriptor')) ?? -1);
      if (!descriptor || !/\/FontFile[23]?\s/.test(descriptor)) problems.push(`font ${id} not embedded`);
    }
    if (/\/S\s*\/Figure\b/.test(dict) && !/\/(Alt|ActualText)\s*[(<]/.test(dict)) problems.push(`figure ${id} without alternate text`);
    if (/\/Subtype\s*\/Link\b/.test(dict)) {
      if (!/\/Contents\b/.test(current(id))) problems.push(`link ${id} not described`);
      if (!referenced.has(id) || !/\/StructParent\s+\d+/.test(dict)) problems.push(`link ${id} not in the structure tree`);
    }
    if (/\/Type\s*\/Page\b/.test(dict)) {
      const contents = /\/Contents\s*(\[[^\]]*\]|\d+ \d+ R)/.exec(dict)?.[1] ?? '';
      for (const match of contents.matchAll(/(\d+) \d+ R/g)) {
        const data = stream(Number(match[1]));
        if (!data || untaggedContent(data.toString('latin1'))) problems.push(`page ${id} has content neither tagged nor an artifact`);
      }
    }
  }
  return problems;
}

/** Whether a content stream draws anything outside marked content (tagged, or an artifact). */
function untaggedContent(content: string): boolean {
  // Strings and inline images are skipped: their bytes are not operators.
  const tokens = content.replace(/\((?:\\.|[^()\\]|\((?:\\.|[^()\\])*\))*\)|<[0-9A-Fa-f\s]*>|\bBI\b[\s\S]*?\bEI\b/g, ' ').split(/[\s[\]<>/]+/);
  let depth = 0;
  for (const token of tokens) {
    if (token === 'BDC' || token === 'BMC') depth++;
    else if (token === 'EMC') depth = Math.max(0, depth - 1);
    else if (depth === 0 && DRAWING.has(token)) return true;
  }
  return false;
}

const DRAWING = new Set(['Tj', 'TJ', "'", '"', 'Do', 'sh', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*']);

/** A stream's decoded data (Flate or none), from its object's dictionary and `/Length`. */
function streamData(bytes: Uint8Array, text: string, offsets: ReadonlyMap<number, number>, id: number): Buffer | undefined {
  const start = offsets.get(id);
  if (start === undefined) return undefined;
  const at = text.indexOf('stream', start);
  const dict = text.slice(start, at);
  const length = Number(entry(dict, 'Length'));
  if (!Number.isFinite(length)) return undefined;
  const dataAt = at + 'stream'.length + (text[at + 6] === '\r' ? 2 : 1);
  const data = Buffer.from(bytes.buffer, bytes.byteOffset + dataAt, length);
  const filter = entry(dict, 'Filter');
  if (filter === undefined) return data;
  if (filter !== '/FlateDecode') return undefined;
  try {
    return inflateSync(data);
  } catch {
    return undefined;
  }
}

/** The XMP metadata packet: what the document information says, in the form PDF/A and PDF/UA tools read. */
function xmpPacket(metadata: PdfMetadata, pdfUa: boolean): string {
  const date = metadata.date ? `${metadata.date}T00:00:00Z` : undefined;
  const alt = (value: string) =>
    `<rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li><rdf:li xml:lang="${xml(metadata.lang)}">${xml(value)}</rdf:li></rdf:Alt>`;
  const properties = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(metadata.title)}</dc:title>`,
    metadata.author ? `<dc:creator><rdf:Seq><rdf:li>${xml(metadata.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    metadata.subject ? `<dc:description>${alt(metadata.subject)}</dc:description>` : '',
    `<dc:language><rdf:Bag><rdf:li>${xml(metadata.lang)}</rdf:li></rdf:Bag></dc:language>`,
    metadata.keywords.length > 0
      ? `<dc:subject><rdf:Bag>${metadata.keywords.map((keyword) => `<rdf:li>${xml(keyword)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`
      : '',
    date ? `<xmp:CreateDate>${date}</xmp:CreateDate>` : '',
    date ? `<xmp:ModifyDate>${date}</xmp:ModifyDate>` : '',
    `<xmp:CreatorTool>${xml(CREATOR)}</xmp:CreatorTool>`,
    `<pdf:Producer>${xml(PRODUCER)}</pdf:Producer>`,
    metadata.keywords.length > 0 ? `<pdf:Keywords>${xml(metadata.keywords.join(', '))}</pdf:Keywords>` : '',
    pdfUa ? '<pdfuaid:part>1</pdfuaid:part>' : '',
  ].filter(Boolean);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" ` +
      `xmlns:pdf="http://ns.adobe.com/pdf/1.3/"${pdfUa ? ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"' : ''}>`,
    ...properties.map((property) => ` ${property}`),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
}

/** Text as XML character data or an attribute value; characters XML 1.0 does not allow are dropped. */
function xml(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[char]!)
  );
}

/** A PDF literal string's text (`(a\(b\))` → `a(b)`), read as Latin-1 (URLs are ASCII). */
function literalString(literal: string): string {
  return literal.slice(1, -1).replace(/\\([nrtbf()\\]|[0-7]{1,3}|\r?\n)/g, (_, escape: string) => {
    if (/^[0-7]/.test(escape)) return String.fromCharCode(parseInt(escape, 8));
    if (escape.startsWith('\r') || escape.startsWith('\n')) return '';
    return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[escape] ?? escape;
  });
}

/** A PDF name's text: `#xx` escapes are its UTF-8 bytes. */
function nameText(name: string): string {
  return Buffer.from(
    name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
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
