import { body, caseStudy, LANGUAGES } from './page.js';
import type { Language } from './page.js';

/** How the pages are laid out in the briefkit project. */
export type Layout = 'sections' | 'top-level';

/** One page of the corpus in one language, as every tool receives it. */
export interface CorpusPage {
  language: Language;
  kind: 'case-study' | 'briefing' | 'page';
  slug: string;
  /** Front matter values, in order. */
  meta: Record<string, unknown>;
  body: string;
}

/** What to generate: `pages` content pages in each of the first `languages` languages. */
export interface CorpusSpec {
  pages: number;
  languages: number;
  layout: Layout;
}

/** One briefing per 500 pages (at least 3), each listing 10 case studies. */
export const briefingCount = (spec: CorpusSpec) => (spec.layout === 'sections' ? Math.max(3, Math.round(spec.pages / 500)) : 0);

export const languagesOf = (spec: CorpusSpec): readonly Language[] => LANGUAGES.slice(0, spec.languages);

/**
 * Every page of the corpus, deterministic: `spec.pages` per language. Laid out in sections,
 * they are case studies plus a few briefings; at top level, plain pages.
 */
export function* corpus(spec: CorpusSpec): Generator<CorpusPage> {
  const briefings = briefingCount(spec);
  const studies = spec.pages - briefings;
  for (const language of languagesOf(spec)) {
    for (let index = 0; index < studies; index++) {
      const study = caseStudy(index, language);
      if (spec.layout === 'top-level') {
        yield {
          language,
          kind: 'page',
          slug: study.slug,
          meta: { title: study.title, summary: study.summary, date: study.date, tags: study.tags },
          body: study.body,
        };
      } else {
        const { title, summary, country, year, date, tags } = study;
        yield { language, kind: 'case-study', slug: study.slug, meta: { title, summary, country, year, date, tags }, body: study.body };
      }
    }
    for (let index = 0; index < briefings; index++) {
      const lead = caseStudy(studies + index, language);
      const listed = Array.from({ length: 10 }, (_, at) => caseStudy((index * 10 + at) % studies, language).slug);
      yield {
        language,
        kind: 'briefing',
        slug: `briefing-${String(index + 1).padStart(3, '0')}`,
        meta: { title: lead.title, summary: lead.summary, date: lead.date, tags: lead.tags, case_studies: listed },
        body: body(studies + index, language),
      };
    }
  }
}

/** YAML front matter for the given values (strings through JSON, which YAML reads; dates bare). */
export function frontMatter(meta: Record<string, unknown>): string {
  const lines = Object.entries(meta).map(([key, value]) => `${key}: ${key === 'date' ? String(value) : JSON.stringify(value)}`);
  return `---\n${lines.join('\n')}\n---\n\n`;
}

/** Where a page lives below its language's content folder (the same in every tool). */
export const placeOf = (page: CorpusPage) =>
  page.kind === 'case-study' ? `case-studies/${page.slug}.md` : page.kind === 'briefing' ? `${page.slug}/index.md` : `${page.slug}.md`;
