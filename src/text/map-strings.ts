/** Where a string sits in a front matter value: keys and list positions. */
export type ValuePath = readonly (string | number)[];

/**
 * The value with `change` applied to every string in it (in lists and mappings, at any
 * depth), given the path to each string, e.g. for its position in the YAML. Anything that
 * is not a string, list or mapping is kept as it is.
 */
export function mapStrings(value: unknown, change: (text: string, path: ValuePath) => unknown, path: ValuePath = []): unknown {
  if (typeof value === 'string') return change(value, path);
  if (Array.isArray(value)) return value.map((item, index) => mapStrings(item, change, [...path, index]));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mapStrings(item, change, [...path, key])]));
  return value;
}

/** Every string in a value, in order. */
export function stringsIn(value: unknown): string[] {
  const found: string[] = [];
  mapStrings(value, (text) => found.push(text));
  return found;
}
