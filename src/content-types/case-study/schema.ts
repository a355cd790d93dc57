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
    .refine(isRegionCode, { error: 'use an ISO 3166 code such as CA, NO, UA or GB-SCT' }),
  organisation: z.string().optional(),
  year: z.int().min(1900).max(2100).optional(),
});

/** Validated front matter of a case study. */
export type CaseStudyMeta = MetaOf<typeof caseStudySchema>;
/** A case study's front matter. */
export const caseStudyMeta = (page: Page) => page.meta as CaseStudyMeta;
