import { parsePages } from '../stages/parse-pages.js';
import { VFile } from 'vfile';
import { projectLanguages } from '../i18n/project-languages.js';
import { timing } from '../timing.js';
import { YamlMemo } from '../yaml/yaml-memo.js';
import { checkReleasedPages, readVersions } from '../versions/released.js';
import { checkOverrideVersions } from '../versions/override-versions.js';
import { versionSources } from '../versions/version-pages.js';
import type { OutputEditions } from '../fs/output-editions.js';
import { chooseEditions } from '../stages/choose-editions.js';
import { readCitationStyles } from '../stages/read-citation-styles.js';
import {
  checkGlossaries,
  checkTermbase,
  checkPages,
  editionCountries,
  readLogos,
  readOverrideFiles,
  readPages,
  readTranslationFiles,
  readUiStrings,
} from '../stages/read-languages.js';
import { checkOutput, readConfig, readContent, readFonts, readProfiles, readReferences, readTemplates } from '../stages/read-project.js';
import type { Project, ProjectText, RunOptions } from './types.js';

/**
 * The first phase of a build: read and check every input of the project (reads that need
 * nothing of each other run at once). Nothing here stops at a problem: each is reported on
 * its file, so one run reports them all.
 */
export async function readProject(options: RunOptions, previous: OutputEditions): Promise<Project> {
  const started = performance.now();
  const { root } = options;
  const run = new VFile({ path: options.outDir, cwd: root });
  await checkOutput(root, options.outDir, run);
  const [config, references, sources, templates, fonts, profiles] = await Promise.all([
    readConfig(root),
    readReferences(root),
    readContent(root),
    readTemplates(root),
    readFonts(),
    readProfiles(root),
  ]);
  const editions = chooseEditions(options, config.value, profiles.value, previous, run);
  const languages = projectLanguages(config.value.config, profiles.value.profiles);
  // Front matter read by an earlier build, kept in the cache: most of reading a large project again.
  const memo = options.cacheDir === undefined ? undefined : await YamlMemo.load(options.cacheDir);
  const pages = readPages(root, sources.value, run, memo);
  checkPages(pages, references.value);
  const citations = await readCitationStyles(root, config.value, references.value, pages);
  const [ui, translations, overrides] = await Promise.all([
    readUiStrings(root, config.value, profiles.value, languages),
    readTranslationFiles(root, languages, pages, memo),
    readOverrideFiles(root, editionCountries(editions), pages),
  ]);
  if (memo) await memo.save(options.cacheDir!);
  const glossaries = await checkGlossaries(root, languages, pages, translations.value);
  const terms = await checkTermbase(root, languages[0]!, pages, translations.value, overrides.value, profiles.value.profiles);
  const logos = await readLogos(root, config.value, profiles.value, editions);
  const versions = await readVersions(root);
  checkReleasedPages(versions.versions, new Set(pages.map((page) => page.sourcePath)));
  checkOverrideVersions({ pages, versions: versions.versions, source: languages[0]! }, overrides.value);
  // Earlier versions are pages of their own, built as the rest are (issue 33).
  const old = versionSources(root, pages, versions.versions, (file) => parsePages([file])[0]);
  timing('read the project', started);
  return {
    options,
    run,
    inputs: [config, references, sources, templates, fonts, profiles, citations, ui, translations, overrides]
      .flatMap((read) => read.files)
      .concat(glossaries, terms, versions.files, old.files),
    previous,
    config: config.value,
    sources: sources.value,
    references: references.value,
    templates: templates.value,
    fonts: fonts.value,
    profiles: profiles.value,
    editions,
    languages,
    pages: [...pages, ...old.pages],
    citations: citations.value,
    ui: ui.value,
    translations: { ...translations.value, translations: [...translations.value.translations, ...old.translations] },
    overrides: [...overrides.value, ...old.overrides],
    logos,
    versions: versions.versions,
  };
}

/**
 * The text of a project in every language and country (the originals, translations and
 * overrides, checked as the build checks them): what `links` and the `i18n` commands read.
 */
export async function readProjectText(options: RunOptions): Promise<ProjectText> {
  const { root } = options;
  const run = new VFile({ path: options.outDir, cwd: root });
  const [config, sources, profiles, references] = await Promise.all([readConfig(root), readContent(root), readProfiles(root), readReferences(root)]);
  const languages = projectLanguages(config.value.config, profiles.value.profiles);
  const pages = readPages(root, sources.value, run);
  checkPages(pages, references.value);
  const countries = profiles.value.profiles.map((profile) => profile.code);
  const [translations, overrides] = await Promise.all([readTranslationFiles(root, languages, pages), readOverrideFiles(root, countries, pages)]);
  const glossaries = await checkGlossaries(root, languages, pages, translations.value);
  const terms = await checkTermbase(root, languages[0]!, pages, translations.value, overrides.value, profiles.value.profiles);
  const versions = await readVersions(root);
  checkReleasedPages(versions.versions, new Set(pages.map((page) => page.sourcePath)));
  checkOverrideVersions({ pages, versions: versions.versions, source: languages[0]! }, overrides.value);
  return {
    options,
    run,
    inputs: [config, sources, profiles, references, translations, overrides].flatMap((read) => read.files).concat(glossaries, terms, versions.files),
    config: config.value,
    sources: sources.value,
    references: references.value,
    profiles: profiles.value,
    languages,
    pages,
    translations: translations.value,
    overrides: overrides.value,
  };
}
