import { pageChanges } from '../versions/page-changes.js';
import { extname } from 'node:path';
import type { VFile } from 'vfile';
import type { Fonts } from '../assets/fonts.js';
import type { Edition } from '../model/edition.js';
import { error } from '../messages.js';
import { typesInWords } from '../content-types/index.js';
import { printJobs } from '../pdf/print-jobs.js';
import type { OutputFormat } from '../output/format.js';
import { shardJobs } from '../pdf/shard.js';
import type { PrintJob } from '../pdf/print-document.js';
import type { OutputFile } from '../model/output-file.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { PdfInfo } from '../model/pdf.js';
import type { Made, Project } from '../run/types.js';
import type { printPdfs } from '../pdf/print-pdfs.js';

/** The file name of an edition's logo under `assets/`, if it has one. */
export function logoName(logos: ReadonlyMap<Edition, string | undefined>, edition: Edition): string | undefined {
  const logo = logos.get(edition);
  return logo ? `logo${extname(logo)}` : undefined;
}

/** What printing made: the PDFs (to add to the output) and their facts. */
export interface Printed {
  readonly files: readonly OutputFile[];
  readonly pdfs: ReadonlyMap<string, PdfInfo>;
  readonly reprinted: number;
}

/** Whether a run makes PDFs (prints them, or takes them from shards printed elsewhere). */
export function makesPdfs(options: Project['options']): boolean {
  return options.pdf !== false || options.pdfOnly !== undefined || options.pdfsFrom !== undefined;
}

/**
 * Print what the formats print (PDFs, slides, link-preview cards) of every edition and
 * language (or the PDFs `briefkit pdf` asks for) with one browser. Problems printing go on `printing`: they do not stop the website from being
 * written, but they do make the run fail. The caller decides whether the content is sound
 * enough to print.
 */
export async function printEditions(project: Project, made: Made, formats: readonly OutputFormat[], printing: VFile): Promise<Printed> {
  const {
    options,
    config: { config },
    editions,
    logos,
  } = project;
  const wanted = options.pdfOnly;
  const jobs: PrintJob[] = [];
  for (const edition of editions) {
    for (const lang of edition.languages.filter((lang) => !wanted?.lang || wanted.lang === lang)) {
      const pages = made.pages.get(edition)!.filter((page) => page.lang === lang);
      const input = {
        config,
        edition,
        translator: project.ui.translators.get(lang)!,
        pages,
        citations: project.citations,
        render: made.render,
        logoName: logoName(logos, edition),
        changes: pageChanges({ pages: project.pages, versions: project.versions, source: config.languages[0]! }),
      };
      jobs.push(...(await printJobs(formats, input)));
    }
  }
  const named = jobs.filter((job) => !wanted?.only || job.local.page.slug === wanted.only);
  const chosen = wanted?.shard ? shardJobs(named, wanted.shard) : named;
  if (wanted?.only && named.length === 0) {
    error(printing, {
      reason: `No page "${wanted.only}" with a PDF`,
      rule: 'pdf-only',
      hint: `Give the slug of ${typesInWords('printed', 'a')}, e.g. --only glasgow-peer-supply.`,
    });
  }
  if (options.pdfsFrom) {
    const { collectShards } = await import('../pdf/collect-shards.js');
    const collected = await collectShards(chosen, options.pdfsFrom, printing);
    return { files: collected.files, pdfs: collected.pdfs, reprinted: 0 };
  }
  const { fonts } = project;
  const assets = project.templates.assets;
  const resources = new Map(
    editions.flatMap((edition) => [...printResources(edition, fonts, assets, logos.get(edition), logoName(logos, edition), made.pages.get(edition)!)]),
  );
  // Loaded only to print: a build without PDFs never loads the browser's library.
  const printer: typeof printPdfs = options.printer ?? (await import('../pdf/print-pdfs.js')).printPdfs;
  // PDFs whose documents did not change since they were printed are taken from the cache.
  const cached = options.cacheDir ? (await import('../cache/pdf-cache.js')).cachedPrinter(printer, options.cacheDir) : printer;
  const printed = await cached(chosen, {
    files: resources,
    siteFile: printing,
    progress: options.progress,
    browser: config.browser,
  });
  return { files: printed.files, pdfs: printed.pdfs, reprinted: printed.reprinted };
}

/** What an edition's print pages may load: fonts, styles, its logo, and every page's images. */
export function printResources(
  edition: Edition,
  fonts: Fonts,
  assets: ReadonlyMap<string, string>,
  logo: string | undefined,
  logoName: string | undefined,
  pages: readonly LocalizedPage[],
): Map<string, OutputFile> {
  const prefix = edition.prefix;
  const files = new Map<string, OutputFile>([[`${prefix}assets/print-fonts.css`, { path: `${prefix}assets/print-fonts.css`, content: fonts.printCss }]]);
  const add = (path: string, copyFrom: string) => files.set(path, { path, copyFrom });
  for (const [path, from] of [...fonts.files, ...assets]) add(`${prefix}assets/${path}`, from);
  if (logo && logoName) add(`${prefix}assets/${logoName}`, logo);
  for (const page of pages) for (const asset of page.assets) add(`${prefix}${page.lang}/${asset.to}`, asset.from);
  return files;
}
