import { slug as slugify } from 'github-slugger';
import { z } from 'zod';
import type { Page } from '../../model/page.js';
import { byOrderThenTitle } from '../../templates/view-models.js';
import type { LangText } from '../../templates/view-models.js';
import type { BriefIntro, BriefView, PageLink } from '../../templates/contexts/content-types.js';
import { COMMON_TRANSLATABLE, common, slug } from '../common-schema.js';
import type { ContentType, MetaOf, ViewContext } from '../content-type.js';
import { briefing } from '../briefing/index.js';
import { cardList } from '../card-list.js';
import { caseStudy } from '../case-study/index.js';
import { checkLinkedPages, linkedPages } from '../linked-pages.js';
import { checkFigureSources, figuresOf } from './figures.js';

const figure = z.object(
  {
    value: z.union([z.string(), z.number()]).transform(String).describe('The figure, e.g. "69,000".'),
    label: z.string().describe('What it counts.'),
    source: z.string().optional().describe('Its source: a key of the reference list.'),
  },
  { error: 'each key figure is "value:" and "label:", with an optional "source:" (a reference key)' },
);

/** Front matter of an advocacy brief (`briefs/<slug>.md`). */
export const briefSchema = z.looseObject({
  ...common,
  audience: z.string().optional().describe('Who the brief is for, e.g. policymakers.'),
  asks: z
    .array(z.string())
    .min(1, { error: 'an advocacy brief says what it asks for: list at least one ask' })
    .describe('"What we ask": first on the page and in the PDF (at least one).'),
  figures: z.array(figure).default([]).describe('Key figures, each with its source from the reference list.'),
  briefings: z.array(slug).default([]).describe('The briefings it draws on, by slug.'),
  case_studies: z.array(slug).default([]).describe(`The ${caseStudy.plural.toLowerCase()} it cites, by slug.`),
});
type BriefMeta = MetaOf<typeof briefSchema>;
const meta = (page: Page) => page.meta as BriefMeta;

/**
 * An advocacy brief: `briefings/briefs/<slug>.md`. For policymakers: who it is for and what it
 * asks, up front; key figures with their sources; the text; and links to the briefing and
 * case studies it draws on. Prints in a few pages.
 */
export const brief: ContentType = {
  name: 'brief',
  aliases: ['advocacy-brief'],
  label: 'advocacy brief',
  plural: 'Advocacy briefs',
  kindLabel: 'advocacyBrief',
  where: 'briefings/briefs/<slug>.md',
  folder: 'briefs',
  place: (parts) => (parts.length === 2 && parts[0] === 'briefs' && parts[1] !== 'index' ? [slugify(parts[1]!)] : undefined),
  outputPath: (slug) => `briefs/${slug.join('/')}/index.html`,
  sourcePath: (slug) => `briefs/${slug}.md`,
  schema: briefSchema,
  translatable: [...COMMON_TRANSLATABLE, 'audience', 'asks', 'figures'],
  template: 'brief',
  order: byOrderThenTitle,
  ids: () => ['brief-asks', 'brief-figures'],
  view: (local, context): BriefView => ({ intro: intro(local.page, context), drawsOn: drawsOn(local.page, context) }),
  ...cardList({
    folder: 'briefs',
    plural: 'advocacyBriefs',
    singular: 'advocacyBrief',
    owner: 'the list of advocacy briefs',
    details: (views, page) => [views.field(page, 'audience') as LangText | undefined],
  }),
  // Its PDF, its key messages as slides (on its share page), and a link-preview image.
  outputs: ['pdf', 'slides', 'card'],
  print: {
    toc: false,
    compact: true,
    share: true,
    kicker: (_page, { translator }) => translator.ui.advocacyBrief,
    intro: (page, context) => ({ partial: 'brief-intro', data: intro(page, context) }),
  },
  check: (pages, references) => {
    checkLinkedPages(pages, 'brief', 'briefings', briefing);
    checkLinkedPages(pages, 'brief', 'case_studies', caseStudy);
    checkFigureSources(pages, references);
  },
  scaffold: (slug) => `---
title: ${slug.replace(/-/g, ' ')}
summary: One sentence a minister's adviser reads first.
date: ${new Date().toISOString().slice(0, 10)}
audience: Policymakers
asks:
  - The one change you ask for, in a sentence.
figures:
  - value: "0"
    label: What the number counts
    # source: the id of its entry in briefings/references.yaml
briefings: []
case_studies: []
---

## The problem

## What works

## What we ask
`,
};

/** Who it is for, the asks and the key figures: first on the page and in the PDF. */
function intro(page: Page, { views, translator, citations }: ViewContext): BriefIntro {
  return {
    audience: views.field(page, 'audience') as LangText | undefined,
    asks: (views.field(page, 'asks') ?? []) as LangText[],
    figures: figuresOf(views.field(page, 'figures'), citations.citer(page, translator.lang), translator.ui),
    ui: translator.ui,
  };
}

/** The briefing and case studies the brief draws on, as links. */
function drawsOn(page: Page, { views, site }: ViewContext): PageLink[] {
  const { briefings, case_studies: studies } = meta(page);
  return [...linkedPages(site, briefing, briefings), ...linkedPages(site, caseStudy, studies)].map((other) => ({
    label: views.title(other),
    href: views.href(other.outputPath),
  }));
}
