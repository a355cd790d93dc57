import { join } from 'node:path';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { capMessages, error, excerpt, warn } from '../messages.js';
import type { Place } from '../model/place.js';
import { shownPath } from '../paths/project-path.js';
import { listProjectFiles } from '../project/list.js';
import { readListedText, readProjectText } from '../project/read.js';
import { parseYaml } from '../yaml/parse.js';
import type { YamlSource } from '../model/yaml-source.js';
import { linkUrl } from '../yaml/url.js';
import { validate } from '../yaml/validate.js';
import { cslJson } from './import/csl-json.js';
import { byCodePoint } from './import/entry.js';
import type { ImportFormat, ImportedEntry } from './import/entry.js';

const text = z.union([z.string(), z.number()], { error: 'should be text' }).transform(String);

const name = z.looseObject({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional() });

/**
 * One bibliography entry: CSL-JSON, written as YAML in references.yaml or converted from
 * BibTeX, RIS or CSL-JSON files (the fields briefkit prints are checked; others pass).
 * A key becomes `id="ref-<key>"` and `href="#ref-<key>"`: no spaces, quotes or angle brackets.
 */
export const referenceSchema = z.looseObject({
  id: z.string().regex(/^\w[\w:.#$%&+?~/-]*$/, { error: 'use letters, digits and - _ : . for citation keys' }),
  /** The CSL type; unstated, a reference is printed as a journal article but not checked as one. */
  type: z.string().optional(),
  // Text, or a number (a title such as 1984, a volume Zotero writes as 111): printed as text.
  title: text,
  author: z.array(name).default([]),
  issued: z
    .looseObject({
      'date-parts': z.array(z.array(z.union([z.number(), z.string()]))).optional(),
      literal: z.string().optional(),
      raw: z.string().optional(),
      season: z.union([z.number(), z.string()]).optional(),
    })
    .optional(),
  'container-title': text.optional(),
  publisher: text.optional(),
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
  PMID: text
    .refine((value) => /^\d{1,9}$/.test(value), {
      error: 'is not a PubMed ID: it is a number such as 31286979',
      params: { hint: 'Copy the PMID from the PubMed page, digits only.' },
    })
    .optional(),
  PMCID: text.optional(),
  URL: linkUrl.optional(),
  ISBN: text.optional(),
});

/** A bibliography entry. */
export type Reference = z.infer<typeof referenceSchema>;

/** Where a citation key is defined. */
export interface ReferenceOrigin {
  readonly file: VFile;
  readonly place: Position | undefined;
}

/** Where a key is defined, as messages name it: `briefings/references.yaml:12:5`. */
export function originText(origin: ReferenceOrigin): string {
  const path = shownPath(origin.file.cwd, origin.file.path);
  return origin.place ? `${path}:${origin.place.start.line}:${origin.place.start.column}` : path;
}

/** The project's bibliography, by citation key. */
export interface ReferenceLibrary {
  /** Every bibliography file read (for the build's list of inputs and the watcher). */
  readonly files: readonly VFile[];
  readonly byKey: ReadonlyMap<string, Reference>;
  /** Where each key is defined: the file and the position of its entry (its id / key). */
  readonly origins: ReadonlyMap<string, ReferenceOrigin>;
}

/** The name of the bibliography file inside `briefings/`. */
export const REFERENCES_NAME = 'references.yaml';

/** Bibliographies exported from a reference manager (Zotero, Mendeley, EndNote…), by extension. */
const IMPORT_FORMATS: Readonly<Record<string, () => Promise<ImportFormat>>> = {
  // BibTeX and RIS convert with citation-js, loaded only for a project that has such a file.
  '.bib': async () => (await import('./import/bibtex.js')).bibtex,
  '.ris': async () => (await import('./import/ris.js')).ris,
  '.json': async () => cslJson,
};

/**
 * Read the bibliography: `briefings/references.yaml`, then every `.bib` (BibTeX), `.ris` and
 * `.json` (CSL-JSON) file directly in `briefings/`, in code-point order of their names. Each
 * problem is reported at its position, and every other entry is still read. A key defined
 * again (in the same file or another) is a warning there; the first definition is used.
 */
export async function loadReferences(root: string): Promise<ReferenceLibrary> {
  const files: VFile[] = [];
  const byKey = new Map<string, Reference>();
  const origins = new Map<string, ReferenceOrigin>();
  const define = (file: VFile, reference: Reference, place: Place | undefined) => {
    const first = origins.get(reference.id);
    if (first) {
      const where = originText(first);
      warn(file, {
        reason: `Citation key "${excerpt(reference.id)}" is defined twice: it is already defined at ${where}, and that definition is used`,
        rule: 'reference-duplicate',
        place,
        hint: 'Remove one of the two, or give this one another key (and cite it by that key).',
      });
      return;
    }
    byKey.set(reference.id, reference);
    origins.set(reference.id, { file, place: place && { start: place.start, end: place.end ?? place.start } });
  };

  const yaml = await readProjectText(root, `briefings/${REFERENCES_NAME}`);
  if (yaml) {
    files.push(yaml);
    if (!yaml.data.unreadable) readYaml(yaml, define);
  }
  for (const { file, format } of await readExports(root)) {
    files.push(file);
    if (format && !file.data.unreadable) readExport(root, file, format, define);
  }
  // A file of thousands of broken entries shows its first problems, and how many more there are.
  for (const file of files) capMessages(file);
  return { files, byKey, origins };
}

type Define = (file: VFile, reference: Reference, place: Place | undefined) => void;

function readYaml(file: VFile, define: Define): void {
  const source = parseYaml(file, String(file.value));
  // Each entry on its own: one broken reference must not make every citation "unknown".
  const entries = Array.isArray(source.data) ? (source.data as unknown[]) : [];
  if (source.data !== undefined && !Array.isArray(source.data)) validate(file, source, z.array(referenceSchema), { what: REFERENCES_NAME });
  for (const [index] of entries.entries()) {
    const reference = validate(file, source, referenceSchema, { what: REFERENCES_NAME, at: [index] }) ?? placeholder(idOf(entries[index]));
    if (reference) define(file, reference, source.placeOf([index, 'id']));
  }
}

/** The `.bib`, `.ris` and `.json` files directly in `briefings/` (and links to such files that are refused). */
async function readExports(root: string): Promise<{ file: VFile; format: ImportFormat | undefined }[]> {
  const formatOf = (name: string) => IMPORT_FORMATS[/\.[^.]*$/.exec(name)?.[0].toLowerCase() ?? ''];
  const listing = await listProjectFiles(root, 'briefings', { recursive: false, report: (path) => formatOf(path) !== undefined });
  const names = [...listing.files.keys()].filter((name) => formatOf(name)).sort(byCodePoint);
  const read = await Promise.all(
    names.map(async (name) => ({
      file: await readListedText(root, join(root, 'briefings', name), listing.files.get(name)!),
      format: await formatOf(name)?.(),
    })),
  );
  // A refused `briefings/` itself is reported with the pages.
  const refused = listing.problems.filter((file) => file.path !== join(root, 'briefings')).map((file) => ({ file, format: undefined }));
  return [...read, ...refused];
}

function readExport(root: string, file: VFile, format: ImportFormat, define: Define): void {
  const what = shownPath(root, file.path);
  for (const entry of format.read(file)) {
    if (entry.key === undefined) continue;
    const reference = entry.item ? check(file, entry, format, what) : undefined;
    define(file, reference ?? placeholder(entry.key)!, entry.place);
  }
}

/** An entry checked against {@link referenceSchema}, each problem at the field it came from. */
function check(file: VFile, entry: ImportedEntry, format: ImportFormat, what: string): Reference | undefined {
  const item = entry.item!;
  const title = item['title'];
  if (title === undefined || title === '') {
    error(file, { reason: `Reference "${excerpt(entry.key!)}" has no title`, rule: 'reference-no-title', place: entry.place, hint: format.titleHint });
    return undefined;
  }
  const source: YamlSource = { data: item, recovered: item, placeOf: (path) => entry.placeOf(path), sourceOf: () => undefined };
  return validate(file, source, referenceSchema, { what });
}

function idOf(entry: unknown): unknown {
  return entry !== null && typeof entry === 'object' && Object.hasOwn(entry, 'id') ? (entry as { id: unknown }).id : undefined;
}

/**
 * An entry with errors (already reported) still defines its key, with nothing but its id, so
 * that its citations are not reported as unknown too. Nothing is written while it is wrong.
 */
function placeholder(id: unknown): Reference | undefined {
  return typeof id === 'string' ? { id, type: 'article-journal', title: id, author: [] } : undefined;
}
