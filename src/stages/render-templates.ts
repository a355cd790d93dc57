import { compareVersions } from '../versions/released.js';
import { formatDate } from '../i18n/format.js';
import type { VFile } from 'vfile';
import { languageName, nativeName } from '../i18n/languages.js';
import type { UiKey } from '../i18n/strings.js';
import type { Translator } from '../i18n/ui-strings.js';
import { relativeUrl, rootPrefix, webAddress } from '../paths/urls.js';
import { CONTENT_TYPES, contentType } from '../content-types/index.js';
import type { ViewContext } from '../content-types/content-type.js';
import { siteIndex } from '../content-types/site-index.js';
import { shorten } from '../text/shorten.js';
import type { Shortened } from '../text/shorten.js';
import { Views, referenceItems } from '../templates/view-models.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { Page, Superseded } from '../model/page.js';
import type { PdfInfo } from '../model/pdf.js';
import { cardPath } from '../pdf/preview-card.js';
import type { LanguageContext } from '../templates/language-context.js';
import type { Output } from '../output/output.js';
import type { HomeContent, HomeContext } from '../templates/contexts/indexes.js';
import { siteView } from '../templates/contexts/layout.js';
import type { LayoutContext, NavLink, Notice, SearchContext, SearchView } from '../templates/contexts/layout.js';
import type { ContentPageContext, Download, PdfLink } from '../templates/contexts/pages.js';
import type { PageFile } from '../output/page-file.js';
import type { Edition } from '../model/edition.js';
import { sharePath, shareView } from '../templates/share-view.js';
import type { ShareContext } from '../templates/share-view.js';
import type { ShareEntry } from '../model/share-entry.js';
import { headVersions, languageVersions, versionHref } from './language-versions.js';
import type { LandingPage } from '../model/landing-page.js';
import type { OriginalSections } from '../markdown/render-file.js';
import { changesBox, changesPath, changesView } from '../versions/changes-view.js';
import type { ChangesContext } from '../versions/changes-view.js';

/** Everything needed to write one language of the site. */
export interface LanguageInput extends LanguageContext {
  /** The printed PDFs, by path: pages link to theirs. */
  readonly pdfs: ReadonlyMap<string, PdfInfo>;
  /** Where problems that belong to no page go (the config file). */
  readonly siteFile: VFile;
  /** A live preview: link every PDF, printed yet or not (it is printed when asked for). */
  readonly pdfsOnDemand?: boolean | undefined;
  /** The files the output formats offer for a page of an edition, labelled in this language. */
  readonly files: (local: LocalizedPage, edition: Edition) => readonly PageFile[];
  /** Write only these pages (a preview updating what one edit changed): no home page, no indexes. */
  readonly only?: ReadonlySet<Page> | undefined;
  /** The PDFs of the pages that have a share page, in every edition and language, by source path. */
  readonly shares?: ReadonlyMap<string, readonly ShareEntry<UiKey>[]> | undefined;
  /** Each translated original's section hashes now, by source path: a translation's sections stamped against others may show an older text. */
  readonly sections?: ReadonlyMap<string, OriginalSections> | undefined;
}

/**
 * Write every page of one language into `<lang>/`: the content pages (with their assets),
 * the home page, and the case-study indexes by country and by tag. Returns the pages written
 * that are a version of their page in this language (not fallback copies), for the sitemap.
 */
