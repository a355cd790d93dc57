/** One sheet of a saddle-stitched booklet: the pages on each side, left then right (null: a blank page). */
export interface BookletSheet {
  readonly front: readonly [number | null, number | null];
  readonly back: readonly [number | null, number | null];
}

/**
 * The printer's order of a booklet of `pages` pages (1-based), folded and stapled in the
 * middle: padded with blanks to a multiple of four, the outer sheet first. Its front has the
 * last and the first page, its back the second and the second-to-last. Bound on the right (a
 * right-to-left language), each side's two pages swap places.
 */
export function bookletOrder(pages: number, rightToLeft = false): BookletSheet[] {
  const total = Math.ceil(Math.max(pages, 1) / 4) * 4;
  const page = (number: number) => (number <= pages ? number : null);
  const side = (outer: number, inner: number): readonly [number | null, number | null] =>
    rightToLeft ? [page(inner), page(outer)] : [page(outer), page(inner)];
  return Array.from({ length: total / 4 }, (_, sheet) => ({
    front: side(total - 2 * sheet, 2 * sheet + 1),
    back: rightToLeft ? [page(total - 2 * sheet - 1), page(2 * sheet + 2)] : [page(2 * sheet + 2), page(total - 2 * sheet - 1)],
  }));
}
