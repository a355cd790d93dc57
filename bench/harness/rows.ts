import type { CorpusSpec } from '../corpus/pages.js';

/** A row of the benchmark: a corpus, named as BENCH_SIZES names it (1000, 4000x3, 4000top). */
export interface Row extends CorpusSpec {
  name: string;
}

export const DEFAULT_ROWS = '1000,4000,8000,4000x3,4000top';

/** Parse BENCH_SIZES: pages, optionally `x<languages>`, optionally `top` for top-level pages. */
export function parseRows(text: string): Row[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((name) => {
      const match = /^(\d+)(?:x(\d))?(top)?$/.exec(name);
      if (!match) throw new Error(`BENCH_SIZES: "${name}" is not like 1000, 4000x3 or 4000top`);
      const languages = Number(match[2] ?? 1);
      if (languages < 1 || languages > 3) throw new Error(`BENCH_SIZES: "${name}": 1 to 3 languages`);
      return { name, pages: Number(match[1]), languages, layout: match[3] ? 'top-level' : 'sections' };
    });
}
