import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { headingIds } from '../markdown/heading-ids.js';
import { parseMarkdown } from '../markdown/parse.js';
import { error, warn } from '../messages.js';
import { parseYaml } from '../yaml/parse.js';
import { START } from './sections.js';

/** A language's glossary: each source term and the translations it must get (any of them, as a word or the start of one). */
export type Glossary = ReadonlyMap<string, readonly string[]>;

/**
 * Read `translations/<lang>/glossary.yaml`: `term: translation`, or a list of accepted
 * forms (`naloxone: [налоксон]`; an inflected form such as "налоксону" counts, as the
 * translation starts a word). Problems are reported at their place.
 */
export function readGlossary(file: VFile): Glossary {
  const source = parseYaml(file, String(file.value));
  const terms = new Map<string, string[]>();
  const data = source.data;
  if (data === undefined || data === null) return terms;
  if (typeof data !== 'object' || Array.isArray(data)) {
    error(file, {
      reason: 'A glossary is "term: translation" lines',
      rule: 'glossary-shape',
      place: source.placeOf([]),
      hint: 'For example:\n  naloxone: налоксон\n  peer worker: [рівний консультант, рівна консультантка]',
    });
    return terms;
  }
  for (const [term, value] of Object.entries(data)) {
    const forms =
      typeof value === 'string' ? [value] : Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
    if (!forms || forms.length === 0 || forms.some((form) => form.trim() === '')) {
      error(file, { reason: `"${term}" should have a translation, or a list of them`, rule: 'wrong-type', place: source.placeOf([term]) });
      continue;
    }
    terms.set(term, forms);
  }
  return terms;
}

/** The text of each section of a page (as translation tracking splits it), with where its heading is. */
function sectionTexts(body: string): Map<string, { text: string; line: number }> {
  const tree = parseMarkdown(body);
  const ids = new Map(headingIds(tree).map((heading) => [heading.node, heading.id]));
  const headings = tree.children.filter((node): node is Heading => node.type === 'heading');
  const level = Math.min(...headings.map((heading) => heading.depth));
  const sections = new Map<string, { text: string; line: number }>();
  let current = START;
  for (const node of tree.children as RootContent[]) {
    if (node.type === 'heading' && node.depth === level) current = ids.get(node)!;
    const section = sections.get(current) ?? { text: '', line: node.position?.start.line ?? 1 };
    sections.set(current, { ...section, text: `${section.text}\n${toString(node)}` });
  }
  return sections;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Warn, on the translation, for each section whose original uses a glossary term while the
 * translation of that section has none of the term's translations: at the section's
 * heading, naming the term and what the glossary asks for.
 */
export function checkGlossary(glossary: Glossary, glossaryPath: string, originalBody: string, translation: VFile, translationBody: string): void {
  if (glossary.size === 0) return;
  const originals = sectionTexts(originalBody);
  const translated = sectionTexts(translationBody);
  for (const [id, { text, line }] of translated) {
    const original = originals.get(id)?.text;
    if (!original) continue;
    for (const [term, forms] of glossary) {
      if (!new RegExp(`(?<![\\p{L}\\p{N}])${escape(term)}(?![\\p{L}\\p{N}])`, 'iu').test(original)) continue;
      if (forms.some((form) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}`, 'iu').test(text))) continue;
      warn(translation, {
        reason: `The original of this section says "${term}", and this translation has no "${forms.join('" or "')}", as ${glossaryPath} asks`,
        rule: 'glossary-term',
        place: { line, column: 1 },
        hint: `Use the glossary's translation of "${term}", or change the glossary if it is wrong.`,
      });
    }
  }
}
