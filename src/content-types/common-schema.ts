import { z } from 'zod';
import type { CommonMeta } from '../model/page.js';
import type { SameShape } from '../yaml/same-shape.js';
import { linkUrl } from '../yaml/url.js';

/** A URL-safe name: lower-case letters, digits and hyphens (no slashes, no dots). */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The longest slug (issue 27): a PDF is named `<slug>.<country>-<lang>.<variant>.pdf`, and a
 * file name may have at most 255 bytes on every common file system; a web address this long
 * is already hard to share.
 */
export const MAX_SLUG = 100;

export const slug = z
  .string()
  .regex(SLUG_PATTERN, {
    error: 'use only lower-case letters, digits and hyphens (e.g. glasgow-peer-supply)',
  })
  .max(MAX_SLUG, { error: (issue) => `a slug has at most ${MAX_SLUG} characters, this one has ${String(issue.input).length}` });

/** A calendar date written YYYY-MM-DD; 2023-13-45 is refused rather than rolled over. */
export const isoDate = z.string().refine(isRealDate, {
  error: (issue) =>
    typeof issue.input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(issue.input)
      ? `${issue.input} is not a real date`
      : 'write the date as YYYY-MM-DD, e.g. 2023-09-25',
});

const author = z.union(
  [
    z.string(),
    z.looseObject({
      name: z.string().describe("The author's name."),
      affiliation: z.string().optional().describe('Where the author works.'),
      url: linkUrl.optional().describe('A web page about the author.'),
    }),
  ],
  { error: 'each author is a name, or "name:" with an optional "affiliation:"' },
);

export const common = {
  title: z.string().describe("The page's title: its one top-level heading, and its name in menus, lists and PDFs."),
  menu_title: z
    .string()
    .trim()
    .min(1, { error: 'menu_title is empty: leave it out to use the title' })
    .optional()
    .describe('A short title for the menu, when the title is too long for one (translate it like the title).'),
  summary: z.string().optional().describe('One or two sentences, shown on cards, in search results and link previews.'),
  date: isoDate.optional().describe('The date of this version, YYYY-MM-DD.'),
  slug: slug.optional().describe("The page's address instead of its file name: lower-case letters, digits and hyphens."),
  tags: z.array(z.string()).default([]).describe('Topics, e.g. [outreach, peer supply]: each gets a page listing what has it.'),
  authors: z
    .union([author, z.array(author)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .transform((list) => list.map((entry) => (typeof entry === 'string' ? { name: entry } : entry)))
    .default([])
    .describe('A name, or a list of names or of name: with affiliation: and url:.'),
  order: z.number().optional().describe('Where the page comes in its lists and the menu: lower numbers first (then by title).'),
  citation_style: z.string().optional().describe('The citation style of this page: a built-in name (apa, vancouver, …) or a .csl file in the project.'),
  safety_sections: z
    .array(z.string())
    .optional()
    .describe(
      "Ids of this page's sections (e.g. [how-to-give-naloxone]) whose facts must be the same in every translation: a difference is an error, as in a :::safety block.",
    ),
};

/** Front matter keys of every type that a translation sets in its own language, besides title and summary. */
export const COMMON_TRANSLATABLE = ['menu_title'] as const;

/** The front matter every kind of page has. Unknown keys are kept for templates. */
export const commonSchema = z.looseObject(common);

// The model's hand-written CommonMeta is what this schema gives, key for key: change both together.
true satisfies SameShape<z.output<typeof commonSchema>, CommonMeta>;

function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
