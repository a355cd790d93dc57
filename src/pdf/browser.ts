import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { findBrowser } from '../browser/find-browser.js';
import type { FoundBrowser } from '../browser/find-browser.js';
import { CHROMIUM_ARGS, sandboxFailed } from '../browser/launch-args.js';

/** There is no browser to print with; the message says how to get one, on this kind of machine. */
export class NoBrowserError extends Error {
  constructor(readonly hint: string = noBrowserHint()) {
    super('No Chrome, Chromium, Edge or Brave found to print the PDFs: the website was built, the PDFs were not');
  }
}

/** How to install a browser the system's way, for the platform briefkit runs on. */
export function systemBrowserAdvice(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return 'install Google Chrome or Microsoft Edge';
  if (platform === 'darwin') return 'install Google Chrome (or Chromium, Edge, Brave) in Applications';
  return 'install Chromium with your system (Debian/Ubuntu: sudo apt-get install chromium; Fedora: sudo dnf install chromium)';
}

/** What to do without a browser. */
export function noBrowserHint(platform: NodeJS.Platform = process.platform): string {
  return [
    `Either ${systemBrowserAdvice(platform)}, or run "briefkit browser install" to download Chrome for briefkit alone (about 170 MB, needs the internet).`,
    'A browser somewhere else: set browser: /path/to/chrome in briefkit.config.yaml, or PUPPETEER_EXECUTABLE_PATH.',
    'To build only the website, run briefkit build --no-pdf.',
  ].join('\n');
}

/** A browser that was named (setting or environment) but is not there. */
export class MissingBrowserError extends NoBrowserError {
  constructor(found: FoundBrowser) {
    super(
      found.source === 'config'
        ? 'Correct the browser: setting in briefkit.config.yaml, or remove it to use the browser briefkit finds.'
        : 'Correct PUPPETEER_EXECUTABLE_PATH, or unset it to use the browser briefkit finds.',
    );
    this.message =
      `The browser ${found.source === 'config' ? 'briefkit.config.yaml names' : 'PUPPETEER_EXECUTABLE_PATH names'} (${found.path}) does not ` +
      `exist: the website was built, the PDFs were not`;
  }
}

/** Chromium did not answer in time after it was started (it has been killed). */
export class BrowserStartTimeout extends Error {
  constructor(
    readonly executablePath: string,
    readonly ms: number,
  ) {
    super(`Chromium (${executablePath}) did not start within ${Math.round(ms / 100) / 10} s and was stopped`);
  }
}

/**
 * Defence in depth for the print sandbox, beside request interception and page scripts off:
 * every connection Chromium could still open (WebSocket, WebRTC, prefetch, DNS, pings, a
 * popup) goes to a proxy that does not exist, loopback included, and no host name resolves.
 */
export const PRINT_SANDBOX_ARGS = [
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
  '--host-resolver-rules=MAP * ~NOTFOUND',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--block-new-web-contents',
  '--dns-prefetch-disable',
  '--no-pings',
  '--disable-domain-reliability',
];

/**
 * For loading a built site from a local server (`briefkit check`): loopback is reachable,
 * nothing else resolves, beside request interception.
 */
export const LOCAL_SITE_ARGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--block-new-web-contents',
  '--dns-prefetch-disable',
  '--no-pings',
  '--disable-domain-reliability',
];

/** How long Chromium may take to start, unless told otherwise (`BRIEFKIT_BROWSER_TIMEOUT_MS`). */
const START_TIMEOUT = 30_000;

/**
 * Start one headless Chromium for the whole build. One that has not answered within the
 * start timeout is killed (its whole process group) and a {@link BrowserStartTimeout} thrown.
 */
export async function launchBrowser(
  env: NodeJS.ProcessEnv = process.env,
  startTimeout?: number,
  sandbox: readonly string[] = PRINT_SANDBOX_ARGS,
  configured?: string,
): Promise<Browser> {
  const found = findBrowser({ env, configured });
  if (!found) throw new NoBrowserError();
  if (!existsSync(found.path)) throw new MissingBrowserError(found);
  const ms = startTimeout ?? (Number(env.BRIEFKIT_BROWSER_TIMEOUT_MS) || START_TIMEOUT);
  try {
    return await launchWith(found.path, [...CHROMIUM_ARGS, ...sandbox], ms);
  } catch (reason) {
    // Where the sandbox cannot start (a container without user namespaces), print without it.
    if (!sandboxFailed(reason) || CHROMIUM_ARGS.includes('--no-sandbox')) throw reason;
    if (env.BRIEFKIT_VERBOSE) process.stderr.write(`briefkit: Chromium's sandbox cannot start on this machine; printing without it.\n`);
    return launchWith(found.path, ['--no-sandbox', ...CHROMIUM_ARGS, ...sandbox], ms);
  }
}

async function launchWith(executablePath: string, args: readonly string[], ms: number): Promise<Browser> {
  // puppeteer's own `timeout` is not used when talking over a pipe; aborting kills the process.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new BrowserStartTimeout(executablePath, ms)), ms);
  try {
    // Signals are handled by the caller (see printPdfs), which also stops the build. Talking
    // over a pipe means Chromium exits by itself when this process dies, however it dies.
    return await puppeteer.launch({
      executablePath,
      args: [...args],
      headless: true,
      pipe: true,
      protocolTimeout: 180_000,
      signal: abort.signal,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (reason) {
    if (abort.signal.aborted) throw abort.signal.reason as Error;
    throw reason;
  } finally {
    clearTimeout(timer);
  }
}
