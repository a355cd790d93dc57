import type { Place } from './place.js';

/** A YAML document read from part of a file, able to say where any of its values came from. */
export interface YamlSource {
  /** The data, as plain JavaScript values (YAML 1.2 core schema: dates stay strings). */
  readonly data: unknown;
  /** Where the value at this path is in the file (the closest existing parent if missing). */
  placeOf(path: readonly PropertyKey[], part?: 'key' | 'value'): Place;
  /** What could be read of a document with syntax errors, for salvaging valid settings (undefined if none). */
  readonly recovered: unknown;
  /** The original text of the scalar at this path, e.g. `2.0` for a number that YAML reads as 2. */
  sourceOf(path: readonly PropertyKey[]): string | undefined;
}
