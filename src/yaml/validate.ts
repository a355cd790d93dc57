import type { z } from 'zod';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import { closest } from '../text/closest.js';
import type { YamlSource } from '../model/yaml-source.js';

/** Where a YAML block sits, for messages: "front matter" or "briefkit.config.yaml". */
export interface ValidateOptions {
  readonly what: string;
  /** Keys that are expected, for "did you mean" on a typo (only used with strict schemas). */
  readonly knownKeys?: readonly string[];
  /** Check only the value at this path (one entry of a list, one key of the config). */
  readonly at?: readonly PropertyKey[];
}

/**
 * Check YAML data against a zod schema; every problem becomes an error on `file` at the
 * position of the offending key or value. Returns the parsed value, or undefined if invalid.
 */
export function validate<T extends z.ZodType>(file: VFile, source: YamlSource, schema: T, options: ValidateOptions): z.infer<T> | undefined {
  const at = options.at ?? [];
  const result = schema.safeParse(at.length > 0 ? valueAt(source.data, at) : (source.data ?? {}));
  if (result.success) return result.data;
  for (const inner of result.error.issues) {
    const issue = { ...inner, path: [...at, ...inner.path] } as z.core.$ZodIssue;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const suggestion = options.knownKeys ? closest(key, options.knownKeys) : undefined;
        error(file, {
          reason: `Unknown key "${formatPath(path)}" in ${options.what}`,
          rule: 'unknown-key',
          place: source.placeOf(path, 'key'),
          hint: suggestion ? `Did you mean "${suggestion}"?` : `Remove it, or check its spelling and indentation.`,
        });
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      // A key that breaks the rule for keys (a variable name, say): point at the key itself.
      const inner = issue.issues[0]?.message;
      error(file, {
        reason: `"${String(issue.path.at(-1))}"${inner ? `: ${inner}` : ' is not allowed as a key here'}`,
        rule: 'invalid-key',
        place: source.placeOf(issue.path, 'key'),
      });
      continue;
    }
    const value = valueAt(source.data, issue.path);
    // Refinements carry their own advice (see src/yaml/url.ts).
    const given = issue.code === 'custom' && typeof issue.params?.['hint'] === 'string' ? (issue.params['hint'] as string) : undefined;
    error(file, {
      reason: describeIssue(issue, value),
      rule: issue.code === 'invalid_type' ? 'wrong-type' : 'invalid-value',
      place: source.placeOf(issue.path, value === undefined ? 'key' : 'value'),
      hint: given ?? (value === undefined && issue.code === 'invalid_type' ? `Add "${String(issue.path.at(-1))}:" to the ${options.what}.` : undefined),
    });
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const where = `"${formatPath(issue.path)}"`;
  if (issue.code === 'invalid_type' && value === undefined) return `${where} is missing`;
  // Schemas carry author-facing messages where a generic one would not help (`error:` options).
  const custom = !issue.message.startsWith('Invalid');
  if (issue.code === 'invalid_type') {
    const got = `it is ${describeValue(value)}`;
    return custom ? `${where}: ${issue.message}, but ${got}` : `${where} should be ${describeExpected(issue.expected)}, but ${got}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    return `${where} ${issue.message.replace(/^Too (small|big): expected \w+ to (have )?/, 'must be ')}`;
  }
  return custom ? `${where}: ${issue.message}` : `${where}: ${issue.message.toLowerCase()}`;
}

/** "authors (item 2) › name": a path a non-programmer can follow. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return text ? `${text} (item ${part + 1})` : `item ${part + 1}`;
    return text ? `${text} › ${String(part)}` : String(part);
  }, '');
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list (e.g. [a, b])';
    case 'object':
      return 'a set of "key: value" lines';
    default:
      return expected;
  }
}

/** How a YAML value looks to a reader: "a number (3)", "a list", "empty". */
export function describeValue(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `text ("${value.length > 40 ? `${value.slice(0, 40)}…` : value}")`;
    case 'number':
      return `a number (${value})`;
    case 'boolean':
      return `${value} (a yes/no value)`;
    case 'object':
      return 'a set of "key: value" lines';
    default:
      return typeof value;
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    // Own keys only: a path through "constructor" must not reach Object's.
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
