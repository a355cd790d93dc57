import { raw } from 'hast-util-raw';
import { EXIT, visit } from './visit.js';
import type { Root } from 'hast';
import type { VFile } from 'vfile';

/**
 * Parse raw HTML into real elements (so it can be sanitised), but only on pages that have
 * raw HTML. Re-parsing a whole page costs time and, through the HTML parser's rules, drops
 * the first blank line of a code block (rehypejs/rehype-raw, vivliostyle/vfm#79).
 */
export function rehypeRawWhenPresent() {
  return (tree: Root, file: VFile): Root => {
    let found = false;
    visit(tree, 'raw', () => {
      found = true;
      return EXIT;
    });
    return found ? (raw(tree, { file }) as Root) : tree;
  };
}
