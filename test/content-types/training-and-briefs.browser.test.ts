/**
 * Issue 9: training modules and advocacy briefs are content types like briefings and case
 * studies: on the home page, in indexes and the menu, in every language with fallback, in
 * country editions with variables, and as PDFs (a module's for participants without the
 * answers, and for facilitators with them).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfinfo, pdftotext } from '../helpers/pdf-tools.js';
import { buildProject, caseStudy, listTree, makeProject, readText } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

const config = `title: Test site
languages: [en, uk]
variables:
  country_name: your country
  emergency_number: your emergency number
`;

const module = `---
title: Naloxone for peers
summary: A short session.
duration: 45 minutes
audience: New peer workers
objectives:
  - Recognise an overdose in {{country_name}}
  - Give naloxone
terms:
  - term: Take-home naloxone
    definition: Naloxone given to people likely to see an overdose.
briefings: [main]
---

## Responding

Call {{emergency_number}}. See [take-home naloxone](#term-take-home-naloxone).

:::question[What number do you call?]
The answer is {{emergency_number}}, every time.
:::
`;

const brief = `---
title: Let peers hand out naloxone
summary: Peers reach people first.
audience: Policymakers
asks:
  - Let trained peers supply naloxone in {{country_name}}.
  - Fund peer training.
figures:
  - value: "277"
    label: reversals in a year
    source: who2014
briefings: [main]
case_studies: [glasgow]
---

## The problem

Text of the brief.
`;

const files = {
  'briefkit.config.yaml': config,
  'briefings/main/index.md': '---\ntitle: Main briefing\ncase_studies: [glasgow]\n---\n\n## One\n\nText.\n',
  'briefings/case-studies/glasgow.md': caseStudy({ title: 'Glasgow' }),
  'briefings/training/naloxone-for-peers.md': module,
  'briefings/briefs/peers-without-prescription.md': brief,
  'briefings/references.yaml':
    '- id: who2014\n  type: book\n  title: Community management of opioid overdose\n  author:\n    - literal: World Health ' +
    'Organization\n  issued: {date-parts: [[2014]]}\n',
  'translations/uk/briefs/peers-without-prescription.md': `---
title: Дозвольте рівним роздавати налоксон
asks:
  - Дозвольте навченим рівним видавати налоксон у {{country_name}}.
---

## Проблема {#the-problem}

Текст записки.
`,
  'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\nvariables:\n  country_name: Україні\n  emergency_number: "103"\n',
};

describe('training modules and advocacy briefs', () => {
  it('are on the home page, in the menu and their indexes, in every language, with no warnings', async () => {
    const root = await makeProject(files);
    const result = await buildProject(root);
    expect(result.report).toBe('');
    const tree = await listTree(join(root, 'dist'));
    for (const lang of ['en', 'uk']) {
      expect(tree).toContain(`${lang}/training/naloxone-for-peers/index.html`);
      expect(tree).toContain(`${lang}/training/index.html`);
      expect(tree).toContain(`${lang}/briefs/peers-without-prescription/index.html`);
      expect(tree).toContain(`${lang}/briefs/index.html`);
    }
    const home = await readText(root, 'dist/en/index.html');
    expect(home).toContain('Training modules');
    expect(home).toContain('href="training/naloxone-for-peers/index.html"');
    expect(home).toContain('href="briefs/peers-without-prescription/index.html"');
    expect(home).toMatch(/<nav class="site-nav"[\s\S]*href="training\/index.html"[\s\S]*href="briefs\/index.html"/);
  });

  it('show objectives, a linkable glossary, and questions whose answers open without script', async () => {
    const root = await makeProject(files);
    await buildProject(root);
    const html = await readText(root, 'dist/en/training/naloxone-for-peers/index.html');
    expect(html).toContain('By the end of this topic, you will be able to:');
    expect(html).toContain('<li>Recognise an overdose in your country</li>');
    expect(html).toContain('<div id="term-take-home-naloxone"><dt>Take-home naloxone</dt>');
    expect(html).toMatch(/<p class="self-check-question">What number do you call\?<\/p><details class="self-check-answer"><summary>Show answer<\/summary>/);
    expect(html).not.toContain('<script');
    expect(html).toContain('href="../../main/index.html"');
  });

  it("put the asks and key figures first, with the figure's source, and link what the brief draws on", async () => {
    const root = await makeProject(files);
    await buildProject(root);
    const html = await readText(root, 'dist/en/briefs/peers-without-prescription/index.html');
    const asks = html.indexOf('What we ask');
    expect(asks).toBeGreaterThan(0);
    expect(asks).toBeLessThan(html.indexOf('The problem'));
    expect(html).toContain('Let trained peers supply naloxone in your country.');
    expect(html).toMatch(/<span class="figure-value">277<\/span>/);
    expect(html).toContain('Community management of opioid overdose');
    expect(html).toContain('href="../../case-studies/glasgow/index.html"');
    // And the briefing links back to what draws on it.
    const briefing = await readText(root, 'dist/en/main/index.html');
    expect(briefing).toMatch(
      /Training and advocacy based on this briefing[\s\S]*href="..\/training\/naloxone-for-peers\/index.html"[\s\S]*href="..\/briefs\/peers-without-prescription\/index.html"/,
    );
  });

  it('take translated fields from a translation and fall back to the original for the rest', async () => {
    const root = await makeProject(files);
    await buildProject(root);
    const uk = await readText(root, 'dist/uk/briefs/peers-without-prescription/index.html');
    expect(uk).toContain('Дозвольте навченим рівним видавати налоксон у your country.');
    // The second ask is not translated: it stays in English, and says so.
    expect(uk).toContain('<li lang="en" dir="ltr">Fund peer training.</li>');
    expect(uk).toMatch(/<span class="figure-value" lang="en" dir="ltr">277<\/span>/);
    const fallback = await readText(root, 'dist/uk/training/naloxone-for-peers/index.html');
    expect(fallback).toContain('page-notice-fallback');
    expect(fallback).toContain('<li lang="en" dir="ltr">Give naloxone</li>');
  });

  it("fill in a country edition's variables in front matter fields and text", async () => {
    const root = await makeProject(files);
    const result = await buildProject(root, { country: 'ua' });
    expect(result.report).toBe('');
    const uk = await readText(root, 'dist/uk/briefs/peers-without-prescription/index.html');
    expect(uk).toContain('Дозвольте навченим рівним видавати налоксон у Україні.');
    const module = await readText(root, 'dist/en/training/naloxone-for-peers/index.html');
    expect(module).toContain('Recognise an overdose in Україні');
    expect(module).toContain('The answer is 103, every time.');
  });

  it('report a brief with no asks, a missing case study and a question without text at their lines', async () => {
    const root = await makeProject({
      ...files,
      'briefings/briefs/peers-without-prescription.md': brief.replace(/asks:\n( {2}- .*\n)+/, 'asks: []\n').replace('[glasgow]', '[glasgo]'),
      'briefings/training/naloxone-for-peers.md': module.replace(':::question[What number do you call?]', ':::question'),
    });
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toMatch(/briefings\/briefs\/peers-without-prescription\.md:5:7 +error +.*at least one ask/);
    expect(result.report).toMatch(/briefings\/briefs\/peers-without-prescription\.md:11:\d+ +error +Case study "glasgo" not found +case-study-missing/);
    expect(result.report).toContain('Did you mean "glasgow"?');
    expect(result.report).toMatch(/briefings\/training\/naloxone-for-peers\.md:19:1 +error +A question block has no question +question-missing/);
  });

  it('report a key figure whose source is not in the references, at its line, with a suggestion', async () => {
    const root = await makeProject({ ...files, 'briefings/briefs/peers-without-prescription.md': brief.replace('source: who2014', 'source: who2041') });
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toMatch(
      /briefings\/briefs\/peers-without-prescription\.md:11:13 +error +Unknown source "who2041" for a key figure +citation-unknown/,
    );
    expect(result.report).toContain('Did you mean "who2014"?');
  });

  it.skipIf(lacks('pdfinfo', 'pdftotext'))('print a participant PDF without the answers and a facilitator PDF with them', async () => {
    const root = await makeProject(files);
    const result = await buildProject(root, { pdf: true });
    expect(result.report).toBe('');
    const dir = join(root, 'dist/en/training/naloxone-for-peers');
    const participant = await pdftotext(join(dir, 'naloxone-for-peers.en.pdf'));
    const facilitator = await pdftotext(join(dir, 'naloxone-for-peers.facilitator.en.pdf'));
    for (const text of [participant, facilitator]) {
      expect(text).toContain('What number do you call?');
      expect(text).toContain('By the end of this topic, you will be able to:');
      expect(text).toContain('Take-home naloxone');
    }
    expect(participant).toMatch(/Participant's version/i);
    expect(participant).not.toContain('every time');
    expect(facilitator).toMatch(/Facilitator's version, with answers/i);
    expect(facilitator).toContain('The answer is your emergency number, every time.');
    const page = await readText(root, 'dist/en/training/naloxone-for-peers/index.html');
    expect(page).toContain('href="naloxone-for-peers.facilitator.en.pdf"');
    const briefPdf = join(root, 'dist/en/briefs/peers-without-prescription/peers-without-prescription.en.pdf');
    expect(await pdftotext(briefPdf)).toMatch(/What we ask[\s\S]*Let trained peers supply naloxone/);
    expect(Number((await pdfinfo(briefPdf)).Pages)).toBeLessThanOrEqual(4);
  });
});
