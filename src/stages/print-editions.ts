import { extname } from 'node:path';
import { VFile } from 'vfile';
import type { Fonts } from '../assets/fonts.js';
import type { Edition } from '../countries/edition.js';
import { error } from '../messages.js';
import { typesInWords } from '../content-types/index.js';
import { printJobs } from '../pdf/print-jobs.js';
import { cachedPrinter } from '../cache/pdf-cache.js';
import { collectShards } from '../pdf/collect-shards.js';
import { shardJobs } from '../pdf/shard.js';
import type { PrintJob } from '../pdf/print-document.js';
import { contentHasErrors, need } from '../pipeline.js';
import type { Site, Stage } from '../pipeline.js';
import type { OutputFile } from '../model/output-file.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { Output } from '../output/output.js';
import { printPdfs } from './print-pdfs.js';

/** The file name of an edition's logo under `assets/`, if it has one. */
export function logoName(site: Site, edition: Edition): string | undefined {
  const logo = site.logos?.get(edition);
  return logo ? `logo${extname(logo)}` : undefined;
}

/**
 * Print the PDFs of every edition and language (or those `briefkit pdf` asks for) with one
 * browser, when the content is sound. Problems printing do not stop the website from being
 * written, but they do make the run fail.
 */
export const printEditions: Stage = async (site) => {
  const { options } = site;
  const output = site.output ?? new Output();
  const printing = new VFile({ path: options.outDir, cwd: options.root });
  if ((options.pdf === false && !options.pdfOnly && !options.pdfsFrom) || contentHasErrors(site)) return { ...site, output, printing };
  const { config } = need(site, 'config');
  const made = need(site, 'made');
  const editions = need(site, 'editions');
  const wanted = options.pdfOnly;
  const jobs: PrintJob[] = [];
  for (const edition of editions) {
    for (const lang of edition.languages.filter((lang) => !wanted?.lang || wanted.lang === lang)) {
      const pages = made.get(edition)!.filter((page) => page.lang === lang);
      const input = { config, edition, translator: need(site, 'ui').translators.get(lang)!, pages, citations: need(site, 'citations'), render: need(site, 'render'), logoName: logoName(site, edition) };
      jobs.push(...(await printJobs(input)));
    }
  }
  const named = jobs.filter((job) => !wanted?.only || job.local.page.slug === wanted.only);
  const chosen = wanted?.shard ? shardJobs(named, wanted.shard) : named;
  if (wanted?.only && named.length === 0) {
    error(printing, { reason: `No page "${wanted.only}" with a PDF`, rule: 'pdf-only', hint: `Give the slug of ${typesInWords('printed', 'a')}, e.g. --only glasgow-peer-supply.` });
  }
  if (options.pdfsFrom) {
    const collected = await collectShards(chosen, options.pdfsFrom, printing);
    for (const file of collected.files) output.add(file, 'a PDF', printing);
    return { ...site, output, printing, pdfs: collected.pdfs, reprinted: 0 };
  }
  const fonts = need(site, 'fonts');
  const assets = need(site, 'templates').assets;
  const resources = new Map(editions.flatMap((edition) => [...printResources(edition, fonts, assets, site.logos?.get(edition), logoName(site, edition), made.get(edition)!)]));
  const printer = options.printer ?? printPdfs;
  // PDFs whose documents did not change since they were printed are taken from the cache.
  const printed = await (options.cacheDir ? cachedPrinter(printer, options.cacheDir) : printer)(chosen, { files: resources, siteFile: printing, progress: options.progress, browser: config.browser });
  for (const file of printed.files) output.add(file, 'a PDF', printing);
  return { ...site, output, printing, pdfs: printed.pdfs, reprinted: printed.reprinted };
};

/** What an edition's print pages may load: fonts, styles, its logo, and every page's images. */
export function printResources(edition: Edition, fonts: Fonts, assets: ReadonlyMap<string, string>, logo: string | undefined, logoName: string | undefined, pages: readonly LocalizedPage[]): Map<string, OutputFile> {
  const prefix = edition.prefix;
  const files = new Map<string, OutputFile>([[`${prefix}assets/print-fonts.css`, { path: `${prefix}assets/print-fonts.css`, content: fonts.printCss }]]);
  const add = (path: string, copyFrom: string) => files.set(path, { path, copyFrom });
  for (const [path, from] of [...fonts.files, ...assets]) add(`${prefix}assets/${path}`, from);
  if (logo && logoName) add(`${prefix}assets/${logoName}`, logo);
  for (const page of pages) for (const asset of page.assets) add(`${prefix}${page.lang}/${asset.to}`, asset.from);
  return files;
}
