import type { Page } from '../../model/page.js';
import type { LangText, Views } from '../../templates/view-models.js';
import type { CaseStudyCard } from '../../templates/contexts/cards.js';
import { caseStudyMeta } from './schema.js';

/** A case study in lists: title, country, organisation, year, summary, topics. */
export function caseStudyCard(views: Views, page: Page): CaseStudyCard {
  const meta = caseStudyMeta(page);
  return {
    title: views.title(page),
    summary: views.summary(page),
    href: views.href(page.outputPath),
    country: views.country(meta.country),
    organisation: caseStudyOrganisation(views, page),
    year: meta.year,
    tags: views.tags(meta.tags),
  };
}

/** A case study's organisation in the reader's language when a translation names it there, else as the original writes it (marked so). */
export function caseStudyOrganisation(views: Views, page: Page): LangText | undefined {
  return caseStudyMeta(page).organisation === undefined ? undefined : (views.field(page, 'organisation') as LangText | undefined);
}

/** Newest first (by `date:`, then year), for "latest case studies". */
export function byDateDescending(pages: readonly Page[], lang: string): Page[] {
  const collator = new Intl.Collator(lang);
  return [...pages].sort((a, b) => {
    const [one, other] = [caseStudyMeta(a), caseStudyMeta(b)];
    return (other.date ?? '').localeCompare(one.date ?? '') || (other.year ?? 0) - (one.year ?? 0) || collator.compare(one.title, other.title);
  });
}
