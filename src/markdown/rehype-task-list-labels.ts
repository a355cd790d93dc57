import { visit } from './visit.js';
import type { Element, ElementContent, Root } from 'hast';

const BLOCK = new Set(['p', 'ul', 'ol', 'div', 'blockquote', 'pre', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Give each task-list checkbox (`- [x] Done`) its text as a label, so screen readers say
 * what is done: the checkbox and the text after it, up to any nested block, go in a `<label>`.
 */
export function rehypeTaskListLabels() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const index = node.children.findIndex((child) => child.type === 'element' && child.tagName === 'input' && child.properties.type === 'checkbox');
      if (index === -1 || (node.tagName !== 'li' && node.tagName !== 'p')) return;
      let end = index + 1;
      while (end < node.children.length && !isBlock(node.children[end]!)) end++;
      const label: Element = { type: 'element', tagName: 'label', properties: {}, children: node.children.slice(index, end) };
      node.children.splice(index, end - index, label);
    });
  };
}

function isBlock(node: ElementContent): boolean {
  return node.type === 'element' && BLOCK.has(node.tagName);
}
