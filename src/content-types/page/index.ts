import { slug as slugify } from 'github-slugger';
import { byOrderThenTitle } from '../../templates/view-models.js';
import { commonSchema } from '../common-schema.js';
import type { ContentType } from '../content-type.js';

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
  translatable: [],
  template: 'page',
  order: byOrderThenTitle,
  // Top-level pages are in the menu; pages in folders are linked from the text.
  nav: (pages, { views }) => pages.filter((page) => !page.slug.includes('/')).map((page) => ({ label: views.title(page), path: page.outputPath })),
  scaffold: (slug) => `---
title: ${slug.replace(/-/g, ' ')}
summary: One sentence on what this page is for.
---

Write the page here.
`,
};
