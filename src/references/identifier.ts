/** What `briefkit refs add` was given: a DOI, a PubMed ID or a web page's address. */
export type Identifier =
  | { readonly kind: 'doi'; readonly doi: string; readonly shown: string }
  | { readonly kind: 'pmid'; readonly pmid: string; readonly shown: string }
  | { readonly kind: 'url'; readonly url: string; readonly shown: string };

/** An argument that is none of them, and what to say about it. */
export interface BadIdentifier {
  readonly kind: 'bad';
  readonly shown: string;
  readonly problem: string;
}

/** A DOI: "10.", a registrant code of digits, a slash and the item's own part (as the bibliography accepts it). */
export const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

const DOI_EXAMPLE = 'a DOI looks like 10.1111/add.13265 (it starts with "10.", then a slash and the article\'s own part; copy it from the article\'s page)';
const PMID_EXAMPLE = 'a PubMed ID is a number, written pmid:28027483 (copy it from the PubMed page, digits only)';
const DOI_HOSTS = new Set(['doi.org', 'dx.doi.org', 'www.doi.org']);
const PUBMED_HOSTS = new Set(['pubmed.ncbi.nlm.nih.gov', 'www.ncbi.nlm.nih.gov', 'ncbi.nlm.nih.gov']);

/** A DOI as `refs add` writes and compares it: trimmed, without `doi:` or its address's start. */
export function doiOf(value: string): string | undefined {
  let doi = value.trim().replace(/^doi:\s*/i, '');
  const address = /^https?:\/\/(?:dx\.|www\.)?doi\.org\/(.*)$/i.exec(doi);
  if (address) {
    try {
      doi = decodeURIComponent(address[1]!);
    } catch {
      return undefined;
    }
  }
  return DOI_PATTERN.test(doi) ? doi : undefined;
}

/**
 * Read one argument: `10.1111/add.13265`, `doi:10.…`, `https://doi.org/10.…`, `pmid:28027483`,
 * a PubMed page's address, or any other http(s) address (a web page).
 */
export function parseIdentifier(argument: string): Identifier | BadIdentifier {
  const value = argument.trim();
  const shown = value || '(empty)';
  const bad = (problem: string): BadIdentifier => ({ kind: 'bad', shown, problem });
  if (/^doi:/i.test(value) || /^10\./.test(value)) {
    const doi = doiOf(value);
    return doi ? { kind: 'doi', doi, shown: `doi:${doi}` } : bad(`this is not a DOI: ${DOI_EXAMPLE}`);
  }
  if (/^pmid:/i.test(value)) {
    const digits = value.replace(/^pmid:\s*/i, '');
    return /^\d{1,9}$/.test(digits) ? pmid(digits) : bad(`this is not a PubMed ID: ${PMID_EXAMPLE}`);
  }
  if (/^\d{1,9}$/.test(value)) return bad(`a number alone could be anything: ${PMID_EXAMPLE}`);
  if (/^https?:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return bad('this is not a web address that can be read (check for spaces or missing characters)');
    }
    const host = url.hostname.toLowerCase();
    if (DOI_HOSTS.has(host)) {
      const doi = doiOf(`https://doi.org${url.pathname}`);
      return doi ? { kind: 'doi', doi, shown: `doi:${doi}` } : bad(`this doi.org address holds no DOI: ${DOI_EXAMPLE}`);
    }
    if (PUBMED_HOSTS.has(host)) {
      const found = /^\/(?:pubmed\/)?(\d{1,9})\/?$/.exec(url.pathname);
      if (found) return pmid(found[1]!);
    }
    if (url.username || url.password) return bad("a web address with a user name or password in it is not read; give the page's public address");
    return { kind: 'url', url: url.href, shown: url.href };
  }
  return bad(`this is not a DOI, a PubMed ID or a web address: ${DOI_EXAMPLE}; ${PMID_EXAMPLE}; a web page's address starts with https://`);
}

function pmid(digits: string): Identifier {
  const number = String(Number(digits));
  return { kind: 'pmid', pmid: number, shown: `pmid:${number}` };
}
