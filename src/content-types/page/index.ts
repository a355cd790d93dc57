import { slug as slugify } from 'github-slugger';
import type { Page } from '../../model/page.js';
import { byOrderThenTitle } from '../../templates/view-models.js';
import type { Views } from '../../templates/view-models.js';
import { COMMON_TRANSLATABLE, commonSchema } from '../common-schema.js';
import type { ContentType } from '../content-type.js';

/** How many top-level pages the menu shows before it links to the list of all pages. */
const MENU_LIMIT = 6;
/** The list of every page, when there are more than the menu shows. */
const PAGES_INDEX = 'pages/index.html';

/** The top-level pages, worked out once per list of pages (the menu is on every page: issue 31). */
const topLevel = new WeakMap<readonly Page[], readonly Page[]>();
const menuPages = (pages: readonly Page[]): readonly Page[] => {
  let top = topLevel.get(pages);
  if (!top) topLevel.set(pages, (top = pages.filter((page) => !page.slug.includes('/'))));
  return top;
};

/** Any other Markdown file: `about.md` → `about/`, `help/faq.md` → `help/faq/`. Registered last. */
export const plainPage: ContentType = {
  name: 'page',
  label: 'page',
  plural: 'Pages',
  where: 'briefings/<slug>.md',
  place: (parts) => (parts.at(-1) === 'index' ? parts.slice(0, -1) : parts).map((part) => slugify(part)),
  outputPath: (slug) => `${slug.join('/')}/index.html`,
  sourcePath: (slug) => `${slug}.md`,
  schema: commonSchema,
  translatable: [...COMMON_TRANSLATABLE],
  template: 'page',
  order: byOrderThenTitle,
  // Top-level pages are in the menu, a few of them: a menu must not grow with the site (a
  // page per menu entry on every page is quadratic). Past that, "More pages" lists them all.
  nav: (pages, { views, translator }) => {
    const top = menuPages(pages);
    const shown = top.slice(0, top.length > MENU_LIMIT ? MENU_LIMIT - 1 : MENU_LIMIT).map((page) => ({ label: views.menuTitle(page), path: page.outputPath }));
    return top.length > MENU_LIMIT ? [...shown, { label: views.text(translator.ui.morePages, views.lang), path: PAGES_INDEX }] : shown;
  },
  indexes: (pages, { translator }) => {
    if (menuPages(pages).length <= MENU_LIMIT) return [];
    const heading = translator.ui.morePages;
    const cards = (views: Views) =>
      pages.map((page) => ({ kicker: '', title: views.title(page), summary: views.summary(page), href: views.href(page.outputPath), details: [] }));
    return [{ path: PAGES_INDEX, template: 'list', owner: 'the list of pages', title: heading, data: (views) => ({ heading, cards: cards(views) }) }];
  },
  // Its web page only.
  outputs: [],
  scaffold: (slug) => `---
title: ${slug.replace(/-/g, ' ')}
summary: One sentence on what this page is for.
---

Write the page here.
`,
};
