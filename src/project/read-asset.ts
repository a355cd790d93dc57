import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

/*
 * The project reader for files that are published as they are (images, documents, the logo):
 * their paths are real paths the project listing or `locate` has already found inside the
 * project; these only read them, for a check of their content or to inline a small one.
 */

/** The first bytes of a file, to tell what it really is. */
export function readAssetHead(real: string, length: number): Buffer {
  return withAssetReader(real, (read) => read(0, length));
}

/** Reads up to `length` bytes at `offset` of an open file (fewer at its end). */
export type ByteReader = (offset: number, length: number) => Buffer;

/** Read parts of a file by position (an image's header may sit after its metadata), then close it. */
export function withAssetReader<T>(real: string, use: (read: ByteReader, size: number) => T): T {
  const fd = openSync(real, 'r');
  try {
    const read: ByteReader = (offset, length) => {
      const buffer = Buffer.alloc(length);
      return buffer.subarray(0, readSync(fd, buffer, 0, length, offset));
    };
    return use(read, fstatSync(fd).size);
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
