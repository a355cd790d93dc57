/**
 * Every word the templates and Markdown plugins print, in English: the complete list of
 * interface strings. Other languages come from `translations/<lang>/ui.yaml` (briefkit
 * ships Ukrainian and Arabic), and any key they lack falls back to the source language,
 * then to these. Values are ICU MessageFormat: `{count, plural, one {…} other {…}}`.
 */
export const englishStrings = {
  skipToContent: 'Skip to content',
  home: 'Home',
  mainNavigation: 'Main navigation',
  language: 'Language',
  briefings: 'Briefings',
  briefing: 'Technical briefing',
  caseStudies: 'Case studies',
  caseStudy: 'Case study',
  latestCaseStudies: 'Latest case studies',
  allCaseStudies: 'All case studies',
  caseStudiesInBriefing: 'Case studies in this briefing',
  caseStudyCount: '{count, plural, one {# case study} other {# case studies}}',
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
  onThisPage: 'On this page',
  references: 'References',
  note: 'Note',
  warning: 'Warning',
  keyPoints: 'Key points',
  footnotes: 'Footnotes',
  backToReference: 'Back to reference',
  table: 'Table',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you asked for is not here. It may have moved, or the address may be mistyped.',
  backHome: 'Go to the home page',
  chooseLanguage: 'Choose a language',
  suggestedLanguage: 'Your browser suggests: {language}',
  licence: 'Licence',
  builtWith: 'Made with briefkit',
  notTranslatedTitle: 'Not yet translated',
  notTranslatedText: 'This page has not been translated into {language} yet. Below is the original in {original}.',
  availableIn: 'Also available in:',
  outdatedTitle: 'The original has changed',
  outdatedText: 'The {original} original of this page has been updated since this translation was made, so parts of it may be out of date.',
  readOriginal: 'Read the original ({language})',
  sectionNotTranslated: 'This section has not been translated into {language} yet; it is shown in {original}.',
  downloadPdf: 'Download PDF',
  pdfDetails: 'PDF, {size}, {pages, plural, one {# page} other {# pages}}',
  contents: 'Contents',
  cover: 'Cover',
  pageNumber: 'Page {page} of {pages}',
  aboutDocument: 'About this document',
  howToCite: 'How to cite',
  readOnline: 'Read it online, in other languages too:',
  edition: 'Edition',
  editionLabel: '{country} edition',
  countryEditions: 'Country editions',
} as const;

/** The name of an interface string. */
export type UiKey = keyof typeof englishStrings;

/** The interface strings of one language (raw ICU messages). */
export type UiStrings = { readonly [Key in UiKey]: string };
