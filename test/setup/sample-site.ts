/**
 * Global setup (issue 30, item 5): the sample project is built once per test run, not once per
 * test file that reads it. This setup only makes the run's folder for the builds; the first
 * test that asks for a build (`sampleSite` in helpers/sample.ts) makes it, and every other test
 * file of the run, in any worker, waits for and reads that one. So a run that reads no sample
 * (`vitest run` of a few files) builds none.
 *
 * Both projects (integration and browser) list this file; the folder is made once and shared
 * through `globalThis`, and removed when the run ends.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of this run's builds of the sample. */
    sampleBuilds: string;
  }
}

const shared = globalThis as { briefkitSampleBuilds?: Promise<string> };

/** Provide the run's folder for the sample's builds; remove it when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared.briefkitSampleBuilds ??= mkdtemp(join(tmpdir(), 'briefkit-sample-'));
  const folder = await shared.briefkitSampleBuilds;
  project.provide('sampleBuilds', folder);
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}
