/**
 * Issue 26, item 6: a translation written by hand without `{#id}` got heading ids in its own
 * language, so links to `#results` broke on that page and the build said nothing. Headings
 * that line up with the original's now take its ids by place; ones that do not are a warning
 * at the translation's heading.
 */
import { describe, expect, it } from 'vitest';
import { headingIds, headingOutline } from '../../src/markdown/heading-ids.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

const ORIGINAL = '## Context\n\nText.\n\n### Funding\n\nMoney.\n\n## Results\n\nMore text.\n';

describe("issue 26: a translation's headings take the original's ids by place", () => {
  it('when they line up level by level, and not when they do not', () => {
    const outline = headingOutline(parseMarkdown(ORIGINAL));
    const lined = headingIds(parseMarkdown('## Контекст\n\nТекст.\n\n### Фінансування\n\nГроші.\n\n## Результати\n\nБільше.\n'), outline);
    expect(lined.map((heading) => [heading.id, heading.explicit])).toEqual([
      ['context', true],
      ['funding', true],
      ['results', true],
    ]);
    // A heading missing, or a level changed: the pairing is not proven, so no id is taken.
    expect(headingIds(parseMarkdown('## Контекст\n\n## Результати\n'), outline).map((heading) => heading.id)).toEqual(['контекст', 'результати']);
    expect(headingIds(parseMarkdown('## Контекст\n\n## Фінансування\n\n## Результати\n'), outline).some((heading) => heading.explicit)).toBe(false);
    // One written {#id} means the translator matches headings by hand: the others keep their own.
    expect(headingIds(parseMarkdown('## Контекст {#context}\n\n### Фінансування\n\n## Результати\n'), outline).map((heading) => heading.id)).toEqual([
      'context',
      'фінансування',
      'результати',
    ]);
  });

  it('links to #results reach the hand-made translation, which falls back section by section', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({}, ORIGINAL),
      'briefings/case-studies/b.md': caseStudy({}, 'See [the results](a.md#results).\n'),
      'translations/uk/case-studies/a.md': '---\ntitle: А\n---\n\n## Контекст\n\nТекст.\n\n### Фінансування\n\nГроші.\n\n## Результати\n\nБільше.\n',
      'translations/uk/case-studies/b.md': '---\ntitle: Б\n---\n\nДив. [результати](a.md#results).\n',
    });
    const { report, ok } = await buildProject(root);
    expect(ok, report).toBe(true);
    expect(report).not.toContain('#results');
    const page = await readText(root, 'dist/uk/case-studies/a/index.html');
    expect(page).toContain('<h2 id="results">Результати</h2>');
    expect(page).toContain('<h3 id="funding">Фінансування</h3>');
    const status = await briefkitHere(['i18n', 'status'], { cwd: root });
    expect(status.stdout).toMatch(/untracked 100% {2}case-studies\/a\.md/);
  });

  it("headings that do not line up are a warning at the translation's heading, naming the id to write", async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({}, ORIGINAL),
      'translations/uk/case-studies/a.md': '---\ntitle: А\n---\n\n## Контекст\n\nТекст.\n\n## Результати\n\nБільше.\n',
    });
    const { report } = await buildProject(root);
    expect(report).toContain(
      "translations/uk/case-studies/a.md:5:1  warning  This translation's headings have no {#id} and do not line up with the " +
        'original\'s (2 headings against 3), so this one gets the id "контекст": links to the original\'s sections (such as #context) do not reach it',
    );
    expect(report).toContain(
      "→ After each heading, write the {#id} of the original heading it translates, e.g. {#context}. The original's ids: #context, #funding, #results.",
    );
  });
});
