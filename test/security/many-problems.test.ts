/**
 * Issue 27, item 4: a bibliography or translator's file with thousands of broken entries
 * is reported as its first 20 problems at their places and one message saying how many
 * more there are (100,000 unclosed BibTeX entries made a 300 KB report); and 12,000 RIS
 * records with no author, title or year are read in linear time (each tried the keys
 * `-1`, `-2`, … of all those before it).
 */
import { describe, expect, it } from 'vitest';
import type { VFile } from 'vfile';
import { main } from '../../src/cli.js';
import { loadReferences } from '../../src/references/library.js';
import { formatReport } from '../../src/report.js';
import { caseStudy, makeProject } from '../helpers/project.js';

async function referencesReport(name: string, text: string) {
  const root = await makeProject({ [`briefings/${name}`]: text });
  const library = await loadReferences(root);
  const file = library.files.find((candidate) => candidate.path.endsWith(name))!;
  return { file, library, report: formatReport([file], { cwd: root }) };
}

function expectCapped(file: VFile, report: string, more: RegExp): void {
  expect(file.messages).toHaveLength(21);
  expect(file.messages.every((message) => message.line !== undefined && message.line >= 1)).toBe(true);
  expect(report.length).toBeLessThan(12_000);
  expect(report).toMatch(/references\.\w+:1:\d+ +error/);
  expect(report).toMatch(more);
  expect(file.messages.find((message) => message.ruleId === 'more-problems')?.fatal).toBe(true);
}

describe('issue 27: a file with thousands of problems shows the first 20 and how many more', () => {
  it('100,000 unclosed BibTeX entries', async () => {
    const { file, report } = await referencesReport('references.bib', '@article{a,\n'.repeat(100_000));
    expectCapped(file, report, /references\.bib:11:10 +error +199,979 more problems in this file, from here on, are not shown +more-problems/);
  });

  it('100,000 RIS records without "ER  -", and 100,000 CSL-JSON items that are not references', async () => {
    const ris = await referencesReport('references.ris', 'TY  - JOUR\n'.repeat(100_000));
    expectCapped(ris.file, ris.report, /references\.ris:11:1 +error +199,980 more problems/);
    const json = await referencesReport('references.json', `[${'1,\n'.repeat(99_999)}1]`);
    expectCapped(json.file, json.report, /references\.json:21:1 +error +99,980 more problems/);
  });

  it('12,000 RIS records with no author, title or year get their keys in linear time (a hang detector, not a speed test)', async () => {
    const { file, library } = await referencesReport('references.ris', 'TY  - JOUR\nER  - \n'.repeat(12_000));
    expect(library.byKey.has('noauthor_notitle_nodate-11999')).toBe(true);
    expect(file.messages.length).toBeLessThanOrEqual(21);
  });

  it('a PO file of 5,000 entries that match nothing on the page', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Kits' }, 'Peers gave out kits.\n'),
      'translations/uk/case-studies/a.po': Array.from(
        { length: 5000 },
        (_, index) => `msgctxt "gone/${index}"\nmsgid "Gone ${index}"\nmsgstr "Немає ${index}"\n`,
      ).join('\n'),
    });
    let stderr = '';
    await main(['i18n', 'apply', 'uk'], { cwd: root, color: false, stdout: { write: () => true }, stderr: { write: (text: string) => (stderr += text) } });
    expect(stderr.match(/^ {2}translations\/uk\/case-studies\/a\.po:\d+:1 +warning/gm)).toHaveLength(21);
    expect(stderr).toMatch(/a\.po:81:1 +warning +4,980 more problems in this file, from here on, are not shown/);
    expect(stderr.length).toBeLessThan(20_000);
  });
});
