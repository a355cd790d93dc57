import { checkLogo } from '../assets/check-logo.js';
import type { Edition } from '../countries/edition.js';
import { loadOverrides } from '../countries/overrides.js';
import { readTranslations } from '../i18n/translations.js';
import { loadUiStrings } from '../i18n/ui-strings.js';
import { error } from '../messages.js';
import { need, register } from '../pipeline.js';
import type { Stage } from '../pipeline.js';
import { join } from 'node:path';
import { parsePages } from './parse-pages.js';
import { CONTENT_DIR } from './read-sources.js';

/** Each source's front matter, type, slug and output path; a project with no Markdown is an error. */
export const readPages: Stage = (site) => {
  const sources = need(site, 'sources');
  if (sources.markdown.length === 0) {
    error(site.run, {
      reason: `No Markdown files in ${join(site.options.root, CONTENT_DIR)}`,
      rule: 'no-content',
      hint: 'Run briefkit in your project folder (or pass --root), where briefings/ holds your .md files.',
    });
  }
  return { ...site, pages: parsePages(sources.markdown) };
};

/** Interface strings and translations of every language, and the country overrides of the editions made. */
export const readLanguages: Stage = async (site) => {
  const { root } = site.options;
  const { file: configFile, yaml: configYaml } = need(site, 'config');
  const pages = need(site, 'pages');
  const languages = need(site, 'languages');
  const countries = need(site, 'editions').flatMap((edition) => (edition.country ? [edition.country] : []));
  const [ui, translations, overrides] = await Promise.all([
    loadUiStrings(root, languages, configFile, configYaml),
    readTranslations(root, languages, new Map(pages.map((page) => [page.sourcePath, page.kind]))),
    loadOverrides(root, countries, pages),
  ]);
  return { ...site, ui, translations, overrides: overrides.overrides, inputs: register(site, [...translations.read, ...ui.files, ...overrides.files]) };
};

/** Each edition's logo, if it names one: a file inside the project that may be published. */
export const readLogos: Stage = async (site) => {
  const { file: configFile, yaml: configYaml } = need(site, 'config');
  const { profiles } = need(site, 'profiles');
  const logos = new Map<Edition, string | undefined>();
  for (const edition of need(site, 'editions')) {
    const profile = profiles.find((candidate) => candidate.code === edition.country);
    logos.set(edition, await checkLogo(site.options.root, edition.organisation?.logo, profile?.file ?? configFile, profile?.yaml ?? configYaml));
  }
  return { ...site, logos };
};
