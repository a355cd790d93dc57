import { visit } from './visit.js';
import type { Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import { closest } from '../text/closest.js';
import { COUNTRY_BLOCKS } from './remark-country-blocks.js';
import { QUESTION_BLOCK } from './remark-questions.js';

/** The callout blocks an author can write, e.g. `:::warning` … `:::`. */
export const CALLOUTS = ['note', 'warning', 'key-points', 'safety'] as const;

/** Directive names handled elsewhere (remark-country-blocks, remark-questions), left alone here. */
const OTHER_DIRECTIVES = new Set<string>([...COUNTRY_BLOCKS, QUESTION_BLOCK]);

/**
 * Turn `:::note`, `:::warning`, `:::key-points` and `:::safety` blocks into labelled callouts
 * (`:::safety` holds facts that must be the same in every translation: facts/check-facts.ts)
 * (`<div class="callout callout-note" role="note">`); an optional `[label]` replaces the
 * default title. An unknown name is an error at its position.
 */
export function remarkCallouts() {
  return (tree: Root, file: VFile) => {
    const labels = file.data.context!.labels;
    const defaults: Record<string, string> = { note: labels.note, warning: labels.warning, 'key-points': labels.keyPoints, safety: labels.safety };
    visit(tree, 'containerDirective', (node) => {
      if (OTHER_DIRECTIVES.has(node.name)) return;
      const known = (CALLOUTS as readonly string[]).includes(node.name);
      if (!known) {
        const suggestion = closest(node.name, CALLOUTS);
        error(file, {
          reason: `Unknown block ":::${node.name}"`,
          rule: 'unknown-block',
          place: node.position,
          hint: suggestion
            ? `Did you mean ":::${suggestion}"?`
            : `Use one of: ${[...CALLOUTS, QUESTION_BLOCK, ...COUNTRY_BLOCKS].map((name) => `:::${name}`).join(', ')}.`,
        });
      }
      const first = node.children[0];
      const custom = first?.type === 'paragraph' && first.data?.directiveLabel ? first : undefined;
      if (custom) node.children.shift();
      const title: Paragraph = {
        type: 'paragraph',
        data: { hProperties: { className: ['callout-title'] } },
        children: custom ? custom.children : [{ type: 'text', value: defaults[node.name] ?? node.name }],
      };
      node.children.unshift(title);
      const kind = known ? node.name : 'note';
      node.data = { hName: 'div', hProperties: { className: ['callout', `callout-${kind}`], role: 'note' } };
    });
  };
}
