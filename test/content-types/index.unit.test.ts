import { describe, expect, it } from 'vitest';
import { typesInWords } from '../../src/content-types/index.js';

// Issue 30: help and messages take the types from the registry, not from a hand-written list
// (`briefkit pdf --help` said "brief" where every other place said "advocacy brief").
describe('typesInWords', () => {
  it('names the types that print, one of them or all of them', () => {
    expect(typesInWords('printed', 'a')).toBe('a technical briefing, case study, training module or advocacy brief');
    expect(typesInWords('printed', 'all')).toBe('technical briefings, case studies, training modules and advocacy briefs');
  });

  it('leaves out the case studies when it names the types with a share page', () => {
    expect(typesInWords('shared', 'one')).toBe('technical briefing, training module or advocacy brief');
  });
});
