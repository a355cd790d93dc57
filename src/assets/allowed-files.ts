import { statSync } from 'node:fs';
import { readAssetHead, readAssetText, withAssetReader } from '../project/read-asset.js';
import { extname } from 'node:path';
import { FONT_HEADER_BYTES, fontHeaderProblem } from './font-header.js';
import { readImageHeader } from './image-header.js';
import type { ImageFormat } from './image-header.js';
import { svgProblem } from './svg-safety.js';

type Kind = 'image' | 'svg' | 'document' | 'media' | 'archive' | 'text';
/** How to recognise a file's bytes: a test on its first bytes, and what to call it. */
interface FileType {
  readonly kind: Kind;
  readonly label: string;
  readonly magic?: (head: Buffer) => boolean;
  /** A raster image's format, whose header is decoded before it is published. */
  readonly decode?: ImageFormat;
}

const at =
  (offset: number, ...bytes: (number | string)[]) =>
  (head: Buffer) => {
    const expected = Buffer.concat(bytes.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from([part]))));
    return head.subarray(offset, offset + expected.length).equals(expected);
  };
const zip = (head: Buffer) => at(0, 'PK', 3, 4)(head) || at(0, 'PK', 5, 6)(head);
const ole = at(0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);
const isoMedia = at(4, 'ftyp');
const office = (label: string, magic: (head: Buffer) => boolean): FileType => ({ kind: 'document', label, magic });

/**
 * The file types a page may link to or embed, and that a logo may be (images only). Anything
 * else (`.html`, `.xhtml`, `.xml`, `.js`, programs…) could run script on the site or is not
 * what readers expect to download, so it is refused.
 */
const ALLOWED: Readonly<Record<string, FileType>> = {
  png: { kind: 'image', label: 'PNG image', magic: at(0, 0x89, 'PNG\r\n', 0x1a, '\n'), decode: 'png' },
  jpg: { kind: 'image', label: 'JPEG image', magic: at(0, 0xff, 0xd8, 0xff), decode: 'jpeg' },
  jpeg: { kind: 'image', label: 'JPEG image', magic: at(0, 0xff, 0xd8, 0xff), decode: 'jpeg' },
  gif: { kind: 'image', label: 'GIF image', magic: (head) => at(0, 'GIF87a')(head) || at(0, 'GIF89a')(head), decode: 'gif' },
  webp: { kind: 'image', label: 'WebP image', magic: (head) => at(0, 'RIFF')(head) && at(8, 'WEBP')(head), decode: 'webp' },
  avif: { kind: 'image', label: 'AVIF image', magic: isoMedia, decode: 'avif' },
  svg: { kind: 'svg', label: 'SVG image' },
  pdf: { kind: 'document', label: 'PDF', magic: (head) => head.subarray(0, 1024).includes('%PDF-') },
  docx: office('Word document', zip),
  xlsx: office('Excel workbook', zip),
  pptx: office('PowerPoint presentation', zip),
  odt: office('OpenDocument text', zip),
  ods: office('OpenDocument spreadsheet', zip),
  odp: office('OpenDocument presentation', zip),
  doc: office('Word document', ole),
  xls: office('Excel workbook', ole),
  ppt: office('PowerPoint presentation', ole),
  rtf: office('RTF document', at(0, '{\\rtf')),
  mp3: { kind: 'media', label: 'MP3 audio', magic: (head) => at(0, 'ID3')(head) || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0) },
  ogg: { kind: 'media', label: 'Ogg audio', magic: at(0, 'OggS') },
  wav: { kind: 'media', label: 'WAV audio', magic: (head) => at(0, 'RIFF')(head) && at(8, 'WAVE')(head) },
  m4a: { kind: 'media', label: 'M4A audio', magic: isoMedia },
  mp4: { kind: 'media', label: 'MP4 video', magic: isoMedia },
  webm: { kind: 'media', label: 'WebM video', magic: at(0, 0x1a, 0x45, 0xdf, 0xa3) },
  zip: { kind: 'archive', label: 'ZIP archive', magic: zip },
  txt: { kind: 'text', label: 'text file' },
  csv: { kind: 'text', label: 'CSV file' },
  tsv: { kind: 'text', label: 'TSV file' },
};

/** The file types briefkit publishes, for messages and documentation. */
export const ALLOWED_TYPES_HINT =
  'Allowed: images (png, jpg, gif, webp, avif, svg), PDF, office documents (docx, xlsx, pptx, odt, ods, odp, doc, xls, ppt, rtf), audio and video (mp3, ' +
  'ogg, wav, m4a, mp4, webm), zip, and txt, csv, tsv.';
const LOGO_HINT = 'Use a PNG, JPEG, GIF, WebP, AVIF or plain SVG image as the logo.';
const SVG_HINT =
  'An SVG opened from the site runs what it contains. Export it again as a plain drawing (Inkscape: Save As › Plain SVG, or run it through svgo), or as PNG.';
