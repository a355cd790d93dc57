import type { Edition } from '../model/edition.js';
import type { Page } from '../model/page.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { PdfInfo } from '../model/pdf.js';
import type { Output } from '../output/output.js';
import type { LandingPage } from '../model/landing-page.js';
import { pageFiles } from '../output/format.js';
import type { OutputFormat } from '../output/format.js';
import type { Made, Project } from '../run/types.js';
import { logoName } from './print-editions.js';
import { renderSiteFiles } from './render-site-files.js';
import { renderLanguage } from './render-templates.js';
import { shareEntries } from './share-entries.js';
import { pageChanges } from '../versions/page-changes.js';
import type { LanguageInput } from './render-templates.js';

/** What writing one language of an edition needs, from the pages made of the edition (`made`). */
export function languageInput(
  project: Project,
  render: Made['render'],
  pdfs: ReadonlyMap<string, PdfInfo>,
  formats: readonly OutputFormat[],
  edition: Edition,
  lang: string,
  made: readonly LocalizedPage[],
  only?: ReadonlySet<Page>,
): LanguageInput {
  const { config, file: siteFile } = project.config;
  const onDemand = project.options.preview === true;
  const translator = project.ui.translators.get(lang)!;
  const files = (local: LocalizedPage, of: Edition) => pageFiles(formats, local, { edition: of, translator, pdfs, onDemand });
  return {
    config,
    edition,
    translator,
    pages: made.filter((page) => page.lang === lang),
    citations: project.citations,
    render,
    logoName: logoName(project.logos, edition),
    changes: pageChanges({ pages: project.pages, versions: project.versions, source: config.languages[0]! }),
    pdfs,
    siteFile,
    pdfsOnDemand: onDemand,
    files,
    only,
  };
}

/**
 * Every web page of every edition and language, with its assets, and each edition's site
 * files (styles, fonts, logo, the 404 and language pages), into `output`; the pages readers
 * land on (for the sitemap) into `landing`. The caller renders only when the content is
 * sound: a page with broken front matter has nothing reliable to show.
 */
export async function renderEditions(
  project: Project,
  made: Made,
  pdfs: ReadonlyMap<string, PdfInfo>,
  formats: readonly OutputFormat[],
  output: Output,
  landing: Map<Edition, LandingPage[]>,
): Promise<void> {
  const { config, file: configFile } = project.config;
  const { translators } = project.ui;
  const { editions, options } = project;
  const shares = await shareEntries(made.pages, pdfs, config.base_url, options.preview === true);
  for (const edition of editions) {
    const pages = made.pages.get(edition)!;
    const written: LandingPage[] = [];
    for (const lang of edition.languages)
      written.push(
        ...(await renderLanguage({ ...languageInput(project, made.render, pdfs, formats, edition, lang, pages), shares, sections: made.sections }, output)),
      );
    const others = edition.country || !options.allCountries ? [] : editions.filter((other) => other.country);
    const logo = project.logos.get(edition);
    const name = logoName(project.logos, edition);
    const chooser = renderSiteFiles(
      {
        config,
        edition,
        translators,
        render: made.render,
        fonts: project.fonts,
        assets: project.templates.assets,
        logo: logo && name ? { from: logo, name } : undefined,
        editions: others.map((other) => ({ name: other.name!, href: `${other.prefix}index.html` })),
        siteFile: configFile,
      },
      output,
    );
    landing.set(edition, chooser ? [chooser, ...written] : written);
  }
}

/** The web pages of some source pages only (in every edition and language), as the preview remakes them after an edit. */
export async function renderSomePages(
  project: Project,
  made: Made,
  pdfs: ReadonlyMap<string, PdfInfo>,
  formats: readonly OutputFormat[],
  only: ReadonlySet<string>,
  output: Output,
): Promise<void> {
  const remade = new Set(project.pages.filter((page) => only.has(page.sourcePath)));
  const shares = await shareEntries(made.pages, pdfs, project.config.config.base_url, project.options.preview === true);
  for (const [edition, pages] of made.pages) {
    for (const lang of edition.languages)
      await renderLanguage({ ...languageInput(project, made.render, pdfs, formats, edition, lang, pages, remade), shares, sections: made.sections }, output);
  }
}
