import { Document, isMap, isPair, isScalar, parseDocument } from 'yaml';

const BOM = '\uFEFF';
const FRONT_MATTER = /^---[ \t]*(\r\n|\r|\n)([\s\S]*?)^---[ \t]*(?:\r\n|\r|\n|$)/m;

/**
 * Set keys in a Markdown file's YAML front matter, changing only those keys' lines: the rest
 * of the file (comments, folded and literal blocks, quoting, line endings, a BOM) stays byte
 * for byte as it was. Adds front matter if the file has none. `flow` keys are written on one
 * line (`{a: 1, b: 2}`).
 */
export function setFrontMatter(text: string, values: Record<string, unknown>, flow: readonly string[] = []): string {
  const bom = text.startsWith(BOM) ? BOM : '';
  const body = text.slice(bom.length);
  // A file saved on Windows keeps its CRLF (and a mixed one its first line ending).
  const eol = /\r\n|\r|\n/.exec(body)?.[0] ?? '\n';
  const match = FRONT_MATTER.exec(body);
  if (!match || match.index !== 0) return bom + `---\n${serialise(values, flow)}---\n`.replace(/\n/g, eol) + body;
  const inside = match[2]!;
  const start = match[0].indexOf(match[1]!) + match[1]!.length;
  const edited = editBlock(inside, values, flow, eol);
  return bom + body.slice(0, start) + edited + body.slice(start + inside.length);
}

/** The YAML between the `---` lines with `values` set, or rewritten whole when it is not a plain block mapping. */
function editBlock(inside: string, values: Record<string, unknown>, flow: readonly string[], eol: string): string {
  // The yaml package does not break lines at a lone CR (old Mac files); as LF, offsets stay the same.
  const doc = parseDocument(inside.replace(/\r(?!\n)/g, '\n'));
  const map = doc.contents;
  if (doc.errors.length > 0 || !isMap(map) || map.flow) return rewrite(parseDocument(inside.replace(/\r\n?/g, '\n')), values, flow, eol);
  const pairs = map.items.flatMap((pair) =>
    isPair(pair) && isScalar(pair.key) && pair.key.range ? [{ key: pair.key.value, range: pair.key.range, value: pair.value }] : [],
  );
  const indent = pairs[0] ? /[ \t]*$/.exec(inside.slice(0, pairs[0].range[0]))![0] : '';
  if (!/^[ ]*$/.test(indent)) return rewrite(parseDocument(inside.replace(/\r\n?/g, '\n')), values, flow, eol);
  // Replace from the last key up, so earlier offsets stay true.
  const edits: { from: number; to: number; text: string }[] = [];
  const added: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const pair = pairs.find((candidate) => candidate.key === key);
    if (!pair) {
      added[key] = value;
      continue;
    }
    let to = Math.max(pair.value?.range?.[1] ?? 0, pair.range[1]);
    while (to > pair.range[0] && /[\r\n]/.test(inside[to - 1]!)) to--;
    edits.push({ from: pair.range[0], to, text: indented(serialise({ [key]: value }, flow).replace(/\n$/, ''), indent, eol) });
  }
  let result = inside;
  for (const edit of edits.sort((one, other) => other.from - one.from)) result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
  if (Object.keys(added).length === 0) return result;
  const ending = result === '' || /[\r\n]$/.test(result) ? '' : eol;
  return result + ending + indented(serialise(added, flow), indent, eol);
}

/** `key: value` lines as the `yaml` package writes them (one line per flow key). */
function serialise(values: Record<string, unknown>, flow: readonly string[]): string {
  const doc = new Document({});
  for (const [key, value] of Object.entries(values)) doc.set(key, node(doc, key, value, flow));
  return doc.toString({ lineWidth: 0 });
}

function node(doc: Document, key: string, value: unknown, flow: readonly string[]) {
  const made = doc.createNode(value);
  if (flow.includes(key) && isMap(made)) made.flow = true;
  return made;
}

function indented(lines: string, indent: string, eol: string): string {
  return lines.replace(/\n(?=.)/g, `\n${indent}`).replace(/\n/g, eol);
}

/** Front matter that is not a block mapping (empty, comments only, flow style): written anew, its comments kept. */
function rewrite(doc: Document, values: Record<string, unknown>, flow: readonly string[], eol: string): string {
  if (!isMap(doc.contents)) {
    // Keep any comments of an otherwise empty block (a new translation's instructions).
    const comment = doc.commentBefore ?? doc.comment;
    Object.assign(doc, { contents: doc.createNode({}) });
    if (comment) doc.commentBefore = comment;
  }
  for (const [key, value] of Object.entries(values)) doc.set(key, node(doc, key, value, flow));
  return doc.toString({ lineWidth: 0 }).replace(/\n/g, eol);
}
