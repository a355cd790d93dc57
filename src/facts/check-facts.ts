import type { VFile } from 'vfile';
import type { Override } from '../countries/overrides.js';
import { error, warn } from '../messages.js';
import type { Page } from '../model/page.js';
import type { Translation } from '../model/translation.js';
import { compareFacts } from './compare-facts.js';
import type { Adaptation, FactFinding } from './compare-facts.js';
import { factsInText } from './extract-facts.js';
import { safetySections } from './section-facts.js';
import type { PlacedFact, SectionFacts } from './section-facts.js';

/** Each section's facts of a file rendered this run, by section id. */
export type FileFacts = Readonly<Record<string, SectionFacts>>;

/** What one edition's fact check looks at. */
export interface FactCheckInput {
  readonly pages: readonly Page[];
  readonly translations: readonly Translation[];
  readonly overrides: readonly Override[];
  /** The facts of a file rendered for this edition. */
  readonly facts: (file: VFile) => FileFacts | undefined;
  /** The project's product names (config `products`). */
  readonly products: readonly string[];
  /** What the edition's profile lets its overrides change (`facts_may_differ`), as written. */
  readonly mayDiffer: readonly string[];
}

/** How many facts were compared in a file, and how many differences were found and acknowledged. */
export interface FactTally {
  readonly checked: number;
  readonly mismatches: number;
  readonly acknowledged: number;
}

/**
 * Compare the facts of every translated and overridden section with its original's (issue
 * 32): a dose, interval, number, telephone number, address, product or variable missing or
 * different is reported on the translation or override, at its line, naming the original's
 * line; inside a `:::safety` block, or in a section the page's `safety_sections` lists, as an
 * error. Returns each checked file's tally.
 */
export function checkFacts(input: FactCheckInput): Map<VFile, FactTally> {
  const bySource = new Map(input.pages.map((page) => [page.sourcePath, page]));
  for (const page of input.pages) checkSafetySections(page, input.facts(page.file));
  const tallies = new Map<VFile, FactTally>();
  const adaptation: Adaptation = { mayDiffer: new Set(input.mayDiffer.flatMap((value) => keysOf(value, input.products))) };
  const check = (file: VFile, page: Page | undefined, pairs: readonly (readonly [SectionFacts, SectionFacts, string])[], adapting: boolean) => {
    if (!page) return;
    const safe = safetySections(page.meta);
    let tally = tallies.get(file) ?? { checked: 0, mismatches: 0, acknowledged: 0 };
    for (const [original, written, id] of pairs) {
      const findings = compareFacts(original, written, adapting ? adaptation : undefined);
      tally = {
        checked: tally.checked + original.facts.length,
        mismatches: tally.mismatches + findings.filter((finding) => !finding.acknowledged && finding.rule !== 'fact-ok-unused').length,
        acknowledged: tally.acknowledged + findings.filter((finding) => finding.acknowledged).length,
      };
      for (const finding of findings) if (!finding.acknowledged) report(file, page, written, finding, safe.has(id));
    }
    tallies.set(file, tally);
  };
  for (const translation of input.translations) {
    const page = bySource.get(translation.sourcePath);
    const written = input.facts(translation.file);
    const original = page && input.facts(page.file);
    if (!written || !original) continue;
    check(
      translation.file,
      page,
      Object.entries(written).flatMap(([id, section]) => (original[id] ? [[original[id], section, id] as const] : [])),
      false,
    );
  }
  for (const override of input.overrides) {
    const written = input.facts(override.file);
    const original = input.facts(override.page.file);
    if (!written || !original) continue;
    const sections = Object.entries(written);
    // A section's override is all one section, whatever its headings.
    const replaced = override.section === undefined ? undefined : original[override.section];
    const pairs =
      override.section === undefined
        ? sections.flatMap(([id, section]) => (original[id] ? [[original[id], section, id] as const] : []))
        : replaced
          ? [[replaced, merged(sections.map(([, section]) => section)), override.section] as const]
          : [];
    check(override.file, override.page, pairs, true);
  }
  return tallies;
}

