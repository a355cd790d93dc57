import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { extname, join } from 'node:path';
import { VFile } from 'vfile';
import type { Data } from 'vfile';
import { error, warn } from '../messages.js';
import { controlCharacterProblem, controlCharacters, replaceControlCharacters } from '../text/control-characters.js';
import { decodeText, normaliseLineEndings } from './decode.js';
import type { Decoded } from './decode.js';
import { shownPath } from '../paths/project-path.js';
import { locate } from './locate.js';
import type { Refusal } from '../model/project-files.js';

declare module 'vfile' {
  interface DataMap {
    /** The file could not be read (refused link, too big, not UTF-8): its problem is reported, its text is empty. */
    unreadable: boolean;
  }
}

const MB = 1024 * 1024;

/**
 * The largest text file briefkit reads, by kind. The longest real briefing is well under
 * 200 KB; ten times that still parses in about a second, while a runaway file (a pasted
 * log, a wrong export) is stopped before it is read into memory. YAML holds settings and
 * bibliographies, so 1 MB is already thousands of references; a Zotero export (.bib, .ris,
 * CSL-JSON) with abstracts is about 7 KB an entry, so those may be 10 MB.
 */
export const SIZE_LIMITS: Readonly<Record<string, number>> = {
  '.md': 2 * MB,
  '.yaml': 1 * MB,
  '.yml': 1 * MB,
  '.hbs': 1 * MB,
  '.bib': 10 * MB,
  '.ris': 10 * MB,
  '.json': 10 * MB,
  '.po': 10 * MB,
  '.xlf': 10 * MB,
};
const DEFAULT_LIMIT = 1 * MB;

/** Nothing read: the file's problem is on it, and it is marked so no stage works on its empty text. */
function unreadable(file: VFile, problem: Parameters<typeof error>[1]): VFile {
  error(file, problem);
  file.value = '';
  file.data.unreadable = true;
  return file;
}

/**
 * Read one text file of the project, `path` relative to `root`: undefined if there is none.
 * Its real path must stay in the project; it must be UTF-8 (a BOM is dropped) and within the
 * size limit; line endings become LF so every position is the line and column an editor shows.
 * A file that breaks a rule comes back empty with the problem on it, so the rest is still checked.
 */
export async function readProjectText(root: string, path: string, data: Data = {}): Promise<VFile | undefined> {
  const absolute = join(root, path);
  const found = await locate(root, absolute);
  if (found.kind === 'missing') return undefined;
  const file = new VFile({ path: absolute, cwd: root, value: '', data });
  if (found.kind === 'refused') return unreadable(file, found.refusal);
  if (found.kind === 'folder')
    return unreadable(file, {
      reason: `${shownPath(root, absolute)} is a folder, not a file`,
      rule: 'not-a-file',
      hint: 'Rename the folder, or put the file here.',
    });
  return readFound(file, found.real);
}

/** Read a file that `listProjectFiles` found (its real path is inside the project); reported as at `path`. */
export async function readListedText(root: string, path: string, real: string, data: Data = {}): Promise<VFile> {
  return readFound(new VFile({ path, cwd: root, value: '', data }), real);
}

/** A file for a link briefkit refuses, carrying the reason, reported at the link. */
export function refusedFile(root: string, path: string, refusal: Refusal): VFile {
  return unreadable(new VFile({ path, cwd: root, value: '', data: {} }), refusal);
}

async function readFound(file: VFile, real: string): Promise<VFile> {
  const result = await readBytes(real, SIZE_LIMITS[extname(file.path).toLowerCase()] ?? DEFAULT_LIMIT, file);
  if ('problem' in result) return unreadable(file, result.problem);
  const text = normaliseLineEndings(result.text);
  reportControlCharacters(file, text);
  file.value = replaceControlCharacters(text);
  return file;
}

/** Places shown one by one; past them, one message says how many more there are. */
const SHOWN_CONTROLS = 10;

/** A warning at each invisible control character of a text file (issue 27), which is then replaced. */
function reportControlCharacters(file: VFile, text: string): void {
  const found = controlCharacters(text);
  const placeOf = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    return { start: { line, column }, end: { line, column: column + 1 } };
  };
  for (const { char, offset } of found.slice(0, SHOWN_CONTROLS)) warn(file, { ...controlCharacterProblem([char]), place: placeOf(offset) });
  const rest = found.slice(SHOWN_CONTROLS);
  if (rest.length > 0) {
    warn(file, {
      ...controlCharacterProblem(rest.map(({ char }) => char)),
      reason: `${rest.length} more invisible control characters replaced by "\uFFFD"`,
      place: placeOf(rest[0]!.offset),
    });
  }
}

/**
 * The decoded text of a real path, read through one handle that does not follow a link
 * (so a link swapped in after the check is not read) and never more than `limit` bytes.
 * Synchronous: a project's files are small and many, and four round trips to the thread pool
 * for each (open, stat, read, close) took several times as long as the reads themselves.
 */
export async function readBytes(real: string, limit: number, file: VFile): Promise<Decoded> {
  const where = { line: 1, column: 1 };
  let handle: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below).
    handle = openSync(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (reason) {
    return { problem: cannotRead(file, reason as NodeJS.ErrnoException) };
  }
  try {
    const stats = fstatSync(handle);
    if (!stats.isFile())
      return {
        problem: {
          reason: `${shownPath(file.cwd, file.path)} is not a regular file`,
          rule: 'not-a-file',
          place: where,
          hint: 'Replace it by an ordinary file.',
        },
      };
    if (stats.size > limit) {
      return {
        problem: {
          reason: `This file is ${(stats.size / MB).toFixed(1)} MB; briefkit reads ${extname(file.path) || 'such'} files up to ${limit / MB} MB`,
          rule: 'file-too-big',
          place: where,
          hint: 'Split it into smaller files (one page each), or check that it is the file you meant: a text file this big is usually an export or a log.',
        },
      };
    }
    const bytes = new Uint8Array(stats.size);
    let filled = 0;
    while (filled < bytes.length) {
      const bytesRead = readSync(handle, bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return decodeText(bytes.subarray(0, filled));
  } catch (reason) {
    return { problem: cannotRead(file, reason as NodeJS.ErrnoException) };
  } finally {
    closeSync(handle);
  }
}

function cannotRead(file: VFile, reason: NodeJS.ErrnoException): { reason: string; rule: string; hint: string } {
  const what =
    reason.code === 'EACCES' || reason.code === 'EPERM'
      ? 'permission denied'
      : reason.code === 'ELOOP'
        ? 'it became a symbolic link while briefkit was reading'
        : (reason.code ?? reason.message);
  return {
    reason: `${shownPath(file.cwd, file.path)} cannot be read (${what})`,
    rule: 'read-failed',
    hint: 'Check that the file exists and that you may read it.',
  };
}
