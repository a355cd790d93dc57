import type { LangText } from '../view-models.js';
import type { CaseStudyCard } from './cards.js';
import type { ContentPageContext } from './pages.js';

/** A link to another page, its title in its own language (`lang-attrs label`). */
export interface PageLink {
  readonly label: LangText;
  readonly href: string;
}

/** What a briefing adds (`pages/briefing.hbs`). */
export interface BriefingView {
  readonly page: { readonly version: string | undefined };
  readonly caseStudies: readonly CaseStudyCard[];
  /** Training modules and advocacy briefs that name this briefing in their `briefings:`. */
  readonly basedOn: readonly PageLink[];
}
export type BriefingContext = ContentPageContext<BriefingView>;

/** What a case study adds (`pages/case-study.hbs`): its facts on `page`, the briefings it is part of. */
export interface CaseStudyView {
  readonly page: CaseStudyCard;
  readonly partOf: readonly PageLink[];
}
export type CaseStudyContext = ContentPageContext<CaseStudyView>;

/** `partials/training-intro.hbs`, on the page and in the PDF. */
export interface TrainingIntro {
  readonly objectivesIntro: string;
  readonly objectives: readonly LangText[];
  readonly terms: readonly { readonly term: LangText; readonly definition: LangText; readonly id: string }[];
  readonly duration: LangText | undefined;
  readonly audience: LangText | undefined;
}

/** What a training module adds (`pages/training.hbs`). */
export interface TrainingView {
  readonly intro: TrainingIntro;
  readonly related: readonly PageLink[];
}
export type TrainingContext = ContentPageContext<TrainingView>;

/** A key figure of an advocacy brief, with its source's full reference. */
export interface FigureView {
  readonly value: LangText;
  readonly label: LangText;
  readonly source: { readonly label: string; readonly html: string } | undefined;
}

/** `partials/brief-intro.hbs`, on the page and in the PDF. */
export interface BriefIntro {
  readonly audience: LangText | undefined;
  readonly asks: readonly LangText[];
  readonly figures: readonly FigureView[];
  readonly ui: { readonly audience: string; readonly whatWeAsk: string; readonly keyFigures: string };
}

/** What an advocacy brief adds (`pages/brief.hbs`). */
export interface BriefView {
  readonly intro: BriefIntro;
  readonly drawsOn: readonly PageLink[];
}
export type BriefContext = ContentPageContext<BriefView>;
