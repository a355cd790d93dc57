/** How many bytes of a font file `fontHeaderProblem` reads: a WOFF2 header (WOFF's is 44). */
export const FONT_HEADER_BYTES = 48;

/** The outline types a web font may wrap: TrueType, CFF (`OTTO`), and Apple's `true`. */
const FLAVORS = new Set([0x00010000, 0x4f54544f, 0x74727565]);

/**
 * What is wrong with a WOFF or WOFF2 file's header, or undefined if it is sound: the
 * signature, the outline type, the length it records against the file's size (a cut or
 * padded file), and a table count. A browser silently falls back to another font for a
 * damaged one, and Chromium then embeds that font in a PDF, so it is caught here.
 */
export function fontHeaderProblem(head: Buffer, size: number): string | undefined {
  const signature = head.toString('latin1', 0, 4);
  if (signature !== 'wOF2' && signature !== 'wOFF') return 'it does not start with a WOFF or WOFF2 signature';
  if (head.length < (signature === 'wOF2' ? 48 : 44)) return 'it ends inside its header';
  if (!FLAVORS.has(head.readUInt32BE(4))) return 'its header names no known outline type (TrueType or CFF)';
  const length = head.readUInt32BE(8);
  if (length !== size) return `its header gives a length of ${length} bytes, but the file has ${size}`;
  if (head.readUInt16BE(12) === 0) return 'its header lists no font tables';
  return undefined;
}
