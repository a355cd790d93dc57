import { existsSync } from 'node:fs';
import { readProjectText } from '../project/read.js';
import { join } from 'node:path';
import { diffWords } from 'diff';
import { poFormat } from './po-files.js';
import { placeEntries } from './place-entries.js';
import { segmentPage } from './segments.js';
import { translationFilePath } from './translation-files.js';
import { xliffFormat } from './xliff-files.js';

/** One changed piece of an original, since its translation was made: its old and new text. */
export interface SourceChange {
  readonly section: string;
  readonly key: string;
  /** The change as a word diff: `[-old-]{+new+}`, the rest as it is. */
  readonly diff: string;
}

/**
 * What changed in an original since its translator's file (PO or XLIFF) was made, entry by
 * entry, as word diffs: an entry whose original text is no longer the page's, or a fuzzy one
 * with the text it translated. Undefined when the page has no such file (a Markdown
 * translation keeps no copy of the text it translated).
 */
export async function sourceChanges(
  root: string,
  lang: string,
  sourcePath: string,
  body: string,
  meta: Readonly<Record<string, unknown>>,
  fields: readonly string[],
): Promise<SourceChange[] | undefined> {
  const format = [poFormat, xliffFormat].find((candidate) => existsSync(join(root, translationFilePath(lang, sourcePath, candidate))));
  if (!format) return undefined;
  // Read as every input is: a file that leads out of the project, or is not UTF-8, is not shown.
  const file = await readProjectText(root, translationFilePath(lang, sourcePath, format));
  const read = file && !file.data.unreadable ? format.read(file) : undefined;
  if (!read) return undefined;
  const changes: SourceChange[] = [];
  const page = segmentPage(body, meta, fields);
  const { placed } = placeEntries(page, read.entries);
  for (const segment of page.segments) {
    const entry = placed.get(segment.key);
    if (!entry || entry.target === '') continue;
    const old = entry.source !== segment.text ? entry.source : entry.fuzzy && entry.previous !== undefined ? entry.previous : undefined;
    if (old === undefined || old === segment.text) continue;
    changes.push({ section: segment.section, key: segment.key, diff: wordDiff(old, segment.text) });
  }
  return changes;
}

/** `The law was [-a major-]{+the main+} obstacle.` */
export function wordDiff(before: string, after: string): string {
  return diffWords(before, after)
    .map((part) => (part.added ? `{+${part.value}+}` : part.removed ? `[-${part.value}-]` : part.value))
    .join('');
}
