import { createRequire } from 'node:module';
import type CitationProcessor from 'citeproc';
import type { CiteprocEngine } from 'citeproc';
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import rehypeSanitize from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';
import { unified } from 'unified';
import type { BibEntry } from '../../model/final-content.js';
import { LINK_SCHEMES, doiPath } from '../../paths/safe-url.js';
import type { Reference, ReferenceLibrary } from '../library.js';
import type { CitationStyle } from './citation-style.js';
import { localeFor, localeXml } from './csl-files.js';

/** One reference cited at one place: `[see @key, p. 12]`, `[-@key]`. */
export interface CiteItem {
  readonly id: string;
  readonly locator?: string | undefined;
  /** The CSL locator label: page, chapter, section, … */
  readonly label?: string | undefined;
  readonly prefix?: string | undefined;
  readonly suffix?: string | undefined;
  /** `[-@key]`: the year only, when the author is named in the sentence. */
  readonly suppressAuthor?: boolean | undefined;
}

/** A text's citations, formatted: each citation's content, and the reference list. */
export interface CitedText {
  readonly clusters: readonly ElementContent[][];
  readonly entries: readonly BibEntry[];
}

/** What citeproc may put in the page: its formatting and links (the schemes Markdown links may use), nothing else. */
const CSL_SCHEMA: Schema = {
  tagNames: ['a', 'i', 'b', 'em', 'strong', 'span', 'sup', 'sub', 'div'],
  attributes: { a: ['href'], div: [['className', 'csl-entry', 'csl-left-margin', 'csl-right-inline', 'csl-indent', 'csl-block']] },
  protocols: { href: [...LINK_SCHEMES] },
  strip: ['script', 'style'],
  clobber: [],
};
const sanitizer = unified().use(rehypeSanitize, CSL_SCHEMA);

/**
 * citeproc engines, one per style and locale, kept for the process (making one reads the whole
 * style: a quarter of a second for APA), so the live preview's rebuilds reuse them. Each reads
 * the bibliography of the citer using it, set before every call.
 */
const engines = new Map<string, { readonly engine: CiteprocEngine; library: ReferenceLibrary | undefined }>();

/** citeproc-js (about 1 MB of code), loaded when a first engine is made: most builds format no citation at all. */
let citeproc: typeof CitationProcessor | undefined;

