import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import { CONTINUE, EXIT, visit } from './visit.js';
import { VFile } from 'vfile';
import { guardParser } from './guard-parser.js';
import { remarkContainerDirectives } from './remark-container-directives.js';
import { remarkGfmWithoutAutolinks } from './remark-gfm-without-autolinks.js';
import { remarkVariableSyntax } from './remark-variable-syntax.js';

/**
 * The one Markdown parser configuration: CommonMark + GFM + `:::` blocks + `{{variables}}`,
 * with the limits checked before micromark reads the text (guard-parser). The site's
 * processor starts from it, and so do translation tracking and `i18n new`, so every part of
 * briefkit sees the same tree (and the same heading ids) for the same text.
 */
export function createParser(gfm: typeof remarkGfm | typeof remarkGfmWithoutAutolinks = remarkGfm) {
  return unified().use(remarkParse).use(gfm).use(remarkContainerDirectives).use(remarkVariableSyntax).use(guardParser);
}

const parser = createParser().freeze();
// The same without GFM autolink literals: see parseMarkdown.
const quickParser = createParser(remarkGfmWithoutAutolinks).freeze();

/** Text where GFM could find a literal link (`://`, `www.`, an `@`), or whose source has what could hide one (`&`, `\`). */
const MAYBE_LINK = /:\/\/|www\.|@/i;
const MAYBE_HIDDEN = /[&\\]/;

/**
 * Parse Markdown into mdast with {@link createParser}'s configuration. Problems the limits
 * find go to the file when a VFile is given (to a throwaway one for a string).
 *
 * Most pages have no autolink literal, and looking for them is nearly half of GFM's parsing
 * time: a page is parsed without them first, and again with full GFM only when a text node
 * could hold one (or the source has an entity or escape that could hide one). The tree is
 * the same either way, positions included (test/markdown/parse-shortcut.test.ts).
 */
export function parseMarkdown(document: string | VFile): Root {
  const source = String(typeof document === 'string' ? document : document.value);
  if (MAYBE_HIDDEN.test(source)) return parser.parse(document);
  const tree = quickParser.parse(document);
  let maybe = false;
  visit(tree, 'text', (node) => {
    if (!MAYBE_LINK.test(node.value)) return CONTINUE;
    maybe = true;
    return EXIT;
  });
  // The limits were checked (and reported) by the first parse: the second reports to a copy.
  return maybe ? parser.parse(typeof document === 'string' ? document : new VFile({ path: document.path, value: document.value })) : tree;
}
