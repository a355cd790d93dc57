import type { HelperDelegate } from 'handlebars';

/** The few helpers templates need; everything else is computed before rendering. */
export const templateHelpers: Record<string, HelperDelegate> = {
  /** `{{#if (eq a b)}}` */
  eq: (a: unknown, b: unknown) => a === b,
  /** `{{#if (or a b)}}` */
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  /** `{{{json value}}}`: data for an inline script, safe inside `<script>` (no `<`, no line separators). */
  json: (value: unknown) =>
    JSON.stringify(value ?? null)
      .replace(/</g, '\\u003c')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029'),
};
