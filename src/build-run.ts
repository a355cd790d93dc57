import { join } from 'node:path';
import type { BuildOptions, BuildResult } from './build.js';
import type { OutputFile } from './model/output-file.js';
import { editionMarkers, keptEntries } from './fs/output-editions.js';
import type { OutputEditions } from './fs/output-editions.js';
import { removeFilesFrom, sameAsBefore, writeAtomic, writeFilesInto } from './fs/write-atomic.js';
import { escalateWarnings, hasErrors } from './messages.js';
import { OUTPUT_FORMATS } from './formats/index.js';
import { emit } from './run/emit.js';
import { makeEditions } from './run/make.js';
import { readProject } from './run/read.js';
import { update } from './run/remake.js';
import { forgetRun, NotKept, restoreMessages, restoreRun, saveRun } from './run/saved-run.js';
import type { Project } from './run/types.js';
import { isPrintProblem } from './pdf/print-problems.js';
import { makesPdfs } from './stages/print-editions.js';
import { timing } from './timing.js';

/** A whole build that may keep its run for the next: under what options, and the files changed since the last one (if known). */
export interface KeptRunOptions {
  readonly key: unknown;
  readonly changed: readonly string[] | undefined;
}

type RunBuildOptions = BuildOptions & { readonly cacheDir?: string | undefined; readonly kept?: KeptRunOptions | undefined };

/**
 * Run the three phases (read the project, make the editions, emit the files) and, when no
 * file has an error, write the output (atomically; `briefkit pdf` writes its PDFs into the
 * existing site). When the last build's run was kept and only some files changed, the
 * preview's update makes and writes only the pages they touch. Loaded only when a build has
 * something to do.
 */
export async function buildSite(options: RunBuildOptions, root: string, outDir: string, previous: OutputEditions): Promise<BuildResult> {
  const project = await readProject({ ...options, root, outDir }, previous);
  const { cacheDir, kept } = options;
  // A run that prints PDFs lets its HTML trees go once printed: it is not kept.
  const keeps = cacheDir !== undefined && kept !== undefined && !makesPdfs(project.options);
  if (keeps && kept.changed) {
    const result = await buildChanged(options, project, cacheDir, kept.key, kept.changed);
    if (result) return result;
  }
  // The files that had no problem once read (the preview's updates start from there).
  const clean = new Set(project.inputs.filter((file) => file.messages.length === 0));
  const made = await makeEditions(project);
  const emitted = await emit(options.formats ?? OUTPUT_FORMATS, project, made);
  options.keep?.({ project, made, emitted, clean });
  const { output, printing } = emitted;
  const files = [...new Set([...project.inputs, project.run])];
  if (options.strict) escalateWarnings([...files, printing]);
  const all = [...files, printing];
  const result = { files: all, outDir, output: output.files, ok: !hasErrors(all), reprinted: emitted.reprinted, elsewhere: elsewhere(project) };
  // A PDF that failed to print fails the build, but does not stop the website being written.
  if (files.some((file) => file.messages.some((message) => message.fatal === true && !isPrintProblem(message)))) return { ...result, written: false };
  const started = performance.now();
  if (options.pdfOnly) await writeFilesInto(outDir, output.files);
  else
    await writeAtomic(outDir, [...output.files, ...editionMarkers(project.editions)], keptEntries(previous, project.editions, options.allCountries === true));
  timing('write the output', started);
  if (keeps && result.ok) {
    const saving = performance.now();
    await saveRun(cacheDir, outDir, kept.key, { project, made, emitted, clean });
    timing('keep the run', saving);
  }
  return { ...result, written: true };
}

/**
 * A build after some files changed, through the kept run: the pages they touch are made,
 * rendered and written again, the search index made again, and the files no longer made
 * removed. Undefined when there is no usable kept run, when the change touches the whole
 * site (front matter, config, templates), or when it has an error: a whole build follows.
 */
async function buildChanged(
  options: RunBuildOptions,
  project: Project,
  cacheDir: string,
  key: unknown,
  changed: readonly string[],
): Promise<BuildResult | undefined> {
  let started = performance.now();
  const restored = await restoreRun(cacheDir, project.options.outDir, key, project);
  timing('read the kept run', started);
  if (!restored) return undefined;
  started = performance.now();
  // A kept run has no page's content HTML but for the pages made again: anything asking for another's makes the build whole.
  const updated = await update(restored.run, changed).catch((reason: unknown) => {
    if (reason instanceof NotKept) return undefined;
    throw reason;
  });
  timing('make the changed pages', started);
  if (!updated?.ok) return undefined;
  const { run } = updated;
  restoreMessages(run.project, restored.messages, updated.remade);
  const files = [...new Set([...run.project.inputs, run.project.run])];
  if (options.strict) escalateWarnings(files);
  if (hasErrors(files)) return undefined;
  started = performance.now();
  const search = await updated.search();
  timing('index the search again', started);
  const { outDir } = project.options;
  started = performance.now();
  // Changing the output folder in place: a build cut short keeps no run, so the next one builds it all.
  await forgetRun(cacheDir, outDir, key);
  await writeFilesInto(outDir, [...updated.changed, ...(await notInOutput(outDir, search.files))]);
  await removeFilesFrom(outDir, search.gone);
  timing('write the changed files', started);
  started = performance.now();
  await saveRun(cacheDir, outDir, key, run);
  timing('keep the run', started);
  return { files, outDir, output: run.emitted.output.files, ok: true, reprinted: 0, elsewhere: elsewhere(project), written: true, remade: updated.pages };
}

/** The files whose bytes are not already in the output folder (an edition's index made whole again keeps most of its parts). */
async function notInOutput(outDir: string, files: readonly OutputFile[]): Promise<OutputFile[]> {
  const same = await Promise.all(files.map((file) => sameAsBefore(file, join(outDir, file.path))));
  return files.filter((_, index) => !same[index]);
}

/** Files the build read from outside the project's input folders (logos). */
function elsewhere(project: Project): string[] {
  return [...new Set([...project.logos.values()].filter((path): path is string => path !== undefined))];
}
