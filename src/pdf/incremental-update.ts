import { deflateSync } from 'node:zlib';

/** An object written on its own: a dictionary or array (`body`), or a stream (`body` its dictionary without `/Length`, and `data`). */
export interface PlainObject {
  id: number;
  body: string;
  data?: Buffer;
}

/** What an incremental update appends, and what its cross-reference stream says. */
export interface Update {
  /** Dictionaries and arrays (never streams), by object number: compressed together in object streams. */
  packed: ReadonlyMap<number, string>;
  /** Objects a reader should find without object streams (the catalog, document information, XMP metadata). */
  plain: readonly PlainObject[];
  root: number;
  info: number;
  /** The previous revision's cross-reference offset (`startxref`) and `/Size`. */
  prev: number;
  size: number;
}

/**
 * Objects in one object stream. A reader decompresses a whole stream to get any object in
 * it; qpdf writes 100 a stream too. Fewer, larger streams compress a little better.
 */
const PER_STREAM = 100;

/**
 * Append an incremental update to a PDF: the dictionaries and arrays in Flate-compressed
 * object streams (`/Type /ObjStm`), the rest as plain objects, and a cross-reference stream
 * (`/Type /XRef`, with `/Prev`) instead of a classic table and trailer. Uncompressed, the
 * update of a sample briefing added 28 % to Chromium's file, mostly structure elements and
 * link annotations, whose text compresses well. Object and cross-reference streams are
 * PDF 1.5: see `withPdfVersion`. The same update gives the same bytes.
 */
export function appendUpdate(original: Buffer, update: Update): Buffer {
  const chunks: Buffer[] = [original];
  let length = original.length;
  const push = (chunk: string | Buffer) => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    chunks.push(buffer);
    length += buffer.length;
  };
  // Object number → [type, field 2, field 3] of its cross-reference entry.
  const entries = new Map<number, [number, number, number]>();
  const add = ({ id, body, data }: PlainObject) => {
    entries.set(id, [1, length, 0]);
    if (data) {
      push(`${id} 0 obj\n${body.slice(0, body.lastIndexOf('>>'))} /Length ${data.length}>>\nstream\n`);
      push(data);
      push('\nendstream\nendobj\n');
    } else push(`${id} 0 obj\n${body}\nendobj\n`);
  };
  push('\n');
  for (const object of update.plain) add(object);

  let next = Math.max(update.size, ...update.plain.map((object) => object.id + 1), ...[...update.packed.keys()].map((id) => id + 1));
  const ids = [...update.packed.keys()].filter((id) => !entries.has(id)).sort((a, b) => a - b);
  for (let start = 0; start < ids.length; start += PER_STREAM) {
    const streamId = next++;
    const group = ids.slice(start, start + PER_STREAM);
    const bodies = group.map((id) => Buffer.from(`${update.packed.get(id)!}\n`, 'latin1'));
    let offset = 0;
    const header =
      group
        .map((id, index) => {
          entries.set(id, [2, streamId, index]);
          const pair = `${id} ${offset}`;
          offset += bodies[index]!.length;
          return pair;
        })
        .join(' ') + '\n';
    const data = deflateSync(Buffer.concat([Buffer.from(header, 'latin1'), ...bodies]), { level: 9 });
    add({ id: streamId, body: `<</Type /ObjStm /N ${group.length} /First ${header.length} /Filter /FlateDecode>>`, data });
  }

  const xrefId = next;
  entries.set(xrefId, [1, length, 0]);
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const width = Math.max(1, Math.ceil(Math.log2(Math.max(...sorted.map(([, entry]) => entry[1])) + 1) / 8));
  const rows = Buffer.alloc(sorted.length * (3 + width));
  const index: number[] = [];
  sorted.forEach(([id, [type, field2, field3]], row) => {
    const at = row * (3 + width);
    rows.writeUInt8(type, at);
    rows.writeUIntBE(field2, at + 1, width);
    rows.writeUInt16BE(field3, at + 1 + width);
    // One subsection per run of consecutive object numbers.
    if (row > 0 && sorted[row - 1]![0] === id - 1) index[index.length - 1]!++;
    else index.push(id, 1);
  });
  const xrefAt = length;
  add({
    id: xrefId,
    body:
      `<</Type /XRef /Size ${xrefId + 1} /Root ${update.root} 0 R /Info ${update.info} 0 R /Prev ${update.prev} /W [1 ${width} 2] /Index ` +
      `[${index.join(' ')}] /Filter /FlateDecode>>`,
    data: deflateSync(rows, { level: 9 }),
  });
  push(`startxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/**
 * A catalog dictionary that says the document is PDF 1.7 (`/Version`, which an incremental
 * update may raise: ISO 32000-1, 7.7.2) when the file's header says less than 1.5, which
 * object and cross-reference streams need. Chromium writes `%PDF-1.4`.
 */
export function withPdfVersion(catalog: string, bytes: Uint8Array): string {
  const version = (value: string | undefined) => Number(value ?? 0);
  const header = /^%PDF-(\d\.\d)/.exec(Buffer.from(bytes.subarray(0, 16)).toString('latin1'))?.[1];
  const own = /\/Version\s*\/(\d\.\d)/.exec(catalog)?.[1];
  if (Math.max(version(header), version(own)) >= 1.5) return catalog;
  const without = catalog.replace(/\/Version\s*\/[\d.]+/, '');
  return `${without.slice(0, without.lastIndexOf('>>'))}/Version /1.7>>`;
}
