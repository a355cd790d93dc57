/**
 * Issue 8, class 6: no Markdown input crashes, hangs or runs away. Pathological nesting and
 * runs of markers are positioned errors (limits in src/markdown/limits.ts), the other files
 * are still checked, and nothing throws out of build().
 */
import { describe, expect, it } from 'vitest';
import { cpuSeconds } from '../helpers/cpu-time.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

const cases: [string, string, RegExp][] = [
  [
    '10,000 nested block quotes',
    `${'>'.repeat(10_000)} deep\n`,
    /a\.md:8:1 +error +This line nests 10000 lists or quotes: briefkit's limit is 32 +markdown-nesting/,
  ],
  ['10,000 nested list items on one line', `${'- '.repeat(10_000)}deep\n`, /a\.md:8:1 +error +This line nests 10000 lists or quotes/],
  [
    'a list nested 300 levels by indentation',
    `${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`,
    /a\.md:\d+:1 +error +This line nests \d+ (lists or quotes|columns deep)/,
  ],
  ['100,000 asterisks and a', `${'*a'.repeat(50_000)}\n`, /a\.md:8:1 +error +This paragraph has 50000 runs of \*, _ or ~ \(limit 500\)/],
  ['emphasis nested 5,000 deep', `${'*a '.repeat(5_000)}b${' c*'.repeat(5_000)}\n`, /a\.md:8:1 +error +This paragraph has 10000 runs/],
  ['emphasis nested 200 deep', `${'*a '.repeat(200)}b${' c*'.repeat(200)}\n`, /a\.md:8:\d+ +error +Content nested more than 100 levels deep/],
  ['_a_ 20,000 times', `${'_a_ '.repeat(20_000)}\n`, /This paragraph has 40000 runs/],
  ['10,000 brackets', `${'['.repeat(10_000)}a${']'.repeat(10_000)}\n`, /a\.md:8:1 +error +This paragraph has 10000 "\[" \(limit 1000\)/],
  ['10,000 nested <div>s', `${'<div>'.repeat(10_000)}x${'</div>'.repeat(10_000)}\n`, /a\.md:8:1 +error +More than 64 HTML elements are open here/],
  [
    '<span>s nested across paragraphs',
    `${Array.from({ length: 500 }, () => 'a <span>').join('\n\n')}\n`,
    /a\.md:\d+:1 +error +More than 64 HTML elements are open here/,
  ],
  [
    'a table 2,000 columns wide',
    `|${'a|'.repeat(2_000)}\n|${'-|'.repeat(2_000)}\n${'|x\n'.repeat(100)}`,
    /a\.md:8:1 +error +A table with 2000 columns: briefkit's limit is 64 +markdown-table-size/,
  ],
  [
    'a table that pads to a million cells',
    `|${'a|'.repeat(60)}\n|${'-|'.repeat(60)}\n${'|x\n'.repeat(20_000)}`,
    /a\.md:8:1 +error +A table with \d+ cells: briefkit's limit is 50000/,
  ],
  [
    '3,000 list items with a sub-list each',
    '- a\n  - b\n'.repeat(3_000),
    /a\.md:2007:1 +error +This file opens more than 1000 lists or quotes \(this is the first over the limit\)/,
  ],
  ['3,000 quotes with a quote inside each', '> a\n>\n> > b\n\n'.repeat(3_000), /a\.md:\d+:1 +error +This file opens more than 1000 lists or quotes/],
  ['8,000 separate quotes', '> a\n\n'.repeat(8_000), /a\.md:2008:1 +error +This file opens more than 1000 lists or quotes/],
  ['8,000 separate lists', '- a\n\nb\n\n'.repeat(8_000), /a\.md:4008:1 +error +This file opens more than 1000 lists or quotes/],
  [
    'directives nested 150 deep',
    `${Array.from({ length: 150 }, (_, i) => `${':'.repeat(153 - i)}note`).join('\n')}\nx\n`,
    /a\.md:\d+:\d+ +error +Content nested more than 100 levels deep/,
  ],
];

describe('pathological Markdown', () => {
  it.each(cases)('%s: a positioned error, and the other files are still checked', async (_, body, expected) => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy({}, `Intro.\n\n${body}\nAfter [broken](gone.md).\n`),
      'briefings/case-studies/b.md': caseStudy({ title: 'B' }, '[missing](nope.md)\n'),
    });
    const started = process.cpuUsage();
    const { report, written } = await buildProject(root);
    expect(cpuSeconds(started)).toBeLessThan(60);
    expect(written).toBe(false);
    expect(report).toMatch(expected);
    // Content inside a branch that is cut is not checked further (the directives here never close).
    if (!body.includes(':::')) expect(report).toContain('Link target "gone.md" not found');
    expect(report).toContain('b.md:6:1');
  });

  it('leaves ordinary structure alone', async () => {
    const body = [
      '> quote\n> > nested quote with *emphasis* and **strong**',
      Array.from({ length: 8 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1} with _emphasis_`).join('\n'),
      `Table: Six hundred rows\n\n| a | b ` +
        `|\n|---|---|\n${Array.from({ length: 600 }, (_, i) => `| **row ${i}** | [x](https://example.org/${i}) |`).join('\n')}`,
      '```\n' + '*a'.repeat(2_000) + '\n' + '[['.repeat(2_000) + '\n```',
      '* * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * * *',
      // A long tight list of links (a resource directory): each item is its own paragraph.
      Array.from({ length: 1_500 }, (_, i) => `- [Resource *${i}*](https://example.org/${i})`).join('\n'),
      Array.from({ length: 700 }, (_, i) => `${i + 1}. [Step](https://example.org/${i}) **${i}**`).join('\n'),
    ].join('\n\n');
    // Front matter is masked with spaces before parsing: a long title is not indentation.
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({ summary: 'long '.repeat(100) }, `${body}\n`) });
    const { report, written } = await buildProject(root);
    expect(report).toBe('');
    expect(written).toBe(true);
  });

  it('does near-linear work: twice the page takes about twice as long', async () => {
    const block =
      '## Heading\n\n> a quote with *emphasis*, **strong**, `code` and [a link](https://example.org)\n\n- one\n  - two\n    - three ' +
      '[@x]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n';
    const time = async (copies: number) => {
      const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({}, block.repeat(copies)) });
      const started = process.cpuUsage();
      await buildProject(root);
      return cpuSeconds(started) * 1000;
    };
    await time(50);
    const small = await time(400);
    const large = await time(800);
    // Generous: a shared CI machine is noisy; quadratic work would be about 4 times.
    expect(large).toBeLessThan(small * 3.2 + 1_000);
  });
});
