/**
 * Issue 27, item 4 (part): a 567-byte BibTeX file whose @string abbreviations each repeat
 * the one before grew to gigabytes. Expanded sizes are counted before anything is expanded:
 * past the budget, an error at the abbreviation (or field) and nothing of it is read; the
 * file's other entries still are. Variants: a doubling chain, a long fan-out in one field,
 * an abbreviation that refers to itself through another.
 */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { bibtex } from '../../src/references/import/bibtex.js';
import { formatReport } from '../../src/report.js';

const normal = '@article{bird_2016, title = {Naloxone in Scotland}, author = {Bird, Sheila}, journal = {Addiction}, year = {2016}}\n';

function read(text: string) {
  const file = new VFile({ path: '/p/library.bib', value: text });
  const entries = bibtex.read(file);
  return { entries, report: formatReport([file], { cwd: '/p' }) };
}

describe('issue 27: BibTeX abbreviations have an expansion budget', () => {
  it('stops a doubling chain of @string abbreviations at the one that passes the budget', () => {
    const chain = ['@string{s0 = "xxxxxxxxxx"}', ...Array.from({ length: 40 }, (_, index) => `@string{s${index + 1} = s${index} # s${index}}`)].join('\n');
    const { entries, report } = read(`${chain}\n@article{big, title = s40, year = {2020}}\n${normal}`);
    expect(entries.map((entry) => entry.key ?? entry)).toHaveLength(1);
    expect(report).toMatch(/library\.bib:15:\d+ +error +"s14" grows past 100,000 characters once its @string abbreviations are filled in/);
    expect(report).toContain('bibtex-too-large');
  });

  it('refuses one field that repeats a large abbreviation many times, and one that refers to itself', () => {
    const big = `@string{big = "${'y'.repeat(60_000)}"}\n@article{fan, title = big # big # big, year = {2020}}\n`;
    const loop = '@string{a = b # "x"}\n@string{b = a # "y"}\n@article{loop, title = a, year = {2021}}\n';
    const { entries, report } = read(`${big}${loop}${normal}`);
    expect(entries).toHaveLength(1);
    expect(report).toMatch(/library\.bib:2:\d+ +error +"title" grows past 100,000 characters/);
    expect(report).toMatch(/library\.bib:3:\d+ +error +"a" grows past/);
  });
});
