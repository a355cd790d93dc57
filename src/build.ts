import { join, resolve } from 'node:path';
import { VFile } from 'vfile';
import { projectState, recall, remember, replay } from './cache/build-cache.js';
import { cacheFolder } from './cache/cache-dir.js';
import { readOutputEditions } from './fs/output-editions.js';
import { lockedMessage, lockOutput, lockPath } from './fs/output-lock.js';
import { recoverOutput } from './fs/recover-output.js';
import { error, hasErrors } from './messages.js';
import type { Shard } from './pdf/shard.js';
import type { Run } from './run/types.js';
import type { OutputFormat } from './output/format.js';
import type { OutputFile } from './model/output-file.js';
import type { printPdfs } from './pdf/print-pdfs.js';
import { timing } from './timing.js';

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
  /** Also make what a print shop needs: a booklet of each briefing, module and brief (issue 34). */
  readonly printShop?: boolean | undefined;
  /** `briefkit pdf`: make only the PDFs (of one language, or one page), and write only them. */
  readonly pdfOnly?: { readonly lang?: string | undefined; readonly only?: string | undefined; readonly shard?: Shard | undefined } | undefined;
  /** Build this country's edition (ISO code, e.g. `ua`) instead of the international one. */
  readonly country?: string | undefined;
  /** Build the international edition and every country's, each country into `<out>/<code>/`. */
  readonly allCountries?: boolean | undefined;
  /** Take the PDFs from this folder (what `briefkit pdf --shard I/N` printed on other machines) instead of printing them. */
  readonly pdfsFrom?: string | undefined;
  /** Told about each PDF as printing goes, for a progress line. */
  readonly progress?: ((done: number, total: number, current: string) => void) | undefined;
  /** What prints the PDFs (the benchmark wraps it to time it and reuse its documents). */
  readonly printer?: typeof printPdfs | undefined;
  /** Worker threads for Markdown (0 or 1: none; default: one per core on a large site, or `BRIEFKIT_WORKERS`). */
  readonly workers?: number | undefined;
  /** Reuse what earlier builds made (`<root>/.briefkit-cache/`); default: yes. */
  readonly cache?: boolean | undefined;
  /**
   * A live preview (`briefkit dev`): the HTML trees are kept (for PDFs printed when asked for,
   * and the print preview) and pages link to every PDF, printed or not.
   */
  readonly preview?: boolean | undefined;
  /** The outputs to make (default: formats/index.ts); a build with others is never recalled from the cache. */
  readonly formats?: readonly OutputFormat[] | undefined;
  /** Told the finished run, so a preview can update it later; a run is then always made (an unchanged project is not recalled). */
  readonly keep?: ((run: Run) => void) | undefined;
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
  /** Nothing changed since the last build into this folder, which is left as it was. */
  readonly unchanged?: boolean;
  /**
   * Only some files changed since the last build into this folder: the addresses of the web
   * pages made again (`en/case-studies/a/index.html`); the rest of the output was left as it was.
   */
  readonly remade?: readonly string[];
  /** Files the build read from outside the project's input folders (logos). */
  readonly elsewhere?: readonly string[];
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
    const cacheDir = options.cache === false ? undefined : await cacheFolder(root);
    // Only a whole build is remembered (not `briefkit pdf`, nor one that takes its PDFs from elsewhere).
    const whole = cacheDir && !options.pdfOnly && !options.pdfsFrom && !options.printer && !options.keep && !options.formats;
    const remembered = {
      country: options.country,
      allCountries: options.allCountries === true,
      pdf: options.pdf !== false,
      strict: options.strict === true,
      printShop: options.printShop === true,
    };
    let started = performance.now();
    const state = whole ? await projectState(root, remembered) : undefined;
    const recalled = cacheDir && state ? await recall(cacheDir, outDir, remembered, state) : undefined;
    timing('compare with the last build', started);
    if (recalled && 'memory' in recalled) {
      const { memory } = recalled;
      const files = replay(memory);
      return {
        files,
        outDir,
        output: memory.written.map((path) => ({ path, copyFrom: join(outDir, path) })),
        ok: !hasErrors(files),
        reprinted: 0,
        written: true,
        unchanged: true,
      };
    }
    // The pipeline (and everything it loads) only when there is something to build.
    const { buildSite } = await import('./build-run.js');
    const kept = cacheDir && state ? { key: remembered, changed: recalled?.changed.map((path) => join(root, path)) } : undefined;
    const result = await buildSite({ ...options, cacheDir, kept }, root, outDir, await readOutputEditions(outDir));
    started = performance.now();
    if (cacheDir && state && result.written && result.ok) await remember(cacheDir, outDir, remembered, state, { ...result, elsewhere: result.elsewhere ?? [] });
    timing('remember the build', started);
    return result;
  } finally {
    await lock.release();
  }
}
