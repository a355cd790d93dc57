import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { guardParser } from './guard-parser.js';
import { remarkContainerDirectives } from './remark-container-directives.js';
import { remarkVariableSyntax } from './remark-variable-syntax.js';

/**
 * The one Markdown parser configuration: CommonMark + GFM + `:::` blocks + `{{variables}}`,
 * with the limits checked before micromark reads the text (guard-parser). The site's
 * processor starts from it, and so do translation tracking and `i18n new`, so every part of
 * briefkit sees the same tree (and the same heading ids) for the same text.
 */
export function createParser() {
  return unified().use(remarkParse).use(remarkGfm).use(remarkContainerDirectives).use(remarkVariableSyntax).use(guardParser);
}

const parser = createParser().freeze();

/**
 * Parse Markdown into mdast with {@link createParser}'s configuration. Problems the limits
 * find go to the file when a VFile is given (to a throwaway one for a string).
 */
export function parseMarkdown(document: string | VFile): Root {
  return parser.parse(document);
}
