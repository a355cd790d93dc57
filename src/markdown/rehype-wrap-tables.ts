import { toString } from 'hast-util-to-string';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { visit, SKIP } from './visit.js';

/**
 * Put each table in a scrollable, keyboard-focusable region, so a wide table scrolls on a
 * phone instead of widening the page. A caption written above the table in Markdown
 * (remark-table-captions) goes inside it, and names the region; a table without one is
 * named by its first column headings rather than a bare "Table".
 */
export function rehypeWrapTables() {
  return (tree: Root, file: VFile) => {
    const label = file.data.context!.labels.table;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      const previous = previousElement(parent.children, index);
      if (previous && previous.node.tagName === 'caption' && !node.children.some((child) => child.type === 'element' && child.tagName === 'caption')) {
        node.children.unshift(previous.node);
        parent.children.splice(previous.index, index - previous.index);
        index = previous.index;
      }
      const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
      const headings = caption ? '' : firstHeadings(node);
      parent.children[index] = {
        type: 'element',
        // A labelled <section> is a region landmark: screen readers list it by its caption.
        tagName: 'section',
        properties: { className: ['table-wrap'], tabIndex: 0, ariaLabel: caption ? toString(caption).trim() : headings ? `${label}: ${headings}` : label },
        children: [node],
      };
      return SKIP;
    });
  };
}

/** The element before `index` among siblings, past white space. */
function previousElement(children: Root['children'], index: number): { node: Element; index: number } | undefined {
  for (let at = index - 1; at >= 0; at--) {
    const child = children[at]!;
    if (child.type === 'element') return { node: child, index: at };
    if (child.type !== 'text' || child.value.trim() !== '') return undefined;
  }
  return undefined;
}

/** "Year, Kits" from a table's header row. */
function firstHeadings(table: Element): string {
  let cells: string[] = [];
  visit(table, 'element', (node) => {
    if (cells.length > 0) return SKIP;
    if (node.tagName === 'tr') {
      cells = node.children.flatMap((cell) => (cell.type === 'element' && cell.tagName === 'th' ? [toString(cell).trim()] : [])).filter(Boolean);
      return SKIP;
    }
    return undefined;
  });
  return cells.slice(0, 3).join(', ');
}
