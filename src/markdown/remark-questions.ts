import { visit } from './visit.js';
import type { Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { error } from '../messages.js';

/** The block that asks the reader a question: `:::question[The question?]`, its text the answer. */
export const QUESTION_BLOCK = 'question';

/**
 * Turn `:::question[What does naloxone do?]` … `:::` into a self-check: the question, then
 * its answer in a `<details>` the reader opens (no script needed). The facilitator's PDF
 * shows the answers and the participant's leaves them out (content-types/training).
 */
export function remarkQuestions() {
  return (tree: Root, file: VFile) => {
    const labels = file.data.context!.labels;
    visit(tree, 'containerDirective', (node) => {
      if (node.name !== QUESTION_BLOCK) return;
      const first = node.children[0];
      const label = first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
      if (!label) {
        error(file, {
          reason: 'A question block has no question',
          rule: 'question-missing',
          place: node.position,
          hint:
            'Write the question in brackets after the name, and the answer inside the block:\n  :::question[What does naloxone do?]\n  It reverses ' +
            'an opioid overdose for a while.\n  :::',
        });
      }
      const answer = (label ? node.children.slice(1) : node.children) as RootContent[];
      const question: Paragraph = {
        type: 'paragraph',
        position: label?.position,
        data: { hProperties: { className: ['self-check-question'] } },
        children: label ? label.children : [{ type: 'text', value: labels.question }],
      };
      const summary: Paragraph = { type: 'paragraph', data: { hName: 'summary' }, children: [{ type: 'text', value: labels.showAnswer }] };
      const details = {
        type: 'paragraph',
        data: { hName: 'details', hProperties: { className: ['self-check-answer'] } },
        children: [summary, ...answer],
      } as unknown as Paragraph;
      node.children = answer.length > 0 ? [question, details] : [question];
      node.data = { hName: 'div', hProperties: { className: ['self-check'], role: 'group', ariaLabel: labels.question } };
    });
  };
}
