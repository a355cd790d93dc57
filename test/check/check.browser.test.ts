/**
 * Issue 13: `briefkit check` builds the site and checks it as readers meet it: links and
 * anchors, HTML, requests to other sites and accessibility in Chromium, and the PDFs. On a
 * broken page it fails and names the Markdown file, line and column; what a template gets
 * wrong is told on the built page. (That it passes on the sample is in sample.browser.test.ts,
 * a file of its own so that the two test workers share the long runs.)
 */
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, listTree, makeProject } from '../helpers/project.js';

interface JsonFile {
  path: string;
  messages: { reason: string; line: number | null; column: number | null; ruleId: string | null; fatal: boolean | null }[];
}

/** The problems a `--json` run printed, as "file:line:col rule" with the reason. */
function problems(stdout: string, root: string): { where: string; reason: string; fatal: boolean }[] {
  return (JSON.parse(stdout) as JsonFile[]).flatMap((file) =>
    file.messages.map((message) => ({
      where: `${relative(root, file.path).replace(/\\/g, '/')}${message.line ? `:${message.line}:${message.column}` : ''} ${message.ruleId}`,
      reason: message.reason,
      fatal: message.fatal === true,
    })),
  );
}

describe('briefkit check', () => {
  it('fails on a broken anchor and an image from another site, and warns of a table without a caption (issue 29), naming the Markdown file, line and column', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Case A', date: '2024-01-01' },
        '## Context\n\nSee [the results](#results).\n\n![A chart](https://tracker.example/chart.png)\n\n| Year | Kits |\n|---|---|\n| 2023 | 10 |\n',
      ),
    });
    const result = await briefkitHere(['check', '--no-pdf', '--json'], { cwd: root });
    expect(result.code).toBe(1);
    const found = problems(result.stdout, root);
    const line = (where: string) => Number(where.split(':')[1]);
    const a = found.filter((problem) => problem.where.startsWith('briefings/case-studies/a.md')).sort((one, other) => line(one.where) - line(other.where));
    // caseStudy() writes 6 lines of front matter and a blank line: the text starts on line 7.
    expect(a.map((problem) => problem.where)).toEqual([
      'briefings/case-studies/a.md:9:5 anchor-missing',
      'briefings/case-studies/a.md:11:1 remote-image',
      'briefings/case-studies/a.md:13:1 table-caption-missing',
    ]);
    expect(a.map((problem) => problem.fatal)).toEqual([true, true, false]);
    expect(a[0]!.reason).toBe('No heading "#results" in this page');
    expect(a[1]!.reason).toContain('https://tracker.example/chart.png');
    // Told once: the browser's refused request is the same problem as the image.
    expect(found.filter((problem) => problem.reason.includes('tracker.example'))).toHaveLength(1);

    // The same as a person reads it.
    const text = await briefkitHere(['check', '--no-pdf'], { cwd: root });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('briefings/case-studies/a.md:9:5  error  No heading "#results" in this page  anchor-missing');
    expect(text.stderr).toMatch(/fix the errors above, then run briefkit check again/);
    expect(text.stderr).toContain('briefings/case-studies/a.md:13:1  warning  This table has no caption');
  });

  it('passes content whose only problem is a table without a caption, and fails it with --strict (issue 29)', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, '## Context\n\n| Year | Kits |\n|---|---|\n| 2023 | 10 |\n'),
    });
    const plain = await briefkitHere(['check', '--no-pdf', '--no-browser'], { cwd: root });
    expect(plain.stderr).toContain('a.md:9:1  warning  This table has no caption');
    expect(plain.code).toBe(0);
    const strict = await briefkitHere(['check', '--no-pdf', '--no-browser', '--strict'], { cwd: root });
    expect(strict.stderr).toContain('a.md:9:1  error  This table has no caption');
    expect(strict.code).toBe(1);
  });

  it('tells what a template gets wrong on the built page, at its line: a broken anchor, a script from another site, invalid HTML', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/about.md': '---\ntitle: About\n---\n\n## Who we are\n\nText.\n',
      'templates/pages/page.hbs':
        '{{#> layout}}\n<article class="container article">\n  {{> page-header}}\n  <p><a href="#contact">Contact</a></p>\n  ' +
        '<script src="https://cdn.example/widget.js"></script>\n  <div id="x"></div><div id="x"></div>\n  {{{page.html}}}\n</article>\n{{/layout}}\n',
    });
    const result = await briefkitHere(['check', '--no-pdf', '--json'], { cwd: root });
    expect(result.code).toBe(1);
    const found = problems(result.stdout, root).filter((problem) => problem.where.startsWith('dist/en/about/index.html'));
    expect(found.map((problem) => problem.where)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dist\/en\/about\/index\.html:\d+:\d+ anchor-missing$/),
        'dist/en/about/index.html third-party-request',
        expect.stringMatching(/^dist\/en\/about\/index\.html:\d+:\d+ html-no-dup-id$/),
      ]),
    );
    expect(found.find((problem) => problem.where.endsWith('third-party-request'))!.reason).toContain('cdn.example');
  });

  it('checks a site built before with --no-build, telling problems on the built files', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Text.\n'),
    });
    expect((await buildProject(root)).written).toBe(true);
    await writeFile(
      join(root, 'dist/en/case-studies/a/extra.html'),
      '<!doctype html><html lang="en"><head><title>x</title></head><body><main><a href="../missing/">Gone</a></main></body></html>',
    );
    const result = await briefkitHere(['check', '--no-build', '--no-browser', '--json'], { cwd: root });
    expect(result.code).toBe(1);
    expect(problems(result.stdout, root)).toEqual([
      expect.objectContaining({
        where: 'dist/en/case-studies/a/extra.html:1:73 link-broken',
        reason: 'Link "../missing/" leads to en/case-studies/missing/index.html, which the site does not have',
      }),
    ]);
  });
});

