import type { VFile } from 'vfile';
import { readProjectText } from '../project/read.js';
import { z } from 'zod';
import { error } from '../messages.js';
import { parseYaml } from '../yaml/parse.js';
import { linkUrl } from '../yaml/url.js';
import { validate } from '../yaml/validate.js';

const text = z.union([z.string(), z.number()]).transform(String);

const name = z.looseObject({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional() });

/** One bibliography entry, CSL-JSON written as YAML (the fields briefkit prints). */
export const referenceSchema = z.looseObject({
  id: z.string().regex(/^[\w][\w:.#$%&+?<>~/-]*$/, { error: 'use letters, digits and - _ : . for citation keys' }),
  type: z.string().default('article-journal'),
  title: z.string(),
  author: z.array(name).default([]),
  issued: z
    .looseObject({ 'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional(), literal: z.string().optional() })
    .optional(),
  'container-title': z.string().optional(),
  publisher: z.string().optional(),
  volume: text.optional(),
  issue: text.optional(),
  page: text.optional(),
  DOI: z
    .string()
    .transform((value) => value.replace(/^https?:\/\/(dx\.)?doi\.org\//i, ''))
    .refine((value) => /^10\.\d{4,9}\/\S+$/.test(value), {
      error: 'is not a DOI: a DOI looks like 10.1186/s12954-019-0300-x',
      params: { hint: 'Copy the DOI from the article page; it starts with "10." and has no spaces.' },
    })
    .optional(),
  PMID: text.refine((value) => /^\d{1,9}$/.test(value), {
    error: 'is not a PubMed ID: it is a number such as 31286979',
    params: { hint: 'Copy the PMID from the PubMed page, digits only.' },
  }).optional(),
  URL: linkUrl.optional(),
  ISBN: text.optional(),
});

/** A bibliography entry. */
export type Reference = z.infer<typeof referenceSchema>;

/** The project's bibliography, by citation key. */
export interface ReferenceLibrary {
  readonly file: VFile | undefined;
  readonly byKey: ReadonlyMap<string, Reference>;
}

/** The name of the bibliography file inside `briefings/`. */
export const REFERENCES_NAME = 'references.yaml';

/** Read `briefings/references.yaml` (optional); each problem is reported at its position. */
export async function loadReferences(root: string): Promise<ReferenceLibrary> {
  const file = await readProjectText(root, `briefings/${REFERENCES_NAME}`);
  if (file === undefined || file.data.unreadable) return { file, byKey: new Map() };
  const value = String(file.value);
  const source = parseYaml(file, value);
  const byKey = new Map<string, Reference>();
  // Each entry on its own: one broken reference must not make every citation "unknown".
  const entries = Array.isArray(source.data) ? (source.data as unknown[]) : [];
  if (source.data !== undefined && !Array.isArray(source.data)) validate(file, source, z.array(referenceSchema), { what: REFERENCES_NAME });
  for (const [index] of entries.entries()) {
    const reference = validate(file, source, referenceSchema, { what: REFERENCES_NAME, at: [index] }) ?? placeholder(entries[index]);
    if (!reference) continue;
    if (byKey.has(reference.id)) {
      error(file, {
        reason: `Citation key "${reference.id}" is defined twice`,
        rule: 'reference-duplicate',
        place: source.placeOf([index, 'id']),
        hint: 'Give each reference its own id.',
      });
      continue;
    }
    byKey.set(reference.id, reference);
  }
  return { file, byKey };
}

/**
 * An entry with errors (already reported) still defines its key, with nothing but its id, so
 * that its citations are not reported as unknown too. Nothing is written while it is wrong.
 */
function placeholder(entry: unknown): Reference | undefined {
  const id = entry !== null && typeof entry === 'object' && Object.hasOwn(entry, 'id') ? (entry as { id: unknown }).id : undefined;
  return typeof id === 'string' ? { id, type: 'article-journal', title: id, author: [] } : undefined;
}
