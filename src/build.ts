import { extname, join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { checkPublishedFile } from './assets/allowed-files.js';
import { loadFonts } from './assets/fonts.js';
import type { Fonts } from './assets/fonts.js';
import { loadConfig } from './config/load.js';
import { countryEdition, internationalEdition } from './countries/edition.js';
import type { Edition } from './countries/edition.js';
import { loadOverrides } from './countries/overrides.js';
import { loadProfiles } from './countries/profile.js';
import type { CountryProfile } from './countries/profile.js';
import { checkOutputDir } from './fs/check-output-dir.js';
import { countryPrefix, editionMarkers, keptEntries, prefixClash, readOutputEditions } from './fs/output-editions.js';
import type { OutputEditions } from './fs/output-editions.js';
import { lockedMessage, lockOutput, lockPath } from './fs/output-lock.js';
import { recoverOutput } from './fs/recover-output.js';
import { writeAtomic, writeFilesInto } from './fs/write-atomic.js';
import { fingerprint, sectionsOf } from './i18n/sections.js';
import { projectLanguages } from './i18n/project-languages.js';
import { readTranslations } from './i18n/translations.js';
import { loadUiStrings } from './i18n/ui-strings.js';
import { error, escalateWarnings, hasErrors } from './messages.js';
import { resolveInside } from './paths/urls.js';
import { locate } from './project/locate.js';
import { printJobs } from './pdf/print-document.js';
import type { PrintJob } from './pdf/print-document.js';
import { loadReferences } from './references/library.js';
import type { LocalizedPage } from './stages/localize-pages.js';
import { makeEdition } from './stages/make-edition.js';
import { Output } from './stages/output.js';
import { parsePages } from './stages/parse-pages.js';
import { isPrintProblem, printPdfs } from './stages/print-pdfs.js';
import type { PdfInfo } from './stages/print-pdfs.js';
import { CONTENT_DIR, readSources } from './stages/read-sources.js';
import { MarkdownRenderer } from './stages/render-markdown.js';
import { renderSiteFiles } from './stages/render-site-files.js';
import { renderLanguage } from './stages/render-templates.js';
import { createEngine } from './templates/engine.js';
import { templateHelpers } from './templates/helpers.js';
import { loadTemplates } from './templates/load.js';
import type { OutputFile } from './site.js';
import type { YamlSource } from './yaml/parse.js';

/** What `briefkit build` is asked to do. */
export interface BuildOptions {
  /** The project folder (holds `briefings/` and maybe `briefkit.config.yaml`). */
  readonly root: string;
  /** Where the site goes; default `<root>/dist`. */
  readonly out?: string | undefined;
  /** Treat warnings as errors. */
  readonly strict?: boolean | undefined;
  /** Print the PDFs (default: yes). */
  readonly pdf?: boolean | undefined;
  /** `briefkit pdf`: make only the PDFs (of one language, or one page), and write only them. */
  readonly pdfOnly?: { readonly lang?: string | undefined; readonly only?: string | undefined } | undefined;
  /** Build this country's edition (ISO code, e.g. `ua`) instead of the international one. */
  readonly country?: string | undefined;
  /** Build the international edition and every country's, each country into `<out>/<code>/`. */
  readonly allCountries?: boolean | undefined;
  /** Told about each PDF as printing goes, for a progress line. */
  readonly progress?: ((done: number, total: number, current: string) => void) | undefined;
  /** What prints the PDFs (the benchmark wraps it to time it and reuse its documents). */
  readonly printer?: typeof printPdfs | undefined;
}

/** What a build did: every file it read (with their messages), and whether it wrote the site. */
export interface BuildResult {
  readonly files: readonly VFile[];
  readonly outDir: string;
  /** Whether the output was written (it is, even when only PDFs failed). */
  readonly written: boolean;
  /** Whether there was no error at all. */
  readonly ok: boolean;
  readonly output: readonly OutputFile[];
  /** PDFs whose contents page numbers needed a second print. */
  readonly reprinted: number;
}

/**
 * Build the site: read everything once, check everything, make each edition (international,
 * or a country's) in each of its languages, print the PDFs with one browser, and only if
 * nothing is wrong replace the output folder in one step. Reading and writing happen here,
 * at the edges; the stages in between work on what was read.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const outDir = resolve(root, options.out ?? 'dist');
  // One build at a time writes into an output folder; it first repairs what a killed one left.
  const lock = await lockOutput(outDir);
  if ('owner' in lock) {
    const site = new VFile({ path: outDir, cwd: root });
    error(site, { reason: lockedMessage(outDir, lock.owner), rule: 'output-locked', hint: `If no briefkit build is running, delete ${lockPath(outDir)}.` });
    return { files: [site], outDir, output: [], ok: false, reprinted: 0, written: false };
  }
  try {
    await recoverOutput(outDir);
    return await buildLocked(options, root, outDir, await readOutputEditions(outDir));
  } finally {
    await lock.release();
  }
}

async function buildLocked(options: BuildOptions, root: string, outDir: string, previous: OutputEditions): Promise<BuildResult> {
  const site = new VFile({ path: outDir, cwd: root });

  const [{ config, file: configFile, yaml: configYaml }, sources, references, templates, fonts, countries] = await Promise.all([
    loadConfig(root),
    readSources(root),
    loadReferences(root),
    loadTemplates(root),
    loadFonts(),
    loadProfiles(root),
  ]);
  const source = config.languages[0]!;
  const editions = chooseEditions(config, countries.profiles, countries.invalid, options, site, previous);
  const pages = parsePages(sources.markdown);
  const pagesBySource = new Map(pages.map((page) => [page.sourcePath, page]));
  const languages = projectLanguages(config, countries.profiles);
  const [ui, translated, overrides] = await Promise.all([
    loadUiStrings(root, languages, configFile, configYaml),
    readTranslations(root, languages, new Set(pagesBySource.keys())),
    loadOverrides(root, editions.flatMap((edition) => (edition.country ? [edition.country] : [])), pages),
  ]);
  const logos = new Map<Edition, string | undefined>();
  for (const edition of editions) {
    const profile = countries.profiles.find((candidate) => candidate.code === edition.country);
    logos.set(edition, await checkLogo(root, edition.organisation?.logo, profile?.file ?? configFile, profile?.yaml ?? configYaml));
  }

  const renderer = new MarkdownRenderer();
  const fingerprints = new Map(pages.map((page) => [page.sourcePath, fingerprint(sectionsOf(page.meta, String(page.file.value), source))]));
  const knownVariables = new Set(['country_name', 'country_code', ...Object.keys(config.variables), ...countries.profiles.flatMap((profile) => Object.keys(profile.variables))]);
  // A translation's links may use its own folder's files first, then the original's.
  const merged = new Map<string, typeof sources.files>();
  const translationFiles = (lang: string) => {
    let files = merged.get(lang);
    if (!files) merged.set(lang, (files = new Map([...sources.files, ...(translated.files.get(lang) ?? [])])));
    return files;
  };
  const made = new Map<Edition, LocalizedPage[]>();
  for (const edition of editions) {
    made.set(
      edition,
      await makeEdition(
        edition,
        {
          source,
          pages,
          translations: translated.translations,
          overrides: overrides.overrides,
          references,
          translators: ui.translators,
          files: (lang) => (lang ? translationFiles(lang) : sources.files),
          fingerprints,
          knownVariables,
        },
        renderer,
      ),
    );
  }

  // Templates are compiled (and their syntax checked) always, but only filled in when the
  // content is sound: a page with broken front matter has nothing reliable to show.
  const render = createEngine(templates, templateHelpers);
  const contentFiles = [configFile, ...(references.file ? [references.file] : []), ...sources.markdown, ...translated.read, ...ui.files, ...countries.files, ...overrides.files];
  const output = new Output();
  // Problems with printing (no browser, a document that would not print) do not stop the
  // website from being written, but they do make the build fail.
  const printing = new VFile({ path: outDir, cwd: root });
  let reprinted = 0;
  if (!hasErrors(contentFiles)) {
    const logoName = (edition: Edition) => (logos.get(edition) ? `logo${extname(logos.get(edition)!)}` : undefined);
    let pdfs: ReadonlyMap<string, PdfInfo> = new Map();
    if (options.pdf !== false || options.pdfOnly) {
      const wanted = options.pdfOnly;
      const jobs: PrintJob[] = [];
      for (const edition of editions) {
        for (const lang of edition.languages.filter((lang) => !wanted?.lang || wanted.lang === lang)) {
          const pagesOfLang = made.get(edition)!.filter((page) => page.lang === lang);
          jobs.push(...(await printJobs({ config, edition, translator: ui.translators.get(lang)!, pages: pagesOfLang, references, render, logoName: logoName(edition) })));
        }
      }
      const chosen = jobs.filter((job) => !wanted?.only || job.local.page.slug === wanted.only);
      if (wanted?.only && chosen.length === 0) {
        error(printing, { reason: `No briefing or case study "${wanted.only}"`, rule: 'pdf-only', hint: 'Give the slug of a briefing or case study, e.g. --only glasgow-peer-supply.' });
      }
      const resources = new Map(editions.flatMap((edition) => [...printResources(edition, fonts, templates.assets, logos.get(edition), logoName(edition), made.get(edition)!)]));
      const printed = await (options.printer ?? printPdfs)(chosen, { files: resources, siteFile: printing, progress: options.progress });
      pdfs = printed.pdfs;
      reprinted = printed.reprinted;
      for (const file of printed.files) output.add(file, 'a PDF', printing);
    }
    if (!options.pdfOnly) {
      for (const edition of editions) {
        for (const lang of edition.languages) {
          renderLanguage(
            { config, edition, translator: ui.translators.get(lang)!, pages: made.get(edition)!.filter((page) => page.lang === lang), references, render, logoName: logoName(edition), pdfs, siteFile: configFile },
            output,
          );
        }
        const others = edition.country || !options.allCountries ? [] : editions.filter((other) => other.country);
        renderSiteFiles(
          {
            config,
            edition,
            translators: ui.translators,
            render,
            fonts,
            assets: templates.assets,
            logo: logos.get(edition) && logoName(edition) ? { from: logos.get(edition)!, name: logoName(edition)! } : undefined,
            editions: others.map((other) => ({ name: other.name!, href: `${other.prefix}index.html` })),
            siteFile: configFile,
          },
          output,
        );
      }
    }
  }

  if (sources.markdown.length === 0) {
    error(site, {
      reason: `No Markdown files in ${join(root, CONTENT_DIR)}`,
      rule: 'no-content',
      hint: 'Run briefkit in your project folder (or pass --root), where briefings/ holds your .md files.',
    });
  }
  const refusal = await checkOutputDir(root, outDir);
  if (refusal) error(site, { reason: refusal, rule: 'output-folder', hint: 'Choose another folder with --out.' });

  const files = [...new Set([...contentFiles, ...templates.templates.values(), ...templates.refused, site])];
  if (options.strict) escalateWarnings([...files, printing]);
  const all = [...files, printing];
  const result = { files: all, outDir, output: output.files, ok: !hasErrors(all), reprinted };
  // A PDF that failed to print fails the build, but does not stop the website being written.
  if (files.some((file) => file.messages.some((message) => message.fatal === true && !isPrintProblem(message)))) return { ...result, written: false };
  if (options.pdfOnly) await writeFilesInto(outDir, output.files);
  else await writeAtomic(outDir, [...output.files, ...editionMarkers(editions)], keptEntries(previous, editions, options.allCountries === true));
  return { ...result, written: true };
}

/**
 * The editions to build: the international one; or one country's (`--country`), at the root
 * of its own output folder or beside the editions already there (see output-editions.ts);
 * or all of them (`--all-countries`), each country in `<out>/<code>/`.
 */
function chooseEditions(config: import('./config/schema.js').Config, profiles: readonly CountryProfile[], invalid: ReadonlySet<string>, options: BuildOptions, site: VFile, previous: OutputEditions): Edition[] {
  if (options.country) {
    const code = options.country.toLowerCase();
    const profile = profiles.find((candidate) => candidate.code === code);
    const prefix = countryPrefix(previous, code);
    if (profile && prefixClash(previous, prefix)) {
      error(profile.file, { reason: `The ${profile.name} edition would go into ${join(site.path, code)}/, which this output folder already uses for something else`, rule: 'edition-folder', hint: 'Build this edition into another folder (--out).' });
    }
    if (profile) return [countryEdition(config, profile, prefix)];
    // A profile with errors has been reported already.
    if (invalid.has(code)) return [internationalEdition(config)];
    error(site, {
      reason: `There is no country profile countries/${code}.yaml`,
      rule: 'country-missing',
      hint: profiles.length > 0 ? `Profiles here: ${profiles.map((candidate) => candidate.code).join(', ')}. Start one with: briefkit new country ${code}` : `Start one with: briefkit new country ${code}`,
    });
    return [internationalEdition(config)];
  }
  if (!options.allCountries) return [internationalEdition(config)];
  const clash = profiles.filter((profile) => config.languages.includes(profile.code));
  for (const profile of clash) {
    error(profile.file, {
      reason: `The ${profile.name} edition would be written into dist/${profile.code}/, where the international edition's "${profile.code}" language is`,
      rule: 'edition-folder',
      hint: 'Build this edition on its own with --country, into another folder (--out).',
    });
  }
  return [internationalEdition(config), ...profiles.filter((profile) => !clash.includes(profile)).map((profile) => countryEdition(config, profile, `${profile.code}/`))];
}

/** What an edition's print pages may load: fonts, styles, its logo, and every page's images. */
function printResources(edition: Edition, fonts: Fonts, assets: ReadonlyMap<string, string>, logo: string | undefined, logoName: string | undefined, pages: readonly LocalizedPage[]): Map<string, OutputFile> {
  const prefix = edition.prefix;
  const files = new Map<string, OutputFile>([[`${prefix}assets/print-fonts.css`, { path: `${prefix}assets/print-fonts.css`, content: fonts.printCss }]]);
  const add = (path: string, copyFrom: string) => files.set(path, { path, copyFrom });
  for (const [path, from] of [...fonts.files, ...assets]) add(`${prefix}assets/${path}`, from);
  if (logo && logoName) add(`${prefix}assets/${logoName}`, logo);
  for (const page of pages) for (const asset of page.assets) add(`${prefix}${page.lang}/${asset.to}`, asset.from);
  return files;
}

/** The logo named in the config or a profile, if it is a file inside the project; reported otherwise. */
async function checkLogo(root: string, logo: string | undefined, file: VFile, yaml: YamlSource | undefined): Promise<string | undefined> {
  if (!logo) return undefined;
  const place = yaml?.placeOf(['organisation', 'logo']);
  const inside = /^[a-z][a-z0-9+.-]*:/i.test(logo) ? undefined : resolveInside('briefkit.config.yaml', logo);
  if (inside === undefined) {
    error(file, { reason: `The logo "${logo}" is outside the project`, rule: 'path-outside', place, hint: 'Put the logo file in the project folder and give its path relative to the project folder.' });
    return undefined;
  }
  const absolute = join(root, inside);
  const found = await locate(root, absolute);
  if (found.kind === 'refused') {
    error(file, { reason: `The logo "${logo}": ${found.refusal.reason}`, rule: found.refusal.rule, place, hint: found.refusal.hint });
    return undefined;
  }
  if (found.kind !== 'file') {
    error(file, { reason: `The logo "${logo}" was not found`, rule: 'logo-missing', place, hint: 'Give the path of an image file relative to the project folder, e.g. branding/logo.svg.' });
    return undefined;
  }
  const refusal = checkPublishedFile(found.real, logo, { logo: true });
  if (refusal) {
    error(file, { ...refusal, place });
    return undefined;
  }
  return found.real;
}
