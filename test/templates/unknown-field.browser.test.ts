/**
 * Issue 9: a template that reads a field its context does not have (`{{page.titel}}`,
 * `{{#each caseStudys}}`) gets a warning at the name, with the closest field, and the page
 * renders as before; briefkit's own templates read only fields their contexts have.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentType } from '../../src/content-types/index.js';
import { buildProject, caseStudy, listTree, makeProject, readText } from '../helpers/project.js';
import { sampleSite } from '../helpers/sample.js';

const briefing = '---\ntitle: Main briefing\ncase_studies: [glasgow]\n---\n\n## One\n\nText.\n';

const typo = `{{#> layout}}
<article>
  <h1>{{page.title.text}}</h1>
  <p class="kicker">{{ui.briefing}}</p>
  <p>{{page.titel}}</p>
  {{#each caseStudys}}<p>{{title.text}}</p>{{/each}}
  {{#if page.sumary}}<p>summary</p>{{/if}}
</article>
{{/layout}}
`;

async function project(template: string) {
  return makeProject({
    'briefkit.config.yaml': 'title: Test site\n',
    'briefings/main/index.md': briefing,
    'briefings/case-studies/glasgow.md': caseStudy({ title: 'Glasgow' }),
    'templates/pages/briefing.hbs': template,
  });
}

const unknownFields = (report: string) => report.split('\n').filter((line) => line.includes('template-unknown-field'));

describe('a field a template reads that its context does not have', () => {
  it('is a warning at its line and column, with the closest field', async () => {
    const root = await project(typo);
    const result = await buildProject(root);
    expect(result.ok).toBe(true);
    const lines = result.report.split('\n');
    const at = (text: string) => lines.findIndex((line) => line.includes(text));
    expect(lines[at('"titel"')]).toMatch(/templates\/pages\/briefing\.hbs:5:13\s+warning\s+"titel" is not a field here\s+template-unknown-field/);
    expect(lines[at('"titel"') + 1]).toContain('Did you mean "title"?');
    expect(lines[at('"caseStudys"')]).toMatch(/briefing\.hbs:6:11\s+warning/);
    expect(lines[at('"caseStudys"') + 1]).toContain('Did you mean "caseStudies"?');
    expect(lines[at('"sumary"')]).toMatch(/briefing\.hbs:7:14\s+warning/);
    expect(lines[at('"sumary"') + 1]).toContain('Did you mean "summary"?');
  });

  it('is reported once per template, not once per page', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test site\nlanguages: [en, uk]\n',
      'briefings/main/index.md': briefing,
      'briefings/second/index.md': '---\ntitle: Second\n---\n\nText.\n',
      'briefings/case-studies/glasgow.md': caseStudy({ title: 'Glasgow' }),
      'templates/pages/briefing.hbs': typo,
    });
    const result = await buildProject(root);
    expect(unknownFields(result.report)).toHaveLength(3);
  });

  it('leaves the page as it would be without the check', async () => {
    const root = await project(typo);
    await buildProject(root);
    const html = await readText(root, 'dist/en/main/index.html');
    expect(html).toContain('<h1>Main briefing</h1>');
    expect(html).toContain('<p></p>');
    expect(html).not.toContain('summary</p>');
  });

  it('fails the build under --strict', async () => {
    const root = await project(typo);
    const result = await buildProject(root, { strict: true });
    expect(result.ok).toBe(false);
    expect(unknownFields(result.report).every((line) => line.includes(' error '))).toBe(true);
  });

  it('in a partial is reported on the partial', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test site\n',
      'briefings/about.md': '---\ntitle: About\n---\n\nText.\n',
      'templates/partials/page-header.hbs': '<header><h1>{{page.title.txt}}</h1></header>\n',
    });
    const result = await buildProject(root);
    expect(result.report).toMatch(/templates\/partials\/page-header\.hbs:1:26\s+warning\s+"txt" is not a field here/);
    expect(result.report).toContain('Did you mean "text"?');
  });

  it('is not reported for front matter under page.data, whose keys vary from page to page', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test site\n',
      'briefings/about.md': '---\ntitle: About\nfunding: A grant\nreviewers:\n  - name: Ann\n    role: Chair\n  - name: Bo\n---\n\nText.\n',
      'briefings/other.md': '---\ntitle: Other\n---\n\nText.\n',
      'templates/pages/page.hbs': '{{#> layout}}<p>{{page.data.funding}}</p>{{#each page.data.reviewers}}{{name}} {{role}}{{/each}}{{/layout}}\n',
    });
    const result = await buildProject(root, { strict: true });
    expect(unknownFields(result.report)).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe("briefkit's own templates", () => {
  it('read only fields their contexts have: every page and PDF of the sample site, in every edition', async () => {
    // The sample with every edition and PDF, built once per run without the PDF cache, so every
    // document reached the printer (helpers/sample.ts; a failed build fails here). Its report
    // is what the build said, warnings included.
    const built = await sampleSite('print');
    expect(unknownFields(built.report)).toEqual([]);
    expect((await listTree(join(built.root, 'dist'))).filter((path) => path.endsWith('.pdf')).length).toBeGreaterThan(0);
  });

  it('read only fields their contexts have in a project with every content type and no organisation', async () => {
    const types = ['briefing', 'case-study', 'training', 'brief', 'page'];
    const files: Record<string, string> = { 'briefkit.config.yaml': 'title: Test site\nlanguages: [en, uk]\n' };
    for (const name of types)
      files[`briefings/${contentType(name)!.sourcePath(`a-${name}`)}`] = contentType(name)!
        .scaffold(`a-${name}`)
        .replace(/source: a-reference-key\n/, '')
        // The case-study scaffold's summary has a ": " that YAML reads as a mapping (left as it is here).
        .replace(/^summary: .*$/m, 'summary: A summary.');
    const root = await makeProject(files);
    let printed = 0;
    const result = await buildProject(root, {
      strict: true,
      pdf: true,
      printer: async (jobs) => {
        printed += jobs.length;
        return { files: [], pdfs: new Map(), reprinted: 0 };
      },
    });
    expect(unknownFields(result.report)).toEqual([]);
    expect(result.report).toBe('');
    expect(printed).toBeGreaterThan(4);
  });
});
