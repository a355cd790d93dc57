import type { Element, Nodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { cleanText, dateParts, today, withoutEmpty } from '../csl-item.js';
import type { CslDate, CslName, UnkeyedItem } from '../csl-item.js';
import { doiOf } from '../identifier.js';
import { fetchCached } from './fetch-cached.js';
import type { Answer } from './fetch-cached.js';

/** A web page (from the project's cache if it has it). */
export function fetchWebPage(root: string, url: string, offline: boolean): Promise<Answer> {
  return fetchCached({ root, service: 'web', key: url, url, extension: 'html', accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.1', offline });
}

/** What a page says about itself: an item, and the DOI it names (whose Crossref record is better). */
export interface WebPageRecord {
  readonly item: UnkeyedItem;
  readonly doi: string | undefined;
}

/**
 * A CSL-JSON item from a page's Highwire (`citation_*`, as Google Scholar reads them) and
 * Dublin Core (`DC.*`) meta tags, falling back to Open Graph (`og:title`, `og:site_name`)
 * and `<title>`; a page with no journal is a `webpage`, accessed today. Undefined if the
 * page has no title at all.
 */
export function fromWebPage(html: string, url: string, now = new Date()): WebPageRecord | undefined {
  const meta = metaTags(fromHtml(html));
  const one = (...names: string[]) => {
    for (const name of names) {
      const value = capped(cleanText(meta.get(name)?.[0], { markup: false }));
      if (value) return value;
    }
    return undefined;
  };
  const title = one('citation_title', 'dc.title', 'og:title', 'twitter:title') ?? capped(cleanText(meta.get('<title>')?.[0], { markup: false }));
  if (!title) return undefined;
  const journal = one('citation_journal_title');
  const firstPage = one('citation_firstpage');
  const lastPage = one('citation_lastpage');
  const type = journal
    ? 'article-journal'
    : one('citation_technical_report_institution')
      ? 'report'
      : one('citation_dissertation_institution')
        ? 'thesis'
        : one('citation_conference_title')
          ? 'paper-conference'
          : one('citation_book_title', 'citation_inbook_title')
            ? 'chapter'
            : 'webpage';
  const doiText = one('citation_doi', 'dc.identifier', 'prism.doi', 'bepress_citation_doi');
  const pmid = one('citation_pmid');
  return {
    doi: doiText ? doiOf(doiText) : undefined,
    item: withoutEmpty<UnkeyedItem>({
      type,
      title,
      author: authors(meta),
      'container-title': journal ?? one('citation_conference_title', 'citation_book_title', 'citation_inbook_title', 'og:site_name'),
      'container-title-short': one('citation_journal_abbrev'),
      volume: one('citation_volume'),
      issue: one('citation_issue'),
      page: firstPage && lastPage && lastPage !== firstPage ? `${firstPage}-${lastPage}` : firstPage,
      issued: publicationDate(one('citation_publication_date', 'citation_date', 'citation_online_date', 'dc.date', 'dc.date.issued', 'article:published_time')),
      publisher: one('citation_publisher', 'citation_technical_report_institution', 'citation_dissertation_institution', 'dc.publisher'),
      PMID: pmid && /^\d{1,9}$/.test(pmid) ? pmid : undefined,
      ISSN: one('citation_issn'),
      ISBN: one('citation_isbn'),
      URL: url,
      accessed: today(now),
    }),
  };
}

/** Every `<meta name|property content>` by its name (lower case), in order, and the `<title>` as `<title>`. */
function metaTags(tree: Nodes): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (name: string, value: string) => {
    const list = found.get(name) ?? [];
    list.push(value);
    found.set(name, list);
  };
  const walk = (node: Nodes) => {
    if (node.type === 'element') {
      if (node.tagName === 'meta') {
        const name = node.properties.name ?? node.properties.property;
        const content = node.properties.content;
        if (typeof name === 'string' && content !== undefined && content !== null) add(name.toLowerCase(), String(content));
      } else if (node.tagName === 'title' && !found.has('<title>')) {
        add('<title>', textOf(node));
      } else if (node.tagName === 'svg') {
        return;
      }
    }
    if ('children' in node) for (const inner of node.children) walk(inner);
  };
  walk(tree);
  return found;
}

function textOf(node: Element): string {
  return node.children.map((inner) => (inner.type === 'text' ? inner.value : inner.type === 'element' ? textOf(inner) : '')).join('');
}

/** `citation_author` (repeated: "Family, Given" or "Given Family"), else `citation_authors` ("A; B") or `DC.creator`. */
/** The most authors, and the longest name and other text, a web page's metadata may add to references.yaml (issue 27). */
const MAX_AUTHORS = 100;
const MAX_NAME = 200;
const MAX_TEXT = 1000;

/** A text from a page, cut at a length no real title or name reaches. */
function capped(text: string | undefined, limit = MAX_TEXT): string | undefined {
  return text === undefined || text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

function authors(meta: Map<string, string[]>): CslName[] {
  const listed = meta.get('citation_author') ?? meta.get('citation_authors')?.flatMap((value) => value.split(';')) ?? meta.get('dc.creator') ?? [];
  // A page says what it likes: no more than a real author list, each name no longer than a real one.
  return listed.slice(0, MAX_AUTHORS).flatMap((value): CslName[] => {
    const name = capped(cleanText(value, { markup: false }), MAX_NAME);
    if (!name) return [];
    const comma = name.indexOf(',');
    if (comma !== -1) {
      const family = name.slice(0, comma).trim();
      const given = name.slice(comma + 1).trim();
      return family ? [withoutEmpty({ family, given: given || undefined })] : [];
    }
    const words = name.split(' ');
    if (words.length === 1) return [{ literal: name }];
    return [{ family: words.at(-1)!, given: words.slice(0, -1).join(' ') }];
  });
}

/** "2016/05/01", "2016-05", "2016-05-01T12:00:00Z", "2016" → date-parts. */
function publicationDate(value: string | undefined): CslDate | undefined {
  const found = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?/.exec(value ?? '');
  return found ? dateParts(found[1], found[2] === undefined ? undefined : Number(found[2]), found[3] === undefined ? undefined : Number(found[3])) : undefined;
}
