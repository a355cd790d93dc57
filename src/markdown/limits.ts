/**
 * Limits on the structure of one Markdown file. The parser (micromark) and the tree tools
 * after it (remark-rehype, sanitising, writing HTML) slow down more than linearly, or run
 * out of stack, on pathological nesting; these bounds keep every page's work near-linear
 * and far above what a real briefing uses. Going over one is an error at its place; the
 * rest of the file and the other files are still checked.
 */
export const LIMITS = {
  /** Block quotes and list items open on one line (`> > - 1.`); real documents use < 6. */
  nesting: 32,
  /**
   * Lists and quotes one file opens (each new list, each quote, each one inside another):
   * the parser's work grows with their square (4,000 separate quotes take 5–20 s); a long
   * briefing opens a few dozen.
   */
  containers: 1000,
  /** Columns of indentation and markers before a line's text (4 per nesting level). */
  indent: 128,
  /** Runs of `*`, `_` or `~` in one paragraph (or one table row): emphasis is quadratic in them. */
  delimiterRuns: 500,
  /** `[` in one paragraph (or table row): links and citations. */
  brackets: 1000,
  /** HTML elements left open at once in a file's raw HTML (`<div>` without `</div>`). */
  htmlDepth: 64,
  /** Depth of the document tree, inline nesting and raw HTML included. */
  treeDepth: 100,
  /** Columns of a table. */
  tableColumns: 64,
  /** Cells of a table (rows × columns: short rows are padded, so this is what gets written). */
  tableCells: 50_000,
} as const;
