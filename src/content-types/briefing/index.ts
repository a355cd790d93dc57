import { slug as slugify } from 'github-slugger';
import { z } from 'zod';
import { formatDate } from '../../i18n/format.js';
import type { Page } from '../../model/page.js';
import { byOrderThenTitle } from '../../templates/view-models.js';
import type { Views } from '../../templates/view-models.js';
import type { BriefingCard } from '../../templates/contexts/cards.js';
import type { BriefingView } from '../../templates/contexts/content-types.js';
import { caseStudyCard } from '../case-study/card.js';
import { caseStudy } from '../case-study/index.js';
import { COMMON_TRANSLATABLE, common, slug } from '../common-schema.js';
import type { ContentType, MetaOf } from '../content-type.js';
import { checkLinkedPages, linkedPages } from '../linked-pages.js';

/** Front matter of a briefing (`<slug>/index.md`). Unknown keys are kept for templates. */
export const briefingSchema = z.looseObject({
  ...common,
  version: z.string().optional().describe("The version of the briefing, on its cover and in its PDF's metadata."),
  case_studies: z
    .array(slug)
    .default([])
    .describe(`The ${caseStudy.plural.toLowerCase()} shown with the briefing and printed as its chapters, in order, by file name.`),
});
type BriefingMeta = MetaOf<typeof briefingSchema>;
const meta = (page: Page) => page.meta as BriefingMeta;

/** A technical briefing: `briefings/<slug>/index.md`, its case studies as chapters of its PDF. */
export const briefing: ContentType = {
  name: 'briefing',
  label: 'technical briefing',
  plural: 'Technical briefings',
  kindLabel: 'briefing',
  where: 'briefings/<slug>/index.md',
  place: (parts, reserved) => (parts.length === 2 && parts[1] === 'index' && !reserved.has(parts[0]!) ? [slugify(parts[0]!)] : undefined),
  outputPath: (slug) => `${slug.join('/')}/index.html`,
  sourcePath: (slug) => `${slug}/index.md`,
  schema: briefingSchema,
  translatable: [...COMMON_TRANSLATABLE],
  template: 'briefing',
  order: byOrderThenTitle,
  view: (local, { views, site }): BriefingView => ({
    page: { version: meta(local.page).version },
    caseStudies: linkedPages(site, caseStudy, meta(local.page).case_studies).map((study) => caseStudyCard(views, study)),
    // The links back from what draws on it: any page whose `briefings:` lists this one.
    basedOn: site.listing('briefings', local.page.slug).map((other) => ({ label: views.title(other), href: views.href(other.outputPath) })),
  }),
  nav: (pages, { views }) => pages.map((page) => ({ label: views.menuTitle(page), path: page.outputPath })),
  home: (pages, { views }) => ({ briefings: pages.map((page) => briefingCard(views, page)) }),
  // Its PDF, its key messages as slides (on its share page), and a link-preview image.
  outputs: ['pdf', 'slides', 'card'],
  print: {
    chapters: (page, site) => linkedPages(site, caseStudy, meta(page).case_studies),
    toc: true,
    kicker: (_page, { translator }) => translator.ui.briefing,
    share: true,
  },
  check: (pages) => checkLinkedPages(pages, 'briefing', 'case_studies', caseStudy),
  scaffold: (slug) => `---
title: ${slug.replace(/-/g, ' ')}
summary: One or two sentences on what this briefing is for and who it is for.
date: ${new Date().toISOString().slice(0, 10)}
version: "1.0"
authors:
  - name: Your organisation
tags: []
# ${caseStudy.plural} this briefing includes (file names in briefings/${caseStudy.folder}/, without .md):
case_studies: []
---

## Introduction

Why this briefing exists, and who it is for.

## Key messages

:::key-points
- The first thing a reader must remember.
:::

## Recommendations

What you ask readers to do.
`,
};

/** A briefing on the home page. */
function briefingCard(views: Views, page: Page): BriefingCard {
  const { version, date, case_studies: studies } = meta(page);
  return {
    title: views.title(page),
    summary: views.summary(page),
    href: views.href(page.outputPath),
    version,
    date: formatDate(date, views.lang),
    count: studies.length,
    countText: views.translator.t('caseStudyCount', { count: studies.length }),
  };
}
