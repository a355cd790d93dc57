import type { LayoutContext } from './layout.js';
import type { BriefingCard, CaseStudyCard, ContentCard, CountedLink, CountryLink } from './cards.js';

/** A list of cards on the home page (training modules, advocacy briefs). */
export interface HomeSection {
  readonly id: string;
  readonly heading: string;
  readonly cards: readonly ContentCard[];
}

/**
 * What `pages/home.hbs` shows besides the layout. Each content type gives its part (its
 * `home`); the parts no type gives stay empty.
 */
export interface HomeContent {
  readonly briefings: readonly BriefingCard[];
  readonly latest: readonly CaseStudyCard[];
  readonly countries: readonly CountryLink[];
  readonly tags: readonly CountedLink[];
  /** Every type's sections, one after another. */
  readonly sections: readonly HomeSection[];
}
export type HomeContext = LayoutContext & HomeContent;

/** `pages/list.hbs`: a heading and cards (the training modules, the advocacy briefs). */
export interface ListContent {
  readonly heading: string;
  readonly cards: readonly ContentCard[];
}

/** `pages/case-studies.hbs`: every case study by country, and the tags. */
export interface CaseStudiesContent {
  readonly countries: readonly (CountryLink & { readonly caseStudies: readonly CaseStudyCard[] })[];
  readonly tags: readonly CountedLink[];
  readonly countText: string;
}

/** `pages/case-study-group.hbs`: the case studies of one country or tag. */
export interface CaseStudyGroupContent {
  readonly heading: string;
  readonly kicker: string;
  readonly caseStudies: readonly CaseStudyCard[];
  /** The link back to the case-study index. */
  readonly index: string;
}

/** What each index page template gets besides the layout, by template name. */
export interface IndexContents {
  readonly list: ListContent;
  readonly 'case-studies': CaseStudiesContent;
  readonly 'case-study-group': CaseStudyGroupContent;
}
