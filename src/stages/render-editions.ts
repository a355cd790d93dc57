import type { Edition } from '../countries/edition.js';
import type { Page } from '../model/page.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { PdfInfo } from '../model/pdf.js';
import type { Output } from '../output/output.js';
import type { Made, Project } from '../run/types.js';
import { logoName } from './print-editions.js';
import { renderSiteFiles } from './render-site-files.js';
import { renderLanguage } from './render-templates.js';
import { shareEntries } from './share-entries.js';
import { renderFeeds, renderRobots } from './render-feeds.js';
import type { LanguageInput } from './render-templates.js';

/** What writing one language of an edition needs, from the pages made of the edition (`made`). */
export function languageInput(project: Project, render: Made['render'], pdfs: ReadonlyMap<string, PdfInfo>, edition: Edition, lang: string, made: readonly LocalizedPage[], only?: ReadonlySet<Page>): LanguageInput {
  const { config, file: siteFile } = project.config;
  return {
    config,
    edition,
    translator: project.ui.translators.get(lang)!,
    pages: made.filter((page) => page.lang === lang),
    citations: project.citations,
    render,
    logoName: logoName(project.logos, edition),
    pdfs,
    siteFile,
    pdfsOnDemand: project.options.preview,
    only,
  };
}

/**
 * Every web page of every edition and language, with its assets, and each edition's site
 * files (styles, fonts, logo, the 404 and language pages), into `output`. The caller renders
 * only when the content is sound: a page with broken front matter has nothing reliable to show.
 */
export async function renderEditions(project: Project, made: Made, pdfs: ReadonlyMap<string, PdfInfo>, output: Output): Promise<void> {
  const { config, file: configFile } = project.config;
  const { translators } = project.ui;
  const { editions, options } = project;
  const shares = await shareEntries(made.pages, pdfs, config.base_url, options.preview === true);
  for (const edition of editions) {
    const pages = made.pages.get(edition)!;
    const landing = edition.languages.flatMap((lang) => renderLanguage({ ...languageInput(project, made.render, pdfs, edition, lang, pages), shares }, output));
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
    renderFeeds({ config, edition, pages, landing: chooser ? [chooser, ...landing] : landing, output, siteFile: configFile });
  }
  // robots.txt belongs at the top of the site, with the edition there.
  if (editions.some((edition) => edition.prefix === '')) renderRobots(config, editions, output, configFile);
}

/** The web pages of some source pages only (in every edition and language), as the preview remakes them after an edit. */
export async function renderSomePages(project: Project, made: Made, pdfs: ReadonlyMap<string, PdfInfo>, only: ReadonlySet<string>, output: Output): Promise<void> {
  const remade = new Set(project.pages.filter((page) => only.has(page.sourcePath)));
  const shares = await shareEntries(made.pages, pdfs, project.config.config.base_url, project.options.preview === true);
  for (const [edition, pages] of made.pages) {
    for (const lang of edition.languages) renderLanguage({ ...languageInput(project, made.render, pdfs, edition, lang, pages, remade), shares }, output);
  }
}
