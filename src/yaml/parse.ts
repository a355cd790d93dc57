import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { VFile } from 'vfile';
import { error, warn } from '../messages.js';
import { controlCharacterProblem, controlCharacters, replaceControlCharacters } from '../text/control-characters.js';
import type { Place } from '../model/place.js';
import type { YamlSource } from '../model/yaml-source.js';
import type { YamlMemo } from './yaml-memo.js';

/**
 * Parse YAML that starts at `offset` in `file` (0 for a whole file; after the `---` line for
 * front matter). Syntax errors are reported on the file at their line and column; the data of a
 * document with errors is `undefined`. With a `memo`, text that parsed without a problem
 * before gives its data at once, and is parsed again only when a position is asked for.
 */
export function parseYaml(file: VFile, text: string, offset = 0, memo?: YamlMemo): YamlSource {
  const known = memo?.recall(text);
  if (known !== undefined) return recalled(file, text, offset, known);
  const problems = file.messages.length;
  const source = parsed(file, text, offset);
  if (memo && file.messages.length === problems && source.data !== undefined) memo.keep(text, source.data);
  return source;
}

/** YAML text whose data is known (it parsed without a problem before): parsed again, on a file of its own, only if a position is asked for. */
function recalled(file: VFile, text: string, offset: number, data: unknown): YamlSource {
  let source: YamlSource | undefined;
  const again = () => (source ??= parsed(new VFile({ path: file.path, cwd: file.cwd, value: String(file.value) }), text, offset));
  return {
    data,
    recovered: data,
    placeOf: (path, part) => again().placeOf(path, part),
    sourceOf: (path) => again().sourceOf(path),
  };
}

function parsed(file: VFile, text: string, offset: number): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
  });
  const fileLines = new LineCounter();
  const whole = String(file.value);
  // Index every line start of the file once, so offsets in the YAML map to file lines.
  fileLines.addNewLine(0);
  for (let index = whole.indexOf('\n'); index !== -1; index = whole.indexOf('\n', index + 1)) {
    fileLines.addNewLine(index + 1);
  }
  const point = (at: number) => {
    const { line, col } = fileLines.linePos(at + offset);
    return { line, column: col, offset: at + offset };
  };
  const placeAt = (range: readonly [number, number] | undefined): Place => (range ? { start: point(range[0]), end: point(range[1]) } : { start: point(0) });

  for (const problem of doc.errors) {
    error(file, {
      reason: `YAML syntax: ${firstLine(problem.message)}`,
      rule: 'yaml-syntax',
      place: placeAt(problem.pos),
      hint: yamlHint(problem.code),
    });
  }

  refuseProtoKeys(file, doc, placeAt);
  replaceEscapedControls(file, doc, placeAt);
  // Aliases can expand without bound ("billion laughs"); toJS refuses past this count.
  const data = doc.errors.length > 0 ? undefined : toJS(file, doc, placeAt);
  return {
    data,
    recovered: data ?? recover(doc),
    placeOf(path, part = 'value') {
      const found = locate(doc, path, part);
      return placeAt(found);
    },
    sourceOf(path) {
      const node = doc.getIn(path as unknown[], true) as YamlNode | undefined;
      if (!node || !isScalar(node) || !node.range) return undefined;
      return text.slice(node.range[0], node.range[1]).trim();
    },
  };
}

function locate(doc: Document, path: readonly PropertyKey[], part: 'key' | 'value'): [number, number] | undefined {
  let node: unknown = doc.contents;
  let best: [number, number] | undefined = rangeOf(node);
  for (const [index, key] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) return best;
      if (last && part === 'key') return rangeOf(pair.key) ?? best;
      node = pair.value;
      best = rangeOf(node) ?? rangeOf(pair.key) ?? best;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      best = rangeOf(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function rangeOf(node: unknown): [number, number] | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range ? [range[0], range[1]] : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Each key may appear once; remove or rename the second one.';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return 'Check the indentation: nested items use the same number of spaces, and no tabs.';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return 'A value that contains ": " must be quoted, e.g. title: "Naloxone: the basics".';
    default:
      return 'Values that contain ": " or start with [, {, *, & or # need quotes.';
  }
}

/**
 * A `__proto__:` key would become the prototype of the object it is read into (by zod's copy
 * of unknown keys, or any `obj[key] = value`), making inherited values nobody validated.
 * It is reported at the key and left out, everywhere YAML is read.
 */
function refuseProtoKeys(file: VFile, doc: Document, placeAt: (range: [number, number] | undefined) => Place): void {
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.value !== '__proto__') return undefined;
      error(file, {
        reason: '"__proto__" cannot be used as a key',
        rule: 'invalid-key',
        place: placeAt(rangeOf(pair.key)),
        hint: 'Remove this line (and what is nested under it), or rename the key.',
      });
      return visit.REMOVE;
    },
  });
}

/**
 * Control characters written as escapes in a quoted string ("\\x1b", "\\u202e") reach titles,
 * PDF metadata and terminals like typed ones (issue 27; typed ones are replaced when the file
 * is read): a warning at the value, and the same replacement.
 */
function replaceEscapedControls(file: VFile, doc: Document, placeAt: (range: [number, number] | undefined) => Place): void {
  visit(doc, {
    Scalar(_, scalar) {
      if (typeof scalar.value !== 'string') return;
      const found = controlCharacters(scalar.value);
      if (found.length === 0) return;
      warn(file, { ...controlCharacterProblem(found.map(({ char }) => char)), place: placeAt(rangeOf(scalar)) });
      scalar.value = replaceControlCharacters(scalar.value);
    },
  });
}

function recover(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    return undefined;
  }
}

function toJS(file: VFile, doc: Document, placeAt: (range: [number, number] | undefined) => Place): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (reason) {
    error(file, {
      reason: `YAML: ${(reason as Error).message}`,
      rule: 'yaml-syntax',
      place: placeAt(rangeOf(doc.contents)),
    });
    return undefined;
  }
}
