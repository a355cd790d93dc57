import { checkLogo } from '../assets/check-logo.js';
import type { Edition } from '../countries/edition.js';
import { loadOverrides } from '../countries/overrides.js';
import { checkGlossary, readGlossary } from '../i18n/glossary.js';
import { readTranslations } from '../i18n/translations.js';
import { readProjectText } from '../project/read.js';
import { loadUiStrings } from '../i18n/ui-strings.js';
import { CONTENT_TYPES } from '../content-types/index.js';
import { projectLanguages } from '../i18n/project-languages.js';
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

/** Each content type's checks across pages: what a page links to by slug or key exists. */
export const checkPages: Stage = (site) => {
  const pages = need(site, 'pages');
  for (const type of CONTENT_TYPES) type.check?.(pages, need(site, 'references'));
  return site;
};

/** Every language of the project, the source language first (the list the build and the `i18n` commands share). */
export const listLanguages: Stage = (site) => ({ ...site, languages: projectLanguages(need(site, 'config').config, need(site, 'profiles').profiles) });

/** The interface strings of every language: briefkit's, overridden by the project's `ui.yaml`. */
export const readUiStrings: Stage = async (site) => {
  const { file, yaml, config } = need(site, 'config');
  const { profiles } = need(site, 'profiles');
  // A message about a language goes where it is named: the config, else the first profile naming it.
  const namedAt = (lang: string) => {
    const inConfig = config.languages.indexOf(lang);
    const profile = inConfig === -1 ? profiles.find((candidate) => candidate.languages?.includes(lang)) : undefined;
    if (profile) return { file: profile.file, place: profile.yaml.placeOf(['languages', profile.languages!.indexOf(lang)]) };
    return { file, place: yaml?.placeOf(['languages', Math.max(inConfig, 0)]) };
  };
  const ui = await loadUiStrings(site.options.root, need(site, 'languages'), namedAt);
  return { ...site, ui, inputs: register(site, ui.files) };
};

/** The translations of every language but the source one. */
export const readTranslationFiles: Stage = async (site) => {
  const pages = need(site, 'pages');
  const translations = await readTranslations(site.options.root, need(site, 'languages'), new Map(pages.map((page) => [page.sourcePath, page.kind])));
  return { ...site, translations, inputs: register(site, translations.read) };
};

/** The country overrides of the editions being made (of every country, when the run makes none). */
export const readOverrideFiles: Stage = async (site) => {
  const countries = site.editions ? site.editions.flatMap((edition) => (edition.country ? [edition.country] : [])) : need(site, 'profiles').profiles.map((profile) => profile.code);
  const { overrides, files } = await loadOverrides(site.options.root, countries, need(site, 'pages'));
  return { ...site, overrides, inputs: register(site, files) };
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

/**
 * Each language's glossary (`translations/<lang>/glossary.yaml`), if it has one, checked
 * against its translations: a section whose original uses a term and whose translation has
 * none of the term's translations is a warning on the translation, at the section.
 */
export const checkGlossaries: Stage = async (site) => {
  const { root } = site.options;
  const pages = new Map(need(site, 'pages').map((page) => [page.sourcePath, page]));
  const translations = need(site, 'translations').translations;
  const files = [];
  for (const lang of need(site, 'languages').slice(1)) {
    const path = `translations/${lang}/glossary.yaml`;
    const file = await readProjectText(root, path);
    if (!file) continue;
    files.push(file);
    if (file.data.unreadable) continue;
    const glossary = readGlossary(file);
    for (const translation of translations.filter((candidate) => candidate.lang === lang)) {
      const original = pages.get(translation.sourcePath);
      if (original) checkGlossary(glossary, path, String(original.file.value), translation.file, String(translation.file.value));
    }
  }
  return { ...site, inputs: register(site, files) };
};
