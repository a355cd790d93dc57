import type { Root } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import { LIMITS } from './limits.js';

type Parse = (document: string, file: VFile) => Root;

/**
 * Check a file's text before the Markdown parser sees it, and blank out (spaces, newlines
 * kept, so every other position stays true) the lines or paragraphs that go over a limit:
 * micromark's work grows faster than the text on deep nesting and on long runs of emphasis
 * markers or brackets, so they must be stopped before parsing, not after.
 */
export function guardParser(this: Processor): void {
  const self = this as unknown as { parser: Parse };
  const parse = self.parser;
  self.parser = (document, file) => parse(guardSource(document, file), file);
}

const LINE = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
const FENCE = /^(`{3,}|~{3,})/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const HTML_TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)(?:[^<>]*?(\/)>)?/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-*:?[ \t]*)*\|?[ \t]*$/;

/** The text with what goes over a limit blanked, each reported as an error on the file. */
export function guardSource(text: string, file: VFile): string {
  const blank: [number, number][] = [];
  let fence: string | undefined;
  let block: { start: number; line: number; runs: number; brackets: number; table: boolean; lines: number; reported: boolean } | undefined;
  let lineNumber = 0;
  let openHtml = 0;
  let containers = 0;
  let previous: Previous | undefined;
  for (const match of text.matchAll(LINE)) {
    if (match[0] === '' && match.index === text.length) break;
    lineNumber++;
    const start = match.index;
    const line = match[0].replace(/[\r\n]+$/, '');
    const prefix = containerPrefix(line);
    // Blank lines (and front matter, which is masked with spaces) nest nothing.
    if (line.trim() !== '' && !THEMATIC_BREAK.test(line) && (prefix.markers > LIMITS.nesting || prefix.columns > LIMITS.indent)) {
      error(file, {
        reason:
          `This line nests ${prefix.markers > LIMITS.nesting ? `${prefix.markers} lists or quotes` : `${prefix.columns} columns deep`}: briefkit's ` +
          `limit is ${prefix.markers > LIMITS.nesting ? LIMITS.nesting : `${LIMITS.indent} columns`}`,
        rule: 'markdown-nesting',
        place: { start: { line: lineNumber, column: 1 }, end: { line: lineNumber, column: line.length + 1 } },
        hint: 'Flatten the lists or quotes: readers cannot follow more than a few levels either.',
      });
      blank.push([start, start + line.length]);
      continue;
    }
    // Each list or quote the parser opens costs time in proportion to all it has read so far.
    const opens = !fence && opensContainer(line, prefix, previous);
    previous = line.trim() === '' ? previous && { ...previous, blank: true } : { prefix, indented: /^[ \t]{2}/.test(line), blank: false };
    // Past the limit, every list or quote line is blanked (reported once): the rest is not parsed as such.
    if ((opens && ++containers > LIMITS.containers) || (containers > LIMITS.containers && prefix.markers > 0)) {
      if (containers === LIMITS.containers + 1) {
        error(file, {
          reason:
            `This file opens more than ${LIMITS.containers} lists or quotes (this is the first over the limit): too many for briefkit to read in ` +
            `reasonable time`,
          rule: 'markdown-runaway',
          place: { start: { line: lineNumber, column: 1 }, end: { line: lineNumber, column: line.length + 1 } },
          hint: 'Split the page into several pages, or join neighbouring lists and quotes.',
        });
      }
      blank.push([start, start + line.length]);
      continue;
    }
    const rest = line.slice(prefix.length);
    const fenceMark = FENCE.exec(rest.trimStart())?.[1];
    if (fence) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      continue;
    }
    // Only a fence outside lists and quotes surely runs to its closing fence: one inside may
    // end with its container, so its lines are counted like any other.
    if (fenceMark && prefix.length === 0 && /^ {0,3}[`~]/.test(line)) {
      fence = fenceMark;
      block = undefined;
      continue;
    }
    if (rest.trim() === '') {
      block = undefined;
      continue;
    }
    // A list item or heading starts a block of its own (a long tight list is many paragraphs).
    if (prefix.item || /^ {0,3}#{1,6}(?:[ \t]|$)/.test(rest)) block = undefined;
    if (!block) block = { start, line: lineNumber, runs: 0, brackets: 0, table: false, lines: 0, reported: false };
    block.lines++;
    // Raw HTML nests across paragraphs, so open elements are counted over the whole file.
    let deepest = openHtml;
    for (const tag of rest.matchAll(HTML_TAG)) {
      if (tag[1] === '/') openHtml = Math.max(0, openHtml - 1);
      else if (!tag[3] && !VOID.has(tag[2]!.toLowerCase())) deepest = Math.max(deepest, ++openHtml);
    }
    if (deepest > LIMITS.htmlDepth) {
      error(file, {
        reason: `More than ${LIMITS.htmlDepth} HTML elements are open here: briefkit's limit is ${LIMITS.htmlDepth}`,
        rule: 'markdown-nesting',
        place: { start: { line: lineNumber, column: 1 }, end: { line: lineNumber, column: line.length + 1 } },
        hint: 'Close the HTML elements (</div>) or write the content in Markdown.',
      });
      openHtml = 0;
      blank.push([start, start + line.length]);
      continue;
    }
    if (block.reported) {
      blank.push([start, start + line.length]);
      continue;
    }
    // In a table each row's cells are parsed on their own: count per row, not per table.
    if (block.lines === 2 && rest.includes('-') && TABLE_DELIMITER.test(rest.trim())) block.table = true;
    if (block.table) {
      block.runs = 0;
      block.brackets = 0;
    }
    block.runs += (rest.match(/\*+|_+|~+/g) ?? []).length;
    block.brackets += (rest.match(/\[/g) ?? []).length;
    if (!block.reported && (block.runs > LIMITS.delimiterRuns || block.brackets > LIMITS.brackets)) {
      const what =
        block.runs > LIMITS.delimiterRuns
          ? `${block.runs} runs of *, _ or ~ (limit ${LIMITS.delimiterRuns})`
          : `${block.brackets} "[" (limit ${LIMITS.brackets})`;
      const where = block.table ? { line: lineNumber, column: 1 } : { line: block.line, column: 1 };
      error(file, {
        reason: `This ${block.table ? 'table row' : 'paragraph'} has ${what}: too many for briefkit to read in reasonable time`,
        rule: 'markdown-runaway',
        place: where,
        hint: 'Split the paragraph, or write the characters as \\* \\_ \\[ if they are not emphasis or links.',
      });
      block.reported = !block.table;
      blank.push([block.table ? start : block.start, start + line.length]);
    }
  }
  if (blank.length === 0) return text;
  let out = '';
  let from = 0;
  for (const [start, end] of blank) {
    if (end <= from) continue;
    const begin = Math.max(start, from);
    out += text.slice(from, begin) + text.slice(begin, end).replace(/[^\r\n]/g, ' ');
    from = end;
  }
  return out + text.slice(from);
}

