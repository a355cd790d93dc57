import type { VFile } from 'vfile';
import type { Fonts } from '../assets/fonts.js';
import type { LoadedConfig } from '../config/load.js';
import type { Edition } from '../model/edition.js';
import type { Override } from '../countries/overrides.js';
import type { CountryProfile } from '../countries/profile.js';
import type { OutputEditions } from '../fs/output-editions.js';
import type { TranslationSources } from '../i18n/translations.js';
import type { UiStringSet } from '../i18n/ui-strings.js';
import type { OriginalSections } from '../markdown/render-file.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { Page } from '../model/page.js';
import type { PdfInfo } from '../model/pdf.js';
import type { SearchIndexState } from '../model/search-index.js';
import type { Sources } from '../model/sources.js';
import type { Output } from '../output/output.js';
import type { Shard } from '../pdf/shard.js';
import type { Citations } from '../references/csl/citations.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { printPdfs } from '../pdf/print-pdfs.js';
import type { RenderTemplate } from '../templates/engine.js';
import type { TemplateFiles } from '../templates/load.js';
import type { FactTally } from '../facts/check-facts.js';
import type { ReleasedVersion } from '../versions/released.js';

/**
 * A run over a project has three phases, each with a typed result (issue 30):
 * `readProject` → {@link Project}, `makeEditions` → {@link Made}, `emit` → {@link Emitted},
 * then the atomic write. `updateProject` takes a finished {@link Run} and the files that
 * changed to the project as it is now and the pages the change touches ({@link Dirty}), so
 * the live preview runs the same phases on those pages only.
 */

/** What a run was asked to do (a build, `briefkit pdf`, the preview), its folders resolved. */
export interface RunOptions {
  readonly root: string;
  readonly outDir: string;
  readonly country?: string | undefined;
  readonly allCountries?: boolean | undefined;
  readonly strict?: boolean | undefined;
  /** Print the PDFs (default: yes). */
  readonly pdf?: boolean | undefined;
  /** Also make a booklet of each PDF for a print shop (issue 34). */
  readonly printShop?: boolean | undefined;
  /** `briefkit pdf`: make only the PDFs (of one language, or one page), and write only them. */
  readonly pdfOnly?: { readonly lang?: string | undefined; readonly only?: string | undefined; readonly shard?: Shard | undefined } | undefined;
  /** Take the PDFs from this folder (the shards other machines printed) instead of printing. */
  readonly pdfsFrom?: string | undefined;
  readonly progress?: ((done: number, total: number, current: string) => void) | undefined;
  readonly printer?: typeof printPdfs | undefined;
  /** Worker threads for Markdown (0 or 1: none; default: one per core on a large site). */
  readonly workers?: number | undefined;
  /** The project's cache folder, when the run may use one. */
  readonly cacheDir?: string | undefined;
  /** A live preview: HTML trees are kept, and pages link to every PDF (printed when asked for). */
  readonly preview?: boolean | undefined;
}

/** The country profiles, and the codes of those with errors (reported on their files). */
export interface Profiles {
  readonly profiles: readonly CountryProfile[];
  readonly invalid: ReadonlySet<string>;
}

/** The text of a project: what the build, `links` and the `i18n` commands all read. */
export interface ProjectText {
  readonly options: RunOptions;
  /** Every file read, in the order read: nothing is written while any of them has an error. */
  readonly inputs: readonly VFile[];
  /** Problems of the run as a whole: the output folder, no content, an unknown country. */
  readonly run: VFile;
  readonly config: LoadedConfig;
  readonly sources: Sources;
  readonly references: ReferenceLibrary;
  readonly profiles: Profiles;
  /** Every language of the project, the source language first. */
  readonly languages: readonly string[];
  readonly pages: readonly Page[];
  readonly translations: TranslationSources;
  readonly overrides: readonly Override[];
}

/** Everything a build reads, checked: the first phase's result. */
export interface Project extends ProjectText {
  /** What the output folder held (the editions an earlier build put there). */
  readonly previous: OutputEditions;
  /** The editions this run makes (the international one, a country's, or all). */
  readonly editions: readonly Edition[];
  /** The citation styles of the pages, with the bibliography. */
  readonly citations: Citations;
  readonly templates: TemplateFiles;
  readonly fonts: Fonts;
  readonly ui: UiStringSet;
  /** Each edition's logo (a real path inside the project), if it has one that may be published. */
  readonly logos: ReadonlyMap<Edition, string | undefined>;
  /** The released versions of pages (`versions/`, issue 33), by the page's source path, oldest first. */
  readonly versions: ReadonlyMap<string, readonly ReleasedVersion[]>;
}

/** Every edition's pages, made: the second phase's result. */
export interface Made {
  /** The current fingerprint of each translated source page, by source path. */
  readonly fingerprints: ReadonlyMap<string, string>;
  /** Each translated source page's sections, copy keys and headings, by source path. */
  readonly sections: ReadonlyMap<string, OriginalSections>;
  /** Each edition's pages in each of its languages. */
  readonly pages: ReadonlyMap<Edition, readonly LocalizedPage[]>;
  /** The pages each page links into with an anchor (`a.md#results`), by source path, in any edition: what a change of headings touches. */
  readonly links: ReadonlyMap<string, ReadonlySet<string>>;
  /** The compiled templates. */
  readonly render: RenderTemplate;
  /** What the fact check found in each translation and override made this run (issue 32; none kept between builds). */
  readonly facts: ReadonlyMap<VFile, FactTally>;
}

/** The files to write: the third phase's result. */
export interface Emitted {
  readonly output: Output;
  /** The PDFs printed (or collected), by path. */
  readonly pdfs: ReadonlyMap<string, PdfInfo>;
  /** PDFs whose contents page numbers needed a second print. */
  readonly reprinted: number;
  /** Problems printing: they fail the run, but the website is still written. */
  readonly printing: VFile;
  /** What each edition's search index holds, by its folder (`pagefind/`, `ua/pagefind/`): a later update indexes only the pages it changes. */
  readonly search: Map<string, SearchIndexState>;
}

/** A finished run, kept by the live preview to update. */
export interface Run {
  readonly project: Project;
  readonly made: Made;
  readonly emitted: Emitted;
  /** The input files that had no problem once read (problems found later, making the pages, do not count). */
  readonly clean: ReadonlySet<VFile>;
}

/** Some pages of a run, by source path, or all of them. */
export type Dirty = ReadonlySet<string> | 'all';