// A browser that guesses a file's type from its content would show these as a web page.
const MARKUP = /^\s*<(?:!doctype|html|head|body|script|iframe|svg|\?xml|!--)/i;

/** Why a file may not be published: a sentence, the rule, and what to do. */
export interface FileRefusal {
  readonly reason: string;
  readonly rule: string;
  readonly hint: string;
}

/** SVGs are read whole to be checked; a drawing on a page is far smaller. */
const MAX_SVG_BYTES = 10_000_000;
/**
 * The largest raster image published. A browser decodes an image to 4 bytes a pixel before it
 * draws it, and Chromium holds a document's images decoded while it prints a PDF: a PNG of a
 * few kilobytes that says 30000 × 30000 asks for 3.6 GB. 64 million pixels (256 MB decoded)
 * still takes the photo of a 50-megapixel camera (8688 × 5792); 16,384 pixels is WebP's own
 * limit and the largest texture common graphics cards draw. A page never shows 2,000 across.
 */
const MAX_SIDE = 16_384;
const MAX_PIXELS = 64_000_000;
const IMAGE_HINT = 'Export the image again as PNG or JPEG from an image editor.';
const verdicts = new Map<string, FileRefusal | undefined>();

/**
 * Whether a local file may be copied into the site, as a page's link or image, or as a logo
 * (`logo: true`, images only). Refused: types not on the allow-list, content that is not of
 * the type its name says (a `.png` that is HTML), raster images whose header does not decode
 * or whose size is absurd, and SVGs that could run script or load anything (see svg-safety).
 * `shown` is the name as the author wrote it. Reads the file (its first bytes and an image's
 * header; an SVG whole), once per version of the file.
 */
export function checkPublishedFile(absolute: string, shown: string, options: { readonly logo?: boolean } = {}): FileRefusal | undefined {
  const ext = extname(absolute).slice(1).toLowerCase();
  const type = Object.hasOwn(ALLOWED, ext) ? ALLOWED[ext] : undefined;
  if (!type || (options.logo && type.kind !== 'image' && type.kind !== 'svg')) {
    const what = ext ? `.${ext} files` : 'files without an extension';
    const html = ['html', 'htm', 'xhtml', 'shtml', 'xht', 'xml', 'js', 'mjs'].includes(ext);
    return {
      reason:
        `"${shown}" is not published: ${what} are not ` +
        (options.logo ? 'an image type a logo may be' : 'on the list of file types briefkit copies into the site') +
        (html ? ' (they could run script on the site)' : ''),
      rule: options.logo ? 'logo-type' : 'file-type',
      hint: options.logo
        ? LOGO_HINT
        : html
          ? `Turn it into a Markdown page or a PDF, or publish it elsewhere and link to its https:// address. ${ALLOWED_TYPES_HINT}`
          : ALLOWED_TYPES_HINT,
    };
  }
  return verdict(absolute, shown, type.kind, (size) => inspect(absolute, type, size));
}

/**
 * Whether a raster image or a web font (WOFF, WOFF2) that is published without a page naming
 * it (a template's asset, briefkit's own fonts) decodes: its header, and an image's size, as
 * for `checkPublishedFile`. Other files are not looked at. Once per version of the file.
 */
export function checkBinaryFile(absolute: string, shown: string): FileRefusal | undefined {
  const ext = extname(absolute).slice(1).toLowerCase();
  const type = Object.hasOwn(ALLOWED, ext) ? ALLOWED[ext] : undefined;
  if (type?.decode) return verdict(absolute, shown, type.kind, (size) => inspect(absolute, type, size));
  if (ext !== 'woff' && ext !== 'woff2') return undefined;
  return verdict(absolute, shown, 'font', (size) => {
    const problem = fontHeaderProblem(readAssetHead(absolute, FONT_HEADER_BYTES), size);
    return problem === undefined
      ? undefined
      : {
          reason: `is not a usable font: ${problem}`,
          rule: 'font-damaged',
          hint: 'Download the font again, or convert it again to .woff2 from its .ttf or .otf file.',
        };
  });
}

/** The verdict on a file, from the cache while its size and time are the same. */
function verdict(absolute: string, shown: string, tag: string, judge: (size: number) => FileRefusal | undefined): FileRefusal | undefined {
  const found = perVersion(verdicts, absolute, tag, judge);
  return found && { ...found, reason: `"${shown}" ${found.reason}` };
}

/**
 * What `compute` gives for this version of a file (its size and time), computed once; undefined,
 * without computing, for a file that is not there (whoever looked for it reports that).
 */
