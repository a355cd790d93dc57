import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import type { MarkdownLabels } from './context.js';
import { createParser } from './parse.js';
import { limitTables, rehypeLimitDepth, remarkLimitDepth } from './limit-tree.js';
import { rehypeHeadings } from './rehype-headings.js';
import { rehypeLocalLinks } from './rehype-local-links.js';
import { rehypeRawWhenPresent } from './rehype-raw-when-present.js';
import { rehypeReportUnsafe } from './rehype-report-unsafe.js';
import { rehypeTaskListLabels } from './rehype-task-list-labels.js';
import { rehypeWrapTables } from './rehype-wrap-tables.js';
import { remarkCallouts } from './remark-callouts.js';
import { remarkCitations } from './remark-citations.js';
import { remarkCountryBlocks } from './remark-country-blocks.js';
import { remarkHeadingIds } from './remark-heading-ids.js';
import { remarkPlaceholderHints } from './remark-placeholder-hints.js';
import { remarkQuestions } from './remark-questions.js';
import { remarkTableCaptions } from './remark-table-captions.js';
import { remarkVariables } from './remark-variables.js';
import { rehypeDropEmptyClasses, sanitizeSchema } from './sanitize-schema.js';

/**
 * The Markdown processor for one language: CommonMark + GFM + `:::` blocks + `{{variables}}`
 * (parse.ts), heading ids and `{#id}` (heading-ids.ts), citations, raw HTML sanitised, then
 * briefkit's own links and tables.
 * Structure is bounded (see limits.ts): nesting, emphasis runs, table size.
 * Create it once per language and reuse it for every file; per-file facts travel in
 * `file.data.context`, a plain-data `MarkdownContext` (see context.ts), rather than in
 * plugin options, which a frozen processor shares between files. Pages use `run` (Markdown → HTML tree) and `finalize`, so a tree can
 * be combined with another (a partial translation) before it is numbered and written out.
 */
export function createProcessor(labels: MarkdownLabels) {
  return (
    createParser()
      // Limits first: every plugin after them may assume a tree of sane depth and size.
      .use(remarkLimitDepth)
      .use(limitTables)
      .use(remarkHeadingIds)
      // Before other countries' blocks are removed, so every edition reports the same.
      .use(remarkPlaceholderHints)
      .use(remarkCountryBlocks)
      .use(remarkVariables)
      .use(remarkCallouts)
      .use(remarkQuestions)
      .use(remarkCitations)
      .use(remarkTableCaptions)
      .use(remarkRehype, {
        allowDangerousHtml: true,
        // Sanitising keeps ids as written (see sanitize-schema), so no prefix is needed here.
        clobberPrefix: '',
        footnoteLabel: labels.footnotes,
        // "↑" is in every font subset briefkit ships; the default "↩" is not.
        footnoteBackContent: '↑',
        footnoteBackLabel: (referenceIndex, rereferenceIndex) =>
          `${labels.backToReference} ${referenceIndex + 1}${rereferenceIndex > 1 ? `-${rereferenceIndex}` : ''}`,
      })
      .use(rehypeRawWhenPresent)
      .use(rehypeLimitDepth)
      .use(rehypeReportUnsafe)
      .use(rehypeSanitize, sanitizeSchema)
      .use(rehypeDropEmptyClasses)
      .use(rehypeHeadings)
      .use(rehypeLocalLinks)
      .use(rehypeWrapTables)
      .use(rehypeTaskListLabels)
      .use(rehypeStringify)
      .freeze()
  );
}

/** A processor made by {@link createProcessor}. */
export type MarkdownProcessor = ReturnType<typeof createProcessor>;
