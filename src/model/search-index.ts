/**
 * What a search index of one edition (`<edition>/pagefind/`) holds, so that a later build
 * indexes only the pages that changed (issue 30): the whole index, made of every page at
 * once, and a small index beside it (`delta/`) of the pages made again since, whose entries
 * in the whole index the search page leaves out.
 */
export interface SearchIndexState {
  /** The Pagefind fragment of each page in the whole index, by its address in the index (`/en/case-studies/a/`). */
  readonly ids: Readonly<Record<string, string>>;
  /** The addresses indexed again since the whole index was made (changed, added or gone), sorted. */
  readonly delta: readonly string[];
}