export async function renderLanguage(input: LanguageInput, output: Output): Promise<LandingPage[]> {
  const { config, translator } = input;
  const { lang, ui } = translator;
  const { edition } = input;
  const languages = edition.languages;
  const editionName = edition.country ? (edition.variable('country_name', lang) ?? edition.name) : undefined;
  const localized = new Map(input.pages.map((local) => [local.page, local]));
  const site = siteIndex(
    input.pages.map((local) => local.page),
    lang,
  );
  const context = (views: Views): ViewContext => ({ views, translator, site, citations: input.citations });

  const landing: LandingPage[] = [];
  // The menu's titles are the same on every page of the language: each is shortened once.
  const shortened = new Map<string, Shortened>();
  const short = (text: string): Shortened => {
    let cut = shortened.get(text);
    if (!cut) shortened.set(text, (cut = shorten(text)));
    return cut;
  };
  const nav = (views: Views, current: string): NavLink[] =>
    [
      { label: views.text(ui.home, lang), path: 'index.html' },
      ...CONTENT_TYPES.flatMap((type) => type.nav?.(site.pagesOf(type.name), context(views)) ?? []),
    ].map((item) => ({ label: item.label, ...short(item.label.text), href: views.href(item.path), current: item.path === current }));

  /** Write a page: the layout's context, and what its template adds (`extra`). */
  const write = <Context extends LayoutContext>(
    path: string,
    template: string,
    owner: string,
    extra: (views: Views, layout: LayoutContext) => Context,
    options: { title?: string | undefined; local?: LocalizedPage; notice?: Notice | undefined } = {},
  ) => {
    const full = `${lang}/${path}`;
    const views = new Views(translator, path, localized);
    const root = rootPrefix(full);
    const written = options.local?.writtenIn ?? languages;
    const versions = headVersions(full, languageVersions(path, options.local?.writtenIn, languages));
    const site = siteView(config, edition, translator, input.logoName ? `${root}assets/${input.logoName}` : undefined);
    const layout: LayoutContext = {
      lang,
      dir: translator.dir,
      ui,
      site,
      title: options.title ? `${options.title} · ${site.title}` : site.title,
      root,
      assets: `${root}assets/`,
      icon: `${root}assets/favicon.svg`,
      home: views.href('index.html'),
      nav: nav(views, path),
      canonical: config.base_url ? webAddress(config.base_url, `${edition.prefix}${full}`) : undefined,
      edition: editionName ? { name: editionName, label: translator.t('editionLabel', { country: editionName }) } : undefined,
      languages:
        languages.length > 1
          ? languages.map((other) => ({
              lang: other,
              name: nativeName(other),
              href: relativeUrl(full, `${other}/${path}`),
              current: other === lang,
              translated: written.includes(other),
            }))
          : [],
      alternates: versions.map((version) => ({ hreflang: version.hreflang, href: versionHref(config, edition, full, version.path) })),
      notice: options.notice ?? (options.local && notice(options.local, translator, languages, (other) => relativeUrl(full, `${other}/${path}`))),
      inlineStyle: undefined,
      page: undefined,
      search: config.search
        ? {
            href: views.href(SEARCH_PATH),
            // Search finds the latest version of a page, not the versions it replaced.
            indexed: options.local?.state !== undefined && options.local.state !== 'fallback' && options.local.page.superseded === undefined,
            filters: options.local ? searchFilters(options.local.page, context(views)) : [],
          }
        : undefined,
      social: {
        title: options.title ?? site.title,
        type: options.local ? 'article' : 'website',
        locale: openGraphLocale(lang),
        alternateLocales: written.filter((other) => other !== lang && languages.includes(other)).map(openGraphLocale),
        image:
          options.local && config.base_url && input.pdfs.has(`${edition.prefix}${cardPath(options.local)}`)
            ? { url: webAddress(config.base_url, `${edition.prefix}${cardPath(options.local)}`), alt: options.local.title }
            : undefined,
      },
    };
    const html = input.render(template, extra(views, layout));
    if (html === undefined) return;
    output.add({ path: `${edition.prefix}${full}`, content: html }, owner, input.siteFile);
    if (written.includes(lang)) landing.push({ path: full, versions });
  };

  let rendered = 0;
  for (const local of input.pages) {
    // Now and then, let what waits on the event loop run: the search index takes each page as it is made (Pagefind, in its own process).
    if (++rendered % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    const { page } = local;
    if (input.only && !input.only.has(page)) continue;
    const type = contentType(page.kind)!;
    const files = input.files(local, edition).map((file) => ({ ...file, href: relativeUrl(`${lang}/${page.outputPath}`, file.path) }));
    // The PDFs are the page's main downloads; other formats' files are listed after them.
    const pdfs = files.filter((file) => file.format === 'pdf').map((file): PdfLink => ({ href: file.href, label: file.label, details: file.details }));
    const downloads = files
      .filter((file) => file.format !== 'pdf')
      .map((file): Download => ({ href: file.href, label: file.label, details: file.details, type: file.type }));
    const shares = input.shares?.get(page.sourcePath);
    const share = shares?.length ? sharePath(page.outputPath) : undefined;
    const changes = input.changes?.get(page.sourcePath);
    write(
      page.outputPath,
      type.template,
      `briefings/${page.sourcePath} (${lang})`,
      (views, layout): ContentPageContext => {
        const extra: { page?: object } = type.view?.(local, context(views)) ?? {};
        const base: ContentPageContext = {
          ...layout,
          kicker: undefined,
          pdf: pdfs[0],
          pdfs,
          downloads,
          page: {
            ...views.pageHeader(page),
            html: local.content.html,
            toc: local.content.toc.length >= 2 ? local.content.toc : [],
            content: views.text('', local.contentLang),
          },
          references: referenceItems(local.content.references),
          share: share ? { href: relativeUrl(page.outputPath, share), label: ui.sharePage } : undefined,
          changes: changes ? changesBox(changes, local, views, translator) : undefined,
        };
        return { ...base, ...extra, page: { ...base.page, ...extra.page } };
      },
      { title: local.title, local },
    );
    if (changes) {
      write(
        changesPath(page.outputPath),
        'changes',
        `the changes page of briefings/${page.sourcePath} (${lang})`,
        (views, layout): ChangesContext => ({
          ...layout,
          changes: changesView(changes, local, views, translator, input.sections?.get(page.sourcePath)?.sections ?? {}, (slug) => {
            // A page's `case_studies:` names pages by slug (the type that has them says which).
            const study = CONTENT_TYPES.map((type) => site.find(type.name, slug)).find((found) => found !== undefined);
            return study ? { title: views.title(study).text, href: views.href(study.outputPath) } : undefined;
          }),
        }),
        { title: translator.t('changesTitle', { version: String(page.meta.version) }) },
      );
    }
    if (shares && share) {
      write(
        share,
        'share',
        `the share page of briefings/${page.sourcePath} (${lang})`,
        (views, layout): ShareContext => ({
          ...layout,
          earlier: input.pages
            .filter((other) => other.page.superseded?.latest === page.outputPath)
            .map((other) => other.page)
            .sort((one, other) => compareVersions(other.superseded!.version, one.superseded!.version))
            .map((other) => ({
              label: `V.${other.superseded!.version} · ${formatDate(other.superseded!.date, lang) ?? other.superseded!.date}`,
              href: views.href(sharePath(other.outputPath)),
            })),
          share: shareView(
            shares,
            { from: `${edition.prefix}${lang}/${share}`, page: `${edition.prefix}${lang}/${page.outputPath}` },
            views,
            translator,
            views.title(page),
            config.base_url,
            input.files,
          ),
        }),
        {
          title: translator.t('shareTitle', { title: local.title }),
          // A copy of an earlier version leads here (its QR code): say so, and where the latest is.
          notice: page.superseded && supersededNotice(page.superseded, translator, relativeUrl(share, sharePath(page.superseded.latest))),
        },
      );
    }
    for (const asset of local.assets) {
      output.add({ path: `${edition.prefix}${lang}/${asset.to}`, copyFrom: asset.from }, `briefings/${page.sourcePath}`, page.file);
    }
  }

  if (input.only) return landing;
  // Each type adds its own keys to the home page; `sections` (lists of cards) add up.
  write('index.html', 'home', `the home page (${lang})`, (views, layout): HomeContext => ({
    ...layout,
    ...CONTENT_TYPES.reduce<HomeContent>(
      (home, type) => {
        const own = type.home?.(site.pagesOf(type.name), context(views)) ?? {};
        return { ...home, ...own, sections: [...home.sections, ...(own.sections ?? [])] };
      },
      { briefings: [], latest: [], countries: [], tags: [], sections: [] },
    ),
  }));
  if (config.search) {
    write(
      SEARCH_PATH,
      'search',
      `the search page (${lang})`,
      (_views, layout): SearchContext => ({
        ...layout,
        bundle: `${layout.root}pagefind/`,
        translations: { zero_results: ui.searchResultsNone, one_result: ui.searchResultsOne, many_results: ui.searchResultsMany },
      }),
      { title: ui.search },
    );
  }
  for (const type of CONTENT_TYPES) {
    const home = new Views(translator, '', localized);
    for (const index of type.indexes?.(site.pagesOf(type.name), context(home)) ?? []) {
      write(index.path, index.template, `${index.owner} (${lang})`, (views, layout) => ({ ...layout, ...index.data(views) }), { title: index.title });
    }
  }
  return landing;
}

/** Where each language's search page is, under `<lang>/`. */
export const SEARCH_PATH = 'search/index.html';

/**
 * What a page's search results may be filtered by: its kind, and what its type adds. This is
 * the one road from our strings to Pagefind's index, whose search page puts filter values
 * into the page as HTML (issue 27): each value is given to it escaped, so a tag, a tag's or
 * a kind's translated name holding markup shows as text and never runs (names it shows as
 * text). Pagefind reads `name:value` from the name, so a colon in a name goes.
 */
function searchFilters(page: Page, context: ViewContext): SearchView['filters'] {
  const type = contentType(page.kind)!;
  const { ui } = context.translator;
  const filters: Record<string, readonly string[]> = {
    ...(type.kindLabel ? { [ui.searchKind]: [ui[type.kindLabel]] } : {}),
    ...type.searchFilters?.(page, context),
  };
  return Object.entries(filters).flatMap(([name, values]) => values.map((value) => ({ name: name.replace(/:/g, ' '), value: inertHtml(value) })));
}

/**
 * Text that reads the same when Pagefind's search page puts it into the page as HTML. The
 * template escapes it once for the page; Pagefind reads the element's text and decodes its
 * character references once more; so it is escaped here twice.
 */
function inertHtml(text: string): string {
  const escape = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
  return escape(escape(text));
}

/** The notice a reader gets on a page that is not (or no longer fully) in their language. */
function notice(local: LocalizedPage, translator: Translator, languages: readonly string[], hrefFor: (lang: string) => string): Notice | undefined {
  const source = local.sourceLang;
  const names = {
    language: languageName(translator.lang, translator.lang),
    original: languageName(local.state === 'fallback' ? local.contentLang : source, translator.lang),
  };
  const { superseded } = local.page;
  if (superseded) return supersededNotice(superseded, translator, relativeUrl(local.page.outputPath, superseded.latest));
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
      availableIn: undefined,
      links: [{ lang: source, name: translator.t('readOriginal', { language: nativeName(source) }), href: hrefFor(source) }],
    };
  }
  return undefined;
}

/** A language as Open Graph writes a locale (`en_US`, `uk_UA`, `ar_EG`): its likeliest region, or the language alone. */
function openGraphLocale(lang: string): string {
  try {
    const likely = new Intl.Locale(lang).maximize();
    return likely.region ? `${likely.language}_${likely.region}` : likely.language;
  } catch {
    return lang;
  }
}

/** The notice of an earlier version's page (and share page): which version, when, what replaced it, and where the latest is. */
function supersededNotice(superseded: Superseded, translator: Translator, latest: string): Notice {
  return {
    kind: 'superseded',
    title: translator.ui.supersededTitle,
    text: translator.t('supersededText', {
      version: superseded.version,
      date: formatDate(superseded.date, translator.lang) ?? superseded.date,
      latest: superseded.latestVersion,
    }),
    availableIn: undefined,
    links: [{ lang: translator.lang, name: translator.ui.changesBack, href: latest }],
  };
}
