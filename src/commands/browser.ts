import { parseArgs } from 'node:util';
import { Browser, detectBrowserPlatform, install } from '@puppeteer/browsers';
import { findBrowser } from '../browser/find-browser.js';
import { PINNED_CHROME, browserCacheDir, installedBrowser } from '../browser/installed-browser.js';
import { loadConfig } from '../config/load.js';
import { noBrowserHint, systemBrowserAdvice } from '../pdf/browser.js';
import type { CommandIo } from './io.js';

export const BROWSER_HELP = `briefkit browser: the browser that prints the PDFs

Usage:
  briefkit browser [--root DIR]     Say which browser briefkit prints with, and where it found it
  briefkit browser install          Download Chrome for Testing for briefkit alone (about 170 MB)

briefkit prints with a browser already on this machine: PUPPETEER_EXECUTABLE_PATH if set,
else browser: in briefkit.config.yaml, else Chrome, Chromium, Edge or Brave where the
system installs them. "install" is for a machine with none: it keeps the download in
${browserCacheDir()} (BRIEFKIT_BROWSER_CACHE to change it), never in the project.`;

const SOURCES = {
  PUPPETEER_EXECUTABLE_PATH: 'named by PUPPETEER_EXECUTABLE_PATH',
  config: 'named by browser: in briefkit.config.yaml',
  system: 'installed on this machine',
  installed: 'downloaded by briefkit browser install',
} as const;

/** `briefkit browser [install]`: returns the exit code. */
export async function runBrowser(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(`${BROWSER_HELP}\n`);
    return 0;
  }
  if (positionals.length > 1 || (positionals[0] !== undefined && positionals[0] !== 'install')) {
    io.stderr.write(`briefkit browser: "${positionals.join(' ')}" is not a browser command\n\n${BROWSER_HELP}\n`);
    return 2;
  }
  if (positionals[0] === 'install') return installChrome(io);
  const { config } = await loadConfig(values.root ?? io.cwd);
  const found = findBrowser({ configured: config.browser });
  if (!found) {
    io.stderr.write(`briefkit browser: no Chrome, Chromium, Edge or Brave found.\n${noBrowserHint()}\n`);
    return 1;
  }
  io.stdout.write(`${found.path} (${SOURCES[found.source]})\n`);
  return 0;
}

async function installChrome(io: CommandIo): Promise<number> {
  const already = installedBrowser();
  if (already) {
    io.stdout.write(`Chrome for Testing ${PINNED_CHROME} is already installed: ${already}\n`);
    return 0;
  }
  const platform = detectBrowserPlatform();
  if (!platform) {
    io.stderr.write(`briefkit browser install: Chrome for Testing is not made for this system (${process.platform} ${process.arch}).\n${noBrowserHint()}\n`);
    return 1;
  }
  const cacheDir = browserCacheDir();
  io.stderr.write(`Downloading Chrome for Testing ${PINNED_CHROME} into ${cacheDir}…\n`);
  try {
    const installed = await install({
      browser: Browser.CHROME,
      buildId: PINNED_CHROME,
      cacheDir,
      platform,
      ...(process.env.BRIEFKIT_BROWSER_DOWNLOAD_URL ? { baseUrl: process.env.BRIEFKIT_BROWSER_DOWNLOAD_URL } : {}),
    });
    io.stdout.write(`Installed: ${installed.executablePath}\nbriefkit prints with it when no other browser is found.\n`);
    return 0;
  } catch (reason) {
    const why = (reason instanceof Error ? reason.message : String(reason)).split('\n')[0];
    io.stderr.write(
      `briefkit browser install: the download failed (${why}).\nInstead, ${systemBrowserAdvice()}; or set browser: /path/to/chrome in briefkit.config.yaml.\n`,
    );
    return 1;
  }
}
