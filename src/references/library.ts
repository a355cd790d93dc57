import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { z } from 'zod';
import { error } from '../messages.js';
import { parseYaml } from '../yaml/parse.js';
import { validate } from '../yaml/validate.js';
import { withPath } from '../fs/explain-error.js';

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
  DOI: z.string().optional(),
  PMID: text.optional(),
  URL: z.string().optional(),
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
  const path = join(root, 'briefings', REFERENCES_NAME);
  const value = await readFile(path, 'utf8').catch((reason: NodeJS.ErrnoException) => {
    if (reason.code === 'ENOENT') return undefined;
    throw withPath(reason, path);
  });
  if (value === undefined) return { file: undefined, byKey: new Map() };
  const file = new VFile({ path, value, cwd: root });
  const source = parseYaml(file, value);
  const byKey = new Map<string, Reference>();
  const list = validate(file, source, z.array(referenceSchema), { what: REFERENCES_NAME });
  for (const [index, reference] of (list ?? []).entries()) {
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
