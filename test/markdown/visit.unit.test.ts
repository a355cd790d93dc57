import { describe, expect, it } from 'vitest';
import type { Node, Parent } from 'unist';
import { CONTINUE, EXIT, SKIP, visit as libraryVisit } from 'unist-util-visit';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { visit } from '../../src/markdown/visit.js';

const SOURCE = `# Title

Some *emphasis* and **strong** text with a [link](a.md).

- one
- two *nested*
  - deeper

| a | b |
|---|---|
| *c* | d |

> quote with \`code\`
`;

type Visitor = (node: Node, index: number | undefined, parent: Parent | undefined) => unknown;

/** Every call the visitor gets, as "type@index<parent", from either implementation. */
function calls(implementation: typeof libraryVisit, test: unknown, decide: Visitor = () => CONTINUE, reverse?: boolean): string[] {
  const seen: string[] = [];
  const tree = parseMarkdown(SOURCE);
  const visitor: Visitor = (node, index, parent) => {
    seen.push(`${node.type}@${index}<${parent?.type ?? ''}`);
    return decide(node, index, parent);
  };
  const call = implementation as unknown as (...args: unknown[]) => void;
  if (test === undefined) call(tree, visitor, reverse);
  else call(tree, test, visitor, reverse);
  return seen;
}

describe('visit (the fast walker)', () => {
  it('visits the same nodes in the same order as unist-util-visit, with and without a test, forwards and in reverse', () => {
    for (const test of [undefined, 'text', ['emphasis', 'strong'], (node: Node) => node.type === 'listItem', { type: 'heading' }]) {
      for (const reverse of [false, true]) {
        const expected = calls(libraryVisit, test, undefined, reverse);
        expect(expected.length).toBeGreaterThan(0);
        expect(calls(visit, test, undefined, reverse)).toEqual(expected);
      }
    }
  });

  it('honours SKIP, EXIT and a returned index as unist-util-visit does', () => {
    const skipLists: Visitor = (node) => (node.type === 'list' ? SKIP : CONTINUE);
    expect(calls(visit, undefined, skipLists)).toEqual(calls(libraryVisit, undefined, skipLists));
    expect(calls(visit, undefined, skipLists)).not.toContain('listItem@0<list');
    const exitAtTable: Visitor = (node) => (node.type === 'table' ? EXIT : CONTINUE);
    expect(calls(visit, undefined, exitAtTable)).toEqual(calls(libraryVisit, undefined, exitAtTable));
    expect(calls(visit, undefined, exitAtTable).at(-1)).toBe('table@3<root');
    // Removing a node and going on at its index, as plugins that unwrap nodes do.
    const unwrap: Visitor = (node, index, parent) => {
      if (node.type !== 'emphasis' || !parent || index === undefined) return CONTINUE;
      parent.children.splice(index, 1, ...(node as Parent).children);
      return index;
    };
    expect(calls(visit, undefined, unwrap)).toEqual(calls(libraryVisit, undefined, unwrap));
  });
});
