import { posix } from 'node:path';
import { slug as slugify } from 'github-slugger';
import { error } from '../../messages.js';
import type { Page } from '../../model/page.js';
import { tagPath } from '../../templates/view-models.js';
import type { CaseStudyView } from '../../templates/contexts/content-types.js';
import { COMMON_TRANSLATABLE } from '../common-schema.js';
import type { ContentType } from '../content-type.js';
import { byDateDescending, caseStudyCard, caseStudyOrganisation } from './card.js';
import { caseStudiesOnHome, caseStudyIndexes, caseStudyIndexPath } from './indexes.js';
import { caseStudyMeta, caseStudySchema } from './schema.js';

/** A case study: `briefings/case-studies/<slug>.md`, a chapter of each briefing that lists it. */
export const caseStudy: ContentType = {
  name: 'case-study',
  label: 'case study',
  plural: 'Case studies',
  kindLabel: 'caseStudy',
  where: 'briefings/case-studies/<slug>.md',
  folder: 'case-studies',
  place: (parts) => (parts.length === 2 && parts[0] === 'case-studies' && parts[1] !== 'index' ? [slugify(parts[1]!)] : undefined),
  outputPath: (slug) => `case-studies/${slug.join('/')}/index.html`,
  sourcePath: (slug) => `case-studies/${slug}.md`,
  schema: caseStudySchema,
  // An organisation's name is read in the reader's language where it has one (Альянс громадського здоров'я).
  translatable: [...COMMON_TRANSLATABLE, 'organisation'],
  template: 'case-study',
  order: byDateDescending,
  view: (local, { views, site }): CaseStudyView => ({
    page: caseStudyCard(views, local.page),
    partOf: site.chapterOf(local.page).map((briefing) => ({ label: views.title(briefing), href: views.href(briefing.outputPath) })),
  }),
  searchFilters: (page, { views, translator }) => {
    const meta = caseStudyMeta(page);
    return { [translator.ui.country]: [views.country(meta.country).label], [translator.ui.tags]: views.tags(meta.tags).map((tag) => tag.label) };
  },
  nav: (pages, { views, translator }) => (pages.length > 0 ? [{ label: views.text(translator.ui.caseStudies, views.lang), path: caseStudyIndexPath }] : []),
  home: caseStudiesOnHome,
  indexes: caseStudyIndexes,
  // Its PDF only: no share page, so no slides and no link-preview image.
  outputs: ['pdf'],
  print: {
    toc: false,
    kicker: (page, { views, translator }) => `${translator.ui.caseStudy} · ${views.country(caseStudyMeta(page).country).label}`,
    chapterLine: (page, { views }) => {
      const meta = caseStudyMeta(page);
      return [views.country(meta.country).label, caseStudyOrganisation(views, page)?.text, meta.year].filter(Boolean).join(' · ');
    },
  },
  check: checkTagPages,
  scaffold: (slug) => `---
title: ${slug.replace(/-/g, ' ')}
summary: One or two sentences on who did what, where, and what came of it.
date: ${new Date().toISOString().slice(0, 10)}
country: GB
organisation: The organisation that ran it
year: ${new Date().getUTCFullYear()}
tags: []
---

## Context

Where this happened, and the problem it answered.

## What was done

## Results

## Lessons
`,
};

/**
 * Two spellings of a tag that make one index page ("Peer supply" and "peer-supply") would
 * clash when written: reported at the second spelling's `tags:` item, naming the first's.
 */
function checkTagPages(pages: readonly Page[]): void {
  const first = new Map<string, { readonly tag: string; readonly page: Page; readonly index: number }>();
  for (const page of pages) {
    // A page with invalid front matter keeps what it had; its tags may be anything.
    const tags: unknown = page.meta.tags;
    if (page.kind !== 'case-study' || !Array.isArray(tags)) continue;
    tags.forEach((tag: unknown, index) => {
      if (typeof tag !== 'string') return;
      const path = tagPath(tag);
      const seen = first.get(path);
      if (!seen) first.set(path, { tag, page, index });
      if (!seen || seen.tag === tag) return;
      const there = seen.page.yaml?.placeOf(['tags', seen.index]).start;
      error(page.file, {
        reason:
          `Tag "${tag}" and tag "${seen.tag}" (briefings/${seen.page.sourcePath}${there ? `:${there.line}:${there.column}` : ''}) would both make ` +
          `the index page ${posix.dirname(path)}/`,
        rule: 'tag-collision',
        place: page.yaml?.placeOf(['tags', index]),
        hint: `Spell the tag the same way in every case study, e.g. "${seen.tag}".`,
      });
    });
  }
}
