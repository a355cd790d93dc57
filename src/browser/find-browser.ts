import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import nodePath from 'node:path';
import { installedBrowser } from './installed-browser.js';

/** Where the browser came from, for messages. */
export type BrowserSource = 'PUPPETEER_EXECUTABLE_PATH' | 'config' | 'system' | 'installed';

/** The browser briefkit prints with. */
export interface FoundBrowser {
  readonly path: string;
  readonly source: BrowserSource;
}

/** What the search looks at; each part can be replaced (tests give fake machines). */
export interface BrowserSearch {
  readonly env?: NodeJS.ProcessEnv;
  readonly platform?: NodeJS.Platform;
  readonly home?: string;
  readonly exists?: (path: string) => boolean;
  /** The `browser:` setting of briefkit.config.yaml (checked when the config is read). */
  readonly configured?: string;
  /** Where `briefkit browser install` put its Chrome, if it did. */
  readonly installed?: () => string | undefined;
}

// Chrome first (what most authors have), then Chromium, Edge (on every Windows 10 and 11), Brave.
const WINDOWS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Chromium\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
  'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
];
const MACOS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Brave Browser.app/Contents/MacOS/Brave Browser',
];
const LINUX = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable', 'brave-browser'];
// Flatpak's launchers, when installed system-wide or for the user.
const FLATPAK = ['org.chromium.Chromium', 'com.google.Chrome', 'com.microsoft.Edge', 'com.brave.Browser'];

/**
 * Every place a Chromium-based browser is installed on this kind of machine, most likely
 * first: Windows (Program Files, Program Files (x86), the user's LOCALAPPDATA), macOS
 * (/Applications and ~/Applications), Linux and others (each folder of PATH, snap's and
 * flatpak's).
 */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string[] {
  if (platform === 'win32') {
    const roots = [
      env.ProgramFiles ?? env.PROGRAMFILES ?? 'C:\\Program Files',
      env['ProgramFiles(x86)'] ?? env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
      env.LOCALAPPDATA ?? nodePath.win32.join(home, 'AppData', 'Local'),
    ];
    return WINDOWS.flatMap((app) => roots.map((root) => nodePath.win32.join(root, app)));
  }
  if (platform === 'darwin')
    return MACOS.flatMap((app) => ['/Applications', nodePath.posix.join(home, 'Applications')].map((root) => nodePath.posix.join(root, app)));
  // snap's folder is not on PATH in every session.
  const folders = [...new Set([...(env.PATH ?? '').split(':').filter((folder) => nodePath.posix.isAbsolute(folder)), '/snap/bin'])];
  return [
    ...LINUX.flatMap((name) => folders.map((folder) => nodePath.posix.join(folder, name))),
    ...FLATPAK.flatMap((id) =>
      ['/var/lib/flatpak/exports/bin', nodePath.posix.join(home, '.local/share/flatpak/exports/bin')].map((folder) => nodePath.posix.join(folder, id)),
    ),
  ];
}

/**
 * The browser to print with: `PUPPETEER_EXECUTABLE_PATH` if set, else the config's
 * `browser:`, else the first installed Chrome, Chromium, Edge or Brave, else the Chrome that
 * `briefkit browser install` downloaded. Undefined when there is none (the website is still
 * built; the report says how to get one).
 */
export function findBrowser(search: BrowserSearch = {}): FoundBrowser | undefined {
  const env = search.env ?? process.env;
  if (env.PUPPETEER_EXECUTABLE_PATH) return { path: env.PUPPETEER_EXECUTABLE_PATH, source: 'PUPPETEER_EXECUTABLE_PATH' };
  if (search.configured) return { path: search.configured, source: 'config' };
  const exists = search.exists ?? existsSync;
  const system = browserCandidates(search.platform ?? process.platform, env, search.home ?? homedir()).find(exists);
  if (system) return { path: system, source: 'system' };
  const installed = (search.installed ?? (() => installedBrowser(env)))();
  return installed ? { path: installed, source: 'installed' } : undefined;
}

/** The path of the browser briefkit would print with, if any. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, configured?: string): string | undefined {
  return findBrowser({ env, configured })?.path;
}
