import { isMap, parseDocument } from 'yaml';

/**
 * Set keys in a Markdown file's YAML front matter, keeping everything else as written
 * (comments, order, quoting of other keys). Adds front matter if the file has none.
 * `flow` keys are written on one line (`{a: 1, b: 2}`).
 */
export function setFrontMatter(text: string, values: Record<string, unknown>, flow: readonly string[] = []): string {
  // A file saved on Windows keeps its CRLF (and a mixed one its first line ending); the rest
  // of the file is left byte for byte as it was.
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const match = /^---[ \t]*(?:\r\n|\r|\n)([\s\S]*?)^---[ \t]*(\r\n|\r|\n|$)/m.exec(text);
  const inside = match && match.index === 0 ? match[1]!.replace(/\r\n?/g, '\n') : undefined;
  const doc = parseDocument(inside ?? '');
  if (!isMap(doc.contents)) {
    // Keep any comments of an otherwise empty block (a new translation's instructions).
    const comment = doc.commentBefore ?? doc.comment;
    Object.assign(doc, { contents: doc.createNode({}) });
    if (comment) doc.commentBefore = comment;
  }
  for (const [key, value] of Object.entries(values)) {
    const node = doc.createNode(value);
    if (flow.includes(key) && isMap(node)) node.flow = true;
    doc.set(key, node);
  }
  const yaml = doc.toString({ lineWidth: 0 });
  const rest = inside === undefined ? text : text.slice(match![0].length);
  return `---\n${yaml}---\n`.replace(/\n/g, eol) + rest;
}
