import type { Root as MdastRoot } from 'mdast';
import { VFile } from 'vfile';
import type { ProjectFiles } from '../model/project-files.js';
import type { SharedContext } from './shared-context.js';
import { createProcessor } from './create-processor.js';
import type { MarkdownProcessor } from './create-processor.js';
import type { MarkdownLabels, PageRef } from './context.js';
import type { OutlineHeading } from './heading-ids.js';
import { parseMarkdown } from './parse.js';
import { fingerprintTree, renderTree } from './render-file.js';
import type { FingerprintResult, RenderResult } from './render-file.js';

/**
 * The work a worker thread does (worker-pool.ts sends it): render Markdown files to HTML
 * trees, or fingerprint source pages, with the same code as the main thread. Everything
 * crosses as plain data; messages come back as data and are put on the real files there.
 * A worker keeps each file's tree, so a file sent again (another edition) is parsed once.
 */
export type WorkerTask = RenderTask | FingerprintTask;

/** A Markdown file as it crosses to a worker. */
export interface WorkerFile {
  readonly path: string;
  readonly cwd: string;
  /** The Markdown (front matter already taken off). */
  readonly value: string;
  readonly sourcePath: string;
}

/** Render files for one edition. */
export interface RenderTask {
  readonly kind: 'render';
  readonly shared: SharedContext;
  /** The files links may use, by key (see {@link RenderJobData.filesKey}). */
  readonly files: Readonly<Record<string, ProjectFiles>>;
  readonly jobs: readonly RenderJobData[];
  /** No later task renders these files again (the last edition): their trees are let go. */
  readonly last?: boolean;
}

/** One file to render. */
export interface RenderJobData {
  readonly file: WorkerFile;
  readonly page: PageRef;
  readonly lang: string;
  readonly labels: MarkdownLabels;
  readonly filesKey: string;
  /** For a translation: its original's headings (MarkdownContext.outline). */
  readonly outline?: readonly OutlineHeading[] | undefined;
  /** Read its facts (MarkdownContext.facts). */
  readonly facts?: boolean | undefined;
}

/** Fingerprint source pages (what translations are stamped against). */
export interface FingerprintTask {
  readonly kind: 'fingerprint';
  readonly lang: string;
  readonly jobs: readonly { readonly file: WorkerFile; readonly meta: Readonly<Record<string, unknown>>; readonly fields: readonly string[] | undefined }[];
}

const processors = new Map<string, MarkdownProcessor>();
const trees = new Map<string, { readonly value: string; readonly tree: MdastRoot }>();

/** The tree of a file, parsed once while its text stays the same; the file gets the parse's problems. */
function treeOf(file: VFile, path: string): MdastRoot {
  const value = String(file.value);
  const known = trees.get(path);
  if (known?.value === value) return known.tree;
  const tree = parseMarkdown(file);
  trees.set(path, { value, tree });
  return tree;
}

function vfileOf(data: WorkerFile): VFile {
  const file = new VFile({ path: data.path, cwd: data.cwd, value: data.value });
  file.data.sourcePath = data.sourcePath;
  return file;
}

async function render(task: RenderTask): Promise<RenderResult[]> {
  const results: RenderResult[] = [];
  for (const job of task.jobs) {
    const key = JSON.stringify(job.labels);
    let processor = processors.get(key);
    if (!processor) processors.set(key, (processor = createProcessor(job.labels)));
    const file = vfileOf(job.file);
    const tree = treeOf(file, job.file.path);
    const context = {
      ...task.shared,
      page: task.shared.pagesBySource.get(job.page.sourcePath) ?? job.page,
      lang: job.lang,
      labels: job.labels,
      sourceFiles: task.files[job.filesKey]!,
      outline: job.outline,
      facts: job.facts,
    };
    results.push(await renderTree(processor, tree, file, context, 0, task.last === true));
    if (task.last) trees.delete(job.file.path);
  }
  return results;
}

function fingerprints(task: FingerprintTask): FingerprintResult[] {
  return task.jobs.map((job) => {
    const file = vfileOf(job.file);
    return fingerprintTree(job.meta, treeOf(file, job.file.path), file, task.lang, job.fields);
  });
}

/**
 * The worker's entry (tinypool calls the default export with each task). Each result goes
 * back as JSON text: the main thread reads that faster than a structured clone of thousands
 * of small tree nodes, and keeps it as it is in the cache.
 */
export default async function run(task: WorkerTask): Promise<string[]> {
  return (task.kind === 'render' ? await render(task) : fingerprints(task)).map((result) => JSON.stringify(result));
}