/** Warn at each id of a page's `safety_sections` that names none of its sections (a typo would leave a section unguarded). */
function checkSafetySections(page: Page, facts: FileFacts | undefined): void {
  const listed = page.meta.safety_sections;
  if (!facts || !Array.isArray(listed)) return;
  const ids = Object.keys(facts).filter((id) => !id.startsWith('_'));
  listed.forEach((id, index) => {
    if (id in facts) return;
    warn(page.file, {
      reason: `"${id}" names no section of this page, so no section is checked as safety facts under that name`,
      rule: 'safety-section-unknown',
      place: page.yaml?.placeOf(['safety_sections', index]),
      hint: ids.length > 0 ? `Use the id of a top-level heading: ${ids.join(', ')}.` : 'The page has no top-level headings to list.',
    });
  });
}

/** The facts a value of `facts_may_differ` names (`112`, `Prenoxad`, `0.4 mg`), or the value itself. */
function keysOf(value: string, products: readonly string[]): string[] {
  const keys = factsInText(value, 'en', { products }).map((fact) => fact.key);
  return keys.length > 0 ? keys : [value.trim()];
}

function merged(sections: readonly SectionFacts[]): SectionFacts {
  return {
    line: sections[0]?.line ?? 1,
    column: sections[0]?.column ?? 1,
    facts: sections.flatMap((section) => section.facts),
    acknowledged: sections.flatMap((section) => section.acknowledged),
  };
}

function report(file: VFile, page: Page, section: SectionFacts, finding: FactFinding, safetySection: boolean): void {
  const original = `briefings/${page.sourcePath}`;
  const at = (fact: PlacedFact) => `${original}:${fact.line}:${fact.column}`;
  const { source, written } = finding;
  const safety = finding.safety || safetySection;
  // A safety fact must read the same in every language and edition.
  const lead = (sentence: string) => (safety ? `A safety fact differs: ${sentence[0]!.toLowerCase()}${sentence.slice(1)}` : sentence);
  const place = written ? { line: written.line, column: written.column } : { line: section.line, column: section.column };
  const acknowledge = (fact: PlacedFact) => `<!-- fact-ok: ${fact.text} -->`;
  let problem: { reason: string; rule: string; hint: string };
  if (finding.rule === 'fact-ok-unused') {
    problem = {
      reason: `"${written!.text}" is acknowledged as a difference, but neither this section nor its original (${original}) says it`,
      rule: 'fact-ok-unused',
      hint: 'The original has changed since the difference was acknowledged: check this section against it again, then remove or update the comment.',
    };
  } else if (finding.rule === 'fact-extra') {
    problem = {
      reason: lead(`This says "${written!.text}", which the original's section (${original}:${section.line}) does not`),
      rule: 'fact-extra',
      hint: `Check it against the original. If it is meant, say so beside it: ${acknowledge(written!)}`,
    };
  } else if (written) {
    problem = {
      reason: lead(`This says "${written.text}" where the original says "${source!.text}" (${at(source!)})`),
      rule: 'fact-mismatch',
      hint: `Write the original's ${source!.kind === 'number' ? 'figure' : source!.kind} here. If the difference is meant, say so beside it: ${acknowledge(source!)}`,
    };
  } else {
    problem = {
      reason: lead(`The original says "${source!.text}" here (${at(source!)}), and this section does not`),
      rule: 'fact-mismatch',
      hint:
        source!.kind === 'variable'
          ? `Keep ${source!.key} as it is: each edition puts its own value in its place.`
          : `Add it to this section. If it is left out on purpose, say so: ${acknowledge(source!)}`,
    };
  }
  const message = { ...problem, place };
  if (safety && finding.rule !== 'fact-ok-unused') error(file, message);
  else warn(file, message);
}
