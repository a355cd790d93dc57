import type { PlacedFact, SectionFacts } from './section-facts.js';

/** A difference between the facts of a section and those of its translation or country version. */
export interface FactFinding {
  /** `fact-mismatch`: the original's fact is missing or different; `fact-extra`: the translation has one the original has not; `fact-ok-unused`: an acknowledgement that matches nothing. */
  readonly rule: 'fact-mismatch' | 'fact-extra' | 'fact-ok-unused';
  /** The original's fact (none for an extra one). */
  readonly source?: PlacedFact | undefined;
  /** The translation's fact (none for a missing one). */
  readonly written?: PlacedFact | undefined;
  /** Inside a `:::safety` block on either side: an error, not a warning. */
  readonly safety: boolean;
  /** A `<!-- fact-ok: … -->` beside it says the difference is meant. */
  readonly acknowledged: boolean;
}

/** How a country edition's version of a section may differ from the original. */
export interface Adaptation {
  /** Facts the country's profile allows to differ (`facts_may_differ`), by key. */
  readonly mayDiffer: ReadonlySet<string>;
}

/**
 * Compare a section's facts with those of its translation (or, with `adaptation`, a country
 * override of it). The same fact on both sides, in any order, matches; what is left pairs up by
 * kind (and unit) as a fact changed, and the rest is missing or extra. An override may replace
 * a fact with a `{{variable}}`, drop or change one its profile allows, and add its own.
 */
export function compareFacts(original: SectionFacts, written: SectionFacts, adaptation?: Adaptation): FactFinding[] {
  const sources = [...original.facts];
  const writtens = [...written.facts];
  const take = <T>(list: T[], test: (item: T) => boolean): T | undefined => {
    const index = list.findIndex(test);
    return index === -1 ? undefined : list.splice(index, 1)[0];
  };
  // The same fact, or the same text (a figure copied as the original writes it, "69,000", which a Ukrainian reads otherwise).
  for (const fact of [...sources])
    if (take(writtens, (other) => other.key === fact.key) ?? take(writtens, (other) => other.text === fact.text)) sources.splice(sources.indexOf(fact), 1);
  if (adaptation) {
    const allowed = (fact: PlacedFact) => adaptation.mayDiffer.has(fact.key);
    for (const fact of sources.filter(allowed)) sources.splice(sources.indexOf(fact), 1);
    for (const fact of writtens.filter(allowed)) writtens.splice(writtens.indexOf(fact), 1);
    // A number, telephone number or product made a variable: the edition's value stands in for it.
    for (const fact of [...sources])
      if (fact.kind !== 'variable' && take(writtens, (other) => other.kind === 'variable')) sources.splice(sources.indexOf(fact), 1);
  }
  const findings: Omit<FactFinding, 'acknowledged'>[] = [];
  for (const fact of sources) {
    const other =
      take(writtens, (candidate) => candidate.kind === fact.kind && unitOf(candidate) === unitOf(fact)) ??
      take(writtens, (candidate) => candidate.kind === fact.kind);
    findings.push({ rule: 'fact-mismatch', source: fact, written: other, safety: fact.safety || other?.safety === true });
  }
  // An override adds what its country needs (a local helpline); a translation should not.
  if (!adaptation) for (const fact of writtens) if (fact.kind !== 'variable') findings.push({ rule: 'fact-extra', written: fact, safety: fact.safety });
  const acknowledged = new Set(written.acknowledged.map((fact) => fact.key));
  const used = new Set<string>();
  const result: FactFinding[] = findings.map((finding) => {
    const keys = [finding.source?.key, finding.written?.key].filter((key) => key !== undefined && acknowledged.has(key)) as string[];
    for (const key of keys) used.add(key);
    return { ...finding, acknowledged: keys.length > 0 };
  });
  const stated = new Set([...original.facts, ...written.facts].map((fact) => fact.key));
  for (const fact of written.acknowledged)
    if (!used.has(fact.key) && !stated.has(fact.key)) result.push({ rule: 'fact-ok-unused', written: fact, safety: false, acknowledged: false });
  return result;
}

/** A number's unit (`mg` of `0.4 mg`), empty for none. */
function unitOf(fact: PlacedFact): string {
  return fact.kind === 'number' ? fact.key.split(' ').slice(1).join(' ') : '';
}
