import type { VFile } from 'vfile';
import { languageName, nativeName } from '../i18n/languages.js';
import type { Translator } from '../i18n/ui-strings.js';
import { relativeUrl, rootPrefix } from '../paths/urls.js';
import type { BriefingPage, CaseStudyPage, PlainPage } from '../site.js';
import {
  Views,
  byDateDescending,
  byOrderThenTitle,
  caseStudyIndexPath,
  countryPath,
  referenceList,
  tagPath,
} from '../templates/view-models.js';
import type { LocalizedPage } from './localize-pages.js';
import type { PdfInfo } from './print-pdfs.js';
import { pdfPath } from '../pdf/print-document.js';
import type { LanguageContext } from './language-context.js';
import type { Output } from './output.js';

/** Everything needed to write one language of the site. */
export interface LanguageInput extends LanguageContext {
  /** The printed PDFs, by path: pages link to theirs. */
  readonly pdfs: ReadonlyMap<string, PdfInfo>;
  /** Where problems that belong to no page go (the config file). */
  readonly siteFile: VFile;
}

/**
 * Write every page of one language into `<lang>/`: the content pages (with their assets),
 * the home page, and the case-study indexes by country and by tag.
 */
export function renderLanguage(input: LanguageInput, output: Output): void {
  const { config, translator } = input;
  const { lang, ui } = translator;
  const { edition } = input;
  const languages = edition.languages;
  const editionName = edition.country ? edition.variable('country_name', lang) ?? edition.name : undefined;
  const localized = new Map(input.pages.map((local) => [local.page, local]));
  const pages = input.pages.map((local) => local.page);
  const briefings = byOrderThenTitle(pages.filter((page): page is BriefingPage => page.kind === 'briefing'), lang);
  const caseStudies = pages.filter((page): page is CaseStudyPage => page.kind === 'case-study');
  const plainPages = byOrderThenTitle(pages.filter((page): page is PlainPage => page.kind === 'page'), lang);

  const nav = (views: Views, current: string) =>
    [
      { label: views.text(ui.home, lang), path: 'index.html' },
      ...briefings.map((page) => ({ label: views.title(page), path: page.outputPath })),
      ...(caseStudies.length > 0 ? [{ label: views.text(ui.caseStudies, lang), path: caseStudyIndexPath }] : []),
      ...plainPages.filter((page) => !page.slug.includes('/')).map((page) => ({ label: views.title(page), path: page.outputPath })),
    ].map((item) => ({ label: item.label, href: views.href(item.path), current: item.path === current }));

  const write = (path: string, template: string, owner: string, extra: (views: Views) => object, options: { title?: string; local?: LocalizedPage } = {}) => {
    const full = `${lang}/${path}`;
    const views = new Views(translator, path, localized);
    const root = rootPrefix(full);
    const written = options.local?.writtenIn ?? languages;
    const context = {
      lang,
      dir: translator.dir,
      ui,
      site: {
        title: config.title,
        description: config.description,
        organisation: edition.organisation && { ...edition.organisation, logo: input.logoName ? `${root}assets/${input.logoName}` : undefined },
        licence: typeof config.licence === 'string' ? { name: config.licence } : config.licence,
      },
      title: options.title ? `${options.title} · ${config.title}` : config.title,
      root,
      assets: `${root}assets/`,
      home: views.href('index.html'),
      nav: nav(views, path),
      canonical: config.base_url ? `${config.base_url}${edition.prefix}${full}` : undefined,
      edition: editionName && { name: editionName, label: translator.t('editionLabel', { country: editionName }) },
      languages: languages.length > 1
        ? languages.map((other) => ({ lang: other, name: nativeName(other), href: relativeUrl(full, `${other}/${path}`), current: other === lang, translated: written.includes(other) }))
        : [],
      alternates: languages.length > 1
        ? [
            ...written.filter((other) => languages.includes(other)).map((other) => ({ hreflang: other, href: config.base_url ? `${config.base_url}${edition.prefix}${other}/${path}` : relativeUrl(full, `${other}/${path}`) })),
            { hreflang: 'x-default', href: config.base_url ? `${config.base_url}${edition.prefix}index.html` : `${root}index.html` },
          ]
        : [],
      notice: options.local && notice(options.local, translator, languages, (other) => relativeUrl(full, `${other}/${path}`)),
      ...extra(views),
    };
    const html = input.render(template, context);
    if (html !== undefined) output.add({ path: `${edition.prefix}${full}`, content: html }, owner, input.siteFile);
  };

  const partOf = new Map<string, BriefingPage[]>();
  for (const briefing of briefings) {
    for (const slug of briefing.meta.case_studies) partOf.set(slug, [...(partOf.get(slug) ?? []), briefing]);
  }
  const caseStudyBySlug = new Map(caseStudies.map((page) => [page.slug, page]));

  for (const local of input.pages) {
    const { page } = local;
    const owner = `briefings/${page.sourcePath} (${lang})`;
    const pdf = input.pdfs.get(`${edition.prefix}${pdfPath(local)}`);
    const common = (views: Views) => ({
      pdf: pdf && {
        href: relativeUrl(`${lang}/${page.outputPath}`, pdfPath(local)),
        label: ui.downloadPdf,
        details: translator.t('pdfDetails', { size: fileSize(pdf.bytes, lang), pages: pdf.pages }),
      },
      page: {
        ...views.pageHeader(page),
        html: local.content.html,
        toc: local.content.toc.length >= 2 ? local.content.toc : [],
        content: views.text('', local.contentLang),
      },
      references: referenceList(local.content.citations, input.references),
    });
    const title = local.title;
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
      }, { title, local });
    } else if (page.kind === 'case-study') {
      write(page.outputPath, 'case-study', owner, (views) => {
        const base = common(views);
        return {
          ...base,
          page: { ...views.caseStudyCard(page), ...base.page },
          partOf: (partOf.get(page.slug) ?? []).map((briefing) => ({ label: views.title(briefing), href: views.href(briefing.outputPath) })),
        };
      }, { title, local });
    } else {
      write(page.outputPath, 'page', owner, common, { title, local });
    }
    for (const asset of local.assets) {
      output.add({ path: `${edition.prefix}${lang}/${asset.to}`, copyFrom: asset.from }, `briefings/${page.sourcePath}`, page.file);
    }
  }

  const collator = new Intl.Collator(lang);
  const latest = byDateDescending(caseStudies, lang);
  const countries = groupBy(latest, (page) => [page.meta.country]);
  const tags = groupBy(latest, (page) => page.meta.tags);
  const tagLinks = (views: Views) =>
    [...tags.keys()]
      .map((tag) => ({ ...views.tags([tag])[0]!, count: tags.get(tag)!.length }))
      .sort((a, b) => collator.compare(a.label, b.label));
  const countryLinks = (views: Views) =>
    [...countries.keys()]
      .map((code) => ({ ...views.country(code), code, anchor: `country-${code.toLowerCase()}`, count: countries.get(code)!.length }))
      .sort((a, b) => collator.compare(a.label, b.label));

  write('index.html', 'home', `the home page (${lang})`, (views) => ({
    briefings: briefings.map((page) => views.briefingCard(page)),
    latest: latest.slice(0, 6).map((page) => views.caseStudyCard(page)),
    countries: countryLinks(views),
    tags: tagLinks(views),
  }));
  if (caseStudies.length === 0) return;
  write(caseStudyIndexPath, 'case-studies', `the case-study index (${lang})`, (views) => ({
    countries: countryLinks(views).map((country) => ({ ...country, caseStudies: countries.get(country.code)!.map((page) => views.caseStudyCard(page)) })),
    tags: tagLinks(views),
    countText: translator.t('caseStudyCount', { count: caseStudies.length }),
  }), { title: ui.caseStudies });
  for (const [code, list] of countries) {
    const name = new Views(translator, '', localized).country(code).label;
    write(countryPath(code), 'case-study-group', `the case studies from ${code} (${lang})`, (views) => ({
      heading: name,
      kicker: ui.country,
      caseStudies: list.map((page) => views.caseStudyCard(page)),
      index: views.href(caseStudyIndexPath),
    }), { title: `${ui.caseStudies}: ${name}` });
  }
  for (const [tag, list] of tags) {
    const name = translator.tags.get(tag) ?? tag;
    write(tagPath(tag), 'case-study-group', `the case studies tagged "${tag}" (${lang})`, (views) => ({
      heading: name,
      kicker: ui.tags,
      caseStudies: list.map((page) => views.caseStudyCard(page)),
      index: views.href(caseStudyIndexPath),
    }), { title: `${ui.caseStudies}: ${name}` });
  }
}

/** The notice a reader gets on a page that is not (or no longer fully) in their language. */
function notice(local: LocalizedPage, translator: Translator, languages: readonly string[], hrefFor: (lang: string) => string) {
  const source = local.sourceLang;
  const names = { language: languageName(translator.lang, translator.lang), original: languageName(local.state === 'fallback' ? local.contentLang : source, translator.lang) };
  if (local.state === 'fallback') {
    return {
      kind: 'fallback',
      title: translator.ui.notTranslatedTitle,
      text: translator.t('notTranslatedText', names),
      availableIn: translator.ui.availableIn,
      links: local.writtenIn.filter((lang) => languages.includes(lang)).map((lang) => ({ lang, name: nativeName(lang), href: hrefFor(lang) })),
    };
  }
  if (local.outdated && languages.includes(source)) {
    return {
      kind: 'outdated',
      title: translator.ui.outdatedTitle,
      text: translator.t('outdatedText', names),
      links: [{ lang: source, name: translator.t('readOriginal', { language: nativeName(source) }), href: hrefFor(source) }],
    };
  }
  return undefined;
}

/** "1.2 MB", "840 kB" in the reader's language. */
function fileSize(bytes: number, lang: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, Math.round(bytes / 1000)), 'kilobyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
