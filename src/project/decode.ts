import type { Problem } from '../messages.js';

/** Text decoded from a file's bytes: without its BOM, line endings as in the file. */
export type Decoded = { readonly text: string; readonly bom: boolean } | { readonly problem: Problem };

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decode a text file: UTF-8, with or without a BOM (dropped). Bytes that are not UTF-8 are a
 * problem at the first bad byte, naming the encoding the file was most likely saved in and how
 * to re-save it; a NUL byte is a problem at its place (a binary or damaged file).
 */
export function decodeText(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: notUtf8('This file is saved as UTF-16, not UTF-8', 'UTF-16', { line: 1, column: 1 }) };
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    const bad = firstInvalid(body);
    const encoding = guessEncoding(body);
    const place = pointAt(UTF8.decode(body.subarray(0, bad)));
    const byte = body[bad]!.toString(16).toUpperCase().padStart(2, '0');
    return { problem: notUtf8(`This file is not UTF-8: byte 0x${byte} here is not valid UTF-8 (the file looks like ${encoding})`, encoding, place) };
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    const place = pointAt(text.slice(0, nul));
    if (encodingByNuls(body)) return { problem: notUtf8('This file is saved as UTF-16, not UTF-8', 'UTF-16', place) };
    return {
      problem: {
        reason: 'This file contains a NUL (zero) byte: it is binary or damaged, not text',
        rule: 'encoding',
        place,
        hint: 'Delete the invisible character here (or re-save the file as UTF-8 text); if this is not a text file, give it its own extension.',
      },
    };
  }
  return { text, bom };
}

/** Text with every CRLF and lone CR made LF: lines and columns stay as the user's editor shows them. */
export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** The line and column just after some text (the place of what follows it). */
function pointAt(before: string): { line: number; column: number } {
  const lines = normaliseLineEndings(before).split('\n');
  return { line: lines.length, column: lines.at(-1)!.length + 1 };
}

function notUtf8(reason: string, encoding: string, place: { line: number; column: number }): Problem {
  const hint = [
    `Re-save the file as UTF-8 (it was probably saved as ${encoding}):`,
    'Notepad: File → Save as → Encoding: UTF-8 → Save.',
    `VS Code: click the encoding in the status bar → Reopen with Encoding → ${encoding}, then → Save with Encoding → UTF-8.`,
    'LibreOffice: File → Save As → tick "Edit filter settings" → Character set: Unicode (UTF-8).',
  ].join('\n');
  return { reason, rule: 'encoding', place, hint };
}

/** The offset of the first byte that does not start a valid UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return index;
    try {
      UTF8.decode(bytes.subarray(index, index + length));
    } catch {
      return index;
    }
    index += length;
  }
  return Math.max(0, bytes.length - 1);
}

/** Whether zero bytes make up much of the text, as in UTF-16 without a BOM. */
function encodingByNuls(bytes: Uint8Array): boolean {
  let nuls = 0;
  for (const byte of bytes) if (byte === 0) nuls++;
  return nuls > bytes.length / 4;
}

// The most frequent letters of each script, as bytes of its Windows code page.
const SCRIPTS = [
  { name: 'Windows-1251 (Cyrillic)', letters: [0xee, 0xe0, 0xe5, 0xe8, 0xed, 0xf2, 0xf1, 0xf0, 0xe2, 0xb3, 0xeb, 0xea] },
  { name: 'Windows-1256 (Arabic)', letters: [0xc7, 0xe1, 0xed, 0xe3, 0xe6, 0xe4, 0xd1, 0xe5, 0xca, 0xc8, 0xda, 0xcf] },
  { name: 'Windows-1253 (Greek)', letters: [0xe1, 0xef, 0xe9, 0xe5, 0xf4, 0xed, 0xf3, 0xf1, 0xea, 0xe7, 0xf0, 0xf5] },
] as const;

/**
 * The single-byte encoding a file that is not UTF-8 was most likely saved in. Western
 * European text has accented letters alone among ASCII ones; Cyrillic, Arabic or Greek text
 * has whole words of bytes above 0x7F, and each script's commonest letters tell them apart.
 */
export function guessEncoding(bytes: Uint8Array): string {
  if (encodingByNuls(bytes)) return 'UTF-16';
  let high = 0;
  let inWords = 0;
  const counts = new Map<number, number>();
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    if (byte < 0x80) continue;
    high++;
    counts.set(byte, (counts.get(byte) ?? 0) + 1);
    if ((bytes[index - 1] ?? 0) >= 0x80 || (bytes[index + 1] ?? 0) >= 0x80) inWords++;
  }
  if (high === 0 || inWords / high < 0.5) return 'Windows-1252 (Western European)';
  const score = (letters: readonly number[]) => letters.reduce((sum, letter) => sum + (counts.get(letter) ?? 0), 0);
  return [...SCRIPTS].sort((a, b) => score(b.letters) - score(a.letters))[0]!.name;
}