/** The container markers that start a line (see containerPrefix). */
interface Prefix {
  readonly markers: number;
  readonly columns: number;
  readonly length: number;
  /** A list item marker is among them. */
  readonly item: boolean;
  /** The first of them is a quote marker. */
  readonly quote: boolean;
}

/** The last non-blank line before this one, and whether blank lines came between. */
interface Previous {
  readonly prefix: Prefix;
  readonly indented: boolean;
  readonly blank: boolean;
}

/**
 * Whether a line opens a list or quote rather than continuing one: a quote after a line that
 * was not in a quote (or after a blank line, which ends one); a list after a paragraph or
 * heading; any list or quote inside another (`  - b`, `> > b`). Items of one list do not.
 */
function opensContainer(line: string, prefix: Prefix, previous: Previous | undefined): boolean {
  if (prefix.markers === 0) return false;
  if (prefix.markers >= 2 || (prefix.item && /^[ \t]{2}/.test(line))) return true;
  if (prefix.quote) return !previous || previous.blank || !previous.prefix.quote;
  return !previous || (previous.prefix.markers === 0 && !previous.indented);
}

/** How many quote and list markers open a line, how wide they and their indentation are, and where its text starts. */
function containerPrefix(line: string): Prefix {
  let at = 0;
  let column = 0;
  let markers = 0;
  let item = false;
  let quote = false;
  for (;;) {
    const char = line[at];
    if (char === ' ' || char === '\t') {
      column += char === '\t' ? 4 - (column % 4) : 1;
      at++;
      continue;
    }
    const next = line[at + 1];
    const spaceAfter = (offset: number) => line[at + offset] === undefined || line[at + offset] === ' ' || line[at + offset] === '\t';
    if (char === '>') {
      if (markers === 0) quote = true;
      markers++;
      at++;
      column++;
      continue;
    }
    if ((char === '-' || char === '*' || char === '+') && spaceAfter(1)) {
      markers++;
      item = true;
      at++;
      column++;
      continue;
    }
    const ordered = /^[0-9]{1,9}[.)]/.exec(line.slice(at, at + 10));
    if (ordered && next !== undefined && spaceAfter(ordered[0].length)) {
      markers++;
      item = true;
      at += ordered[0].length;
      column += ordered[0].length;
      continue;
    }
    return { markers, columns: column, length: at, item, quote };
  }
}