function perVersion<T>(cache: Map<string, T | undefined>, absolute: string, tag: string, compute: (size: number) => T | undefined): T | undefined {
  let stat;
  try {
    stat = statSync(absolute);
  } catch {
    return undefined;
  }
  const key = `${absolute}\0${stat.size}\0${stat.mtimeMs}\0${tag}`;
  if (!cache.has(key)) cache.set(key, compute(stat.size));
  return cache.get(key);
}

/** A raster image's header, read once per version of the file (for the check and for its size). */
function imageHeader(absolute: string, format: ImageFormat): ReturnType<typeof readImageHeader> | undefined {
  return perVersion(headers, absolute, format, () => withAssetReader(absolute, (read, size) => readImageHeader(format, read, size)));
}
const headers = new Map<string, ReturnType<typeof readImageHeader> | undefined>();

function inspect(absolute: string, type: FileType, size: number): FileRefusal | undefined {
  if (type.kind === 'svg') {
    if (size > MAX_SVG_BYTES)
      return {
        reason: `is not published: an SVG over ${MAX_SVG_BYTES / 1e6} MB is too large to check`,
        rule: 'svg-unsafe',
        hint: 'Simplify the drawing, or export it as PNG.',
      };
    const problem = svgProblem(readAssetText(absolute));
    if (!problem) return undefined;
    return { reason: `is not published: the SVG has ${problem.what} (its line ${problem.line})`, rule: 'svg-unsafe', hint: SVG_HINT };
  }
  const head = readAssetHead(absolute, 1024);
  const text = head.toString('latin1').replace(/^\xef\xbb\xbf/, '');
  const looksLikeMarkup = MARKUP.test(text);
  if (type.magic ? !type.magic(head) : looksLikeMarkup) {
    const seems = looksLikeMarkup ? 'its content is HTML or SVG, which a browser could run' : 'its content is not of that type';
    return {
      reason: `is not a ${type.label}: ${seems}`,
      rule: 'file-content',
      hint: `Save the file again as a real ${type.label} from the program that made it, and give it the matching extension.`,
    };
  }
  return type.decode && imageProblem(absolute, type.decode, type.label);
}

/** An image whose header does not decode, or that is too large to show or print. */
function imageProblem(absolute: string, format: ImageFormat, label: string): FileRefusal | undefined {
  const header = imageHeader(absolute, format);
  if (header === undefined) return undefined;
  if ('damaged' in header) return { reason: `is not a readable ${label}: ${header.damaged}`, rule: 'image-damaged', hint: IMAGE_HINT };
  const { width, height } = header;
  if (width <= MAX_SIDE && height <= MAX_SIDE && width * height <= MAX_PIXELS) return undefined;
  return {
    reason:
      `is ${width} × ${height} pixels, more than briefkit publishes (at most ${MAX_SIDE.toLocaleString('en')} on a side and ${MAX_PIXELS / 1e6} ` +
      `million in all): a browser needs ${gigabytes(width * height * 4)} of memory to show it`,
    rule: 'image-too-large',
    hint: 'Scale the image down in an image editor (a page never shows more than about 2,000 pixels across) and export it again as PNG or JPEG.',
  };
}

/** An image's size in pixels, as `<img width height>` gives it. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}
const sizes = new Map<string, ImageSize | undefined>();

/**
 * The size a published image is drawn at without styles: a raster image's from its header, an
 * SVG's from its root's `width` and `height` when both are in pixels (a drawing with a
 * `viewBox` alone takes the width it is given, so it has none). Undefined for anything else,
 * or a file that cannot be read. Once per version of the file.
 */
export function imageSize(absolute: string): ImageSize | undefined {
  const ext = extname(absolute).slice(1).toLowerCase();
  const type = Object.hasOwn(ALLOWED, ext) ? ALLOWED[ext] : undefined;
  if (type?.decode) {
    const header = (() => {
      try {
        return imageHeader(absolute, type.decode!);
      } catch {
        return undefined;
      }
    })();
    return header === undefined || 'damaged' in header ? undefined : header;
  }
  if (type?.kind !== 'svg') return undefined;
  return perVersion(sizes, absolute, 'svg', (bytes) => {
    try {
      return bytes <= MAX_SVG_BYTES ? svgSize(readAssetText(absolute)) : undefined;
    } catch {
      return undefined;
    }
  });
}

function svgSize(text: string): ImageSize | undefined {
  const root = /<svg\b([^>]*)>/.exec(text)?.[1];
  if (root === undefined) return undefined;
  const pixels = (name: string) => {
    const value = new RegExp(`\\s${name}\\s*=\\s*(["'])\\s*(\\d+(?:\\.\\d+)?)\\s*(?:px)?\\s*\\1`).exec(root)?.[2];
    return value === undefined ? undefined : Math.round(Number(value));
  };
  const width = pixels('width');
  const height = pixels('height');
  return width && height ? { width, height } : undefined;
}

function gigabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}
