import type { RootContent } from 'hast';

/** Whether a node of a section shows something (an element, or text that is not only white space): a section of blank lines is empty. */
export function hasContent(node: RootContent): boolean {
  return node.type === 'element' || (node.type === 'text' && node.value.trim() !== '');
}
