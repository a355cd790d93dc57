/**
 * Issue 8, class 9: PDFs are byte-identical across two builds of the same input, whatever the
 * number of tabs and the order the documents are printed in (so whatever each tab printed
 * before: a tab that swapped documents must print what a fresh tab prints).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printPdfs } from '../../src/pdf/print-pdfs.js';
import { qpdfCheck } from '../helpers/pdf-tools.js';
import { buildProject, caseStudy, listTree, makeProject } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

const table = 'Table: Emergency numbers\n\n| Who | Number |\n| --- | --- |\n| Ambulance | 112 |\n| Police | 112 |\n';

describe('two builds of the same project', () => {
  it.skipIf(lacks('qpdf'))('give the same PDF bytes with one tab in order and three tabs in reverse order', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Same\nlanguages: [en, ar]\n',
      'briefings/guide/index.md': `---\ntitle: Guide\ndate: 2023-09-25\ncase_studies: [a, b]\n---\n\n## Numbers\n\n${table}\n## More\n\nText.\n`,
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A' }, `## Context\n\n${table}\n## Results\n\nText.\n`),
      'briefings/case-studies/b.md': caseStudy({ title: 'Case B' }, `## Context\n\n${table}\n`),
      'translations/ar/case-studies/a.md': `---\ntitle: الحالة أ\n---\n\n## السياق {#context}\n\n${table}\n`,
    });
    const first = await buildProject(root, { pdf: true, out: 'one', printer: (jobs, options) => printPdfs(jobs, { ...options, tabs: 1 }) });
    expect(first.report).toBe('');
    const second = await buildProject(root, { pdf: true, out: 'two', printer: (jobs, options) => printPdfs([...jobs].reverse(), { ...options, tabs: 3 }) });
    expect(second.report).toBe('');
    const pdfs = (await listTree(join(root, 'one'))).filter((path) => path.endsWith('.pdf'));
    expect(pdfs).toHaveLength(6);
    expect((await listTree(join(root, 'two'))).filter((path) => path.endsWith('.pdf'))).toEqual(pdfs);
    for (const pdf of pdfs) {
      const [one, two] = await Promise.all([readFile(join(root, 'one', pdf)), readFile(join(root, 'two', pdf))]);
      expect(one.equals(two), pdf).toBe(true);
      await expect(qpdfCheck(join(root, 'one', pdf)), pdf).resolves.toContain('No syntax or stream encoding errors');
    }
  });
});
