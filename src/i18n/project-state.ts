import { relative } from 'node:path';
import type { VFile } from 'vfile';
import { loadConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { loadOverrides } from '../countries/overrides.js';
import type { Override } from '../countries/overrides.js';
import { loadProfiles } from '../countries/profile.js';
import type { CountryProfile } from '../countries/profile.js';
import { parsePages } from '../stages/parse-pages.js';
import { readSources } from '../stages/read-sources.js';
import { projectLanguages } from './project-languages.js';
import { fingerprint, sectionsOf } from './sections.js';
import type { Section } from './sections.js';
import type { SourceInfo, TranslationInfo } from './status.js';
import { readTranslations } from './translations.js';
import type { Translation } from './translations.js';

/** An original as translation tracking sees it. */
export interface Original extends SourceInfo {
  readonly file: VFile;
  readonly data: Record<string, unknown>;
  /** The Markdown text, front matter blanked out. */
  readonly body: string;
}

/** What the `i18n` commands know of a project. */
export interface ProjectTranslations {
  readonly config: Config;
  /** The project's languages, the source language first: the same list the build uses (project-languages.ts). */
  readonly languages: readonly string[];
  readonly originals: ReadonlyMap<string, Original>;
  readonly translations: readonly Translation[];
  readonly infos: ReadonlyMap<string, ReadonlyMap<string, TranslationInfo>>;
  readonly profiles: readonly CountryProfile[];
  readonly overrides: readonly Override[];
  /** Files read, with any problems found reading them. */
  readonly files: readonly VFile[];
}

/** Read the originals and translations of a project, and fingerprint every original. */
export async function readProjectTranslations(root: string): Promise<ProjectTranslations> {
  const [{ config, file: configFile }, sources, countries] = await Promise.all([loadConfig(root), readSources(root), loadProfiles(root)]);
  const source = config.languages[0]!;
  const pages = parsePages(sources.markdown);
  const originals = new Map<string, Original>();
  for (const page of pages) {
    const data = page.meta as Record<string, unknown>;
    const body = String(page.file.value);
    const sections = sectionsOf(data, body, source);
    originals.set(page.sourcePath, { path: page.sourcePath, file: page.file, data, body, sections, fingerprint: fingerprint(sections) });
  }
  const { overrides, files: overrideFiles } = await loadOverrides(root, countries.profiles.map((profile) => profile.code), pages);
  const languages = projectLanguages(config, countries.profiles);
  const { translations, read } = await readTranslations(root, languages, new Map(pages.map((page) => [page.sourcePath, page.kind])));
  const infos = new Map<string, Map<string, TranslationInfo>>();
  for (const translation of translations) {
    const forLang = infos.get(translation.lang) ?? new Map<string, TranslationInfo>();
    forLang.set(translation.sourcePath, translationInfo(root, translation));
    infos.set(translation.lang, forLang);
  }
  const files = [configFile, ...sources.markdown, ...read, ...countries.files, ...overrideFiles];
  return { config, languages, originals, translations, infos, files, profiles: countries.profiles, overrides };
}

function translationInfo(root: string, translation: Translation): TranslationInfo {
  const sections: Section[] = sectionsOf(translation.meta, String(translation.file.value), translation.lang);
  return {
    path: translation.sourcePath,
    file: relative(root, translation.file.path),
    sourceHash: translation.meta.source_hash,
    sourceSections: translation.meta.source_sections,
    sectionIds: new Set(sections.filter((section) => section.words > 0).map((section) => section.id)),
  };
}
