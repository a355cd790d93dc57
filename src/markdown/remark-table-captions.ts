import type { Paragraph, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';

/** `Table: What it shows`, the same with "Table" in the page's language, or Pandoc's `: What it shows`. */
const caption = (label: string) => new RegExp(`^(?:Table|${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})?:[ \t]+`, 'i');

/**
 * A table's caption: a paragraph `Table: What the table shows` (or `: What the table shows`,
 * as Pandoc writes it) just above or below the table becomes its `<caption>`, which screen
 * readers announce with the table and the PDF prints above it. A table with none is
 * reported: a reader who cannot see it is told only "table".
 */
export function remarkTableCaptions() {
  return (tree: Root, file: VFile) => {
    visitParents(tree, file, caption(file.data.context!.labels.table));
  };
}

function visitParents(parent: Root | { children: Root['children'] }, file: VFile, pattern: RegExp): void {
  const children = parent.children;
  for (let index = 0; index < children.length; index++) {
    const node = children[index]!;
    if (node.type === 'table') {
      const before = captionAt(children[index - 1], pattern);
      // Below the table, unless it is the caption above the next one.
      const after = before || children[index + 2]?.type === 'table' ? undefined : captionAt(children[index + 1], pattern);
      const caption = before ?? after;
      if (caption) {
        caption.data = { ...caption.data, hName: 'caption' };
        // The caption goes before its table; rehype-wrap-tables puts it inside.
        if (after) {
          children.splice(index + 1, 1);
          children.splice(index, 0, after);
          index++;
        }
      } else if (node.children.length > 0) {
        // (A table refused as too big has no rows left, and has been reported.)
        warn(file, {
          reason: 'This table has no caption: a screen reader announces it only as "table"',
          rule: 'table-caption-missing',
          place: node.position,
          hint:
            'Write what it shows on a line of its own just above it, with a blank line between:\n  Table: Naloxone kits handed out by peers, ' +
            '2019–2023\n\n  | Year | Kits |',
        });
      }
      continue;
    }
    if ('children' in node && Array.isArray(node.children) && node.type !== 'paragraph' && node.type !== 'heading')
      visitParents(node as { children: Root['children'] }, file, pattern);
  }
}

/** The paragraph as a caption, its `Table:` taken off, if it is one. */
function captionAt(node: Root['children'][number] | undefined, pattern: RegExp): Paragraph | undefined {
  if (node?.type !== 'paragraph') return undefined;
  if (node.data?.hName === 'caption') return node;
  const first = node.children[0];
  if (first?.type !== 'text' || !pattern.test(first.value)) return undefined;
  (first as Text).value = first.value.replace(pattern, '');
  return node;
}
