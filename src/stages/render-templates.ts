import { join, posix } from 'node:path';
import type { VFile } from 'vfile';
import type { Fonts } from '../assets/fonts.js';
import type { Config } from '../config/schema.js';
import { englishStrings } from '../i18n/strings.js';
import type { UiStrings } from '../i18n/strings.js';
import { error } from '../messages.js';
import { rootPrefix } from '../paths/urls.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { BriefingPage, CaseStudyPage, OutputFile, Page, PlainPage } from '../site.js';
import type { RenderTemplate } from '../templates/engine.js';
import {
  Views,
  byDateDescending,
  byOrderThenTitle,
  caseStudyIndexPath,
  countryPath,
  referenceList,
  tagPath,
} from '../templates/view-models.js';
import type { RenderResult } from './render-markdown.js';

/** Everything the templates stage needs. */
export interface TemplateInput {
  readonly config: Config;
  readonly lang: string;
  readonly strings?: UiStrings;
  readonly results: readonly RenderResult[];
  readonly references: ReferenceLibrary;
  readonly render: RenderTemplate;
  readonly fonts: Fonts;
  /** Static files from `templates/assets/`: path under `assets/` → absolute source. */
  readonly assets: ReadonlyMap<string, string>;
  /** The organisation's logo, if the config names one: absolute path. */
  readonly logo: string | undefined;
  /** The absolute path of `briefings/`, where page assets are copied from. */
  readonly contentDir: string;
  /** Where problems that belong to no page go (the config file). */
  readonly siteFile: VFile;
}

/** Collects output files and refuses two files at one path. */
class Output {
  readonly files: OutputFile[] = [];
  private readonly owners = new Map<string, string>();

  add(file: OutputFile, owner: string, report: VFile): void {
    const other = this.owners.get(file.path);
    if (other !== undefined) {
      error(report, {
        reason: `${owner} and ${other} would both be written to ${file.path}`,
        rule: 'output-conflict',
        hint: 'Rename one of them, or give it another "slug:".',
      });
      return;
    }
    this.owners.set(file.path, owner);
    this.files.push(file);
  }
}

