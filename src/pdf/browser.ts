import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer';
import type { Browser } from 'puppeteer';
import { CHROMIUM_ARGS, findChromium } from '../browser/find-chromium.js';

/** There is no Chromium to print with; the message says how to get one. */
export class NoBrowserError extends Error {
  constructor() {
    super(
      'No Chromium or Chrome found to print the PDFs. Install one (Debian/Ubuntu: sudo apt-get install chromium; macOS: install Google Chrome), ' +
        'or point PUPPETEER_EXECUTABLE_PATH at one. To build only the website, run briefkit build --no-pdf.',
    );
  }
}

/** Where puppeteer's own downloaded browser is, if it downloaded one. */
function downloadedChromium(): string | undefined {
  try {
    const path = puppeteer.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Start one headless Chromium for the whole build. */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = findChromium(env) ?? downloadedChromium();
  if (!executablePath || !existsSync(executablePath)) throw new NoBrowserError();
  // Signals are handled by the caller (see printPdfs), which also stops the build. Talking
  // over a pipe means Chromium exits by itself when this process dies, however it dies.
  return puppeteer.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    pipe: true,
    protocolTimeout: 180_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
}
