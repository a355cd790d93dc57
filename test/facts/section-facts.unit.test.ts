/** Issue 32: the facts of each section of a Markdown file, where they are, and which are safety facts. */
import { describe, expect, it } from 'vitest';
import { sectionFacts } from '../../src/facts/section-facts.js';
import { parseMarkdown } from '../../src/markdown/parse.js';

const factsOf = (body: string, lang = 'en', products: string[] = []) => sectionFacts(parseMarkdown(body), body, lang, { products });

describe('the facts of a section (issue 32)', () => {
  it('reads facts by section, at their line and column, marking those in :::safety', () => {
    const body = 'Intro with 3 peers.\n\n## Dose\n\n:::safety\nGive 0.4 mg, then call 112.\n:::\n\nWait 2–3 minutes.\n';
    const facts = factsOf(body);
    expect(Object.keys(facts)).toEqual(['_start', 'dose']);
    expect(facts._start!.facts.map((fact) => [fact.key, fact.line, fact.column])).toEqual([['3', 1, 12]]);
    expect(facts.dose).toMatchObject({ line: 3, column: 1 });
    expect(facts.dose!.facts.map((fact) => [fact.key, fact.text, fact.line, fact.column, fact.safety])).toEqual([
      ['0.4 mg', '0.4 mg', 6, 6, true],
      ['112', '112', 6, 24, true],
      ['2–3 min', '2–3 minutes', 9, 6, false],
    ]);
  });

  it('reads link addresses once, variables and products, and leaves out code, images and footnote labels', () => {
    const body =
      'See [the leaflet](https://Example.org/Leaflet/) or https://example.org/x, call {{emergency_number}}.\n\n' +
      'Nyxoid[^1] is `1.8 mg` in code. ![A 4 mg spray](spray.png)\n\n```\n0.4 mg\n```\n\n[^1]: Approved in 2017.\n';
    const keys = factsOf(body, 'en', ['Nyxoid'])._start!.facts.map((fact) => `${fact.kind}:${fact.key}`);
    expect(keys).toEqual(['url:https://example.org/Leaflet', 'url:https://example.org/x', 'variable:{{emergency_number}}', 'product:Nyxoid', 'number:2017']);
  });

  it('reads the facts a <!-- fact-ok: … --> comment acknowledges, in the language of the file', () => {
    const facts = factsOf('## Дані\n\nУ 2024 році. <!-- fact-ok: 0,4 мг; 2023 -->\n', 'uk');
    expect(facts['дані']!.acknowledged.map((fact) => fact.key)).toEqual(['0.4 mg', '2023']);
  });
});
