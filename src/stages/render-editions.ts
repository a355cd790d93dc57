import { contentHasErrors, need } from '../pipeline.js';
import type { Stage } from '../pipeline.js';
import { createEngine } from '../templates/engine.js';
import { templateHelpers } from '../templates/helpers.js';
import { Output } from './output.js';
import { logoName } from './print-editions.js';
import { renderSiteFiles } from './render-site-files.js';
import { renderLanguage } from './render-templates.js';

/** Compile every template (its syntax is checked whether or not anything is rendered). */
export const compileTemplates: Stage = (site) => ({ ...site, render: createEngine(need(site, 'templates'), templateHelpers) });

/**
 * Every web page of every edition and language, with its assets, and each edition's site
 * files (styles, fonts, logo, the 404 and language pages), when the content is sound.
 * Templates are filled in only then: a page with broken front matter has nothing reliable to show.
 */
export const renderEditions: Stage = (site) => {
  const output = site.output ?? new Output();
  if (site.options.pdfOnly || contentHasErrors(site)) return { ...site, output };
  const { config, file: configFile } = need(site, 'config');
  const { translators } = need(site, 'ui');
  const editions = need(site, 'editions');
  const made = need(site, 'made');
  const render = need(site, 'render');
  for (const edition of editions) {
    for (const lang of edition.languages) {
      const pages = made.get(edition)!.filter((page) => page.lang === lang);
      const input = { config, edition, translator: translators.get(lang)!, pages, references: need(site, 'references'), render, logoName: logoName(site, edition), pdfs: site.pdfs ?? new Map(), siteFile: configFile };
      renderLanguage(input, output);
    }
    const others = edition.country || !site.options.allCountries ? [] : editions.filter((other) => other.country);
    const logo = site.logos?.get(edition);
    const name = logoName(site, edition);
    renderSiteFiles(
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
  }
  return { ...site, output };
};
