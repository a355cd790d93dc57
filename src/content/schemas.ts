import { z } from 'zod';
import { isRegionCode } from '../countries/iso.js';
import { linkUrl } from '../yaml/url.js';

/** A URL-safe name: lower-case letters, digits and hyphens (no slashes, no dots). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const slug = z.string().regex(SLUG_PATTERN, {
  error: 'use only lower-case letters, digits and hyphens (e.g. glasgow-peer-supply)',
});

/** A calendar date written YYYY-MM-DD; 2023-13-45 is refused rather than rolled over. */
const isoDate = z.string().refine(isRealDate, {
  error: (issue) =>
    typeof issue.input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issue.input)
      ? `${issue.input} is not a real date`
      : 'write the date as YYYY-MM-DD, e.g. 2023-09-25',
});

const author = z.union(
  [z.string(), z.looseObject({ name: z.string(), affiliation: z.string().optional(), url: linkUrl.optional() })],
  { error: 'each author is a name, or "name:" with an optional "affiliation:"' },
);

const common = {
  title: z.string(),
  summary: z.string().optional(),
  date: isoDate.optional(),
  slug: slug.optional(),
  tags: z.array(z.string()).default([]),
  authors: z
    .union([author, z.array(author)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .transform((list) => list.map((entry) => (typeof entry === 'string' ? { name: entry } : entry)))
    .default([]),
  order: z.number().optional(),
};

/** Front matter of a briefing (`<slug>/index.md`). Unknown keys are kept for templates. */
export const briefingSchema = z.looseObject({
  ...common,
  version: z.string().optional(),
  case_studies: z.array(slug).default([]),
});

/** Front matter of a case study (`case-studies/<slug>.md`). */
export const caseStudySchema = z.looseObject({
  ...common,
  country: z
    .string()
    .transform((value) => value.toUpperCase())
    .refine(isRegionCode, { error: 'use an ISO 3166 code such as CA, NO, UA or GB-SCT' }),
  organisation: z.string().optional(),
  year: z.int().min(1900).max(2100).optional(),
});

/** Front matter of a plain page (any other `.md`). */
export const pageSchema = z.looseObject(common);

/** The keys each kind of page knows, for "did you mean" hints on typos. */
export const knownKeys = {
  briefing: Object.keys(briefingSchema.shape),
  'case-study': Object.keys(caseStudySchema.shape),
  page: Object.keys(pageSchema.shape),
} as const;

/** Validated front matter of a briefing. */
export type BriefingMeta = z.infer<typeof briefingSchema>;
/** Validated front matter of a case study. */
export type CaseStudyMeta = z.infer<typeof caseStudySchema>;
/** Validated front matter of a plain page. */
export type PageMeta = z.infer<typeof pageSchema>;
/** One author, normalised from a name or a `{name, affiliation}` mapping. */
export type Author = BriefingMeta['authors'][number];

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
