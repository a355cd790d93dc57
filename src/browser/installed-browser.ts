import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Browser, computeExecutablePath, detectBrowserPlatform } from '@puppeteer/browsers';
// The revision puppeteer-core was tested with (an internal module, exported by its package).
import { PUPPETEER_REVISIONS } from 'puppeteer-core/internal/revisions.js';

/** The Chrome for Testing build puppeteer-core is made for: the one `briefkit browser install` fetches. */
export const PINNED_CHROME = PUPPETEER_REVISIONS.chrome;

/**
 * Where `briefkit browser install` keeps its browser: `BRIEFKIT_BROWSER_CACHE` if set, else
 * the user's cache folder (%LOCALAPPDATA% on Windows, ~/Library/Caches on macOS,
 * $XDG_CACHE_HOME or ~/.cache elsewhere), never the project.
 */
export function browserCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (env.BRIEFKIT_BROWSER_CACHE) return env.BRIEFKIT_BROWSER_CACHE;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'briefkit', 'browsers');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'briefkit', 'browsers');
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'briefkit', 'browsers');
}

/** The executable of the Chrome `briefkit browser install` downloaded, if it is there. */
export function installedBrowser(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const platform = detectBrowserPlatform();
  if (!platform) return undefined;
  const path = computeExecutablePath({ browser: Browser.CHROME, buildId: PINNED_CHROME, cacheDir: browserCacheDir(env), platform });
  return existsSync(path) ? path : undefined;
}
