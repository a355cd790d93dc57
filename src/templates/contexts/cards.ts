import type { LangText, Link } from '../view-models.js';

/** `partials/case-study-card.hbs`: a case study in lists (and the case study's own `page`). */
export interface CaseStudyCard {
  readonly title: LangText;
  readonly summary: LangText | undefined;
  readonly href: string;
  readonly country: Link;
  /** A name, in the language the page was written in. */
  readonly organisation: LangText | undefined;
  readonly year: number | undefined;
  readonly tags: readonly Link[];
}

/** A briefing on the home page (`pages/home.hbs`). */
export interface BriefingCard {
  readonly title: LangText;
  readonly summary: LangText | undefined;
  readonly href: string;
  readonly version: string | undefined;
  readonly date: string | undefined;
  /** How many case studies it has, and that said in words. */
  readonly count: number;
  readonly countText: string;
}

/** `partials/content-card.hbs`: a training module or advocacy brief in lists. */
export interface ContentCard {
  readonly kicker: string;
  readonly title: LangText;
  readonly summary: LangText | undefined;
  readonly href: string;
  /** Facts after the summary (a module's duration and audience). */
  readonly details: readonly LangText[];
}

/** A country or tag with how many case studies it has. */
export interface CountedLink extends Link {
  readonly count: number;
}

/** A country on the case-study index: its link, code and the anchor of its section. */
export interface CountryLink extends CountedLink {
  readonly code: string;
  readonly anchor: string;
}
