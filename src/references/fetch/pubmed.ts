import type { Element, Nodes } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { cleanText, dateParts, withoutEmpty } from '../csl-item.js';
import type { CslName, UnkeyedItem } from '../csl-item.js';
import { fetchCached } from './fetch-cached.js';
import type { Answer } from './fetch-cached.js';

/** NCBI's E-utilities (BRIEFKIT_PUBMED_URL replaces them, for tests or a mirror). */
export function pubmedBase(): string {
  return (process.env.BRIEFKIT_PUBMED_URL || 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils').replace(/\/+$/, '');
}

/** The address of a PubMed record in efetch's XML. */
export function pubmedAddress(pmid: string): string {
  return `${pubmedBase()}/efetch.fcgi?db=pubmed&id=${encodeURIComponent(pmid)}&retmode=xml&tool=briefkit`;
}

/** PubMed's answer for a PMID (from the project's cache if it has it). */
export function fetchPubmed(root: string, pmid: string, offline: boolean): Promise<Answer> {
  return fetchCached({
    root,
    service: 'pubmed',
    key: pmid,
    url: pubmedAddress(pmid),
    extension: 'xml',
    accept: 'application/xml, text/xml',
    offline,
    keep: (xml) => fromPubmed(xml).kind === 'article',
  });
}

/** What efetch's XML holds: one article, none (the PMID is unknown), or something else. */
export type PubmedRecord = { readonly kind: 'article'; readonly item: UnkeyedItem } | { readonly kind: 'none' } | { readonly kind: 'unreadable' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A CSL-JSON item from efetch's `PubmedArticleSet` (an empty set: none). */
export function fromPubmed(xml: string): PubmedRecord {
  let root: Nodes;
  try {
    root = fromXml(xml);
  } catch {
    return { kind: 'unreadable' };
  }
  const set = child(root, 'PubmedArticleSet');
  if (!set) return { kind: 'unreadable' };
  const article = child(set, 'PubmedArticle');
  if (!article) return { kind: 'none' };
  const citation = child(article, 'MedlineCitation');
  const body = child(citation, 'Article');
  const journal = child(body, 'Journal');
  const issue = child(journal, 'JournalIssue');
  const title = cleanText(textOf(child(body, 'ArticleTitle')) ?? textOf(child(body, 'VernacularTitle')));
  if (!title) return { kind: 'unreadable' };
  const ids = new Map<string, string>();
  for (const id of children(child(child(article, 'PubmedData'), 'ArticleIdList'), 'ArticleId')) {
    const type = id.attributes.IdType?.toLowerCase();
    const value = cleanText(textOf(id), { markup: false });
    if (type && value && !ids.has(type)) ids.set(type, value);
  }
  const eDoi = children(body, 'ELocationID').find((location) => location.attributes.EIdType === 'doi');
  const doi = ids.get('doi') ?? cleanText(textOf(eDoi), { markup: false });
  const pmid = cleanText(textOf(child(citation, 'PMID')), { markup: false }) ?? ids.get('pubmed');
  return {
    kind: 'article',
    item: withoutEmpty<UnkeyedItem>({
      type: 'article-journal',
      // PubMed ends every title with a full stop; a style adds its own.
      title: title.replace(/(?<!\.)\.$/, ''),
      author: authors(child(body, 'AuthorList')),
      'container-title': cleanText(textOf(child(journal, 'Title'))),
      'container-title-short': cleanText(textOf(child(journal, 'ISOAbbreviation'))),
      volume: cleanText(textOf(child(issue, 'Volume'))),
      issue: cleanText(textOf(child(issue, 'Issue'))),
      page: pages(child(body, 'Pagination')),
      issued: published(child(issue, 'PubDate')),
      DOI: doi,
      PMID: pmid,
      PMCID: ids.get('pmc'),
      URL: pmid ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : undefined,
      ISSN: cleanText(textOf(child(journal, 'ISSN')), { markup: false }),
    }),
  };
}

/** "883-91" → "883-891"; "S12-5" → "S12-S15" (PubMed shortens the last page). */
export function expandPages(pages: string): string {
  return pages.replace(/^([A-Za-z]*)(\d+)\s*[-–]\s*([A-Za-z]*)(\d+)$/, (whole, startPrefix: string, start: string, endPrefix: string, end: string) => {
    if (endPrefix && endPrefix !== startPrefix) return whole;
    const full = end.length < start.length ? start.slice(0, start.length - end.length) + end : end;
    return `${startPrefix}${start}-${startPrefix}${full}`;
  });
}

function pages(pagination: Element | undefined): string | undefined {
  const medline = cleanText(textOf(child(pagination, 'MedlinePgn')));
  if (medline) return expandPages(medline);
  const start = cleanText(textOf(child(pagination, 'StartPage')));
  const end = cleanText(textOf(child(pagination, 'EndPage')));
  return start && end ? `${start}-${end}` : start;
}

function published(date: Element | undefined): UnkeyedItem['issued'] {
  const year = textOf(child(date, 'Year'));
  if (year) {
    const month = textOf(child(date, 'Month'))?.trim();
    const number = month === undefined ? undefined : /^\d+$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1 || undefined;
    return dateParts(year.trim(), number, textOf(child(date, 'Day'))?.trim());
  }
  // "2016 Nov-Dec", "2015 Winter", "1998 Dec-1999 Jan": the year it starts in.
  const medline = /\b(\d{4})\b/.exec(textOf(child(date, 'MedlineDate')) ?? '');
  return medline ? dateParts(medline[1]) : undefined;
}

function authors(list: Element | undefined): CslName[] {
  return children(list, 'Author')
    .filter((author) => author.attributes.ValidYN !== 'N')
    .flatMap((author): CslName[] => {
      const family = cleanText(textOf(child(author, 'LastName')));
      const given = cleanText(textOf(child(author, 'ForeName'))) ?? cleanText(textOf(child(author, 'Initials')));
      const collective = cleanText(textOf(child(author, 'CollectiveName')));
      if (family) return [withoutEmpty({ family, given })];
      return collective ? [{ literal: collective }] : [];
    });
}

function child(parent: Nodes | undefined, name: string): Element | undefined {
  return children(parent, name)[0];
}

function children(parent: Nodes | undefined, name: string): Element[] {
  if (!parent || !('children' in parent)) return [];
  return (parent.children as readonly Nodes[]).filter((node): node is Element => node.type === 'element' && node.name === name);
}

/** The text of an element and everything in it (`<i>`, `<sup>` kept as their text). */
function textOf(node: Nodes | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'text' || node.type === 'cdata') return node.value;
  if (!('children' in node)) return '';
  return node.children.map((inner) => textOf(inner) ?? '').join('');
}
