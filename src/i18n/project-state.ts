import type { VFile } from 'vfile';
import type { Config } from '../config/schema.js';
import type { Override } from '../countries/overrides.js';
import type { CountryProfile } from '../countries/profile.js';
import { shownPath } from '../paths/project-path.js';
import type { Root } from 'mdast';
import type { ProjectText } from '../run/types.js';
import { contentType } from '../content-types/index.js';
import { FRONT, copiedSections, copyKeysOf, fingerprint, ownFrontKeys, sectionsOfTree } from './sections.js';
import { headingIds, headingOutline, matchedBySection } from '../markdown/heading-ids.js';
import type { SourceInfo, TranslationInfo } from './status.js';
import type { Translation } from '../model/translation.js';
import { checkProjectFacts } from '../facts/project-facts.js';
import type { FactTally } from '../facts/check-facts.js';

/** An original as translation tracking sees it. */
export interface Original extends SourceInfo {
  readonly file: VFile;
  readonly data: Record<string, unknown>;
  /** The Markdown text, front matter blanked out. */
  readonly body: string;
  /** The front matter fields its type lets a translation set, besides title and summary. */
  readonly fields: readonly string[];
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
  /** What the fact check found in each translation and override (issue 32). */
  readonly facts: ReadonlyMap<VFile, FactTally>;
  /** Files read, with any problems found reading them. */
  readonly files: readonly VFile[];
}

/** The originals and translations of a project as translation tracking sees them (`trees`: each file parsed), every original fingerprinted. */
export function projectTranslations(project: ProjectText, trees: ReadonlyMap<VFile, Root>): ProjectTranslations {
  const { root } = project.options;
  const { config } = project.config;
  const source = config.languages[0]!;
  const originals = new Map<string, Original>();
  for (const page of project.pages) {
    const data = page.meta as Record<string, unknown>;
    const body = String(page.file.value);
    const fields = contentType(page.kind)?.translatable ?? [];
    const sections = sectionsOfTree(data, trees.get(page.file)!, body, source, fields);
    originals.set(page.sourcePath, { path: page.sourcePath, file: page.file, data, body, fields, sections, fingerprint: fingerprint(sections) });
  }
  const { translations } = project.translations;
  const facts = checkProjectFacts(
    { source, pages: project.pages, translations, overrides: project.overrides, profiles: project.profiles.profiles, products: config.products },
    trees,
  );
  const infos = new Map<string, Map<string, TranslationInfo>>();
  for (const translation of translations) {
    const forLang = infos.get(translation.lang) ?? new Map<string, TranslationInfo>();
    const original = originals.get(translation.sourcePath)!;
    const tree = trees.get(translation.file)!;
    const outline = headingOutline(trees.get(original.file)!);
    const sections = sectionsOfTree(translation.meta, tree, String(translation.file.value), translation.lang, original.fields, { outline });
    const copied = copiedSections(copyKeysOf(sections), copyKeysOf(original.sections), translation.meta.source_sections);
    // The title and summary count when the translation has its own, not the original's.
    if (ownFrontKeys(translation.meta, original.data, original.fields).size === 0) copied.add(FRONT);
    forLang.set(translation.sourcePath, {
      path: translation.sourcePath,
      file: shownPath(root, translation.file.path),
      sourceHash: translation.meta.source_hash,
      sourceSections: translation.meta.source_sections,
      sectionIds: new Set(sections.filter((section) => section.words > 0 && !copied.has(section.id)).map((section) => section.id)),
      matched: matchedBySection(headingIds(tree, outline)),
      factMismatches: facts.get(translation.file)?.mismatches ?? 0,
    });
    infos.set(translation.lang, forLang);
  }
  const files = [...project.inputs, project.run];
  return {
    config,
    languages: project.languages,
    originals,
    translations,
    infos,
    files,
    profiles: project.profiles.profiles,
    overrides: project.overrides,
    facts,
  };
}
