import { extname } from 'node:path';

/** The images a site may show, by extension (the same list as assets/allowed-files.ts's images). */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  ...IMAGE_TYPES,
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** The media type of a file of the site, by its extension (what the print pages and the preview server send). */
export function mediaType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** The media type of an image, by its extension; undefined for a file that is not one. */
export function imageType(path: string): string | undefined {
  return IMAGE_TYPES[extname(path).toLowerCase()];
}
