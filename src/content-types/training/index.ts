import { slug as slugify } from 'github-slugger';
import { z } from 'zod';
import type { Page } from '../../model/page.js';
import { byOrderThenTitle } from '../../templates/view-models.js';
import type { LangText, Views } from '../../templates/view-models.js';
import type { TrainingIntro, TrainingView } from '../../templates/contexts/content-types.js';
import { COMMON_TRANSLATABLE, common, slug } from '../common-schema.js';
import type { ContentType, MetaOf } from '../content-type.js';
import { briefing } from '../briefing/index.js';
import { cardList } from '../card-list.js';
import { checkLinkedPages, linkedPages } from '../linked-pages.js';
import { withAnswers, withoutAnswers } from './answers.js';

const term = z.object(
  { term: z.string().describe('The word or phrase.'), definition: z.string().describe('What it means.') },
  { error: 'each key term is "term:" with its "definition:"' },
);

/** Front matter of a training module (`training/<slug>.md`). */
export const trainingSchema = z.looseObject({
  ...common,
  duration: z.string().optional().describe('How long the session takes, e.g. 90 minutes.'),
  audience: z.string().optional().describe('Who the module is for.'),
  objectives: z.array(z.string()).default([]).describe('Shown under "By the end of this topic, you will be able to:".'),
  terms: z.array(term).default([]).describe('A glossary of key terms; link an entry as `[naloxone](#term-naloxone)`.'),
  briefings: z.array(slug).default([]).describe('The briefings the module supports, by slug.'),
});
type TrainingMeta = MetaOf<typeof trainingSchema>;
const meta = (page: Page) => page.meta as TrainingMeta;

/** The id of a key term on its page: from the original's spelling, so it is the same in every language. */
const termId = (text: string) => `term-${slugify(text) || 'term'}`;

/**
 * A training module: `briefings/training/<slug>.md`. Learning objectives, key terms (a
 * glossary whose entries can be linked as `#term-<term>`), the lesson, and self-check
 * questions whose answers the reader opens; a PDF for participants and one with the
 * answers for facilitators.
 */
export const training: ContentType = {
  name: 'training',
  aliases: ['module', 'training-module'],
  label: 'training module',
  plural: 'Training modules',
  kindLabel: 'trainingModule',
  where: 'briefings/training/<slug>.md',
  folder: 'training',
  place: (parts) => (parts.length === 2 && parts[0] === 'training' && parts[1] !== 'index' ? [slugify(parts[1]!)] : undefined),
  outputPath: (slug) => `training/${slug.join('/')}/index.html`,
  sourcePath: (slug) => `training/${slug}.md`,
  schema: trainingSchema,
  translatable: [...COMMON_TRANSLATABLE, 'duration', 'audience', 'objectives', 'terms'],
  template: 'training',
  order: byOrderThenTitle,
  ids: (page) => ['learning-objectives', 'key-terms', ...meta(page).terms.map((entry) => termId(entry.term))],
  view: (local, { views, site, translator }): TrainingView => ({
    intro: intro(local.page, views, translator.ui),
    related: linkedPages(site, briefing, meta(local.page).briefings).map((page) => ({ label: views.title(page), href: views.href(page.outputPath) })),
  }),
  ...cardList({
    folder: 'training',
    plural: 'trainingModules',
    singular: 'trainingModule',
    owner: 'the list of training modules',
    details: (views, page) => [views.field(page, 'duration') as LangText | undefined, views.field(page, 'audience') as LangText | undefined],
  }),
  // Its PDF, its key messages as slides (on its share page), and a link-preview image.
  outputs: ['pdf', 'slides', 'card'],
  print: {
    toc: false,
    kicker: (_page, { translator }) => translator.ui.trainingModule,
    share: true,
    intro: (page, { views, translator }) => ({ partial: 'training-intro', data: intro(page, views, translator.ui) }),
    variants: [
      { suffix: '', label: 'participantPdf', cover: 'participantVersion', transform: withoutAnswers },
      { suffix: 'facilitator', label: 'facilitatorPdf', cover: 'facilitatorVersion', transform: (tree, ui) => withAnswers(ui.answer)(tree) },
    ],
  },
  check: (pages) => checkLinkedPages(pages, 'training', 'briefings', briefing),
  scaffold: (slug) => `---
title: ${slug.replace(/-/g, ' ')}
summary: One or two sentences on what participants learn.
date: ${new Date().toISOString().slice(0, 10)}
duration: 60 minutes
audience: Who this module is for
objectives:
  - Explain …
  - Show how to …
terms:
  - term: A word participants must know
    definition: What it means, in plain words.
briefings: []
---

## Why this matters

## The topic

:::note
A tip for the facilitator.
:::

:::question[A question participants answer to check what they learnt?]
The answer, shown to facilitators and to readers who open it.
:::
`,
};

/** Objectives, key terms, duration and audience, above the lesson on the web page and in the PDF. */
function intro(page: Page, views: Views, ui: { readonly objectivesIntro: string }): TrainingIntro {
  const terms = (views.field(page, 'terms') ?? []) as { term: LangText; definition: LangText }[];
  const original = meta(page).terms;
  return {
    objectivesIntro: ui.objectivesIntro,
    objectives: (views.field(page, 'objectives') ?? []) as LangText[],
    terms: terms.map((entry, index) => ({ ...entry, id: termId(original[index]?.term ?? entry.term.text) })),
    duration: views.field(page, 'duration') as LangText | undefined,
    audience: views.field(page, 'audience') as LangText | undefined,
  };
}
