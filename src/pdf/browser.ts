import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
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

/** Chromium did not answer in time after it was started (it has been killed). */
export class BrowserStartTimeout extends Error {
  constructor(readonly executablePath: string, readonly ms: number) {
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
export const LOCAL_SITE_ARGS = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--block-new-web-contents', '--dns-prefetch-disable', '--no-pings', '--disable-domain-reliability'];

/** How long Chromium may take to start, unless told otherwise (`BRIEFKIT_BROWSER_TIMEOUT_MS`). */
const START_TIMEOUT = 30_000;

/** Where puppeteer's own downloaded browser is, if it downloaded one. */
function downloadedChromium(): string | undefined {
  try {
    const path = puppeteer.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Start one headless Chromium for the whole build. One that has not answered within the
 * start timeout is killed (its whole process group) and a {@link BrowserStartTimeout} thrown.
 */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env, startTimeout?: number, sandbox: readonly string[] = PRINT_SANDBOX_ARGS): Promise<Browser> {
  const executablePath = findChromium(env) ?? downloadedChromium();
  if (!executablePath || !existsSync(executablePath)) throw new NoBrowserError();
  const ms = startTimeout ?? (Number(env.BRIEFKIT_BROWSER_TIMEOUT_MS) || START_TIMEOUT);
  // puppeteer's own `timeout` is not used when talking over a pipe; aborting kills the process.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new BrowserStartTimeout(executablePath, ms)), ms);
  try {
    // Signals are handled by the caller (see printPdfs), which also stops the build. Talking
    // over a pipe means Chromium exits by itself when this process dies, however it dies.
    return await puppeteer.launch({
      executablePath,
      args: [...CHROMIUM_ARGS, ...sandbox],
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