/** Render every page of the site for one language, plus the shared assets and root pages. */
export function renderTemplates(input: TemplateInput): OutputFile[] {
  const { config, lang, results } = input;
  const strings = input.strings ?? englishStrings;
  const output = new Output();
  const pages = results.map((result) => result.page);
  const briefings = byOrderThenTitle(pages.filter((page): page is BriefingPage => page.kind === 'briefing'), lang);
  const caseStudies = pages.filter((page): page is CaseStudyPage => page.kind === 'case-study');
  const plainPages = byOrderThenTitle(pages.filter((page): page is PlainPage => page.kind === 'page'), lang);
  const logoName = input.logo ? `logo${posix.extname(input.logo)}` : undefined;

  const nav = (views: Views, current: string) =>
    [
      { label: strings.home, path: 'index.html' },
      ...briefings.map((page) => ({ label: page.meta.title, path: page.outputPath })),
      ...(caseStudies.length > 0 ? [{ label: strings.caseStudies, path: caseStudyIndexPath }] : []),
      ...plainPages.filter((page) => !page.slug.includes('/')).map((page) => ({ label: page.meta.title, path: page.outputPath })),
    ].map((item) => ({ label: item.label, href: views.href(item.path), current: item.path === current }));

  const write = (path: string, template: string, owner: string, extra: (views: Views) => object, title?: string) => {
    const full = `${lang}/${path}`;
    const views = new Views(lang, path);
    const root = rootPrefix(full);
    const context = {
      lang,
      dir: 'ltr',
      ui: strings,
      site: {
        title: config.title,
        description: config.description,
        organisation: config.organisation && {
          ...config.organisation,
          logo: logoName ? `${root}assets/${logoName}` : undefined,
        },
        licence: typeof config.licence === 'string' ? { name: config.licence } : config.licence,
      },
      title: title ? `${title} · ${config.title}` : config.title,
      root,
      assets: `${root}assets/`,
      home: views.href('index.html'),
      nav: nav(views, path),
      canonical: config.base_url ? `${config.base_url}${full}` : undefined,
      ...extra(views),
    };
    const html = input.render(template, context);
    if (html !== undefined) output.add({ path: full, content: html }, owner, input.siteFile);
  };

  const partOf = new Map<string, BriefingPage[]>();
  for (const briefing of briefings) {
    for (const slug of briefing.meta.case_studies) partOf.set(slug, [...(partOf.get(slug) ?? []), briefing]);
  }
  const caseStudyBySlug = new Map(caseStudies.map((page) => [page.slug, page]));

  for (const result of results) {
    const { page } = result;
    const owner = `briefings/${page.sourcePath}`;
    const common = (views: Views) => ({
      page: { ...views.pageHeader(page), html: result.html, toc: result.toc.length >= 2 ? result.toc : [] },
      references: referenceList(result, input.references),
    });
    if (page.kind === 'briefing') {
      write(page.outputPath, 'briefing', owner, (views) => {
        const base = common(views);
        return {
          ...base,
          page: { ...base.page, version: page.meta.version },
          caseStudies: page.meta.case_studies.flatMap((slug) => {
            const study = caseStudyBySlug.get(slug);
            return study ? [views.caseStudyCard(study)] : [];
          }),
        };
      }, page.meta.title);
    } else if (page.kind === 'case-study') {
      write(page.outputPath, 'case-study', owner, (views) => {
        const base = common(views);
        return {
          ...base,
          page: { ...views.caseStudyCard(page), ...base.page },
          partOf: (partOf.get(page.slug) ?? []).map((briefing) => ({ label: briefing.meta.title, href: views.href(briefing.outputPath) })),
        };
      }, page.meta.title);
    } else {
      write(page.outputPath, 'page', owner, common, page.meta.title);
    }
    for (const asset of result.assets) {
      output.add({ path: `${lang}/${asset.to}`, copyFrom: join(input.contentDir, asset.from) }, owner, page.file);
    }
  }

  // Home, case-study indexes by country and tag.
  const latest = byDateDescending(caseStudies, lang);
  const countries = groupBy(latest, (page) => [page.meta.country]);
  const tags = groupBy(latest, (page) => page.meta.tags);
  const collator = new Intl.Collator(lang);
  write('index.html', 'home', 'the home page', (views) => ({
    briefings: briefings.map((page) => views.briefingCard(page)),
    latest: latest.slice(0, 6).map((page) => views.caseStudyCard(page)),
    countries: [...countries.keys()].map((code) => ({ ...views.country(code), count: countries.get(code)!.length })),
    tags: [...tags.keys()].sort(collator.compare).map((tag) => ({ ...views.tags([tag])[0], count: tags.get(tag)!.length })),
    pages: plainPages.map((page) => ({ label: page.meta.title, summary: page.meta.summary, href: views.href(page.outputPath) })),
  }));
  if (caseStudies.length > 0) {
    const countryGroups = (views: Views) =>
      [...countries.entries()]
        .map(([code, list]) => ({ ...views.country(code), code, count: list.length, caseStudies: list.map((page) => views.caseStudyCard(page)) }))
        .sort((a, b) => collator.compare(a.label, b.label));
    write(caseStudyIndexPath, 'case-studies', 'the case-study index', (views) => ({
      countries: countryGroups(views),
      tags: [...tags.keys()].sort(collator.compare).map((tag) => ({ ...views.tags([tag])[0], count: tags.get(tag)!.length })),
      count: caseStudies.length,
    }), strings.caseStudies);
    for (const [code, list] of countries) {
      write(countryPath(code), 'case-study-group', `the case studies from ${code}`, (views) => ({
        heading: views.country(code).label,
        kicker: strings.country,
        caseStudies: list.map((page) => views.caseStudyCard(page)),
        index: views.href(caseStudyIndexPath),
      }), `${strings.caseStudies}: ${new Views(lang, '').country(code).label}`);
    }
    for (const [tag, list] of tags) {
      write(tagPath(tag), 'case-study-group', `the case studies tagged "${tag}"`, (views) => ({
        heading: tag,
        kicker: strings.tags,
        caseStudies: list.map((page) => views.caseStudyCard(page)),
        index: views.href(caseStudyIndexPath),
      }), `${strings.caseStudies}: ${tag}`);
    }
  }

  // Site-wide files: the language entry page, 404, styles, fonts, logo.
  const entry = input.render('languages', {
    lang,
    ui: strings,
    site: { title: config.title },
    target: `${lang}/index.html`,
    languages: [{ lang, href: `${lang}/index.html`, label: new Intl.DisplayNames([lang], { type: 'language' }).of(lang) }],
  });
  if (entry !== undefined) output.add({ path: 'index.html', content: entry }, 'the language page', input.siteFile);
  const notFoundRoot = config.base_url ?? '';
  const notFound = input.render('404', {
    lang,
    dir: 'ltr',
    ui: strings,
    site: { title: config.title, organisation: config.organisation },
    title: `${strings.notFoundTitle} · ${config.title}`,
    root: notFoundRoot,
    assets: `${notFoundRoot}assets/`,
    home: `${notFoundRoot}${lang}/index.html`,
    nav: [],
  });
  if (notFound !== undefined) output.add({ path: '404.html', content: notFound }, 'the 404 page', input.siteFile);
  output.add({ path: 'assets/fonts.css', content: input.fonts.css }, 'fonts', input.siteFile);
  for (const [path, from] of input.fonts.files) output.add({ path: `assets/${path}`, copyFrom: from }, 'fonts', input.siteFile);
  for (const [path, from] of input.assets) output.add({ path: `assets/${path}`, copyFrom: from }, `templates/assets/${path}`, input.siteFile);
  if (input.logo && logoName) output.add({ path: `assets/${logoName}`, copyFrom: input.logo }, 'the logo', input.siteFile);
  return output.files;
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
