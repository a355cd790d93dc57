/**
 * Issue 15: citations and reference lists follow a CSL style (Vancouver by default, APA 7 for
 * a type, a page or a project's own .csl), in the language of the page, on the web and in the PDF.
 * The expected references are the styles' own published examples: the NLM/ICMJE sample
 * references for Vancouver, and the APA Style reference examples for APA 7.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { pdftotext } from '../helpers/pdf-tools.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

const REFERENCES =
  `- id: halpern2002
  type: article-journal
  title: Solid-organ transplantation in HIV-infected patients
  author: [{family: Halpern, ` +
  `given: Scott D.}, {family: Ubel, given: Peter A.}, {family: Caplan, given: Arthur L.}]
  container-title: New England Journal of Medicine
  ` +
  `container-title-short: N Engl J Med
  issued: {date-parts: [[2002, 7, 25]]}
  volume: 347
  issue: 4
  page: 284-287
- id: rose2002
  type: ` +
  `article-journal
  title: Regulation of interstitial excitatory amino acid concentrations after cortical contusion injury
  author:
    - {family: ` +
  `Rose, given: M. E.}
    - {family: Huerbin, given: M. B.}
    - {family: Melick, given: J.}
    - {family: Marion, given: D. W.}
    - {family: ` +
  `Palmer, given: A. M.}
    - {family: Schiding, given: J. K.}
    - {family: Kochanek, given: P. M.}
    - {family: Graham, given: S. H.}
  ` +
  `container-title: Brain Research
  container-title-short: Brain Res
  issued: {date-parts: [[2002]]}
  volume: 935
  issue: 1-2
  page: 40-46
- id: ` +
  `grady2019
  type: article-journal
  title: "Emotions in storybooks: A comparison of storybooks that represent ethnic and racial groups in the ` +
  `United States"
  author: [{family: Grady, given: Jessica Stoltzfus}, {family: Her, given: Malina}, {family: Moreno, given: Geena}, {family: Perez, ` +
  `given: Catherine}, {family: Yelinek, given: Jillian}]
  container-title: Psychology of Popular Media Culture
  issued: {date-parts: [[2019]]}
  ` +
  `volume: 8
  issue: 3
  page: 207-217
  DOI: 10.1037/ppm0000185
- id: jackson2019
  type: book
  title: "The psychology of prejudice: From ` +
  `attitudes to social action"
  author: [{family: Jackson, given: Lynne M.}]
  edition: 2
  publisher: American Psychological Association
  issued: ` +
  `{date-parts: [[2019]]}
  DOI: 10.1037/0000168-000
- id: untitled2020
  type: article-journal
  title: A paper without its journal
  author: ` +
  `[{family: Noone, given: Ann}]
`;

/** The text of each entry of the reference list of a built page (tags dropped, entities decoded). */
function entries(html: string): string[] {
  const list = /<ol class="reference-list">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li id="[^"]+"[^>]*>([\s\S]*?)<\/li>/g)].map((match) => text(match[1]!));
}

/** The text of each citation in a page's content. */
function citations(html: string): string[] {
  return [...html.matchAll(/<span class="citation-cluster">([\s\S]*?)<\/span>/g)].map((match) => text(match[1]!));
}

function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x26;/g, '&')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

let root: string;
let report: string;

beforeAll(async () => {
  root = await makeProject({
    'briefkit.config.yaml': 'title: Styles\nlanguages: [en, uk, ar]\ncitation_styles:\n  training: apa\n',
    'briefings/references.yaml': REFERENCES,
    'briefings/guide/index.md':
      '---\ntitle: A briefing\n---\n\n## Evidence\n\nTransplants [@halpern2002]. Both [@rose2002; @halpern2002]. On a page [@rose2002, p. 42].\n',
    'briefings/training/module.md':
      '---\ntitle: A module\n---\n\n## Evidence {#evidence}\n\nStorybooks [@grady2019, p. 210]. Jackson [-@jackson2019] ' +
      'says so. See [see @jackson2019, chapter 3; @grady2019].\n',
    'translations/uk/training/module.md': '---\ntitle: Модуль\n---\n\n## Докази {#evidence}\n\nКниги [@grady2019, с. 210]. Джексон [-@jackson2019].\n',
    'translations/ar/training/module.md': '---\ntitle: وحدة\n---\n\n## الأدلة {#evidence}\n\nالكتب [@grady2019, ص 210]. جاكسون [-@jackson2019].\n',
    'briefings/case-studies/apa.md': caseStudy({ title: 'By page', citation_style: 'apa' }, 'Text [@halpern2002].\n'),
    'briefings/case-studies/own.md': caseStudy({ title: 'Own style', citation_style: 'styles/numbers.csl' }, 'Text [@grady2019] and [@jackson2019].\n'),
    'briefings/case-studies/incomplete.md': caseStudy({ title: 'Incomplete' }, 'Text [@untitled2020].\n'),
    // A style from the project: IEEE, as downloaded from the Zotero style repository.
    'styles/numbers.csl': await readText(process.cwd(), 'templates/csl/styles/ieee.csl'),
  });
  const result = await buildProject(root, { pdf: true });
  expect(result.ok).toBe(true);
  report = result.report;
});

