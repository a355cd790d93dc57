import { cleanText, dateParts, withoutEmpty } from '../csl-item.js';
import type { CslDate, CslName, UnkeyedItem } from '../csl-item.js';
import { fetchCached } from './fetch-cached.js';
import type { Answer } from './fetch-cached.js';

/** Crossref's REST API (BRIEFKIT_CROSSREF_URL replaces it, for tests or a mirror). */
export function crossrefBase(): string {
  return (process.env.BRIEFKIT_CROSSREF_URL || 'https://api.crossref.org').replace(/\/+$/, '');
}

/** The address of a DOI's record at Crossref. */
export function crossrefAddress(doi: string): string {
  return `${crossrefBase()}/works/${encodeURIComponent(doi)}`;
}

/** Crossref's answer for a DOI (from the project's cache if it has it). */
export function fetchCrossref(root: string, doi: string, offline: boolean): Promise<Answer> {
  return fetchCached({
    root,
    service: 'crossref',
    key: doi.toLowerCase(),
    url: crossrefAddress(doi),
    extension: 'json',
    accept: 'application/json',
    offline,
    keep: (json) => fromCrossref(json) !== undefined,
  });
}

/** Crossref's work types, as CSL types. */
const TYPES: Readonly<Record<string, string>> = {
  'journal-article': 'article-journal',
  'book-chapter': 'chapter',
  'book-section': 'chapter',
  'book-part': 'chapter',
  'book-track': 'chapter',
  'posted-content': 'article',
  'proceedings-article': 'paper-conference',
  report: 'report',
  'report-component': 'report',
  'report-series': 'report',
  book: 'book',
  'edited-book': 'book',
  'reference-book': 'book',
  monograph: 'book',
  'book-set': 'book',
  'book-series': 'book',
  dissertation: 'thesis',
  dataset: 'dataset',
  standard: 'standard',
  'peer-review': 'review',
  'reference-entry': 'entry',
  'journal-issue': 'periodical',
  journal: 'periodical',
  proceedings: 'book',
};

interface CrossrefName {
  given?: unknown;
  family?: unknown;
  name?: unknown;
}

interface CrossrefWork {
  DOI?: unknown;
  type?: unknown;
  title?: unknown;
  subtitle?: unknown;
  author?: unknown;
  editor?: unknown;
  'container-title'?: unknown;
  'short-container-title'?: unknown;
  volume?: unknown;
  issue?: unknown;
  page?: unknown;
  publisher?: unknown;
  ISSN?: unknown;
  ISBN?: unknown;
  'published-print'?: unknown;
  'published-online'?: unknown;
  issued?: unknown;
  published?: unknown;
}

/**
 * A CSL-JSON item from Crossref's answer (`{status: "ok", message: {…}}`), or undefined if
 * the answer is not a work's record.
 */
export function fromCrossref(text: string): UnkeyedItem | undefined {
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    return undefined;
  }
  const work = (answer as { message?: unknown } | null)?.message;
  if (!work || typeof work !== 'object' || Array.isArray(work)) return undefined;
  const record = work as CrossrefWork;
  const title = cleanText(first(record.title));
  const subtitle = cleanText(first(record.subtitle));
  const doi = cleanText(record.DOI, { markup: false });
  if (!title || !doi) return undefined;
  return withoutEmpty<UnkeyedItem>({
    type: TYPES[String(record.type)] ?? 'article',
    title: subtitle && !title.toLowerCase().includes(subtitle.toLowerCase()) ? `${title}: ${subtitle}` : title,
    author: names(record.author),
    editor: names(record.editor),
    'container-title': cleanText(first(record['container-title'])),
    'container-title-short': cleanText(first(record['short-container-title'])),
    volume: cleanText(record.volume),
    issue: cleanText(record.issue),
    page: cleanText(record.page),
    issued: date(record['published-print']) ?? date(record['published-online']) ?? date(record.issued) ?? date(record.published),
    publisher: cleanText(record.publisher),
    DOI: doi,
    URL: `https://doi.org/${encodeURIComponent(doi).replace(/%2F/gi, '/')}`,
    ISSN: cleanText(first(record.ISSN), { markup: false }),
    ISBN: cleanText(first(record.ISBN), { markup: false }),
  });
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function names(value: unknown): CslName[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((person: CrossrefName | null): CslName[] => {
    if (!person || typeof person !== 'object') return [];
    const family = cleanText(person.family);
    const given = cleanText(person.given);
    const literal = cleanText(person.name);
    if (family) return [withoutEmpty({ family, given })];
    if (literal) return [{ literal }];
    return given ? [{ literal: given }] : [];
  });
}

function date(value: unknown): CslDate | undefined {
  const parts = (value as { 'date-parts'?: unknown } | null | undefined)?.['date-parts'];
  if (!Array.isArray(parts) || !Array.isArray(parts[0])) return undefined;
  const [year, month, day] = parts[0] as unknown[];
  return dateParts(year, month, day);
}
