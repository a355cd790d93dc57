import { visit, SKIP } from './visit.js';
import type { PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import { closest } from '../text/closest.js';
import { placeInNode } from './source-place.js';

const CITATION = /\[(@[^\]\s;]+(?:\s*;\s*@[^\]\s;]+)*)\]/g;

/**
 * Turn `[@key]` and `[@a; @b]` into numbered links to the page's reference list.
 * Numbers follow the order of first citation on the page; the keys are left in
 * `file.data.citations`. A key missing from `references.yaml` is an error at its position.
 */
export function remarkCitations() {
  return (tree: Root, file: VFile) => {
    const { citationKeys } = file.data.context!;
    const order: string[] = (file.data.citations = []);
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('[@')) return;
      const replacement: PhrasingContent[] = [];
      let last = 0;
      let searchFrom = 0;
      for (const match of node.value.matchAll(CITATION)) {
        const start = match.index;
        if (start > last) replacement.push(textNode(node.value.slice(last, start)));
        const place = placeInNode(file, node, match[0], searchFrom);
        searchFrom = place?.end?.offset !== undefined && node.position ? place.end.offset - node.position.start.offset! : searchFrom;
        const keys = match[1]!.split(';').map((key) => key.trim().slice(1));
        const numbers: PhrasingContent[] = [];
        for (const key of keys) {
          if (!citationKeys.has(key)) {
            const suggestion = closest(key, citationKeys);
            error(file, {
              reason: `Unknown citation key "@${key}"`,
              rule: 'citation-unknown',
              place,
              hint: suggestion
                ? `Did you mean "@${suggestion}"?`
                : 'Add an entry with this id to briefings/references.yaml.',
            });
            continue;
          }
          if (!order.includes(key)) order.push(key);
          if (numbers.length > 0) numbers.push(textNode(', '));
          numbers.push({
            type: 'link',
            url: `#ref-${key}`,
            data: { hProperties: { className: ['citation'] } },
            children: [textNode(String(order.indexOf(key) + 1))],
          });
        }
        if (numbers.length > 0) replacement.push(textNode('['), ...numbers, textNode(']'));
        last = start + match[0].length;
      }
      if (last === 0) return;
      if (last < node.value.length) replacement.push(textNode(node.value.slice(last)));
      parent.children.splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}

function textNode(value: string): Text {
  return { type: 'text', value };
}