describe('the PDF checks', () => {
  it(
    "pass on briefkit's own PDFs, and find an untagged PDF with a font it does not carry, no bookmarks, no language, no title, no XMP metadata and an " +
      'undescribed link',
    async () => {
      const root = await makeProject({
        'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
        'briefings/case-studies/a.md': caseStudy(
          { title: 'Case A', date: '2024-01-01' },
          '## Context\n\nText, and [a handout](handout.pdf).\n\n## Results\n\nMore text.\n',
        ),
        // Not translated: its Ukrainian PDFs, slides too, are in English, and must say so (the slides said "uk").
        'briefings/guide/index.md':
          '---\ntitle: Guide\ndate: 2024-01-01\ncase_studies: [a]\n---\n\n## Why\n\n:::key-points\n- Peers reach people services do not.\n:::\n',
      });
      const plain = await PDFDocument.create();
      const page = plain.addPage();
      page.drawText('Hello', { font: await plain.embedFont(StandardFonts.Helvetica) });
      // A link with no alternate description (/Contents).
      const link = plain.context.register(
        plain.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 50, 20], A: { S: 'URI', URI: PDFString.of('https://example.org/') } }),
      );
      page.node.set(PDFName.of('Annots'), plain.context.obj([link]));
      await writeFile(join(root, 'briefings/case-studies/handout.pdf'), await plain.save());

      const result = await briefkitHere(['check', '--no-browser', '--json'], { cwd: root });
      expect(result.code).toBe(1);
      const found = problems(result.stdout, root).filter((problem) => problem.where.includes('.pdf'));
      // The handout is copied beside the page in both languages; nothing else is wrong.
      expect(found.map((problem) => problem.where)).toEqual(
        ['en', 'uk'].flatMap((lang) =>
          ['untagged', 'font-not-embedded', 'bookmarks-missing', 'language', 'title', 'xmp', 'link-undescribed'].map(
            (rule) => `dist/${lang}/case-studies/a/handout.pdf pdf-${rule}`,
          ),
        ),
      );
      expect(found[1]!.reason).toContain('Helvetica');
      // What PDF/UA asks beyond WCAG is a warning.
      expect(found.filter((problem) => !problem.fatal).map((problem) => problem.where.replace(/.* /, ''))).toEqual([
        'pdf-xmp',
        'pdf-link-undescribed',
        'pdf-xmp',
        'pdf-link-undescribed',
      ]);
      expect(await listTree(join(root, 'dist'))).toContain('uk/guide/guide.slides.uk.pdf');
    },
  );
});
