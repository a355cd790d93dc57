import { compareFacts } from './compare-facts.js';
import type { FactFinding } from './compare-facts.js';
import type { Fact } from './extract-facts.js';
import { factsInText } from './extract-facts.js';
import { SAFETY_BLOCK, safetySections } from './section-facts.js';
import type { PlacedFact, SectionFacts } from './section-facts.js';
import type { Segment } from '../i18n/segments.js';

/** What checking the facts of a translator's entries needs to know. */
export interface SegmentFactContext {
  readonly sourceLang: string;
  readonly lang: string;
  readonly products: readonly string[];
  /** Whether a segment's facts are safety facts (in a `:::safety` box, or a section of the page's `safety_sections`). */
  readonly safety: (segment: { readonly box?: string | undefined; readonly section: string }) => boolean;
}

/** The facts context of a page's entries: `safety_sections` of its front matter, and its `:::safety` boxes. */
export function segmentFactContext(sourceLang: string, lang: string, products: readonly string[], meta: Readonly<Record<string, unknown>>): SegmentFactContext {
  const sections = safetySections(meta);
  return { sourceLang, lang, products, safety: (segment) => segment.box === SAFETY_BLOCK || sections.has(segment.section) };
}

/** A page's segments with their facts set, for the notes of a translator's file. */
export function withFacts<Page extends { readonly segments: readonly Segment[] }>(page: Page, context: SegmentFactContext): Page {
  return {
    ...page,
    segments: page.segments.map((segment) => ({
      ...segment,
      facts: segmentFacts(segment.text, context.sourceLang, context.products),
      safety: context.safety(segment),
    })),
  };
}

/** Markdown in a segment that holds no fact of its own: footnote marks, citations, code and images. */
const NOT_FACTS = /\[\^[^\]]*\]|\[@[^\]]*\]|`[^`]*`|!\[[^\]]*\]\([^)]*\)/g;

/** The facts of a segment's Markdown text (its footnote marks, citations, code and images left out). */
function markdownFacts(text: string, lang: string, products: readonly string[]): Fact[] {
  return factsInText(
    text.replace(NOT_FACTS, (match) => ' '.repeat(match.length)),
    lang,
    { products },
  );
}

/** The facts of a segment's Markdown text, as written, for a translator's note (`0.4 mg`, `2–3 minutes`, `112`). */
export function segmentFacts(text: string, lang: string, products: readonly string[]): string[] {
  return [...new Set(markdownFacts(text, lang, products).map((fact) => fact.text))];
}

/** The differences between the facts of a segment's original text and its translation (no acknowledgements: those are written in the Markdown). */
export function segmentFindings(source: string, target: string, context: SegmentFactContext, safety: boolean): FactFinding[] {
  const section = (text: string, lang: string): SectionFacts => ({
    line: 1,
    column: 1,
    acknowledged: [],
    facts: markdownFacts(text, lang, context.products).map((fact): PlacedFact => ({
      kind: fact.kind,
      key: fact.key,
      text: fact.text,
      line: 1,
      column: 1,
      safety,
    })),
  });
  return compareFacts(section(source, context.sourceLang), section(target, context.lang));
}
