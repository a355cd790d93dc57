import { existsSync } from 'node:fs';

/** Where Debian, Ubuntu, Fedora and macOS put Chromium or Chrome. */
const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * The Chromium to drive: `PUPPETEER_EXECUTABLE_PATH` if set, else a system browser, else
 * undefined (puppeteer's own download, if it has one). puppeteer cannot download a browser
 * without internet, so the system one comes first.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.PUPPETEER_EXECUTABLE_PATH;
  if (configured) return configured;
  return SYSTEM_BROWSERS.find((path) => existsSync(path));
}

/** Flags for a headless Chromium that makes no request of its own and runs as root in CI. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // No crash reporter: it runs as detached helpers that outlive the browser.
  '--disable-breakpad',
  '--disable-crash-reporter',
];
