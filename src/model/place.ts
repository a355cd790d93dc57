/** A place in a file: a point, or a start and end (1-based lines and columns). */
export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset?: number;
}
/** A range in a file. */
export interface Place {
  readonly start: Point;
  readonly end?: Point;
}
