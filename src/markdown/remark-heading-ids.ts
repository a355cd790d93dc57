import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';

const EXPLICIT_ID = /[ \t]*\{#([\p{L}\p{N}_-]+)\}[ \t]*$/u;

/**
 * `## Контекст {#context}`: a heading may name its own id, as in Pandoc and Hugo. Translations
 * use it to keep the original's ids, so links and sections match across languages. The ids
 * written this way are left in `file.data.explicitIds`.
 */
export function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    const explicit = (file.data.explicitIds = new Set<string>());
    visit(tree, 'heading', (node) => {
      const last = node.children.at(-1);
      if (last?.type !== 'text') return;
      const match = EXPLICIT_ID.exec(last.value);
      if (!match) return;
      last.value = last.value.slice(0, match.index);
      if (last.value === '') node.children.pop();
      const id = match[1]!;
      explicit.add(id);
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } };
    });
  };
}

/** A heading's text without a trailing `{#id}`, and that id if there is one. */
export function splitExplicitId(text: string): { text: string; id: string | undefined } {
  const match = EXPLICIT_ID.exec(text);
  return match ? { text: text.slice(0, match.index), id: match[1] } : { text, id: undefined };
}
