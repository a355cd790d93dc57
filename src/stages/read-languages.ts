import { join } from 'node:path';
import type { VFile } from 'vfile';
import { checkLogo } from '../assets/check-logo.js';
import type { LoadedConfig } from '../config/load.js';
import { CONTENT_TYPES } from '../content-types/index.js';
import type { Edition } from '../model/edition.js';
import { loadOverrides } from '../countries/overrides.js';
import type { Override } from '../countries/overrides.js';
import { checkGlossary, readGlossary } from '../i18n/glossary.js';
import type { CountryProfile } from '../countries/profile.js';
import { checkTerms } from '../terms/check-terms.js';
import { readTerms, TERMS_FILE } from '../terms/read-terms.js';
import { readTranslations } from '../i18n/translations.js';
import type { TranslationSources } from '../i18n/translations.js';
import { loadUiStrings } from '../i18n/ui-strings.js';
import type { UiStringSet } from '../i18n/ui-strings.js';
import { error } from '../messages.js';
import type { Page } from '../model/page.js';
import type { Sources } from '../model/sources.js';
import { readProjectText } from '../project/read.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { Profiles } from '../run/types.js';
import { parsePages } from './parse-pages.js';
import type { YamlMemo } from '../yaml/yaml-memo.js';
import { CONTENT_DIR } from './read-sources.js';
import type { Read } from './read-project.js';

/** Each source's front matter, type, slug and output path; a project with no Markdown is an error. */
export function readPages(root: string, sources: Sources, run: VFile, memo?: YamlMemo): Page[] {
  if (sources.markdown.length === 0) {
    error(run, {
      reason: `No Markdown files in ${join(root, CONTENT_DIR)}`,
      rule: 'no-content',
      hint: 'Run briefkit in your project folder (or pass --root), where briefings/ holds your .md files.',
    });
  }
  return parsePages(sources.markdown, memo);
}

/** Each content type's checks across pages: what a page links to by slug or key exists. */
export function checkPages(pages: readonly Page[], references: ReferenceLibrary): void {
  for (const type of CONTENT_TYPES) type.check?.(pages, references);
}

/** The interface strings of every language: briefkit's, overridden by the project's `ui.yaml`. */
export async function readUiStrings(
  root: string,
  { file, yaml, config }: LoadedConfig,
  { profiles }: Profiles,
  languages: readonly string[],
): Promise<Read<UiStringSet>> {
  // A message about a language goes where it is named: the config, else the first profile naming it.
  const namedAt = (lang: string) => {
    const inConfig = config.languages.indexOf(lang);
    const profile = inConfig === -1 ? profiles.find((candidate) => candidate.languages?.includes(lang)) : undefined;
    if (profile) return { file: profile.file, place: profile.yaml.placeOf(['languages', profile.languages!.indexOf(lang)]) };
    return { file, place: yaml?.placeOf(['languages', Math.max(inConfig, 0)]) };
  };
  const ui = await loadUiStrings(root, languages, namedAt);
  return { value: ui, files: ui.files };
}

/** The translations of every language but the source one. */
export async function readTranslationFiles(
  root: string,
  languages: readonly string[],
  pages: readonly Page[],
  memo?: YamlMemo,
): Promise<Read<TranslationSources>> {
  const translations = await readTranslations(root, languages, new Map(pages.map((page) => [page.sourcePath, page.kind])), memo);
  return { value: translations, files: translations.read };
}

/** The overrides of these countries. */
export async function readOverrideFiles(root: string, countries: readonly string[], pages: readonly Page[]): Promise<Read<readonly Override[]>> {
  const { overrides, files } = await loadOverrides(root, countries, pages);
  return { value: overrides, files };
}

/** The countries of these editions (their overrides are read). */
export function editionCountries(editions: readonly Edition[]): string[] {
  return editions.flatMap((edition) => (edition.country ? [edition.country] : []));
}

/** Each edition's logo, if it names one: a file inside the project that may be published. */
export async function readLogos(
  root: string,
  { file: configFile, yaml: configYaml }: LoadedConfig,
  { profiles }: Profiles,
  editions: readonly Edition[],
): Promise<Map<Edition, string | undefined>> {
  const logos = new Map<Edition, string | undefined>();
  for (const edition of editions) {
    const profile = profiles.find((candidate) => candidate.code === edition.country);
    logos.set(edition, await checkLogo(root, edition.organisation?.logo, profile?.file ?? configFile, profile?.yaml ?? configYaml));
  }
  return logos;
}

/**
 * Each language's glossary (`translations/<lang>/glossary.yaml`), if it has one, checked
 * against its translations: a section whose original uses a term and whose translation has
 * none of the term's translations is a warning on the translation, at the section. Gives the
 * glossary files read.
 */
export async function checkGlossaries(root: string, languages: readonly string[], pages: readonly Page[], translations: TranslationSources): Promise<VFile[]> {
  const originals = new Map(pages.map((page) => [page.sourcePath, page]));
  const files = [];
  for (const lang of languages.slice(1)) {
    const path = `translations/${lang}/glossary.yaml`;
    const file = await readProjectText(root, path);
    if (!file) continue;
    files.push(file);
    if (file.data.unreadable) continue;
    const glossary = readGlossary(file);
    for (const translation of translations.translations.filter((candidate) => candidate.lang === lang)) {
      const original = originals.get(translation.sourcePath);
      if (original) checkGlossary(glossary, path, String(original.file.value), translation.file, String(translation.file.value));
    }
  }
  return files;
}

/**
 * Read the project's termbase (`terms.yaml`, issue 32) and warn at each term to avoid in the
 * pages, translations and country overrides, each in its own language. Gives the file, when
 * there is one, for its own problems.
 */
export async function checkTermbase(
  root: string,
  sourceLang: string,
  pages: readonly Page[],
  translations: TranslationSources,
  overrides: readonly Override[],
  profiles: readonly CountryProfile[],
): Promise<VFile[]> {
  const file = await readProjectText(root, TERMS_FILE);
  if (!file) return [];
  if (file.data.unreadable) return [file];
  const editionLanguage = new Map(profiles.map((profile) => [profile.code, profile.languages?.[0] ?? sourceLang]));
  checkTerms(
    readTerms(file),
    [
      ...pages.map((page) => ({ file: page.file, lang: sourceLang })),
      ...translations.translations.map((translation) => ({ file: translation.file, lang: translation.lang })),
      ...overrides.map((override) => ({ file: override.file, lang: override.meta.lang ?? editionLanguage.get(override.country) ?? sourceLang })),
    ],
    sourceLang,
  );
  return [file];
}
