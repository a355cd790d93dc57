import type { Measurement } from './measure.js';

/** The runs of one tool on one row. */
export interface Result {
  pages: number;
  languages: number;
  layout: string;
  tool: string;
  runs: Measurement[];
  /** Eleventy's median on the same row, for the ratio. */
  eleventyMs?: number;
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
const bytes = (value: number) => (value >= 1e9 ? `${(value / 1e9).toFixed(2)} GB` : `${Math.round(value / 1e6)} MB`);
const count = (value: number) => value.toLocaleString('en-GB');

/** Median wall time of the successful runs, or undefined if none succeeded. */
export const medianMs = (result: Result) => {
  const good = result.runs.filter((run) => !run.failure);
  return good.length ? median(good.map((run) => run.ms)) : undefined;
};

/** The Markdown table: one line per tool and row; failed runs say why instead of a time. */
export function table(results: readonly Result[]): string {
  const lines = ['| pages | languages | tool | median wall time | CPU time | peak memory | × Eleventy | runs |', '|--:|--:|---|--:|--:|--:|--:|--:|'];
  for (const result of results) {
    const ms = medianMs(result);
    const failures = [...new Set(result.runs.flatMap((run) => (run.failure ? [run.failure] : [])))];
    const time = ms === undefined ? failures.join(', ') : seconds(ms) + (failures.length ? ` (also ${failures.join(', ')})` : '');
    const peak = bytes(Math.max(...result.runs.map((run) => run.peak)));
    const good = result.runs.filter((run) => !run.failure && run.cpuMs > 0);
    const cpu = good.length ? seconds(median(good.map((run) => run.cpuMs))) : '—';
    const ratio = ms !== undefined && result.eleventyMs ? `${(ms / result.eleventyMs).toFixed(2)} ×` : '—';
    const pages = `${count(result.pages)}${result.layout === 'top-level' ? ' top-level' : ''}`;
    lines.push(`| ${pages} | ${result.languages} | ${result.tool} | ${time} | ${cpu} | ${peak} | ${ratio} | ${result.runs.length} |`);
  }
  return lines.join('\n');
}
