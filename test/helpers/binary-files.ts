/**
 * Image and font files built byte by byte, for tests of what briefkit publishes: valid ones,
 * and the damaged or absurd ones an author (or a broken install) could give it.
 */
import { crc32, deflateSync } from 'node:zlib';

const u32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
};
const u16le = (value: number) => Buffer.from([value & 0xff, value >> 8]);

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32(data.length), body, u32(crc32(body))]);
}

/** The 8-byte PNG signature. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * A PNG (8-bit RGB). Small ones are whole images (grey pixels); `pixels: false` leaves out
 * the image data, for a header that claims a size no test should have to allocate.
 */
export function png(width: number, height: number, options: { readonly pixels?: boolean; readonly text?: string } = {}): Buffer {
  const header = Buffer.concat([u32(width), u32(height), Buffer.from([8, 2, 0, 0, 0])]);
  const rows = options.pixels === false ? [] : [chunk('IDAT', deflateSync(Buffer.alloc(height * (1 + width * 3), 0x80)))];
  const text = options.text === undefined ? [] : [chunk('tEXt', Buffer.from(`Comment\0${options.text}`, 'latin1'))];
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), ...text, ...rows, chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG's markers up to its frame header (baseline, one component), after `metadata` bytes of EXIF. */
export function jpeg(width: number, height: number, metadata = 0): Buffer {
  const segment = (marker: number, data: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker]), Buffer.from([(data.length + 2) >> 8, (data.length + 2) & 0xff]), data]);
  const exif = metadata ? [segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0'), Buffer.alloc(metadata)]))] : [];
  const frame = Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    ...exif,
    segment(0xc0, frame),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A GIF's header and logical screen. */
export function gif(width: number, height: number): Buffer {
  return Buffer.concat([Buffer.from('GIF89a'), u16le(width), u16le(height), Buffer.from([0, 0, 0, 0x3b])]);
}

/** A WebP with an extended (VP8X) header. */
export function webp(width: number, height: number): Buffer {
  const u24 = (value: number) => Buffer.from([value & 0xff, (value >> 8) & 0xff, value >> 16]);
  const vp8x = Buffer.concat([Buffer.from('VP8X'), Buffer.from([10, 0, 0, 0]), Buffer.alloc(4), u24(width - 1), u24(height - 1)]);
  return Buffer.concat([Buffer.from('RIFF'), Buffer.from([vp8x.length + 4, 0, 0, 0]), Buffer.from('WEBP'), vp8x]);
}

/** An AVIF's boxes down to its size property (meta › iprp › ipco › ispe), or without one. */
export function avif(width: number, height: number, options: { readonly ispe?: boolean } = {}): Buffer {
  const box = (type: string, ...content: Buffer[]) => {
    const body = Buffer.concat(content);
    return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'latin1'), body]);
  };
  const full = Buffer.alloc(4); // version and flags
  const ispe = options.ispe === false ? [] : [box('ispe', full, u32(width), u32(height))];
  return Buffer.concat([
    box('ftyp', Buffer.from('avifmif1miafavif')),
    box('meta', full, box('hdlr', full, Buffer.alloc(4), Buffer.from('pict'), Buffer.alloc(13)), box('iprp', box('ipco', ...ispe))),
    box('mdat', Buffer.alloc(16)),
  ]);
}

/** A WOFF2 file's header (TrueType flavour) and `size - 48` bytes after it; `length` is what the header says. */
export function woff2(size = 100, length = size): Buffer {
  const header = Buffer.alloc(48);
  header.write('wOF2', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(length, 8);
  header.writeUInt16BE(3, 12);
  return Buffer.concat([header, Buffer.alloc(Math.max(0, size - 48))]);
}
