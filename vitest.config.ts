import { defineConfig } from 'vitest/config';

/**
 * The unit tests (issue 30): no browser, no whole project built, nothing spawned; the inner
 * loop while changing a module (`npm run test:unit`, well under a minute). Everything else
 * (whole builds, the CLI, Chromium, outside tools) is the `integration` project. `npm test`
 * runs both.
 */
const UNIT = [
  'test/markdown/**/*.test.ts',
  'test/paths/**/*.test.ts',
  'test/text/**/*.test.ts',
  'test/architecture/**/*.test.ts',
  'test/fs/dotted-folders.test.ts',
  'test/browser/find-browser.test.ts',
  'test/references/citer.test.ts',
  'test/security/bibtex-growth.test.ts',
  'test/security/css-text.test.ts',
  'test/security/terminal-text.test.ts',
  'test/messages/many-messages.test.ts',
  'test/fs/write-into-output.test.ts',
];

const shared = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: UNIT } },
      { test: { ...shared, name: 'integration', include: ['test/**/*.test.ts'], exclude: UNIT } },
    ],
  },
});
