import type { VFile } from 'vfile';
import { z } from 'zod';
import { parseYaml } from '../yaml/parse.js';
import { validate } from '../yaml/validate.js';

/** The project's termbase: `terms.yaml` at the top of the project (issue 32). */
export const TERMS_FILE = 'terms.yaml';

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'is not a language code such as uk, en or ar' });
const words = z.string().trim().min(1, { error: 'is empty: write the term, or remove the line' });

/** One concept: the term to use in each language, the terms to avoid, and where the advice comes from. */
const entrySchema = z.strictObject({
  use: z.record(languageCode, words).describe('The term to use, by language: en: person who uses drugs.'),
  avoid: z
    .record(
      languageCode,
      z.union([words, z.array(words)]).transform((value) => (Array.isArray(value) ? value : [value])),
    )
    .default({})
    .describe('Terms to avoid, by language; a term ending in * matches any ending (наркоман* matches наркомана, наркоманів).'),
  note: z.string().optional().describe('Why, or when the term fits: shown with the warning and in the exported glossary.'),
  source: z.string().optional().describe('The published guide the advice comes from.'),
});

/** The termbase: a list of concepts. */
export const termsSchema = z.array(entrySchema, { error: 'is a list of terms, each "- use:" with "avoid:" and "source:"' });

/** A concept of the termbase. */
export type TermEntry = z.output<typeof entrySchema>;

/** Read `terms.yaml`: its concepts, each problem reported at its place (an invalid file gives none). */
export function readTerms(file: VFile): readonly TermEntry[] {
  const yaml = parseYaml(file, String(file.value));
  if (yaml.data === undefined || yaml.data === null) return [];
  return validate(file, yaml, termsSchema, { what: TERMS_FILE }) ?? [];
}
