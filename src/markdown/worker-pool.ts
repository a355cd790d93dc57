import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Tinypool from 'tinypool';
import type { FingerprintTask, RenderJobData, RenderTask } from './markdown-worker.js';
import type { FingerprintResult } from './render-file.js';

/** Files sent to a worker in one task: large enough to pay for the trip, small enough to keep both busy. */
const BATCH = 100;

/** Below this many Markdown files starting workers costs about what they save (measured on two cores). */
export const WORKERS_FROM = 1000;

/**
 * How many worker threads a build uses: `requested` (the `--workers` option or
 * `BRIEFKIT_WORKERS`; 0 or 1 means none), else one per core when there are enough files.
 */
export function workerCount(files: number, requested: number | undefined = fromEnv()): number {
  if (requested !== undefined) return requested > 1 ? requested : 0;
  const cores = availableParallelism();
  return files >= WORKERS_FROM && cores > 1 ? cores : 0;
}

function fromEnv(): number | undefined {
  const value = process.env.BRIEFKIT_WORKERS;
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Worker threads that parse and render Markdown (markdown-worker.ts). Each file always goes
 * to the same worker, which keeps its tree: a file is parsed once however many editions and
 * fingerprints use it. Results come back in the order the files were given, so the output is
 * the same byte for byte as on one thread.
 */
export class MarkdownWorkers {
  private constructor(private readonly pools: readonly Tinypool[]) {}

  static start(count: number): MarkdownWorkers {
    const filename = workerFile();
    // One single-thread pool per worker, so a file can be sent to the worker that has its tree.
    return new MarkdownWorkers(Array.from({ length: count }, () => new Tinypool({ filename, minThreads: 1, maxThreads: 1, idleTimeout: 1000 })));
  }

  /** Render files for one edition: each result as JSON text (a RenderResult of markdown-worker.ts). */
  async render(shared: RenderTask['shared'], files: RenderTask['files'], jobs: readonly RenderJobData[], last = false): Promise<string[]> {
    return this.spread(jobs, (batch) => ({ kind: 'render', shared, files, jobs: batch, last }) satisfies RenderTask);
  }

  /** Fingerprint source pages in `lang`. */
  async fingerprint(lang: string, jobs: FingerprintTask['jobs']): Promise<FingerprintResult[]> {
    const texts = await this.spread<FingerprintTask['jobs'][number], string>(
      jobs,
      (batch) => ({ kind: 'fingerprint', lang, jobs: batch }) satisfies FingerprintTask,
    );
    return texts.map((text) => JSON.parse(text) as FingerprintResult);
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.map((pool) => pool.destroy()));
  }

  private async spread<Job extends { readonly file: { readonly path: string } }, Result>(
    jobs: readonly Job[],
    task: (batch: Job[]) => unknown,
  ): Promise<Result[]> {
    const byWorker = this.pools.map(() => [] as number[]);
    jobs.forEach((job, index) => byWorker[owner(job.file.path, this.pools.length)]!.push(index));
    const results: Result[] = new Array<Result>(jobs.length);
    await Promise.all(
      byWorker.flatMap((indexes, worker) => {
        const runs: Promise<void>[] = [];
        for (let start = 0; start < indexes.length; start += BATCH) {
          const chosen = indexes.slice(start, start + BATCH);
          runs.push(
            this.pools[worker]!.run(task(chosen.map((index) => jobs[index]!))).then((done: Result[]) => {
              chosen.forEach((index, at) => (results[index] = done[at]!));
            }),
          );
        }
        return runs;
      }),
    );
    return results;
  }
}

/** The worker a file belongs to: a hash of its path, the same in every run. */
function owner(path: string, count: number): number {
  let hash = 2166136261;
  for (let index = 0; index < path.length; index++) hash = Math.imul(hash ^ path.charCodeAt(index), 16777619);
  return (hash >>> 0) % count;
}

/**
 * The compiled worker module. Tests run the TypeScript sources, which a worker thread cannot
 * load: they use the compiled copy in `lib/` (`npm test` compiles first).
 */
function workerFile(): string {
  const here = fileURLToPath(new URL('./markdown-worker.js', import.meta.url));
  return import.meta.url.endsWith('.ts') ? here.replace(/([\\/])src([\\/]markdown[\\/])/, '$1lib$2') : here;
}
