import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { Document, isMap, isScalar, parseDocument, visit } from 'yaml';
import { error } from '../messages.js';
import { readProjectText } from '../project/read.js';
import { createProjectFile, editProjectFile, refuseWrite } from '../project/write.js';
import { parseYaml } from '../yaml/parse.js';
import { baseKey, uniqueKey } from './citation-key.js';
import type { CslItem, UnkeyedItem } from './csl-item.js';
import { doiOf } from './identifier.js';

/** The bibliography, relative to the project. */
export const BIBLIOGRAPHY = 'briefings/references.yaml';

/** The first lines of a bibliography `refs add` starts. */
const HEADER = [
  "# The project's bibliography: CSL-JSON items written as YAML, one list item each.",
  '# Cite one in a page as [@key]. Add one with: briefkit refs add <doi|pmid:N|url>',
  '',
].join('\n');

/** What an entry of the bibliography is known by. */
export interface KnownEntry {
  readonly id: string | undefined;
  /** Lower case, without `https://doi.org/`. */
  readonly doi: string | undefined;
  readonly pmid: string | undefined;
  /** A web page's address, as written. */
  readonly url?: string | undefined;
}

/** The bibliography as it is before anything is fetched, or why `refs add` cannot add to it. */
export type Bibliography =
  | { readonly ok: true; readonly entries: readonly KnownEntry[] }
  | { readonly ok: false; readonly problem: string }
  | { readonly ok: false; readonly file: VFile };

/**
 * Read `briefings/references.yaml` to see which references it already has. Refused: a
 * symbolic link, a path that leaves the project, a file with YAML errors (reported at their
 * line) or one that is not a list. A missing file is an empty list.
 */
export async function readBibliography(root: string): Promise<Bibliography> {
  const target = join(root, BIBLIOGRAPHY);
  const refused = await refuseAppend(root, target);
  if (refused) return { ok: false, problem: refused };
  const file = await readProjectText(root, BIBLIOGRAPHY);
  if (!file) return { ok: true, entries: [] };
  if (file.data.unreadable) return { ok: false, file };
  const source = parseYaml(file, String(file.value));
  if (file.messages.some((message) => message.fatal)) return { ok: false, file };
  if (source.data !== null && source.data !== undefined && !Array.isArray(source.data)) {
    error(file, {
      reason: `${BIBLIOGRAPHY} is not a list of references`,
      rule: 'references-not-a-list',
      place: source.placeOf([]),
      hint: 'Each reference is a list item starting with "- id: …", as in the file briefkit init writes.',
    });
    return { ok: false, file };
  }
  return { ok: true, entries: knownEntries(source.data) };
}

/** The entry in the bibliography with this DOI (compared ignoring case), PMID or web address, if there is one. */
export function findEntry(
  entries: readonly KnownEntry[],
  wanted: { readonly doi?: string | undefined; readonly pmid?: string | undefined; readonly url?: string | undefined },
): KnownEntry | undefined {
  const doi = wanted.doi?.toLowerCase();
  return entries.find(
    (entry) =>
      (doi !== undefined && entry.doi === doi) ||
      (wanted.pmid !== undefined && entry.pmid === wanted.pmid) ||
      (wanted.url !== undefined && entry.url === wanted.url),
  );
}

/** What appending an entry did. */
export type Appended =
  | { readonly kind: 'added'; readonly item: CslItem; readonly created: boolean }
  | { readonly kind: 'already'; readonly id: string }
  | { readonly kind: 'key-taken'; readonly key: string }
  | { readonly kind: 'refused'; readonly why: string; readonly entryText?: string };

/**
 * Append an item to `briefings/references.yaml` (created if missing), after a comment saying
 * where it came from. The existing text is kept byte for byte; the entry is written with the
 * file's line ending, and YAML quotes every string that needs it. The file is re-read at the
 * moment of writing (so an entry someone added meanwhile counts), written beside itself and
 * renamed into place. Its key is `key` if given, else made from its first author and year.
 */
export async function appendReference(
  root: string,
  item: UnkeyedItem,
  options: { readonly key?: string | undefined; readonly comment: string },
): Promise<Appended> {
  const target = join(root, BIBLIOGRAPHY);
  const refused = await refuseAppend(root, target);
  if (refused) return { kind: 'refused', why: refused };
  let outcome: Appended | undefined;
  const edit = (text: string): string => {
    const result = appended(text, item, options);
    outcome = result.outcome;
    return result.text;
  };
  const exists = await lstat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    const text = edit(HEADER);
    if (outcome?.kind !== 'added') return outcome!;
    const problem = await createProjectFile(root, target, text);
    if (!problem) return { ...outcome, created: true };
    // Made by someone else meanwhile: append to theirs.
    if (
      !(await lstat(target).then(
        () => true,
        () => false,
      ))
    )
      return { kind: 'refused', why: problem };
  }
  const problem = await editProjectFile(root, target, edit);
  if (problem) return { kind: 'refused', why: problem };
  return outcome!;
}

