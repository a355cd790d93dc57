import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { headingIds, stripExplicitId } from './heading-ids.js';

/**
 * Give every heading its id (see heading-ids.ts: the same ids translation tracking and
 * `i18n new` use), decided before citations are numbered and variables filled in, so they
 * are the same in every edition. `## Контекст {#context}` names its own id, as in Pandoc and
 * Hugo; translations use it to keep the original's ids. Those are left in
 * `file.data.explicitIds`; the others, with where their heading starts, in
 * `file.data.generatedIds` (rehype-headings renames one that raw HTML or a footnote also uses).
 */
export function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const explicit = (file.data.explicitIds = new Set<string>());
    const generated = (file.data.generatedIds = new Map<string, number | undefined>());
    for (const { node, id, explicit: written } of headingIds(tree)) {
      if (written) {
        explicit.add(id);
        stripExplicitId(node);
      } else {
        generated.set(id, node.position?.start.offset);
      }
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    }
  };
}
