/**
 * How long BibTeX values grow once `@string` abbreviations are expanded (issue 27): a 567-byte
 * file whose abbreviations each repeat the one before (`b = a # a`, `c = b # b`, …) expands to
 * gigabytes. Sizes are counted, never built, so the budget is checked before anything grows.
 */

/** The most characters one value may have once expanded: far more than any real title or author list. */
export const MAX_EXPANDED = 100_000;

/** The length of a value once expanded (`"text" # name # {text} # 2016`), Infinity past `limit`; `size(name)` gives an abbreviation's. */
export function expandedLength(value: string, size: (name: string) => number, limit = MAX_EXPANDED): number {
  let total = 0;
  for (const part of splitConcatenation(value)) {
    const trimmed = part.trim();
    const literal = /^"([\s\S]*)"$/.exec(trimmed) ?? /^\{([\s\S]*)\}$/.exec(trimmed);
    total += literal ? literal[1]!.length : /^\d+$/.test(trimmed) ? trimmed.length : size(trimmed.toLowerCase());
    if (total > limit) return Infinity;
  }
  return total;
}

/**
 * Each abbreviation's expanded length, by lower-case name (Infinity past the limit, or when it
 * refers to itself through others); `definitions` are the raw values, in the file's order.
 */
export function abbreviationSizes(definitions: ReadonlyMap<string, string>, limit = MAX_EXPANDED): Map<string, number> {
  const sizes = new Map<string, number>();
  const visiting = new Set<string>();
  const size = (name: string): number => {
    const known = sizes.get(name);
    if (known !== undefined) return known;
    const value = definitions.get(name);
    // A name that is not defined is kept as written (BibTeX's month names, or a mistake).
    if (value === undefined) return name.length;
    if (visiting.has(name)) return Infinity;
    visiting.add(name);
    const found = expandedLength(value, size, limit);
    visiting.delete(name);
    sizes.set(name, found);
    return found;
  };
  for (const name of definitions.keys()) size(name);
  return sizes;
}

/** The parts of a `#` concatenation, `#` inside quotes or braces not counted. */
function splitConcatenation(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (char === '\\') {
      index++;
    } else if (char === '{') {
      depth++;
    } else if (char === '}') {
      depth = Math.max(0, depth - 1);
    } else if (char === '"' && depth === 0) {
      quoted = !quoted;
    } else if (char === '#' && depth === 0 && !quoted) {
      parts.push(value.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}
