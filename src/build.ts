import { lstat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { loadFonts } from './assets/fonts.js';
import type { Fonts } from './assets/fonts.js';
import { loadConfig } from './config/load.js';
import { checkOutputDir } from './fs/check-output-dir.js';
import { writeAtomic, writeFilesInto } from './fs/write-atomic.js';
import { fingerprint, sectionsOf } from './i18n/sections.js';
import { readTranslations } from './i18n/translations.js';
import { loadUiStrings } from './i18n/ui-strings.js';
import { error, escalateWarnings, hasErrors } from './messages.js';
import { resolveInside } from './paths/urls.js';
import { loadReferences } from './references/library.js';
import { checkAnchors } from './stages/check-anchors.js';
import { localizePages } from './stages/localize-pages.js';
import type { LocalizedPage } from './stages/localize-pages.js';
import { printPdfs } from './stages/print-pdfs.js';
import type { PdfInfo } from './stages/print-pdfs.js';
import { printJobs } from './pdf/print-document.js';
import { Output } from './stages/output.js';
import { parsePages } from './stages/parse-pages.js';
import { CONTENT_DIR, readSources } from './stages/read-sources.js';
import { renderMarkdown } from './stages/render-markdown.js';
import type { RenderJob } from './stages/render-markdown.js';
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
 * Build the site: read everything, check everything, and only if nothing is wrong replace
 * the output folder in one step. Reading and writing happen here, at the edges; the stages
 * in between are pure functions over what was read:
 * parse pages → render Markdown (each file once) → localise (every page in every language)
 * → check anchors → fill templates.
 */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const root = resolve(options.root);
  const outDir = resolve(root, options.out ?? 'dist');
  const site = new VFile({ path: outDir, cwd: root });

  const [{ config, file: configFile, yaml: configYaml }, sources, references, templates, fonts] = await Promise.all([
    loadConfig(root),
    readSources(root),
    loadReferences(root),
    loadTemplates(root),
    loadFonts(),
  ]);
  const { languages } = config;
  const source = languages[0]!;
  const logo = await checkLogo(root, config.organisation?.logo, configFile, configYaml);
  const pages = parsePages(sources.markdown);
  const pagesBySource = new Map(pages.map((page) => [page.sourcePath, page]));
  const [ui, translated] = await Promise.all([
    loadUiStrings(root, languages, configFile, configYaml),
    readTranslations(root, languages, new Set(pagesBySource.keys())),
  ]);

  const jobs: RenderJob[] = [
    ...pages.map((page) => ({ file: page.file, page, lang: source, files: sources.files })),
    ...translated.translations.map((translation) => ({
      file: translation.file,
      page: pagesBySource.get(translation.sourcePath)!,
      lang: translation.lang,
      // A translation may have its own images (a translated diagram); else it uses the original's.
      files: new Map([...sources.files, ...(translated.files.get(translation.lang) ?? [])]),
    })),
  ];
  const rendered = await renderMarkdown({ jobs, pages, references, labels: (lang) => ui.translators.get(lang)!.ui });
  const fingerprints = new Map(pages.map((page) => [page.sourcePath, fingerprint(sectionsOf(page.meta, String(page.file.value), source))]));
  const localized = localizePages({ pages, languages, translations: translated.translations, rendered, translators: ui.translators, fingerprints });
  checkAnchors(rendered, localized);

  // Templates are compiled (and their syntax checked) always, but only filled in when the
  // content is sound: a page with broken front matter has nothing reliable to show.
  const render = createEngine(templates, templateHelpers);
  const contentFiles = [configFile, ...(references.file ? [references.file] : []), ...sources.markdown, ...translated.read, ...ui.files];
  const output = new Output();
  // Problems with printing (no browser, a document that would not print) do not stop the
  // website from being written, but they do make the build fail.
  const printing = new VFile({ path: outDir, cwd: root });
  let reprinted = 0;
  if (!hasErrors(contentFiles)) {
    const logoName = logo ? `logo${extname(logo)}` : undefined;
    let pdfs: ReadonlyMap<string, PdfInfo> = new Map();
    if (options.pdf !== false || options.pdfOnly) {
      const wanted = options.pdfOnly;
      const jobs = (
        await Promise.all(
          languages
            .filter((lang) => !wanted?.lang || wanted.lang === lang)
            .map((lang) => printJobs({ config, translator: ui.translators.get(lang)!, pages: localized.filter((page) => page.lang === lang), references, render, logoName })),
        )
      )
        .flat()
        .filter((job) => !wanted?.only || job.local.page.slug === wanted.only);
      if (wanted?.only && jobs.length === 0) {
        error(printing, { reason: `No briefing or case study "${wanted.only}"`, rule: 'pdf-only', hint: 'Give the slug of a briefing or case study, e.g. --only glasgow-peer-supply.' });
      }
      const printed = await (options.printer ?? printPdfs)(jobs, { files: printResources(fonts, templates.assets, logo, logoName, localized), siteFile: printing, progress: options.progress });
      pdfs = printed.pdfs;
      reprinted = printed.reprinted;
      for (const file of printed.files) output.add(file, 'a PDF', printing);
    }
    if (!options.pdfOnly) {
      for (const lang of languages) {
        renderLanguage(
          { config, translator: ui.translators.get(lang)!, pages: localized.filter((page) => page.lang === lang), references, render, logoName, pdfs, siteFile: configFile },
          output,
        );
      }
      renderSiteFiles(
        { config, translators: ui.translators, render, fonts, assets: templates.assets, logo: logo && logoName ? { from: logo, name: logoName } : undefined, siteFile: configFile },
        output,
      );
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

  const files = [...new Set([...contentFiles, ...templates.templates.values(), site])];
  if (options.strict) escalateWarnings([...files, printing]);
  const all = [...files, printing];
  const result = { files: all, outDir, output: output.files, ok: !hasErrors(all), reprinted };
  if (hasErrors(files)) return { ...result, written: false };
  if (options.pdfOnly) await writeFilesInto(outDir, output.files);
  else await writeAtomic(outDir, output.files);
  return { ...result, written: true };
}

/** What a print page may load: fonts, styles, the logo, and every page's images. */
function printResources(fonts: Fonts, assets: ReadonlyMap<string, string>, logo: string | undefined, logoName: string | undefined, pages: readonly LocalizedPage[]): Map<string, OutputFile> {
  const files = new Map<string, OutputFile>([['assets/print-fonts.css', { path: 'assets/print-fonts.css', content: fonts.printCss }]]);
  const add = (path: string, copyFrom: string) => files.set(path, { path, copyFrom });
  for (const [path, from] of [...fonts.files, ...assets]) add(`assets/${path}`, from);
  if (logo && logoName) add(`assets/${logoName}`, logo);
  for (const page of pages) for (const asset of page.assets) add(`${page.lang}/${asset.to}`, asset.from);
  return files;
}

/** The logo named in the config, if it is a file inside the project; reported otherwise. */
async function checkLogo(root: string, logo: string | undefined, file: VFile, yaml: YamlSource | undefined): Promise<string | undefined> {
  if (!logo) return undefined;
  const place = yaml?.placeOf(['organisation', 'logo']);
  const inside = /^[a-z][a-z0-9+.-]*:/i.test(logo) ? undefined : resolveInside('briefkit.config.yaml', logo);
  if (inside === undefined) {
    error(file, { reason: `The logo "${logo}" is outside the project`, rule: 'path-outside', place, hint: 'Put the logo file in the project folder and give its path relative to briefkit.config.yaml.' });
    return undefined;
  }
  const absolute = join(root, inside);
  const stat = await lstat(absolute).catch(() => undefined);
  if (!stat?.isFile()) {
    error(file, { reason: `The logo "${logo}" was not found`, rule: 'logo-missing', place, hint: 'Give the path of an image file relative to briefkit.config.yaml, e.g. branding/logo.svg.' });
    return undefined;
  }
  return absolute;
}