function engineFor(style: CitationStyle, locale: string) {
  const id = `${locale}\n${style.xml}`;
  let entry = engines.get(id);
  if (!entry) {
    const state: { engine?: CiteprocEngine; library: ReferenceLibrary | undefined } = { library: undefined };
    citeproc ??= createRequire(import.meta.url)('citeproc') as typeof CitationProcessor;
    const engine = new citeproc.Engine(
      {
        retrieveLocale: (tag) => localeXml(tag),
        retrieveItem: (key) => {
          const reference = state.library?.byKey.get(key);
          // citeproc writes an address into href="…" as it is: a quote or bracket in it would end the attribute.
          return (
            reference && {
              ...reference,
              type: reference.type ?? 'article-journal',
              ...(reference.URL ? { URL: reference.URL.replace(/["<>\s]/g, encodeURIComponent) } : {}),
              system_id: key,
            }
          );
        },
        wrapCitationEntry: (text, key) => `<a href="#ref-${escapeAttribute(key ?? '')}">${text}</a>`,
      },
      style.xml,
      locale,
      true,
    );
    engine.opt.development_extensions.wrap_url_and_doi = true;
    engine.opt.development_extensions.apply_citation_wrapper = true;
    engines.set(id, (entry = Object.assign(state, { engine })));
  }
  return entry;
}

/**
 * Formats citations and reference lists in one CSL style and language, with citeproc-js.
 * Each citation links each of its references to the reference list (`#ref-<key>`). The same
 * citations give the same result, made once (a page in several editions and languages).
 */
export class Citer {
  private readonly done = new Map<string, CitedText>();
  private readonly alone = new Map<string, BibEntry>();

  constructor(
    readonly style: CitationStyle,
    readonly lang: string,
    private readonly library: ReferenceLibrary,
  ) {}

  /** Make citeproc's engine now: a style it cannot read throws here. */
  prepare(): void {
    void this.engine;
  }

  /** citeproc's engine for this style and language, reading this citer's bibliography. */
  private get engine(): CiteprocEngine {
    const entry = engineFor(this.style, localeFor(this.lang));
    entry.library = this.library;
    return entry.engine;
  }

  /** Format a text's citations, in order, and its reference list. Unknown keys are left out (they are reported where they are written). */
  cite(clusters: readonly (readonly CiteItem[])[]): CitedText {
    const known = clusters.map((items) => items.filter((item) => this.library.byKey.has(item.id)));
    if (known.every((items) => items.length === 0)) return { clusters: known.map(() => []), entries: [] };
    const id = JSON.stringify(known);
    let cited = this.done.get(id);
    if (!cited) this.done.set(id, (cited = this.format(known)));
    return cited;
  }

  private format(known: readonly (readonly CiteItem[])[]): CitedText {
    const engine = this.engine;
    const output = engine.rebuildProcessorState(
      known.flatMap((items, index) =>
        items.length === 0 ? [] : [{ citationID: `c${index}`, citationItems: items.map(citeprocItem), properties: { noteIndex: 0 } }],
      ),
      'html',
    );
    const entries = this.listed(engine.registry.getSortedIds()) ?? this.bibliography(engine);
    const byNumber = new Map(entries.map((entry) => [entry.label?.replace(/\D/g, ''), entry.key]));
    const texts = new Map(output.map(([id, , text]) => [id, text]));
    return {
      clusters: known.map((_, index) => {
        const text = texts.get(`c${index}`);
        return text === undefined ? [] : this.cluster(text, byNumber);
      }),
      entries,
    };
  }

  /** Whether the style prints a locator (a page, a chapter) in a citation of this reference. */
  showsLocator(key: string, label: string): boolean {
    const without = this.cite([[{ id: key }]]).clusters[0] ?? [];
    const withLocator = this.cite([[{ id: key, locator: '9999', label }]]).clusters[0] ?? [];
    return toHtml(without) !== toHtml(withLocator);
  }

  /**
   * The reference list made of each reference as listed on its own (made once per reference),
   * in the style's order: the same text as citeproc's whole list, at a fraction of the cost,
   * when nothing in the list depends on the others. Undefined when something might: two sources
   * with the same first author (a year "2016a", or "———" for a repeated author) or a label that
   * is not a number.
   */
  private listed(order: readonly string[]): BibEntry[] | undefined {
    const authors = order.map((key) => firstAuthor(this.library.byKey.get(key)!));
    if (new Set(authors).size !== authors.length) return undefined;
    const entries: BibEntry[] = [];
    for (const [index, key] of order.entries()) {
      const alone = this.entry(key);
      if (!alone) return undefined;
      if (alone.label !== undefined && !/^\D*1\D*$/.test(alone.label)) return undefined;
      entries.push({ ...alone, label: alone.label?.replace('1', String(index + 1)) });
    }
    return entries;
  }

  /** One reference on its own, as the style lists it (a key figure's source; an entry of a list). */
  entry(key: string): BibEntry | undefined {
    if (!this.library.byKey.has(key)) return undefined;
    let alone = this.alone.get(key);
    if (!alone) {
      const engine = this.engine;
      engine.updateItems([key]);
      this.alone.set(key, (alone = this.bibliography(engine)[0]!));
    }
    return alone;
  }

  private bibliography(engine: CiteprocEngine): BibEntry[] {
    const made = engine.makeBibliography();
    if (!made) return [];
    const [{ entry_ids: ids }, texts] = made;
    return texts.map((text, index) => {
      const key = ids[index]![0]!;
      const tree = clean(text);
      const label = find(tree, 'csl-left-margin');
      const body = find(tree, 'csl-right-inline') ?? find(tree, 'csl-entry');
      const children = (body ? body.children : tree.children) as ElementContent[];
      addIdentifiers(children, this.library.byKey.get(key)!);
      return { key, label: label ? toString(label).trim() : undefined, html: toHtml(isolateRightToLeft(children)).trim() };
    });
  }

  /** A citation's content: the style's brackets around citeproc's text, each reference a link. */
  private cluster(text: string, byNumber: ReadonlyMap<string | undefined, string>): ElementContent[] {
    const tree = clean(text);
    for (const node of elements(tree)) {
      if (node.tagName !== 'a') continue;
      // citeproc does not say which reference a collapsed number ("1–3") is: its number does.
      if (node.properties.href === '#ref-') {
        const key = byNumber.get(toString(node).replace(/\D/g, ''));
        if (key) node.properties.href = `#ref-${key}`;
      }
      node.properties.className = ['citation'];
    }
    return [
      ...(this.style.prefix ? [{ type: 'text' as const, value: this.style.prefix }] : []),
      ...(tree.children as ElementContent[]),
      ...(this.style.suffix ? [{ type: 'text' as const, value: this.style.suffix }] : []),
    ];
  }
}

/** Who a reference's list entry starts with, to tell two entries that might depend on each other. */
function firstAuthor(reference: Reference): string {
  const name = reference.author[0] ?? (reference['editor'] as Reference['author'] | undefined)?.[0];
  return (name ? (name.literal ?? name.family ?? '') : String(reference.title)).trim().toLowerCase();
}

function citeprocItem(item: CiteItem): Record<string, unknown> {
  return {
    id: item.id,
    ...(item.locator ? { locator: item.locator, label: item.label ?? 'page' } : {}),
    ...(item.prefix ? { prefix: item.prefix } : {}),
    ...(item.suffix ? { suffix: item.suffix } : {}),
    ...(item.suppressAuthor ? { 'suppress-author': true } : {}),
  };
}

/** citeproc's HTML as a tree, with nothing but its formatting and http(s) links. */
function clean(html: string): Root {
  const tree = fromHtml(html.trim(), { fragment: true });
  for (const node of elements(tree)) if (node.tagName === 'a') fixAddress(node);
  return sanitizer.runSync(tree) as Root;
}

/**
 * citeproc-js links every address it prints as if it were a DOI: anything not starting with
 * http gets "https://doi.org/" in front (mailto: too), and a DOI goes in unencoded. A DOI's
 * link is made with briefkit's encoding (one path on doi.org); any other address links to itself.
 */
function fixAddress(node: Element): void {
  const href = String(node.properties.href ?? '');
  if (!href.startsWith('https://doi.org/')) return;
  const shown = toString(node).trim();
  if (/^10\.\d{4,9}\//.test(shown)) node.properties.href = `https://doi.org/${doiPath(shown)}`;
  else if (/^https?:\/\/(dx\.)?doi\.org\/10\./i.test(shown))
    node.properties.href = `https://doi.org/${doiPath(shown.replace(/^https?:\/\/(dx\.)?doi\.org\//i, ''))}`;
  else if (href === `https://doi.org/${shown}`) node.properties.href = shown;
}

function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    yield child;
    yield* elements(child);
  }
}

function find(tree: Root, className: string): Element | undefined {
  for (const node of elements(tree)) {
    const classes = node.properties.className;
    if (Array.isArray(classes) && classes.includes(className)) return node;
  }
  return undefined;
}

/** A reference's DOI and PubMed ID stay links, whether the style prints them or not. */
function addIdentifiers(children: ElementContent[], reference: Reference): void {
  const text = toString({ type: 'root', children });
  const add = (label: string, href: string, value: string) => {
    // "2020;" (a style's separator before what is missing) ends with a full stop instead.
    const last = children.at(-1);
    if (last?.type === 'text') last.value = last.value.replace(/[\s;:,]+$/, '');
    const end = toString({ type: 'root', children });
    children.push({ type: 'text', value: `${end === '' ? '' : end.endsWith('.') ? ' ' : '. '}${label}` }, h('a', { href }, value), {
      type: 'text',
      value: '.',
    });
  };
  if (reference.DOI && !text.toLowerCase().includes(reference.DOI.toLowerCase())) add('doi: ', `https://doi.org/${doiPath(reference.DOI)}`, reference.DOI);
  if (reference.PMID && !text.includes(`PMID: ${reference.PMID}`))
    add('PMID: ', `https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(reference.PMID)}/`, reference.PMID);
}

/** A run of right-to-left words (Arabic, Hebrew, Persian…), with the spaces and marks between them. */
const RTL_RUN = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+(?:[\s.،؛]+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]+)*/gu;

/**
 * Each run of right-to-left words in an entry set apart in <bdi>. The locale's words in an
 * English reference on an Arabic page ("[انترنت]", "موجود في", a month) would otherwise pull the
 * numbers after them into their direction ("2016 مايو;111(5):883–91" shown as "91–883:(5)111;").
 */
function isolateRightToLeft(children: ElementContent[]): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type === 'element') return [{ ...child, children: isolateRightToLeft(child.children) }];
    if (child.type !== 'text' || !/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u.test(child.value)) return [child];
    const parts: ElementContent[] = [];
    let last = 0;
    for (const match of child.value.matchAll(RTL_RUN)) {
      if (match.index > last) parts.push({ type: 'text', value: child.value.slice(last, match.index) });
      parts.push(h('bdi', match[0]));
      last = match.index + match[0].length;
    }
    if (last < child.value.length) parts.push({ type: 'text', value: child.value.slice(last) });
    return parts;
  });
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
