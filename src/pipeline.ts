import { VFile } from 'vfile';
import { timing } from './timing.js';
import type { Fonts } from './assets/fonts.js';
import type { LoadedConfig } from './config/load.js';
import type { Edition } from './countries/edition.js';
import type { Override } from './countries/overrides.js';
import type { CountryProfile } from './countries/profile.js';
import type { OutputEditions } from './fs/output-editions.js';
import type { TranslationSources } from './i18n/translations.js';
import type { UiStringSet } from './i18n/ui-strings.js';
import { isPrintProblem } from './stages/print-pdfs.js';
import type { PdfInfo } from './model/pdf.js';
import type { ReferenceLibrary } from './references/library.js';
import type { Page } from './model/page.js';
import type { LocalizedPage } from './model/localized-page.js';
import type { Output } from './output/output.js';
import type { Sources } from './model/sources.js';
import type { RenderTemplate } from './templates/engine.js';
import type { TemplateFiles } from './templates/load.js';

/** What a run was asked to do (a build, `briefkit pdf`, the `i18n` commands), its folders resolved. */
export interface RunOptions {
  readonly root: string;
  readonly outDir: string;
  readonly country?: string | undefined;
  readonly allCountries?: boolean | undefined;
  readonly strict?: boolean | undefined;
  /** Print the PDFs (default: yes). */
  readonly pdf?: boolean | undefined;
  /** `briefkit pdf`: make only the PDFs (of one language, or one page), and write only them. */
  readonly pdfOnly?: { readonly lang?: string | undefined; readonly only?: string | undefined; readonly shard?: import('./pdf/shard.js').Shard | undefined } | undefined;
  /** Take the PDFs from this folder (the shards other machines printed) instead of printing. */
  readonly pdfsFrom?: string | undefined;
  readonly progress?: ((done: number, total: number, current: string) => void) | undefined;
  readonly printer?: typeof import('./stages/print-pdfs.js').printPdfs | undefined;
  /** Worker threads for Markdown (0 or 1: none; default: one per core on a large site). */
  readonly workers?: number | undefined;
  /** The project's cache folder, when the run may use one. */
  readonly cacheDir?: string | undefined;
  /** A live preview: HTML trees are kept, and pages link to every PDF (printed when asked for). */
  readonly preview?: boolean | undefined;
}

/** A finished run, kept by the live preview to update in place. */
export interface KeptRun {
  readonly site: Site;
  /** How many messages each input file had once the project was read (the rest came from making the site). */
  readonly readMessages: ReadonlyMap<VFile, number>;
}

/**
 * One run over a project: every input read so far (as VFiles, with their messages) and what
 * the stages made of it. Stages fill it in, in order; a stage that needs what an earlier
 * one made asks for it with {@link need}.
 */
