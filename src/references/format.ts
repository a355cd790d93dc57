import { h } from 'hastscript';
import type { ElementContent } from 'hast';
import { doiPath } from '../paths/safe-url.js';
import type { Reference } from './library.js';

/**
 * One reference in Vancouver style (the usual style of health journals), as HTML elements,
 * with the DOI, PubMed ID and web address as links.
 */
export function formatReference(reference: Reference): ElementContent[] {
  const parts: ElementContent[] = [];
  const authors = formatAuthors(reference);
  if (authors) parts.push({ type: 'text', value: `${authors}. ` });
  parts.push(h('span.reference-title', reference.title.replace(/\.$/, '')), { type: 'text', value: '. ' });
  const year = issuedYear(reference);
  if (reference['container-title']) {
    parts.push(h('cite', reference['container-title']), { type: 'text', value: '. ' });
    let where = year ?? '';
    if (reference.volume) where += `;${reference.volume}`;
    if (reference.issue) where += `(${reference.issue})`;
    if (reference.page) where += `:${reference.page}`;
    if (where) parts.push({ type: 'text', value: `${where}. ` });
  } else {
    const publisher = [reference.publisher, year].filter(Boolean).join('; ');
    if (publisher) parts.push({ type: 'text', value: `${publisher}. ` });
  }
  if (reference.ISBN) parts.push({ type: 'text', value: `ISBN ${reference.ISBN}. ` });
  if (reference.DOI) {
    const doi = reference.DOI;
    parts.push({ type: 'text', value: 'doi: ' }, h('a', { href: `https://doi.org/${doiPath(doi)}` }, doi), {
      type: 'text',
      value: '. ',
    });
  }
  if (reference.PMID) {
    parts.push({ type: 'text', value: 'PubMed: ' }, h('a', { href: `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(reference.PMID)}/` }, reference.PMID), {
      type: 'text',
      value: '. ',
    });
  }
  if (reference.URL && !reference.DOI) {
    parts.push(h('a.reference-url', { href: reference.URL }, reference.URL));
  }
  const last = parts.at(-1);
  if (last?.type === 'text') last.value = last.value.trimEnd();
  return parts;
}

function formatAuthors(reference: Reference): string {
  const names = reference.author.map((author) => {
    if (author.literal) return author.literal;
    const initials = (author.given ?? '')
      .split(/[\s.-]+/)
      .filter(Boolean)
      .map((part) => part[0]!.toUpperCase())
      .join('');
    return [author.family, initials].filter(Boolean).join(' ');
  });
  return names.length > 6 ? `${names.slice(0, 6).join(', ')}, et al` : names.join(', ');
}

function issuedYear(reference: Reference): string | undefined {
  const first = reference.issued?.['date-parts']?.[0]?.[0];
  return first === undefined ? reference.issued?.literal : String(first);
}
