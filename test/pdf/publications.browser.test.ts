/**
 * Issue 8, class 8 (correct publications), as a reader of the PDFs sees them: one citation
 * numbering and one complete reference list per PDF, numbered reference lists in a
 * right-to-left language, and a PDF whose text is the untranslated original saying so.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';
import { catalog, pdfinfo, pdftotext } from '../helpers/pdf-tools.js';
import { lacks } from '../helpers/tools.js';

const reference = (id: string, title: string) =>
  `- id: ${id}\n  type: webpage\n  title: "${title}"\n  author: [{literal: "Author ${id}"}]\n  URL: "https://example.org/${id}"\n`;

let out: string;
const briefingPdf = (lang: string) => join(out, `${lang}/brief/brief.${lang}.pdf`);

beforeAll(async () => {
  const root = await makeProject({
    'briefkit.config.yaml': 'title: Sample\nlanguages: [en, ar]\n',
    'briefings/references.yaml': ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'].map((id) => reference(id, `Source ${id}`)).join('\n'),
    // The briefing cites alpha and bravo; each case study cites one of those again and
    // sources of its own, so a per-page numbering would give them other numbers.
    'briefings/brief/index.md': '---\ntitle: The briefing\ndate: 2024-01-02\ncase_studies: [one, two]\n---\n\n## Opening\n\nFirst [@alpha]. Second [@bravo].\n',
    'briefings/case-studies/one.md': caseStudy({ title: 'Study one' }, '## Findings\n\nOwn [@charlie]. Shared [@bravo]. More [@delta].\n'),
    'briefings/case-studies/two.md': caseStudy({ title: 'Study two' }, '## Findings\n\nOwn [@echo]. Shared [@alpha; @delta]. Last [@foxtrot].\n'),
    'translations/ar/case-studies/one.md': '---\ntitle: الدراسة الأولى\n---\n\n## النتائج {#findings}\n\nمصدر [@charlie]. مشترك [@bravo]. المزيد [@delta].\n',
  });
  out = join(root, 'dist');
  const result = await buildProject(root, { out, pdf: true });
  expect(result.report).toBe('');
  expect(result.ok).toBe(true);
});

/** The numbered entries of a PDF's reference list: number → source title. */
async function referenceEntries(pdf: string): Promise<Map<number, string>> {
  const text = (await pdftotext(pdf)).replace(/\s+/g, ' ');
  const list = text.slice(text.lastIndexOf('References'));
  return new Map([...list.matchAll(/(\d+)\. Author \w+\. Source (\w+) /g)].map((match) => [Number(match[1]), match[2]!]));
}

describe('a briefing PDF with case-study chapters', () => {
  it.skipIf(lacks('pdftotext'))('has one reference list with each source once, numbered 1..N in order of first citation', async () => {
    const entries = await referenceEntries(briefingPdf('en'));
    expect([...entries]).toEqual([
      [1, 'alpha'],
      [2, 'bravo'],
      [3, 'charlie'],
      [4, 'delta'],
      [5, 'echo'],
      [6, 'foxtrot'],
    ]);
  });

  it.skipIf(lacks('pdftotext'))('cites with the numbers of that list in the briefing and in every chapter', async () => {
    const text = (await pdftotext(briefingPdf('en'))).replace(/\s+/g, ' ');
    // Vancouver, the default style: numbers in brackets, sorted within one citation.
    expect(text).toContain('First (1). Second (2).');
    expect(text).toContain('Own (3). Shared (2). More (4).');
    expect(text).toContain('Own (5). Shared (1,4). Last (6).');
    // No in-text number without its entry.
    const cited = new Set([...text.matchAll(/\((\d+(?:,\d+)*)\)/g)].flatMap((match) => match[1]!.split(',').map(Number)));
    expect([...cited].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it.skipIf(lacks('qpdf'))('links each citation to its one entry in the list', async () => {
    const pdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', briefingPdf('en'), '-'], { maxBuffer: 50_000_000 }).toString('latin1');
    const defined = new Set([...pdf.matchAll(/^\s*\/([\w-]+) \[$/gm)].map((match) => match[1]));
    const linked = [...pdf.matchAll(/\/Dest \/([\w-]+)/g)].map((match) => match[1]!).filter((name) => name.includes('ref-'));
    expect(new Set(linked)).toEqual(new Set(['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'].map((key) => `ref-${key}`)));
    expect(linked).toHaveLength(9);
    for (const name of linked) expect(defined, name).toContain(name);
  });
});

describe('reference lists in Arabic', () => {
  it.skipIf(lacks('pdftotext'))('show their numbers in a right-to-left PDF', async () => {
    const pdf = join(out, 'ar/case-studies/one/one.ar.pdf');
    const text = (await pdftotext(pdf)).replace(/\s+/g, ' ');
    // The numbers stand at the right of each (left-to-right) entry, as an Arabic list has them:
    // read from left to right, each entry's text comes before its number (".1" drawn right to left).
    expect(text).toMatch(/Author charlie\. Source charlie .*?charlie \.1 Author bravo\. .*?bravo \.2 Author delta\. .*?delta \.3/);
  });
});

describe('a PDF of a page with no translation', () => {
  it.skipIf(lacks('pdfinfo', 'pdftotext', 'qpdf'))(
    "gives the language of its text, on the cover and in the PDF, with a notice in the reader's language",
    async () => {
      const pdf = join(out, 'ar/case-studies/two/two.ar.pdf');
      expect((await catalog(pdf)).lang).toBe('en');
      const cover = (await pdftotext(pdf, 1, 1)).replace(/[\s\u202a-\u202e]+/g, ' ');
      // "Language: English", and the notice ("Not yet translated…") in Arabic, on the cover.
      expect(cover).toMatch(/اللغة English/);
      expect(cover).toMatch(/لم \S*تترجم بعد/);
      // A translated page keeps its reader's language.
      expect((await catalog(join(out, 'ar/case-studies/one/one.ar.pdf'))).lang).toBe('ar');
      expect((await pdfinfo(pdf)).Title).toBe('Study two');
    },
  );
});
