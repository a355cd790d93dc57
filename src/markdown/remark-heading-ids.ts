import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import { headingIds, stripExplicitId } from './heading-ids.js';
import type { HeadingId, OutlineHeading } from './heading-ids.js';

/**
 * Give every heading its id (see heading-ids.ts: the same ids translation tracking and
 * `i18n new` use), decided before citations are numbered and variables filled in, so they
 * are the same in every edition. `## Контекст {#context}` names its own id, as in Pandoc and
 * Hugo; translations use it to keep the original's ids (or take them by place, when their
 * headings line up with the original's). Those are left in `file.data.explicitIds`; the
 * others, with where their heading starts, in `file.data.generatedIds` (rehype-headings
 * renames one that raw HTML or a footnote also uses).
 */
export function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const explicit = (file.data.explicitIds = new Set<string>());
    const generated = (file.data.generatedIds = new Map<string, number | undefined>());
    const outline = file.data.context?.outline;
    const ids = headingIds(tree, outline);
    for (const { node, id, explicit: written } of ids) {
      if (written) {
        explicit.add(id);
        stripExplicitId(node);
      } else {
        generated.set(id, node.position?.start.offset);
      }
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    }
    if (outline) warnUnmatched(file, ids, outline);
  };
}

/**
 * A translation whose headings neither carry the original's `{#id}` nor line up with the
 * original's gets ids in its own language: links to the original's sections do not reach it,
 * and it cannot fall back to the original section by section. Say so, at its first heading
 * whose id the original does not have (issue 26).
 */
function warnUnmatched(file: VFile, ids: readonly HeadingId[], outline: readonly OutlineHeading[]): void {
  if (ids.length === 0 || outline.length === 0 || ids.some((heading) => heading.explicit)) return;
  const known = new Set(outline.map((heading) => heading.id));
  const first = ids.findIndex((heading) => !known.has(heading.id));
  if (first === -1) return;
  const heading = ids[first]!;
  const suggestion = outline[first]?.id ?? outline[0]?.id;
  warn(file, {
    reason:
      `This translation's headings have no {#id} and do not line up with the original's ` +
      `(${ids.length} ${ids.length === 1 ? 'heading' : 'headings'} against ${outline.length}), so this one gets the id "${heading.id}": links to the ` +
      `original's sections${suggestion ? ` (such as #${suggestion})` : ''} do not reach it, and untranslated sections cannot show the original`,
    rule: 'translation-heading-id',
    place: heading.node.position,
    hint:
      `After each heading, write the {#id} of the original heading it translates${suggestion ? `, e.g. {#${suggestion}}` : ''}. The original's ` +
      `ids: ${outline.map((item) => `#${item.id}`).join(', ')}.`,
  });
}
