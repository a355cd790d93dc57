/**
 * Issue 29, item 7: pages as a reader looks at them. A page's table of contents sits in the
 * grid's side column from the top (no empty column above it); the menu is a disclosure
 * ("Menu") that holds every menu link; a long title is shortened in the menu, its whole text
 * still the link's name, and `menu_title` (translated like the title) is used when given;
 * an author's affiliation that has parentheses of its own is not put in parentheses again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, makeProject, readText } from '../helpers/project.js';

const LONG_TITLE = 'Peer-to-peer naloxone distribution in prisons, hostels and outreach teams';
const AFFILIATION = 'Example Peer Network (fictional, for testing)';

let out: string;

beforeAll(async () => {
  const root = await makeProject({
    'briefkit.config.yaml': 'title: Sample\nlanguages: [en, ar]\norganisation:\n  name: Sample network\n',
    'briefings/long-briefing/index.md':
      `---\ntitle: ${LONG_TITLE}\nsummary: A briefing with a long title.\nauthors:\n  - name: Ann Author\n    ` +
      `affiliation: ${AFFILIATION}\n  - name: Bo Writer\n    affiliation: Harm Reduction Group\n---\n\n## First part\n\nText.\n\n## Second ` +
      `part\n\nText.\n`,
    'briefings/about.md': '---\ntitle: About this sample project and the people who wrote it\nmenu_title: About us\n---\n\nAbout.\n',
    'translations/ar/about.md': '---\ntitle: عن هذا المشروع النموذجي والأشخاص الذين كتبوه\nmenu_title: من نحن\n---\n\nنص.\n',
    'briefings/case-studies/glasgow.md':
      '---\ntitle: Glasgow\ncountry: GB-SCT\norganisation: Scottish Drugs Forum\nyear: 2017\n---\n\n## Context\n\nText.\n\n## Results\n\nText.\n',
  });
  const result = await buildProject(root);
  expect(result.ok, result.report).toBe(true);
  out = result.outDir;
});

/** The menu's links: what each shows, and its whole text (what a screen reader reads). */
function menuLinks(html: string): { shown: string; name: string; attributes: string }[] {
  const nav = /<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/<a ([^>]*)>([\s\S]*?)<\/a>/g)].map(([, attributes, inner]) => ({
    attributes: attributes!,
    shown: inner!.replace(/<span class="sr-only">[\s\S]*?<\/span>/g, '').replace(/<[^>]+>/g, ''),
    name: inner!.replace(/<span aria-hidden="true">[\s\S]*?<\/span>/g, '').replace(/<[^>]+>/g, ''),
  }));
}

describe('a case study at full width (issue 29, item 7)', () => {
  it('puts the title, summary and facts and the text in the main column, and the contents beside them from the top', async () => {
    const html = await readText(out, 'en/case-studies/glasgow/index.html');
    const grid = html.slice(html.indexOf('<div class="with-toc">'));
    // The grid's children, in order: the head (header and facts), the contents, the text.
    const head = grid.indexOf('<div class="article-head">');
    expect(head).toBeGreaterThan(0);
    expect(grid.indexOf('<header class="page-header">')).toBeGreaterThan(head);
    expect(grid.indexOf('<dl class="facts">')).toBeGreaterThan(head);
    expect(grid.indexOf('<nav class="toc"')).toBeGreaterThan(grid.indexOf('<dl class="facts">'));
    expect(grid.indexOf('<div class="prose"')).toBeGreaterThan(grid.indexOf('<nav class="toc"'));
    const css = await readText(out, 'assets/style.css');
    expect(css).toMatch(/\.with-toc > \.toc \{[^}]*grid-row: 1 \/ span 2;/);
    expect(css).toMatch(/\.with-toc > \.article-head \{[^}]*grid-row: 1;/);
    expect(css).toMatch(/\.with-toc > \.prose \{[^}]*grid-row: 2;/);
  });
});

describe('the menu (issue 29, item 7)', () => {
  it('is a "Menu" disclosure holding every menu link, with the page after it', async () => {
    const html = await readText(out, 'en/index.html');
    const menu =
      /<details class="site-menu">\s*<summary class="site-menu-button">Menu<\/summary>\s*<nav class="site-nav" aria-label="Main navigation">([\s\S]*?)<\/nav>\s*<\/details>/.exec(
        html,
      );
    expect(menu).not.toBeNull();
    expect(menuLinks(html).map((link) => link.name)).toEqual(['Home', LONG_TITLE, 'Case studies', 'About us', 'Search']);
    expect(html.indexOf('<main id="main"')).toBeGreaterThan(html.indexOf('</details>'));
    expect(await readText(out, 'ar/index.html')).toContain('<summary class="site-menu-button">القائمة</summary>');
  });

  it("shortens a long title, keeping the whole title as the link's name", async () => {
    const html = await readText(out, 'en/index.html');
    const link = menuLinks(html).find((entry) => entry.name === LONG_TITLE)!;
    expect(link.shown).toBe('Peer-to-peer naloxone…');
    expect(link.shown.length).toBeLessThanOrEqual(31);
    expect(link.attributes).toContain(`title="${LONG_TITLE}"`);
    expect(link.attributes).not.toContain('aria-label');
    // The page's own title is whole.
    expect(await readText(out, 'en/long-briefing/index.html')).toContain(`<h1>${LONG_TITLE}</h1>`);
  });

  it('uses menu_title, translated, and marks an English title in the Arabic menu as English', async () => {
    expect(menuLinks(await readText(out, 'en/index.html')).find((link) => link.name === 'About us')?.shown).toBe('About us');
    const arabic = menuLinks(await readText(out, 'ar/index.html'));
    expect(arabic.find((link) => link.name === 'من نحن')?.shown).toBe('من نحن');
    const english = arabic.find((link) => link.name === LONG_TITLE)!;
    expect(english.shown).toBe('Peer-to-peer naloxone…');
    expect(english.attributes).toContain('lang="en" dir="ltr"');
    expect(await readText(out, 'ar/about/index.html')).toContain('<h1>عن هذا المشروع النموذجي والأشخاص الذين كتبوه</h1>');
  });
});

describe('the byline (issue 29, item 7)', () => {
  it('does not nest parentheses when an affiliation has its own', async () => {
    const html = await readText(out, 'en/long-briefing/index.html');
    const byline = /<dl class="byline">([\s\S]*?)<\/dl>/.exec(html)![1]!;
    const text = byline.replace(/<[^>]+>/g, '');
    expect(text).toContain(`Ann Author — ${AFFILIATION}, Bo Writer — Harm Reduction Group`);
    expect(text).not.toMatch(/\(\(|\)\)|\)\(/);
  });
});
