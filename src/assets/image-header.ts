import type { ByteReader } from '../project/read-asset.js';

/** The raster formats briefkit publishes, whose headers it reads. */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif';

/** An image's size in pixels as its header gives it, or what is wrong with the header. */
export type ImageHeader = { readonly width: number; readonly height: number } | { readonly damaged: string };

/**
 * Read the size of an image from its header, as a browser's decoder would before drawing it.
 * Only the header is read (a JPEG's may come after its metadata segments), never the pixels;
 * a file whose magic bytes are right but whose header does not decode is `damaged`.
 */
export function readImageHeader(format: ImageFormat, read: ByteReader, size: number): ImageHeader {
  const found = READERS[format](read, size);
  if ('damaged' in found) return found;
  return found.width > 0 && found.height > 0 ? found : { damaged: `its header gives a size of ${found.width} × ${found.height} pixels` };
}

const READERS: Readonly<Record<ImageFormat, (read: ByteReader, size: number) => ImageHeader>> = { png, jpeg, gif, webp, avif };

/** PNG: the IHDR chunk comes first, 13 bytes long, with a CRC over its type and data. */
function png(read: ByteReader): ImageHeader {
  const head = read(8, 25);
  if (head.length < 25 || head.readUInt32BE(0) !== 13 || head.toString('latin1', 4, 8) !== 'IHDR')
    return { damaged: 'it has no IHDR chunk after its signature' };
  if (crc32(head.subarray(4, 21)) !== head.readUInt32BE(21)) return { damaged: 'its IHDR chunk fails its checksum' };
  const [depth, colour, compression, filter, interlace] = head.subarray(16, 21);
  if (!PNG_DEPTHS[colour!]?.includes(depth!) || compression !== 0 || filter !== 0 || interlace! > 1)
    return { damaged: 'its IHDR chunk has an unknown colour type or bit depth' };
  return { width: head.readUInt32BE(8), height: head.readUInt32BE(12) };
}
/** The bit depths each PNG colour type allows (grey, RGB, palette, grey + alpha, RGBA). */
const PNG_DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/**
 * JPEG: markers and their segments up to a start-of-frame (SOF0–SOF15 but DHT, JPG and DAC),
 * which gives the size; image data (SOS) or the end (EOI) before one means no frame.
 */
function jpeg(read: ByteReader, size: number): ImageHeader {
  let offset = 2;
  for (let segments = 0; segments < 10_000; segments++) {
    const marker = read(offset, 4);
    if (marker.length < 2 || marker[0] !== 0xff)
      return { damaged: offset + 2 > size ? 'it ends before its frame header' : `a marker is missing at byte ${offset}` };
    const code = marker[1]!;
    if (code === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (code === 0x01 || (code >= 0xd0 && code <= 0xd8)) {
      offset += 2; // markers without a segment
      continue;
    }
    if (code === 0xd9 || code === 0xda) return { damaged: 'it has no frame header before its image data' };
    if (marker.length < 4) return { damaged: 'it ends before its frame header' };
    const length = marker.readUInt16BE(2);
    if (length < 2) return { damaged: `a segment at byte ${offset} has a length of ${length}` };
    if (code >= 0xc0 && code <= 0xcf && code !== 0xc4 && code !== 0xc8 && code !== 0xcc) {
      const frame = read(offset + 4, 6);
      if (frame.length < 6 || length < 8) return { damaged: 'it ends inside its frame header' };
      return { width: frame.readUInt16BE(3), height: frame.readUInt16BE(1) };
    }
    offset += 2 + length;
  }
  return { damaged: 'it has no frame header in its first 10,000 segments' };
}

/** GIF: the logical screen size follows the 6-byte signature. */
function gif(read: ByteReader): ImageHeader {
  const head = read(6, 4);
  return head.length < 4 ? { damaged: 'it ends inside its header' } : { width: head.readUInt16LE(0), height: head.readUInt16LE(2) };
}

/** WebP: the first chunk is lossy (VP8), lossless (VP8L) or extended (VP8X), each with the size. */
function webp(read: ByteReader): ImageHeader {
  const head = read(12, 18);
  const chunk = head.toString('latin1', 0, 4);
  if (head.length < 18) return { damaged: 'it ends inside its header' };
  if (chunk === 'VP8 ' && head.subarray(11, 14).equals(Buffer.from([0x9d, 0x01, 0x2a])))
    return { width: head.readUInt16LE(14) & 0x3fff, height: head.readUInt16LE(16) & 0x3fff };
  if (chunk === 'VP8L' && head[8] === 0x2f) {
    const bits = head.readUInt32LE(9);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: head.readUIntLE(12, 3) + 1, height: head.readUIntLE(15, 3) + 1 };
  return { damaged: 'it has no VP8, VP8L or VP8X header' };
}

/**
 * AVIF: the size is in the image spatial extents (`ispe`) properties, in meta › iprp › ipco.
 * An image may have several (a grid and its tiles, a thumbnail): the largest is taken.
 */
function avif(read: ByteReader, size: number): ImageHeader {
  const meta = boxes(read, 0, size).find((box) => box.type === 'meta');
  // The meta box describes items, not pixels: a few kilobytes; 1 MB bounds what is read.
  if (!meta || meta.size > 1_000_000) return { damaged: 'it has no readable meta box' };
  const bytes = read(meta.start, meta.size);
  const inMemory: ByteReader = (offset, length) => bytes.subarray(offset, offset + length);
  // Children of a box, after the version and flags of a full box (`skip`).
  const children = (parent: Box | undefined, type: string, skip = 0) =>
    parent ? boxes(inMemory, parent.start + skip, parent.start + parent.size).filter((box) => box.type === type) : [];
  const ipco = children(children({ type: 'meta', start: 0, size: bytes.length }, 'iprp', 4)[0], 'ipco')[0];
  const sizes = children(ipco, 'ispe')
    .map((box) => bytes.subarray(box.start + 4, box.start + 12))
    .filter((data) => data.length === 8);
  if (sizes.length === 0) return { damaged: 'it has no image size (ispe) property' };
  return { width: Math.max(...sizes.map((data) => data.readUInt32BE(0))), height: Math.max(...sizes.map((data) => data.readUInt32BE(4))) };
}

/** An ISO media box: its type, and where its content starts and how long it is. */
interface Box {
  readonly type: string;
  readonly start: number;
  readonly size: number;
}

/** The boxes one after another from `start` to `end` (at most 1,000), up to the first that does not fit. */
function boxes(read: ByteReader, start: number, end: number): Box[] {
  const found: Box[] = [];
  for (let offset = start; offset + 8 <= end && found.length < 1000;) {
    const head = read(offset, 16);
    if (head.length < 8) break;
    const declared = head.readUInt32BE(0);
    const header = declared === 1 ? 16 : 8;
    const total = declared === 0 ? end - offset : declared === 1 ? (head.length < 16 ? 0 : Number(head.readBigUInt64BE(8))) : declared;
    if (total < header || offset + total > end) break;
    found.push({ type: head.toString('latin1', 4, 8), start: offset + header, size: total - header });
    offset += total;
  }
  return found;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, byte) => {
  let c = byte;
  for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** The CRC-32 PNG chunks carry (zlib.crc32 is not in every Node 20). */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
