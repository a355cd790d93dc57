/**
 * Every word the templates and Markdown plugins print, in English. Other languages will
 * come from `translations/<lang>/ui.yaml` with these as the fallback.
 */
export const englishStrings = {
  skipToContent: 'Skip to content',
  home: 'Home',
  mainNavigation: 'Main navigation',
  briefings: 'Briefings',
  briefing: 'Technical briefing',
  caseStudies: 'Case studies',
  caseStudy: 'Case study',
  latestCaseStudies: 'Latest case studies',
  allCaseStudies: 'All case studies',
  caseStudiesInBriefing: 'Case studies in this briefing',
  partOf: 'Part of',
  byCountry: 'By country',
  byTag: 'By topic',
  country: 'Country',
  organisation: 'Organisation',
  year: 'Year',
  tags: 'Topics',
  version: 'Version',
  published: 'Published',
  authors: 'Authors',
  contents: 'Contents',
  onThisPage: 'On this page',
  references: 'References',
  note: 'Note',
  warning: 'Warning',
  keyPoints: 'Key points',
  footnotes: 'Footnotes',
  backToReference: 'Back to reference',
  table: 'Table',
  readBriefing: 'Read the briefing',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you asked for is not here. It may have moved, or the address may be mistyped.',
  backHome: 'Go to the home page',
  chooseLanguage: 'Choose a language',
  licence: 'Licence',
  builtWith: 'Made with briefkit',
  countCaseStudies: 'case studies',
  countCaseStudy: 'case study',
} as const;

/** The interface strings of one language. */
export type UiStrings = { readonly [Key in keyof typeof englishStrings]: string };
