import { defineConfig } from 'vitest/config';
import { BaseSequencer } from 'vitest/node';
import type { TestSpecification } from 'vitest/node';

/**
 * Three projects (issue 30), told apart by a test file's name, so a new file says what it
 * needs where it is written:
 * - `*.unit.test.ts`: no browser, no whole project built, nothing spawned. The inner loop
 *   while changing a module: `npm run test:unit`, well under a minute.
 * - `*.browser.test.ts`: starts Chromium (a PDF printed, a page loaded, `briefkit check`).
 * - any other `*.test.ts`: integration, whole builds and the command line.
 * Tests sit beside their subject's tests in folders that mirror `src/`, whatever their project.
 * (test/architecture/ reads source files only: unit, under its own name.)
 * `npm test` runs all three. The sample project is built once per run, by the first test that
 * reads it (test/helpers/sample.ts, test/setup/sample-site.ts), and shared read-only.
 */
const UNIT = ['test/**/*.unit.test.ts', 'test/architecture/**/*.test.ts'];
const BROWSER = ['test/**/*.browser.test.ts'];
const SAMPLE = ['test/setup/sample-site.ts'];

/**
 * One generous time limit for every test and hook (a test names its own only to ask for more): a loaded
 * machine must not fail a test, and a test that hangs still ends.
 */
const shared = { testTimeout: 300_000, hookTimeout: 300_000 };

/**
 * The longest test files (a minute or more), started first. The two workers finish together
 * only if no long file is left for the end, when the other worker has nothing to do. Vitest
 * starts the files that took longest last time first, but a fresh clone has no such record,
 * and then it takes the largest files first: these are short files with long tests.
 */
const LONGEST = ['test/check/sample.browser.test.ts', 'test/check/check.browser.test.ts'];

/** Vitest's order (longest last time, else largest), with {@link LONGEST} at its head. */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const at = LONGEST.findIndex((path) => file.moduleId.replaceAll('\\', '/').endsWith(path));
      return at === -1 ? LONGEST.length : at;
    };
    return sorted
      .map((file, index) => ({ file, index }))
      .sort((one, other) => rank(one.file) - rank(other.file) || one.index - other.index)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    // Two test files at a time: most of a test's time is spent waiting for a child process
    // (the CLI, Chromium, Pagefind), so the second core is otherwise idle (vitest's default
    // on two cores is one at a time).
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      { test: { ...shared, name: 'unit', include: UNIT } },
      { test: { ...shared, name: 'integration', include: ['test/**/*.test.ts'], exclude: [...UNIT, ...BROWSER], globalSetup: SAMPLE } },
      { test: { ...shared, name: 'browser', include: BROWSER, globalSetup: SAMPLE } },
    ],
  },
});