describe('Vancouver, the default', () => {
  it('lists references as the NLM sample references, numbered in order of citation', async () => {
    const html = await readText(root, 'dist/en/guide/index.html');
    // The sample references use hyphens in page ranges; the CSL style writes an en dash.
    expect(entries(html).map((entry) => entry.replace(/–/g, '-'))).toEqual([
      '1. Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected patients. N Engl J Med. 2002 Jul 25;347(4):284-7.',
      '2. Rose ME, Huerbin MB, Melick J, Marion DW, Palmer AM, Schiding JK, et al. Regulation of interstitial excitatory amino acid concentrations after ' +
        'cortical contusion injury. Brain Res. 2002;935(1-2):40-6.',
    ]);
    expect(citations(html)).toEqual(['(1)', '(1,2)', '(2)']);
    expect(html).toContain('<a href="#ref-rose2002" class="citation">2</a>');
  });

  it('warns, at the citation, that a locator does not show in a numbered style', () => {
    expect(report).toContain('briefings/guide/index.md:7:71  warning  The Vancouver style does not show "42" (the page) in the text  citation-locator-hidden');
  });

  it('warns, at the citation, that a cited journal article lacks its journal and year, naming its entry', () => {
    expect(report).toContain(
      'briefings/case-studies/incomplete.md:6:6  warning  The reference "@untitled2020" (article-journal) has no container-title or issued',
    );
    expect(report).toMatch(/Add "container-title:" and "issued:" to its entry at briefings\/references\.yaml:\d+:\d+\./);
  });
});

describe('APA 7 for training modules (citation_styles in the config)', () => {
  it('lists references as the APA Style examples, in alphabetical order, with DOI links', async () => {
    const html = await readText(root, 'dist/en/training/module/index.html');
    expect(entries(html)).toEqual([
      'Grady, J. S., Her, M., Moreno, G., Perez, C., & Yelinek, J. (2019). Emotions in storybooks: A comparison of storybooks that represent ethnic and ' +
        'racial groups in the United States. Psychology of Popular Media Culture, 8(3), 207–217. https://doi.org/10.1037/ppm0000185',
      'Jackson, L. M. (2019). The psychology of prejudice: From attitudes to social action (2nd ed.). American Psychological Association. ' +
        'https://doi.org/10.1037/0000168-000',
    ]);
    expect(html).toContain('<a href="https://doi.org/10.1037/ppm0000185">https://doi.org/10.1037/ppm0000185</a>');
    expect(citations(html)).toEqual(['(Grady et al., 2019, p. 210)', '(2019)', '(Grady et al., 2019; see Jackson, 2019, Chapter 3)']);
    // APA orders the sources of one citation alphabetically, as its manual says (8.12).
  });

  it('writes citations in Ukrainian and Arabic with the CSL locales ("та ін.", "وآخرون", the page word)', async () => {
    expect(citations(await readText(root, 'dist/uk/training/module/index.html'))).toEqual(['(Grady та ін., 2019, с. 210)', '(2019)']);
    const arabic = await readText(root, 'dist/ar/training/module/index.html');
    expect(citations(arabic)).toEqual(['(Grady وآخرون, 2019, ص 210)', '(2019)']);
    // An author–date entry reads in its own direction (an English source: left to right, with
    // its hanging indent at the left), and the locale's Arabic words in it are set apart, so
    // they do not pull the numbers around them into their direction.
    expect(arabic).toContain(
      '<li id="ref-jackson2019" dir="auto"><span class="reference-text">Jackson, L. M. (2019). <i>The psychology of prejudice: ' +
        'From attitudes to social action</i> (2 <bdi>ط</bdi>). American Psychological Association.',
    );
  });

  it("follows a page's own citation_style, and a .csl file of the project", async () => {
    expect(citations(await readText(root, 'dist/en/case-studies/apa/index.html'))).toEqual(['(Halpern et al., 2002)']);
    const own = await readText(root, 'dist/en/case-studies/own/index.html');
    expect(citations(own)).toEqual(['[1]', '[2]']);
    expect(entries(own)[0]).toMatch(/^\[1\] J\. S\. Grady, M\. Her, G\. Moreno, C\. Perez, and J\. Yelinek, “Emotions in storybooks/);
  });

  it.skipIf(lacks('pdftotext'))('prints the same in the PDFs: APA in Ukrainian, Vancouver in English', async () => {
    const uk = (await pdftotext(join(root, 'dist/uk/training/module/module.uk.pdf'))).replace(/\s+/g, ' ');
    expect(uk).toContain('(Grady та ін., 2019, с. 210)');
    // The edition's ordinal in Ukrainian: "2-ге вид." (друге видання).
    expect(uk).toContain(
      'Jackson, L. M. (2019). The psychology of prejudice: From attitudes to social action (2-ге вид.). American Psychological Association.',
    );
    const en = (await pdftotext(join(root, 'dist/en/guide/guide.en.pdf'))).replace(/\s+/g, ' ');
    expect(en).toContain('Halpern SD, Ubel PA, Caplan AL. Solid-organ transplantation in HIV-infected patients. N Engl J Med. 2002 Jul 25;347(4):284');
  });

  it('lays the Arabic reference list out right to left: labels at the right, English entries read left to right', async () => {
    const browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(root, 'dist/ar/guide/index.html')).href);
      const layout = await page.evaluate(() => {
        const item = document.querySelector('.reference-list li')!;
        const label = item.querySelector('.reference-label')!.getBoundingClientRect();
        const entry = item.querySelector('.reference-text')!;
        return {
          labelRight: label.right,
          textRight: entry.getBoundingClientRect().right,
          listDirection: getComputedStyle(item).direction,
          textDirection: getComputedStyle(entry).direction,
        };
      });
      expect(layout.listDirection).toBe('rtl');
      expect(layout.textDirection).toBe('ltr');
      expect(layout.labelRight).toBeGreaterThan(layout.textRight);
    } finally {
      await browser.close();
    }
  });
});
