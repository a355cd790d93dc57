import type { Node, Parent } from 'unist';
import { convert } from 'unist-util-is';
import { CONTINUE, EXIT, SKIP, visit as libraryVisit } from 'unist-util-visit';

export { CONTINUE, EXIT, SKIP };

type Action = typeof CONTINUE | typeof EXIT | typeof SKIP | boolean;
type Result = readonly [Action?, number?];
type Check = (node: Node, index: number | undefined, parent: Parent | undefined) => boolean;
type Enter = (node: Node, index: number | undefined, parent: Parent | undefined) => unknown;

const EMPTY: Result = [];

/**
 * unist-util-visit's `visit`, with its types and behaviour (tests, SKIP, EXIT, returning the
 * next index, reverse order), without its per-node cost: the library makes a closure for
 * every node and renames it with `Object.defineProperty` for debugging, which was a fifth of
 * a build's Markdown time (issue 10's profile). Visitors given as `{ enter, exit }` go to the
 * library itself.
 */
export const visit = function visit(tree: Node, testOrVisitor: unknown, visitorOrReverse?: unknown, maybeReverse?: unknown): undefined {
  const withTest = typeof visitorOrReverse === 'function' || (visitorOrReverse !== null && typeof visitorOrReverse === 'object');
  const visitor = withTest ? visitorOrReverse : testOrVisitor;
  if (typeof visitor !== 'function') return (libraryVisit as (...args: unknown[]) => undefined)(tree, testOrVisitor, visitorOrReverse, maybeReverse);
  const check = (withTest ? convert(testOrVisitor as never) : undefined) as Check | undefined;
  const reverse = (withTest ? maybeReverse : visitorOrReverse) === true;
  walk(tree, undefined, undefined, check, visitor as Enter, reverse);
  return undefined;
} as typeof libraryVisit;

function walk(node: Node, index: number | undefined, parent: Parent | undefined, check: Check | undefined, enter: Enter, reverse: boolean): Result {
  let result = EMPTY;
  if (!check || check(node, index, parent)) {
    result = toResult(enter(node, index, parent));
    if (result[0] === EXIT) return result;
  }
  const children = (node as Partial<Parent>).children;
  if (children && result[0] !== SKIP) {
    const step = reverse ? -1 : 1;
    let offset = reverse ? children.length - 1 : 0;
    while (offset > -1 && offset < children.length) {
      const sub = walk(children[offset]!, offset, node as Parent, check, enter, reverse);
      if (sub[0] === EXIT) return sub;
      offset = typeof sub[1] === 'number' ? sub[1] : offset + step;
    }
  }
  return result;
}

function toResult(value: unknown): Result {
  if (Array.isArray(value)) return value as unknown as Result;
  if (typeof value === 'number') return [CONTINUE, value];
  return value === null || value === undefined ? EMPTY : [value as Action];
}
