import type { BuildOptions, BuildResult } from './build.js';
import { editionMarkers, keptEntries } from './fs/output-editions.js';
import type { OutputEditions } from './fs/output-editions.js';
import { writeAtomic, writeFilesInto } from './fs/write-atomic.js';
import { escalateWarnings, hasErrors } from './messages.js';
import { inParallel, need, runPipeline, startSite } from './pipeline.js';
import type { Stage } from './pipeline.js';
import { checkOutput } from './stages/check-output.js';
import { chooseEditions } from './stages/choose-editions.js';
import { fingerprintPages, makeEditions, prepareRendering } from './stages/make-editions.js';
import { printEditions } from './stages/print-editions.js';
import { isPrintProblem } from './stages/print-pdfs.js';
import { checkGlossaries, checkPages, listLanguages, readLogos, readOverrideFiles, readPages, readTranslationFiles, readUiStrings } from './stages/read-languages.js';
import { readConfig, readContent, readFonts, readProfiles, readReferences, readTemplates } from './stages/read-project.js';
import { compileTemplates, renderEditions } from './stages/render-editions.js';
import { indexSearch } from './stages/index-search.js';
import { timing } from './timing.js';
import { readCitationStyles } from './stages/read-citation-styles.js';

/** The stages of a build that read and check the project. */
export const READ_STAGES: readonly Stage[] = [
  checkOutput,
  inParallel(readConfig, readReferences, readContent, readTemplates, readFonts, readProfiles),
  chooseEditions,
  listLanguages,
  readPages,
  checkPages,
  readCitationStyles,
  inParallel(readUiStrings, readTranslationFiles, readOverrideFiles),
  checkGlossaries,
  readLogos,
];

/** The stages that make the site from what was read: Markdown, editions, PDFs, web pages. */
export const MAKE_STAGES: readonly Stage[] = [
  prepareRendering,
  fingerprintPages,
  makeEditions,
  compileTemplates,
  printEditions,
  renderEditions,
  indexSearch,
];

/** The stages of a build, in order: cheap checks first, then reading, making, printing, rendering. */
export const BUILD_STAGES: readonly Stage[] = [...READ_STAGES, ...MAKE_STAGES];

/**
 * Run the stages and, when no file has an error, write the output (atomically; `briefkit pdf`
 * writes its PDFs into the existing site). Loaded only when a build has something to do.
 */
export async function buildSite(options: BuildOptions & { readonly cacheDir?: string | undefined }, root: string, outDir: string, previous: OutputEditions): Promise<BuildResult> {
  const read = await runPipeline({ ...startSite({ ...options, root, outDir }), previous }, READ_STAGES);
  // What reading found on each file, before making the site adds to it (the preview's updates start from there).
  const readMessages = options.keep ? new Map(read.inputs.map((file) => [file, file.messages.length])) : undefined;
  const site = await runPipeline(read, MAKE_STAGES);
  if (readMessages) options.keep!({ site, readMessages });
  const output = need(site, 'output');
  const printing = need(site, 'printing');
  const files = [...new Set([...site.inputs, site.run])];
  if (options.strict) escalateWarnings([...files, printing]);
  const all = [...files, printing];
  const elsewhere = [...new Set([...(site.logos?.values() ?? [])].filter((path): path is string => path !== undefined))];
  const result = { files: all, outDir, output: output.files, ok: !hasErrors(all), reprinted: site.reprinted ?? 0, elsewhere };
  // A PDF that failed to print fails the build, but does not stop the website being written.
  if (files.some((file) => file.messages.some((message) => message.fatal === true && !isPrintProblem(message)))) return { ...result, written: false };
  const editions = need(site, 'editions');
  const started = performance.now();
  if (options.pdfOnly) await writeFilesInto(outDir, output.files);
  else await writeAtomic(outDir, [...output.files, ...editionMarkers(editions)], keptEntries(previous, editions, options.allCountries === true));
  timing('write the output', started);
  return { ...result, written: true };
}
