import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import { LIMITS } from './limits.js';

/**
 * Cut the branches of a tree (Markdown or HTML) that nest deeper than the limit, with an
 * error at the first place each is cut. Walks with its own stack: the tools after it
 * (remark-rehype, the sanitiser, hast-util-to-html, unist-util-visit) recurse, and a
 * tree thousands of levels deep would overflow theirs. Run once after parsing Markdown
 * and once after raw HTML becomes elements.
 */
export function cutDeepBranches(tree: Node, file: VFile): void {
  {
    const stack: [Node, number][] = [[tree, 0]];
    let reported = false;
    while (stack.length > 0) {
      const [node, depth] = stack.pop()!;
      if (!isParent(node)) continue;
      if (depth >= LIMITS.treeDepth && node.children.length > 0) {
        if (!reported) {
          error(file, {
            reason: `Content nested more than ${LIMITS.treeDepth} levels deep (lists, quotes, emphasis, links or HTML elements inside one another)`,
            rule: 'markdown-nesting',
            place: node.position ?? nearestPosition(node),
            hint: 'Flatten it: close the emphasis, lists or HTML elements sooner.',
          });
          reported = true;
        }
        node.children = [];
        continue;
      }
      for (const child of node.children) stack.push([child, depth + 1]);
    }
  }
}

/** {@link cutDeepBranches} on the Markdown tree, straight after parsing. */
export function remarkLimitDepth() {
  return cutDeepBranches;
}

/** {@link cutDeepBranches} on the HTML tree, once raw HTML has become elements. */
export function rehypeLimitDepth() {
  return cutDeepBranches;
}

/** Tables whose rows × columns would be too many cells to write (short rows are padded). */
export function limitTables() {
  return (tree: Node, file: VFile) => {
    const stack: Node[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!isParent(node)) continue;
      if (node.type === 'table') {
        const columns = Math.max(0, ...node.children.map((row) => (isParent(row) ? row.children.length : 0)));
        const cells = columns * node.children.length;
        if (columns > LIMITS.tableColumns || cells > LIMITS.tableCells) {
          error(file, {
            reason:
              columns > LIMITS.tableColumns
                ? `A table with ${columns} columns: briefkit's limit is ${LIMITS.tableColumns}`
                : `A table with ${cells} cells: briefkit's limit is ${LIMITS.tableCells}`,
            rule: 'markdown-table-size',
            place: node.position,
            hint: 'Split the table, or publish the data as a CSV file and link to it.',
          });
          node.children = [];
        }
        continue;
      }
      stack.push(...node.children);
    }
  };
}

function isParent(node: Node): node is Parent {
  return Array.isArray((node as Partial<Parent>).children);
}

function nearestPosition(node: Node): Node['position'] {
  let current: Node | undefined = node;
  while (current && !current.position && isParent(current)) current = current.children[0];
  return current?.position;
}
