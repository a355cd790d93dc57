import type { HelperDelegate } from 'handlebars';

/** The few helpers templates need; everything else is computed before rendering. */
export const templateHelpers: Record<string, HelperDelegate> = {
  /** `{{#if (eq a b)}}` */
  eq: (a: unknown, b: unknown) => a === b,
  /** `{{#if (or a b)}}` */
  or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
  /** `{{plural count "case study" "case studies"}}` → "1 case study", "3 case studies" (English only for now). */
  plural: (count: number, one: string, other: string) => `${count} ${count === 1 ? one : other}`,
};
