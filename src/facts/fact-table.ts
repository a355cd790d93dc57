import type { VFile } from 'vfile';
import type { Override } from '../countries/overrides.js';
import type { Translation } from '../model/translation.js';
import type { FactTally } from './check-facts.js';

/** One row of `briefkit check`'s fact table: a language's translations, or a country's overrides in a language. */
export interface FactRow extends FactTally {
  readonly lang: string;
  /** The country whose overrides these are; undefined for translations. */
  readonly country: string | undefined;
  readonly files: number;
}

/** What each translation and override is: its language, and its country for an override. */
export function factRows(
  facts: ReadonlyMap<VFile, FactTally>,
  translations: readonly Translation[],
  overrides: readonly Override[],
  editionLanguage: (country: string) => string,
): FactRow[] {
  const owners = new Map<VFile, { lang: string; country: string | undefined }>([
    ...translations.map((translation) => [translation.file, { lang: translation.lang, country: undefined }] as const),
    ...overrides.map((override) => [override.file, { lang: override.meta.lang ?? editionLanguage(override.country), country: override.country }] as const),
  ]);
  const rows = new Map<string, FactRow>();
  for (const [file, tally] of facts) {
    const owner = owners.get(file);
    if (!owner) continue;
    const key = `${owner.country ?? ''}\n${owner.lang}`;
    const row = rows.get(key) ?? { ...owner, files: 0, checked: 0, mismatches: 0, acknowledged: 0 };
    rows.set(key, {
      ...row,
      files: row.files + 1,
      checked: row.checked + tally.checked,
      mismatches: row.mismatches + tally.mismatches,
      acknowledged: row.acknowledged + tally.acknowledged,
    });
  }
  return [...rows.values()].sort((one, other) => (one.country ?? '').localeCompare(other.country ?? '') || one.lang.localeCompare(other.lang));
}

/** The table as `briefkit check` prints it, or '' when nothing was checked (a site in one language, with no overrides). */
export function formatFactTable(rows: readonly FactRow[]): string {
  if (rows.length === 0) return '';
  const header = ['language', 'files', 'facts checked', 'differences', 'acknowledged'];
  const cells = rows.map((row) => [
    row.country === undefined ? row.lang : `${row.lang}, ${row.country} overrides`,
    String(row.files),
    String(row.checked),
    String(row.mismatches),
    String(row.acknowledged),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column]!.length)));
  const line = (values: readonly string[]) =>
    `  ${values.map((value, column) => (column === 0 ? value.padEnd(widths[column]!) : value.padStart(widths[column]!))).join('  ')}`.trimEnd();
  return ['Facts checked against the originals (doses, numbers, telephone numbers, addresses, products, variables):', line(header), ...cells.map(line)].join(
    '\n',
  );
}
