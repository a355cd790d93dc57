/** Issue 32: how a section's facts are matched with its translation's or country version's. */
import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../src/facts/compare-facts.js';
import type { PlacedFact, SectionFacts } from '../../src/facts/section-facts.js';

const fact = (key: string, kind: PlacedFact['kind'] = 'number', safety = false): PlacedFact => ({ kind, key, text: key, line: 1, column: 1, safety });
const section = (facts: PlacedFact[], acknowledged: PlacedFact[] = []): SectionFacts => ({ line: 1, column: 1, facts, acknowledged });
const summary = (findings: ReturnType<typeof compareFacts>) =>
  findings.map((finding) => [finding.rule, finding.source?.key ?? null, finding.written?.key ?? null, finding.acknowledged]);

describe('comparing the facts of a section (issue 32)', () => {
  it('matches the same facts in any order', () => {
    expect(compareFacts(section([fact('0.4 mg'), fact('112')]), section([fact('112'), fact('0.4 mg')]))).toEqual([]);
  });

  it('matches a figure copied as the original writes it, though the language would read it otherwise', () => {
    const copied = { ...fact('69'), text: '69,000' };
    expect(compareFacts(section([{ ...fact('69000'), text: '69,000' }]), section([copied]))).toEqual([]);
  });

  it('pairs a changed fact with the one of the same kind and unit, and reports what is missing or extra', () => {
    const original = section([fact('0.4 mg'), fact('2–3 min'), fact('Nyxoid', 'product')]);
    const translation = section([fact('3–4 min'), fact('4 mg'), fact('Prenoxad', 'product'), fact('15 %')]);
    expect(summary(compareFacts(original, translation))).toEqual([
      ['fact-mismatch', '0.4 mg', '4 mg', false],
      ['fact-mismatch', '2–3 min', '3–4 min', false],
      ['fact-mismatch', 'Nyxoid', 'Prenoxad', false],
      ['fact-extra', null, '15 %', false],
    ]);
    expect(summary(compareFacts(section([fact('0.4 mg')]), section([])))).toEqual([['fact-mismatch', '0.4 mg', null, false]]);
  });

  it('marks a difference inside :::safety on either side', () => {
    expect(compareFacts(section([fact('112', 'number', true)]), section([fact('113')]))[0]!.safety).toBe(true);
    expect(compareFacts(section([]), section([fact('113', 'number', true)]))[0]!.safety).toBe(true);
  });

  it('stays quiet about an acknowledged difference, and reports an acknowledgement that matches nothing any more', () => {
    expect(summary(compareFacts(section([fact('2023')]), section([fact('2024')], [fact('2023')])))).toEqual([['fact-mismatch', '2023', '2024', true]]);
    // The original changed since: 2023 is neither side's any more.
    expect(summary(compareFacts(section([fact('2025')]), section([fact('2024')], [fact('2023')])))).toEqual([
      ['fact-mismatch', '2025', '2024', false],
      ['fact-ok-unused', null, '2023', false],
    ]);
  });

  it('lets a country override put a variable in a fact’s place, change what its profile allows, and add its own', () => {
    const original = section([fact('112'), fact('Prenoxad', 'product'), fact('1.8 mg')]);
    const override = section([fact('{{emergency_number}}', 'variable'), fact('Naloxon-Ratiopharm', 'product'), fact('1.8 mg'), fact('+380441234567', 'phone')]);
    expect(compareFacts(original, override, { mayDiffer: new Set(['Prenoxad']) })).toEqual([]);
    expect(summary(compareFacts(original, override, { mayDiffer: new Set() }))).toEqual([['fact-mismatch', 'Prenoxad', 'Naloxon-Ratiopharm', false]]);
    expect(summary(compareFacts(section([fact('112')]), section([fact('113')]), { mayDiffer: new Set() }))).toEqual([['fact-mismatch', '112', '113', false]]);
  });

  it('asks a translation to keep a variable as it is', () => {
    expect(summary(compareFacts(section([fact('{{emergency_number}}', 'variable')]), section([fact('103')])))).toEqual([
      ['fact-mismatch', '{{emergency_number}}', null, false],
      ['fact-extra', null, '103', false],
    ]);
  });
});