/** Why `refs add` may not write the bibliography: a link, or a way out of the project. */
async function refuseAppend(root: string, target: string): Promise<string | undefined> {
  const info = await lstat(target).catch(() => undefined);
  if (info?.isSymbolicLink()) return `${BIBLIOGRAPHY} is a symbolic link; refs add only adds to an ordinary file. Replace the link by the file it points to.`;
  if (info && !info.isFile()) return `${BIBLIOGRAPHY} is not an ordinary file`;
  return refuseWrite(root, target);
}

/** The text with the entry appended, and what that did (the text unchanged if nothing was added). */
function appended(
  text: string,
  item: UnkeyedItem,
  options: { readonly key?: string | undefined; readonly comment: string },
): { text: string; outcome: Appended } {
  const before = parseList(text);
  if (!before)
    return {
      text,
      outcome: { kind: 'refused', why: `${BIBLIOGRAPHY} changed while refs add was running and is no longer a list of references; nothing was added` },
    };
  const entries = knownEntries(before);
  const same = findEntry(entries, { doi: item.DOI, pmid: item.PMID, url: item.type === 'webpage' ? item.URL : undefined });
  if (same) return { text, outcome: { kind: 'already', id: same.id ?? '(an entry without id)' } };
  const taken = new Set(entries.flatMap((entry) => (entry.id === undefined ? [] : [entry.id.toLowerCase()])));
  if (options.key !== undefined && taken.has(options.key.toLowerCase())) return { text, outcome: { kind: 'key-taken', key: options.key } };
  const entry: CslItem = { id: options.key ?? uniqueKey(baseKey(item), taken), ...item };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const entryText = entryYaml(entry, options.comment).replace(/\n/g, eol);
  // A blank line between entries; none added after a blank line, nor at the start of an empty file.
  const ends = /(?:\r?\n){2}$/.test(text) || text === '' ? '' : /\r?\n$/.test(text) ? eol : eol + eol;
  for (const separator of [ends, ends === eol + eol ? eol : '']) {
    const after = `${text}${separator}${entryText}`;
    const list = parseList(after);
    // The old entries as they were, and the new one exactly as meant: else the file's end does something unusual.
    if (
      list &&
      list.length === before.length + 1 &&
      JSON.stringify(list.slice(0, -1)) === JSON.stringify(before) &&
      JSON.stringify(list.at(-1)) === JSON.stringify(entry)
    ) {
      return { text: after, outcome: { kind: 'added', item: entry, created: false } };
    }
  }
  return {
    text,
    outcome: {
      kind: 'refused',
      why:
        `the end of ${BIBLIOGRAPHY} is not the end of its list of references (a "..." or "---" line, or an indented list), so the entry cannot be ` +
        `appended safely; paste it by hand`,
      entryText,
    },
  };
}

/** The YAML list of a bibliography's text (empty for a file of comments), or undefined if it is not one. */
function parseList(text: string): unknown[] | undefined {
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch {
    return undefined;
  }
  if (data === null || data === undefined) return [];
  return Array.isArray(data) ? data : undefined;
}

function knownEntries(data: unknown): KnownEntry[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((entry: unknown): KnownEntry[] => {
    if (!entry || typeof entry !== 'object') return [];
    const { id, DOI, PMID, URL } = entry as { id?: unknown; DOI?: unknown; PMID?: unknown; URL?: unknown };
    const doi = typeof DOI === 'string' ? (doiOf(DOI) ?? DOI.trim()).toLowerCase() : undefined;
    const pmid = typeof PMID === 'string' || typeof PMID === 'number' ? String(PMID).trim() : undefined;
    return [
      { id: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined, doi, pmid, url: typeof URL === 'string' ? URL.trim() : undefined },
    ];
  });
}

/** Fields whose strings stay plain where YAML allows it (as the sample bibliography writes them). */
const PLAIN = new Set(['id', 'type', 'family', 'given', 'literal']);

/** Dates and names in flow style, `{family: Bird, given: Sheila M.}`, as the sample writes them. */
const FLOW = new Set(['issued', 'accessed']);

/**
 * One list item of YAML, after a comment: strings double-quoted (JSON escapes, never folded)
 * but ids, types and names, which are plain unless they need quotes; names and dates on one
 * line each.
 */
export function entryYaml(entry: CslItem, comment: string): string {
  const doc = new Document([entry]);
  visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (isScalar(pair.value) && typeof pair.value.value === 'string' && (!PLAIN.has(key) || /[\r\n\u0085\u2028\u2029]/.test(pair.value.value)))
        pair.value.type = 'QUOTE_DOUBLE';
      if (isMap(pair.value) && FLOW.has(key)) pair.value.flow = true;
    },
    Map(_, map, path) {
      // An author's or editor's name: list → item → pair → sequence → name.
      if (path.length > 3) map.flow = true;
    },
  });
  const line = comment.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ');
  return `# ${line}\n${doc.toString({ lineWidth: 0, doubleQuotedAsJSON: true, flowCollectionPadding: false })}`;
}
