import type { Nodes, Root } from 'mdast';
import { location } from 'vfile-location';
import { groupSections } from '../i18n/sections.js';
import type { OutlineHeading } from '../markdown/heading-ids.js';
import { factsInText } from './extract-facts.js';
import type { Fact, FactKind } from './extract-facts.js';

/** A fact as a file states it: what it is and where (plain data: it crosses from a worker and sits in the cache). */
export interface PlacedFact {
  readonly kind: FactKind;
  readonly key: string;
  readonly text: string;
  readonly line: number;
  readonly column: number;
  /** Inside a `:::safety` block: a difference is an error. */
  readonly safety: boolean;
}

/** The facts of one section of a file, with where the section starts and the facts its `<!-- fact-ok: … -->` comments acknowledge. */
export interface SectionFacts {
  readonly line: number;
  readonly column: number;
  readonly facts: readonly PlacedFact[];
  readonly acknowledged: readonly PlacedFact[];
}

/** The block whose facts must never differ between languages. */
export const SAFETY_BLOCK = 'safety';

/** The sections a page's front matter lists under `safety_sections:`, by id. */
export function safetySections(meta: Readonly<Record<string, unknown>>): Set<string> {
  return new Set(Array.isArray(meta.safety_sections) ? meta.safety_sections.map(String) : []);
}

/** `<!-- fact-ok: 0,8 мг; 103 -->`: the facts a translator or adapter says differ on purpose. */
const ACKNOWLEDGEMENT = /^<!--\s*fact-ok\s*:?([^]*?)-->$/i;

/**
 * Each section's facts (doses, intervals, numbers, telephone numbers, addresses, products,
 * variables), by the section ids translation tracking uses (a translation's taken from its
 * original's `outline`). Read from the parsed tree, before any plugin changes it: text, link
 * addresses and variables count; code, raw HTML and image descriptions do not.
 */
export function sectionFacts(
  tree: Root,
  body: string,
  lang: string,
  options: { readonly outline?: readonly OutlineHeading[] | undefined; readonly products?: readonly string[]; readonly country?: string | undefined } = {},
): Record<string, SectionFacts> {
  const locate = location(body);
  const place = (offset: number) => {
    const point = locate.toPoint(offset);
    return { line: point?.line ?? 1, column: point?.column ?? 1 };
  };
  const extract = { products: options.products ?? [], ...(options.country ? { country: options.country.toUpperCase() } : {}) };
  const result: Record<string, SectionFacts> = {};
  for (const group of groupSections(tree, options.outline)) {
    const facts: PlacedFact[] = [];
    const acknowledged: PlacedFact[] = [];
    const add = (list: PlacedFact[], found: readonly Fact[], offsetOf: (fact: Fact) => number, safety: boolean, kinds?: ReadonlySet<FactKind>) => {
      for (const fact of found)
        if (!kinds || kinds.has(fact.kind)) list.push({ kind: fact.kind, key: fact.key, text: fact.text, ...place(offsetOf(fact)), safety });
    };
    const walk = (node: Nodes, safety: boolean) => {
      const start = node.position?.start.offset;
      switch (node.type) {
        case 'text': {
          // Offsets map one to one when the text is written as it reads (no escapes or entities).
          const exact = start !== undefined && body.slice(start, node.position!.end.offset) === node.value;
          const found = factsInText(node.value, lang, extract);
          add(facts, found, (fact) => (exact ? start + fact.start : (start ?? 0)), safety, TEXT_KINDS);
          return;
        }
        case 'link': {
          const found = factsInText(node.url.replace(/^mailto:/i, ''), lang, extract);
          add(facts, found, () => start ?? 0, safety, ADDRESS_KINDS);
          // An address written as the link's text (an autolink) is the same fact once.
          for (const child of node.children) if (!(child.type === 'text' && child.value === node.url.replace(/^mailto:/i, ''))) walk(child, safety);
          return;
        }
        case 'variable':
          facts.push({
            kind: 'variable',
            key: `{{${node.name.trim()}}}`,
            text: body.slice(start ?? 0, node.position?.end.offset ?? 0),
            ...place(start ?? 0),
            safety,
          });
          return;
        case 'html': {
          const comment = ACKNOWLEDGEMENT.exec(node.value.trim());
          if (comment) add(acknowledged, factsInText(comment[1]!, lang, extract), () => start ?? 0, safety);
          return;
        }
        case 'code':
        case 'inlineCode':
        case 'image':
        case 'imageReference':
        case 'definition':
          return;
        default:
          if ('children' in node)
            for (const child of node.children as Nodes[]) walk(child, safety || (node.type === 'containerDirective' && node.name === SAFETY_BLOCK));
      }
    };
    for (const node of group.nodes) walk(node, false);
    result[group.id] = { ...place(group.start), facts, acknowledged };
  }
  return result;
}

/** Facts of text nodes: addresses in text are links already (GFM finds them), so only their link counts. */
const TEXT_KINDS: ReadonlySet<FactKind> = new Set(['number', 'phone', 'product', 'variable']);
const ADDRESS_KINDS: ReadonlySet<FactKind> = new Set(['url', 'email', 'phone']);
