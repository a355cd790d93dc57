import { visit, SKIP } from './visit.js';
import type { PhrasingContent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import { closest } from '../text/closest.js';
import { CLUSTER, parseCluster } from './citation-syntax.js';
import { placeInNode } from './source-place.js';

/**
 * Turn citations in Pandoc's syntax (`[@key]`, `[@a; @b]`, `[see @key, p. 12]`, `[-@key]`)
 * into placeholders, `<span class="citation-cluster" data-cites="…">`, at the place they are
 * written: the page's style formats them once the page is whole (see finalize.ts), so the
 * same Markdown serves every style and language. The keys are left in `file.data.citations`,
 * in order of first citation. A key missing from the bibliography is an error at its position.
 */
export function remarkCitations() {
  return (tree: Root, file: VFile) => {
    const { citationKeys } = file.data.context!;
    const order: string[] = (file.data.citations = []);
    visit(tree, 'text', (node, index, parent) => {
      if (!parent || index === undefined || !node.value.includes('@')) return;
      const replacement: PhrasingContent[] = [];
      let last = 0;
      let searchFrom = 0;
      for (const match of node.value.matchAll(CLUSTER)) {
        const items = parseCluster(match[1]!);
        if (!items) continue;
        const start = match.index;
        if (start > last) replacement.push(textNode(node.value.slice(last, start)));
        const place = placeInNode(file, node, match[0], searchFrom);
        searchFrom = place?.end?.offset !== undefined && node.position ? place.end.offset - node.position.start.offset! : searchFrom;
        for (const item of items) {
          if (citationKeys.has(item.id)) {
            if (!order.includes(item.id)) order.push(item.id);
            continue;
          }
          const suggestion = closest(item.id, citationKeys);
          error(file, {
            reason: `Unknown citation key "@${item.id}"`,
            rule: 'citation-unknown',
            place,
            hint: suggestion
              ? `Did you mean "@${suggestion}"?`
              : 'Add an entry with this id to briefings/references.yaml (run "briefkit refs add <DOI ' +
                'or pmid:N>" to fetch one), or to a .bib, .ris or CSL-JSON file in briefings/.',
          });
        }
        replacement.push({
          type: 'emphasis',
          children: [textNode(match[0])],
          ...(place && 'start' in place && place.end ? { position: { start: place.start, end: place.end } } : {}),
          data: {
            hName: 'span',
            hProperties: { className: ['citation-cluster'], dataCites: JSON.stringify(items) },
            hChildren: [{ type: 'text', value: match[0] }],
          },
        });
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
