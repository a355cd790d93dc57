import { z } from 'zod';
import { isRegionCode } from '../../countries/iso.js';
import type { Page } from '../../model/page.js';
import { common } from '../common-schema.js';
import type { MetaOf } from '../content-type.js';

/** Front matter of a case study (`case-studies/<slug>.md`). */
export const caseStudySchema = z.looseObject({
  ...common,
  country: z
    .string()
    .transform((value) => value.toUpperCase())
    .refine(isRegionCode, { error: 'use an ISO 3166 code such as CA, NO, UA or GB-SCT' })
    .describe('Where the work took place: an ISO 3166 code such as PT, CA, UA, or GB-SCT for Scotland.'),
  organisation: z.string().optional().describe('The organisation that did the work (a translation may give it in its own language).'),
  year: z.int().min(1900).max(2100).optional().describe('The year the work started.'),
});

/** Validated front matter of a case study. */
export type CaseStudyMeta = MetaOf<typeof caseStudySchema>;
/** A case study's front matter. */
export const caseStudyMeta = (page: Page) => page.meta as CaseStudyMeta;
