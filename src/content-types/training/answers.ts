import type { Element, Root } from 'hast';
import { SKIP, visit } from '../../markdown/visit.js';

const isAnswer = (node: Element) =>
  node.tagName === 'details' && Array.isArray(node.properties.className) && node.properties.className.includes('self-check-answer');

/** The participant's copy: every self-check keeps its question and loses its answer. */
export function withoutAnswers(tree: Root): Root {
  visit(tree, 'element', (node, index, parent) => {
    if (!isAnswer(node) || !parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return tree;
}

/** The facilitator's copy: every answer open, under the word "Answer" rather than a button. */
export function withAnswers(answer: string) {
  return (tree: Root): Root => {
    visit(tree, 'element', (node) => {
      if (!isAnswer(node)) return;
      node.properties.open = true;
      const summary = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'summary');
      if (summary) summary.children = [{ type: 'text', value: answer }];
    });
    return tree;
  };
}
