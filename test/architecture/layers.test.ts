import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph } from './import-graph.js';
import type { ImportEdge } from './import-graph.js';

// Issue 30, item 1: the layers of src/ (DESIGN.md, "Architecture"). Each list below is what is
// left to fix, and may only shrink: a new upward import or any circle fails here; removing an
// import fails too until its line is deleted, so the lists stay true.

const root = fileURLToPath(new URL('../..', import.meta.url));
const edges = importGraph(root);
const short = (path: string): string => path.replace(/^src\//, '');
const edgeNames = (found: readonly ImportEdge[]): string[] => [...new Set(found.map((edge) => `${short(edge.from)} -> ${short(edge.to)}`))].sort();

/** Files above the stages that run them: the phases of a run, the output formats, the build, the commands and the preview. */
const ORCHESTRATION = /^(build-run|build)\.ts$|^run\/|^formats\/|^commands\/|^dev\//;

describe('layers of src/', () => {
  it('finds the imports it checks', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((edge) => edge.from === 'src/stages/localize-pages.ts' && edge.to === 'src/model/localized-page.ts')).toBe(true);
  });

  it('keeps the model on the ground floor: its files import only each other (and packages), nothing else of ours (issue 30, item 1)', () => {
    const model = edges.filter((edge) => edge.from.startsWith('src/model/'));
    // It sees the model's own imports (a share entry's localized page), so an empty list below means something.
    expect(model.some((edge) => edge.from === 'src/model/share-entry.ts' && edge.to === 'src/model/localized-page.ts')).toBe(true);
    expect(edgeNames(model.filter((edge) => !edge.to.startsWith('src/model/')))).toEqual([]);
  });

  it('lets only the phases, the output formats, the build, the commands and the preview import stage files (issue 30, item 1)', () => {
    const upward = edges.filter((edge) => edge.to.startsWith('src/stages/') && !edge.from.startsWith('src/stages/') && !ORCHESTRATION.test(short(edge.from)));
    expect(edgeNames(upward)).toEqual([]);
  });

  it('lets files below the phases take only the types of a run from run/ (issue 30, item 2: the phases are on top)', () => {
    const intoPhases = edges.filter((edge) => edge.to.startsWith('src/run/') && edge.to !== 'src/run/types.ts' && !ORCHESTRATION.test(short(edge.from)));
    expect(edgeNames(intoPhases)).toEqual([]);
    const types = edges.filter((edge) => edge.to === 'src/run/types.ts');
    expect(types.filter((edge) => edge.kind !== 'type')).toEqual([]);
  });

  // Type imports count: they tie the files together for the compiler and for a reader.
  it('has no import circle', () => {
    const cycles = importCycles(edges.filter((edge) => edge.kind !== 'lazy')).map((cycle) => cycle.map(short));
    expect(cycles).toEqual([]);
  });

  it('sees a deliberate lazy import as the only way round a circle', () => {
    // build-run.ts is loaded on demand (a build with nothing to do should not load it all).
    const lazy = importCycles(edges).map((cycle) => cycle.map(short));
    expect(lazy).toEqual([['build-run.ts', 'build.ts']]);
  });
});

describe('importCycles', () => {
  it('finds a circle made by type imports, and none in a chain', () => {
    const edge = (from: string, to: string, kind: ImportEdge['kind'] = 'value'): ImportEdge => ({ from, to, kind });
    expect(importCycles([edge('a', 'b'), edge('b', 'c')])).toEqual([]);
    expect(importCycles([edge('a', 'b'), edge('b', 'c', 'type'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
  });
});
