import type { BuildOptions, BuildResult } from './build.js';
import { editionMarkers, keptEntries } from './fs/output-editions.js';
import type { OutputEditions } from './fs/output-editions.js';
import { writeAtomic, writeFilesInto } from './fs/write-atomic.js';
import { escalateWarnings, hasErrors } from './messages.js';
import { OUTPUT_FORMATS } from './formats/index.js';
import { emit } from './run/emit.js';
import { makeEditions } from './run/make.js';
import { readProject } from './run/read.js';
import { isPrintProblem } from './pdf/print-pdfs.js';
import { timing } from './timing.js';

/**
 * Run the three phases (read the project, make the editions, emit the files) and, when no
 * file has an error, write the output (atomically; `briefkit pdf` writes its PDFs into the
 * existing site). Loaded only when a build has something to do.
 */
export async function buildSite(
  options: BuildOptions & { readonly cacheDir?: string | undefined },
  root: string,
  outDir: string,
  previous: OutputEditions,
): Promise<BuildResult> {
  const project = await readProject({ ...options, root, outDir }, previous);
  // The files that had no problem once read (the preview's updates start from there).
  const clean = new Set(project.inputs.filter((file) => file.messages.length === 0));
  const made = await makeEditions(project);
  const emitted = await emit(options.formats ?? OUTPUT_FORMATS, project, made);
  options.keep?.({ project, made, emitted, clean });
  const { output, printing } = emitted;
  const files = [...new Set([...project.inputs, project.run])];
  if (options.strict) escalateWarnings([...files, printing]);
  const all = [...files, printing];
  const elsewhere = [...new Set([...project.logos.values()].filter((path): path is string => path !== undefined))];
  const result = { files: all, outDir, output: output.files, ok: !hasErrors(all), reprinted: emitted.reprinted, elsewhere };
  // A PDF that failed to print fails the build, but does not stop the website being written.
  if (files.some((file) => file.messages.some((message) => message.fatal === true && !isPrintProblem(message)))) return { ...result, written: false };
  const started = performance.now();
  if (options.pdfOnly) await writeFilesInto(outDir, output.files);
  else
    await writeAtomic(outDir, [...output.files, ...editionMarkers(project.editions)], keptEntries(previous, project.editions, options.allCountries === true));
  timing('write the output', started);
  return { ...result, written: true };
}
