/**
 * The citer lists each reference as citeproc lists it on its own when no entry depends on
 * another (fast), and asks citeproc for the whole list when one might: a year "2016a", or an
 * author repeated as "———".
 */
import { describe, expect, it } from 'vitest';
import { parseStyle } from '../../src/references/csl/citation-style.js';
import { Citer } from '../../src/references/csl/citer.js';
import { builtInStyle } from '../../src/references/csl/csl-files.js';
import type { Reference, ReferenceLibrary } from '../../src/references/library.js';

function library(references: Partial<Reference>[]): ReferenceLibrary {
  const byKey = new Map(references.map((reference) => [reference.id!, { type: 'article-journal', author: [], ...reference } as Reference]));
  return { files: [], byKey, origins: new Map() };
}

const books = library([
  {
    id: 'who2014a',
    type: 'report',
    title: 'Community management of opioid overdose',
    author: [{ literal: 'World Health Organization' }],
    issued: { 'date-parts': [[2014]] },
    publisher: 'WHO',
  },
  {
    id: 'who2014b',
    type: 'report',
    title: 'Guidelines on HIV',
    author: [{ literal: 'World Health Organization' }],
    issued: { 'date-parts': [[2014]] },
    publisher: 'WHO',
  },
  {
    id: 'who2016',
    type: 'report',
    title: 'Consolidated guidelines',
    author: [{ literal: 'World Health Organization' }],
    issued: { 'date-parts': [[2016]] },
    publisher: 'WHO',
  },
  {
    id: 'bird2016',
    title: 'Effectiveness of a naloxone programme',
    author: [{ family: 'Bird', given: 'Sheila M.' }],
    'container-title': 'Addiction',
    issued: { 'date-parts': [[2016]] },
  },
]);

function citer(style: string, refs: ReferenceLibrary): Citer {
  return new Citer(parseStyle(style, builtInStyle(style)!, undefined)!, 'en', refs);
}

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('the reference list', () => {
  it("gives two works of one author in one year their letters (APA), as citeproc's whole list does", () => {
    const { entries } = citer('apa', books).cite([[{ id: 'who2014b' }], [{ id: 'who2014a' }, { id: 'bird2016' }]]);
    expect(entries.map((entry) => text(entry.html))).toEqual([
      'Bird, S. M. (2016). Effectiveness of a naloxone programme. Addiction.',
      'World Health Organization. (2014a). Community management of opioid overdose. WHO.',
      'World Health Organization. (2014b). Guidelines on HIV. WHO.',
    ]);
  });

  it('numbers a Vancouver list in order of citation, the same after reuse on another page', () => {
    const vancouver = citer('vancouver', books);
    const first = vancouver.cite([[{ id: 'bird2016' }, { id: 'who2016' }]]).entries;
    const second = vancouver.cite([[{ id: 'who2016' }], [{ id: 'bird2016' }]]).entries;
    expect(first.map((entry) => [entry.label, entry.key])).toEqual([
      ['1.', 'bird2016'],
      ['2.', 'who2016'],
    ]);
    expect(second.map((entry) => [entry.label, entry.key])).toEqual([
      ['1.', 'who2016'],
      ['2.', 'bird2016'],
    ]);
    expect(second[1]!.html).toBe(first[0]!.html);
  });
});
