import { visit, SKIP } from './visit.js';
import type { Root } from 'hast';
import type { VFile } from 'vfile';

/**
 * Put each table in a scrollable, keyboard-focusable region, so a wide table scrolls on a
 * phone instead of widening the page.
 */
export function rehypeWrapTables() {
  return (tree: Root, file: VFile) => {
    const label = file.data.context!.labels.table;
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-wrap'], role: 'region', tabIndex: 0, ariaLabel: label },
        children: [node],
      };
      return SKIP;
    });
  };
}
