import type { Page } from '../../model/page.js';
import { countryPath, tagPath } from '../../templates/view-models.js';
import type { Views } from '../../templates/view-models.js';
import type { IndexPage, ViewContext } from '../content-type.js';
import type { HomeContent } from '../../templates/contexts/indexes.js';
import { caseStudyCard } from './card.js';
import { caseStudyMeta } from './schema.js';

/** Where the case-study index is written under `dist/<lang>/`. */
export const caseStudyIndexPath = 'case-studies/index.html';

/** Case studies grouped by country and by tag, newest first, with links for the reader's language. */
function groups(pages: readonly Page[], lang: string) {
  const collator = new Intl.Collator(lang);
  const countries = groupBy(pages, (page) => [caseStudyMeta(page).country]);
  const tags = groupBy(pages, (page) => caseStudyMeta(page).tags);
  const tagLinks = (views: Views) =>
    [...tags.keys()].map((tag) => ({ ...views.tags([tag])[0]!, count: tags.get(tag)!.length })).sort((a, b) => collator.compare(a.label, b.label));
  const countryLinks = (views: Views) =>
    [...countries.keys()]
      .map((code) => ({ ...views.country(code), code, anchor: `country-${code.toLowerCase()}`, count: countries.get(code)!.length }))
      .sort((a, b) => collator.compare(a.label, b.label));
  return { countries, tags, tagLinks, countryLinks };
}

/** The home page's latest case studies, and links by country and by topic. */
export function caseStudiesOnHome(pages: readonly Page[], { views }: ViewContext): Pick<HomeContent, 'latest' | 'countries' | 'tags'> {
  const { tagLinks, countryLinks } = groups(pages, views.lang);
  return { latest: pages.slice(0, 6).map((page) => caseStudyCard(views, page)), countries: countryLinks(views), tags: tagLinks(views) };
}

/** The case-study index, and a page per country and per tag. */
export function caseStudyIndexes(pages: readonly Page[], { views, translator }: ViewContext): IndexPage[] {
  if (pages.length === 0) return [];
  const { ui } = translator;
  const { countries, tags, tagLinks, countryLinks } = groups(pages, views.lang);
  const indexes: IndexPage[] = [
    {
      path: caseStudyIndexPath,
      template: 'case-studies',
      owner: 'the case-study index',
      title: ui.caseStudies,
      data: (here) => ({
        countries: countryLinks(here).map((country) => ({ ...country, caseStudies: countries.get(country.code)!.map((page) => caseStudyCard(here, page)) })),
        tags: tagLinks(here),
        countText: translator.t('caseStudyCount', { count: pages.length }),
      }),
    },
  ];
  const group = (heading: string, kicker: string, list: readonly Page[]) => (here: Views) => ({
    heading,
    kicker,
    caseStudies: list.map((page) => caseStudyCard(here, page)),
    index: here.href(caseStudyIndexPath),
  });
  for (const [code, list] of countries) {
    const name = views.country(code).label;
    indexes.push({
      path: countryPath(code),
      template: 'case-study-group',
      owner: `the case studies from ${code}`,
      title: `${ui.caseStudies}: ${name}`,
      data: group(name, ui.country, list),
    });
  }
  for (const [tag, list] of tags) {
    const name = translator.tags.get(tag) ?? tag;
    indexes.push({
      path: tagPath(tag),
      template: 'case-study-group',
      owner: `the case studies tagged "${tag}"`,
      title: `${ui.caseStudies}: ${name}`,
      data: group(name, ui.tags, list),
    });
  }
  return indexes;
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const found = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) found.set(key, [...(found.get(key) ?? []), item]);
  }
  return found;
}
