/**
 * Issue 30, item 4: outputs are plug-ins. A project's own format (here a plain-text export)
 * is one module and one line in the list of formats; what it makes is written with the site,
 * and what it offers shows on each page's download list and share page, in the reader's
 * language, with no change to briefkit's other outputs.
 */
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../../src/formats/index.js';
import type { OutputFormat, PageFile } from '../../src/output/format.js';
import type { LocalizedPage } from '../../src/model/localized-page.js';
import { buildProject, caseStudy, listTree, makeProject, readText } from '../helpers/project.js';

/** The plain-text export: `<slug>.<lang>.txt` beside each page, its text without markup. */
const textPath = (local: LocalizedPage) => `${local.lang}/${posix.dirname(local.page.outputPath)}/${local.page.slug}.${local.lang}.txt`;
const textExport: OutputFormat = {
  name: 'text',
  links: (local, { translator }): PageFile[] => [
    { format: 'text', path: textPath(local), label: translator.lang === 'uk' ? 'Простий текст' : 'Plain text', details: undefined, type: 'text/plain' },
  ],
  async emit(project, made, { output }) {
    for (const [edition, pages] of made.pages) {
      for (const local of pages)
        output.add(
          { path: `${edition.prefix}${textPath(local)}`, content: `${local.title}\n\n${local.content.html.replace(/<[^>]+>/g, '')}` },
          'the text export',
          project.config.file,
        );
    }
  },
};

describe('an output format added to the list', () => {
  it('writes its files and lists them on each page and its share page, in every language', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/guide/index.md': '---\ntitle: Guide\ndate: 2023-09-25\ncase_studies: [a]\n---\n\n## Start\n\nPeers carry naloxone.\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Text.\n'),
    });
    // The preview links every PDF (printed when asked for), so share pages exist without Chromium.
    const result = await buildProject(root, { formats: [...OUTPUT_FORMATS, textExport], preview: true, cache: false });
    expect(result.report).toBe('');
    const out = result.outDir;
    const files = await listTree(out);
    expect(files).toEqual(expect.arrayContaining(['en/guide/guide.en.txt', 'uk/guide/guide.uk.txt', 'en/case-studies/a/a.en.txt']));
    expect(await readText(out, 'en/guide/guide.en.txt')).toContain('Peers carry naloxone.');

    const page = await readText(out, 'en/guide/index.html');
    expect(page).toContain('<a href="guide.en.txt" type="text/plain" download>Plain text</a>');
    // The PDF is still the page's main download.
    expect(page).toContain('<a class="button" href="guide.en.pdf" type="application/pdf" download>');
    // The share page, read in Ukrainian, offers each language's text beside its PDF, labelled in Ukrainian.
    const share = await readText(out, 'uk/guide/share/index.html');
    expect(share).toContain('<p class="share-download"><a href="../../../en/guide/guide.en.txt" type="text/plain" download>Простий текст</a></p>');
    expect(share).toContain('<p class="share-download"><a href="../guide.uk.txt" type="text/plain" download>Простий текст</a></p>');
  });

  it('changes nothing when the list is the built-in one', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }),
    });
    const result = await buildProject(root, { cache: false });
    expect(result.report).toBe('');
    expect((await listTree(result.outDir)).filter((path) => path.endsWith('.en.txt'))).toEqual([]);
    expect(await readText(result.outDir, 'en/case-studies/a/index.html')).not.toContain('class="pdf-link downloads"');
  });
});
