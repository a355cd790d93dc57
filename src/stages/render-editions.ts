import { contentHasErrors, need } from '../pipeline.js';
import type { Site, Stage } from '../pipeline.js';
import type { Edition } from '../countries/edition.js';
import type { Page } from '../model/page.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { createEngine } from '../templates/engine.js';
import { templateHelpers } from '../templates/helpers.js';
import { Output } from '../output/output.js';
import { logoName } from './print-editions.js';
import { renderSiteFiles } from './render-site-files.js';
import { renderLanguage } from './render-templates.js';
import { shareEntries } from './share-entries.js';
import { renderFeeds, renderRobots } from './render-feeds.js';
import type { LanguageInput } from './render-templates.js';

/** What writing one language of an edition needs, from a run that made the edition's pages (`made`). */
export function languageInput(site: Site, edition: Edition, lang: string, made: readonly LocalizedPage[], only?: ReadonlySet<Page>): LanguageInput {
  const { config, file: siteFile } = need(site, 'config');
  return {
    config,
    edition,
    translator: need(site, 'ui').translators.get(lang)!,
    pages: made.filter((page) => page.lang === lang),
    citations: need(site, 'citations'),
    render: need(site, 'render'),
    logoName: logoName(site, edition),
    pdfs: site.pdfs ?? new Map(),
    siteFile,
    pdfsOnDemand: site.options.preview,
    only,
  };
}

/** Compile every template (its syntax is checked whether or not anything is rendered). */
export const compileTemplates: Stage = (site) => ({ ...site, render: createEngine(need(site, 'templates'), templateHelpers) });

/**
 * Every web page of every edition and language, with its assets, and each edition's site
 * files (styles, fonts, logo, the 404 and language pages), when the content is sound.
 * Templates are filled in only then: a page with broken front matter has nothing reliable to show.
 */
export const renderEditions: Stage = async (site) => {
  const output = site.output ?? new Output();
  if (site.options.pdfOnly || contentHasErrors(site)) return { ...site, output };
  const { config, file: configFile } = need(site, 'config');
  const { translators } = need(site, 'ui');
  const editions = need(site, 'editions');
  const made = need(site, 'made');
  const render = need(site, 'render');
  const shares = await shareEntries(made, site.pdfs ?? new Map(), config.base_url, site.options.preview === true);
  for (const edition of editions) {
    const landing = edition.languages.flatMap((lang) => renderLanguage({ ...languageInput(site, edition, lang, made.get(edition)!), shares }, output));
    const others = edition.country || !site.options.allCountries ? [] : editions.filter((other) => other.country);
    const logo = site.logos?.get(edition);
    const name = logoName(site, edition);
    const chooser = renderSiteFiles(
      {
        config,
        edition,
        translators,
        render,
        fonts: need(site, 'fonts'),
        assets: need(site, 'templates').assets,
        logo: logo && name ? { from: logo, name } : undefined,
        editions: others.map((other) => ({ name: other.name!, href: `${other.prefix}index.html` })),
        siteFile: configFile,
      },
      output,
    );
    renderFeeds({ config, edition, pages: made.get(edition)!, landing: chooser ? [chooser, ...landing] : landing, output, siteFile: configFile });
  }
  // robots.txt belongs at the top of the site, with the edition there.
  if (editions.some((edition) => edition.prefix === '')) renderRobots(config, editions, output, configFile);
  return { ...site, output };
};
