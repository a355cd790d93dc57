import type { PrintJob } from './print-document.js';

/** One of N shares of the PDFs: `--shard 2/4` is { index: 2, count: 4 }. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** `I/N` with 1 ≤ I ≤ N, or undefined when it is not one. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const [index, count] = [Number(match[1]), Number(match[2])];
  return index >= 1 && count >= 1 && index <= count && count <= 1000 ? { index, count } : undefined;
}

/**
 * The jobs of one shard. Every job goes to exactly one shard, the same one on every machine
 * (it depends only on the jobs), and the shards are balanced by how long each document is
 * (the length of its print page stands for its page count): the longest first, each to the
 * shard with the least so far (ties: the lowest shard, then the path).
 */
export function shardJobs(jobs: readonly PrintJob[], shard: Shard): PrintJob[] {
  const loads = Array.from({ length: shard.count }, () => 0);
  const order = [...jobs].sort((a, b) => b.html.length - a.html.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const mine = new Set<PrintJob>();
  for (const job of order) {
    let least = 0;
    for (let index = 1; index < loads.length; index++) if (loads[index]! < loads[least]!) least = index;
    loads[least]! += job.html.length;
    if (least === shard.index - 1) mine.add(job);
  }
  return jobs.filter((job) => mine.has(job));
}
