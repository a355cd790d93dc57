import { closeSync, openSync, readFileSync, readSync } from 'node:fs';

/*
 * The project reader for files that are published as they are (images, documents, the logo):
 * their paths are real paths the project listing or `locate` has already found inside the
 * project; these only read them, for a check of their content or to inline a small one.
 */

/** The first bytes of a file, to tell what it really is. */
export function readAssetHead(real: string, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const fd = openSync(real, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/** A text asset (an SVG) whole, to check it; callers check its size first. */
export function readAssetText(real: string): string {
  return readFileSync(real, 'utf8');
}

/** A file's bytes, or undefined if it cannot be read (a page then links to it instead of inlining it). */
export function readAssetBytes(real: string): Buffer | undefined {
  try {
    return readFileSync(real);
  } catch {
    return undefined;
  }
}