export interface Site {
  readonly options: RunOptions;
  /** Every file a stage read: nothing is written while any of them has an error. */
  readonly inputs: readonly VFile[];
  /** Problems of the run as a whole: the output folder, no content, an unknown country. */
  readonly run: VFile;
  /** What a build found in its output folder (the editions a build put there). */
  readonly previous?: OutputEditions | undefined;
  readonly config?: LoadedConfig | undefined;
  readonly sources?: Sources | undefined;
  readonly references?: ReferenceLibrary | undefined;
  /** The citation styles of the pages, with the bibliography. */
  readonly citations?: import('./references/csl/citations.js').Citations | undefined;
  readonly templates?: TemplateFiles | undefined;
  readonly fonts?: Fonts | undefined;
  readonly profiles?: { readonly profiles: readonly CountryProfile[]; readonly invalid: ReadonlySet<string> } | undefined;
  /** The editions this run makes (the international one, a country's, or all). */
  readonly editions?: readonly Edition[] | undefined;
  /** Every language the run reads translations and interface strings for, the source language first. */
  readonly languages?: readonly string[] | undefined;
  readonly pages?: readonly Page[] | undefined;
  readonly ui?: UiStringSet | undefined;
  readonly translations?: TranslationSources | undefined;
  readonly overrides?: readonly Override[] | undefined;
  /** Each edition's logo (a real path inside the project), if it has one that may be published. */
  readonly logos?: ReadonlyMap<Edition, string | undefined> | undefined;
  /** Every Markdown file's syntax tree, parsed once. */
  /** Worker threads that parse and render Markdown, on a large site (closed by whoever ran the stages). */
  readonly workers?: import('./markdown/worker-pool.js').MarkdownWorkers | undefined;
  /** What earlier builds made from Markdown, when the run may use a cache. */
  readonly renderCache?: import('./cache/render-cache.js').RenderCache | undefined;
  readonly trees?: ReadonlyMap<VFile, import('mdast').Root> | undefined;
  /** The current fingerprint of each source page, by source path. */
  readonly fingerprints?: ReadonlyMap<string, string> | undefined;
  /** Each translated source page's section hashes, copy keys and headings, by source path (for the sections of a translation that are out of date or copied). */
  readonly sectionHashes?: ReadonlyMap<string, import('./markdown/render-file.js').OriginalSections> | undefined;
  /** Each edition's pages in each of its languages. */
  readonly made?: ReadonlyMap<Edition, readonly LocalizedPage[]> | undefined;
  /** The compiled templates. */
  readonly render?: RenderTemplate | undefined;
  /** The files to write, and the PDFs printed. */
  readonly output?: Output | undefined;
  readonly pdfs?: ReadonlyMap<string, PdfInfo> | undefined;
  readonly reprinted?: number | undefined;
  /** Problems printing: they fail the run, but the website is still written. */
  readonly printing?: VFile | undefined;
}

/** A step of a run: takes the site so far, returns it with what the step adds. */
export type Stage = (site: Site) => Site | Promise<Site>;

/** A new run over a project. */
export function startSite(options: RunOptions): Site {
  return { options, inputs: [], run: new VFile({ path: options.outDir, cwd: options.root }) };
}

/** Run the stages in order. */
export async function runPipeline(site: Site, stages: readonly Stage[]): Promise<Site> {
  let current = site;
  try {
    for (const stage of stages) {
      const started = performance.now();
      current = await stage(current);
      timing(stage.name || 'stage', started);
    }
  } finally {
    // Worker threads a stage started end with the run, however it ends.
    await current.workers?.close();
  }
  return { ...current, workers: undefined };
}

/** The site with more input files registered, so the gate before writing sees them. */
export function register(site: Site, files: readonly (VFile | undefined)[]): readonly VFile[] {
  return [...site.inputs, ...files.filter((file): file is VFile => file !== undefined)];
}

/**
 * Stages that need nothing of each other, run at once on the same site: what each adds is
 * kept, and the files each reads are registered in the order the stages are listed.
 */
export function inParallel(...stages: readonly Stage[]): Stage {
  return async (site) => {
    const results = await Promise.all(stages.map((stage) => stage(site)));
    return results.reduce<Site>((merged, result) => {
      // Only what this stage changed: another stage's additions are not undone by its copy of the site.
      const changed = Object.fromEntries(Object.entries(result).filter(([key, value]) => value !== site[key as keyof Site]));
      return { ...merged, ...changed, inputs: [...merged.inputs, ...result.inputs.slice(site.inputs.length)] };
    }, site);
  };
}

/**
 * Whether any input or the run itself has an error (other than a PDF that would not print):
 * then nothing is rendered or printed.
 * Templates are left out here: a template's syntax error stops the write, but the pages
 * are still rendered so every other template's problems are found in the same run.
 */
export function contentHasErrors(site: Site): boolean {
  const templates = new Set([...(site.templates?.templates.values() ?? []), ...(site.templates?.refused ?? [])]);
  // A document that would not print is reported on its page, but the website is still made.
  return [...site.inputs.filter((file) => !templates.has(file)), site.run].some((file) => file.messages.some((message) => message.fatal === true && !isPrintProblem(message)));
}

/** What an earlier stage made; a missing one is a mistake in the stage list, not in the content. */
export function need<Key extends keyof Site>(site: Site, key: Key): NonNullable<Site[Key]> {
  const value = site[key];
  if (value === undefined) throw new Error(`briefkit: a stage needs "${key}", which no earlier stage made`);
  return value as NonNullable<Site[Key]>;
}
