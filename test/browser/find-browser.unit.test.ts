/**
 * Issue 28: briefkit finds the browser the user has, on Windows, macOS and Linux (fake
 * machines: only the files a test lists exist), and starts it with its sandbox unless root.
 */
import { describe, expect, it } from 'vitest';
import { browserCandidates, findBrowser } from '../../src/browser/find-browser.js';
import { browserCacheDir } from '../../src/browser/installed-browser.js';
import { chromiumArgs, sandboxFailed } from '../../src/browser/launch-args.js';
import { noBrowserHint } from '../../src/pdf/browser.js';

const machine = (
  platform: NodeJS.Platform,
  files: readonly string[],
  env: NodeJS.ProcessEnv = {},
  home = platform === 'win32' ? 'C:\\Users\\ana' : '/home/ana',
) => findBrowser({ platform, env, home, exists: (path) => files.includes(path), installed: () => undefined });

const WINDOWS_ENV = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' };

describe('finding the browser (issue 28)', () => {
  it('finds Chrome, Edge or Brave where Windows installs them, Chrome first', () => {
    expect(machine('win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], WINDOWS_ENV)).toEqual({
      path: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      source: 'system',
    });
    // A per-user Chrome (no administrator rights) is found too, and before Edge.
    const both = [
      'C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    ];
    expect(machine('win32', both, WINDOWS_ENV)?.path).toBe(both[0]);
    expect(machine('win32', ['D:\\Apps\\BraveSoftware\\Brave-Browser\\Application\\brave.exe'], { ...WINDOWS_ENV, ProgramFiles: 'D:\\Apps' })?.path).toBe(
      'D:\\Apps\\BraveSoftware\\Brave-Browser\\Application\\brave.exe',
    );
    // Without the environment variables, the usual folders.
    expect(browserCandidates('win32', {}, 'C:\\Users\\ana')).toContain('C:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(browserCandidates('win32', {}, 'C:\\Users\\ana')).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });

  it('finds a browser in /Applications or ~/Applications on macOS', () => {
    expect(machine('darwin', ['/home/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'])?.path).toBe(
      '/home/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );
    expect(
      machine('darwin', ['/Applications/Brave Browser.app/Contents/MacOS/Brave Browser', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'])?.path,
    ).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  });

  it('finds a browser on the PATH, in snap or flatpak on Linux', () => {
    const env = { PATH: '/home/ana/bin:/usr/local/bin:/usr/bin:relative/bin' };
    expect(machine('linux', ['/usr/bin/microsoft-edge', '/usr/local/bin/google-chrome'], env)?.path).toBe('/usr/local/bin/google-chrome');
    expect(machine('linux', ['/snap/bin/chromium'], env)?.path).toBe('/snap/bin/chromium');
    expect(machine('linux', ['/home/ana/.local/share/flatpak/exports/bin/com.brave.Browser'], env)?.path).toBe(
      '/home/ana/.local/share/flatpak/exports/bin/com.brave.Browser',
    );
    expect(machine('linux', ['/usr/bin/chromium'], env)?.path).toBe('/usr/bin/chromium');
    // A relative PATH entry is never searched (it would run a program of the current folder).
    expect(browserCandidates('linux', env, '/home/ana').some((path) => path.startsWith('relative'))).toBe(false);
  });

  it('takes PUPPETEER_EXECUTABLE_PATH, then the browser: setting, then the system, then its own download', () => {
    const files = ['/usr/bin/chromium'];
    expect(
      findBrowser({
        platform: 'linux',
        env: { PATH: '/usr/bin', PUPPETEER_EXECUTABLE_PATH: '/opt/chrome' },
        configured: '/opt/edge',
        exists: (path) => files.includes(path),
      }),
    ).toEqual({ path: '/opt/chrome', source: 'PUPPETEER_EXECUTABLE_PATH' });
    expect(findBrowser({ platform: 'linux', env: { PATH: '/usr/bin' }, configured: '/opt/edge', exists: (path) => files.includes(path) })).toEqual({
      path: '/opt/edge',
      source: 'config',
    });
    expect(
      findBrowser({ platform: 'linux', env: { PATH: '/usr/bin' }, exists: (path) => files.includes(path), installed: () => '/cache/chrome' })?.source,
    ).toBe('system');
    expect(findBrowser({ platform: 'linux', env: { PATH: '' }, exists: () => false, installed: () => '/cache/chrome' })).toEqual({
      path: '/cache/chrome',
      source: 'installed',
    });
    expect(findBrowser({ platform: 'linux', env: { PATH: '' }, exists: () => false, installed: () => undefined })).toBeUndefined();
  });

  it("keeps its own download in the user's cache folder, never the project", () => {
    expect(browserCacheDir({ LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }, 'win32', 'C:\\Users\\ana')).toMatch(
      /AppData[\\/]Local[\\/]briefkit[\\/]browsers$/,
    );
    expect(browserCacheDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Caches/briefkit/browsers');
    expect(browserCacheDir({ XDG_CACHE_HOME: '/home/ana/.xdg' }, 'linux', '/home/ana')).toBe('/home/ana/.xdg/briefkit/browsers');
    expect(browserCacheDir({ BRIEFKIT_BROWSER_CACHE: '/tmp/b' }, 'linux', '/home/ana')).toBe('/tmp/b');
  });

  it('says what to do without a browser, for each system', () => {
    expect(noBrowserHint('win32')).toContain('install Google Chrome or Microsoft Edge');
    expect(noBrowserHint('darwin')).toContain('in Applications');
    expect(noBrowserHint('linux')).toContain('sudo apt-get install chromium');
    for (const platform of ['win32', 'darwin', 'linux'] as const) expect(noBrowserHint(platform)).toContain('briefkit browser install');
  });
});

describe("the print browser's sandbox (issue 28, item 4)", () => {
  it('stays on for a user, and is off only as root, where Chromium will not start with it', () => {
    expect(chromiumArgs(1000)).not.toContain('--no-sandbox');
    expect(chromiumArgs(0)).toContain('--no-sandbox');
  });

  it('knows the errors of a sandbox that cannot start', () => {
    expect(
      sandboxFailed(new Error('Failed to launch the browser process!\n[0101/:FATAL:zygote_host_impl_linux.cc(127)] No usable sandbox! Update your kernel')),
    ).toBe(true);
    expect(sandboxFailed(new Error('Running as root without --no-sandbox is not supported. See https://crbug.com/638180.'))).toBe(true);
    expect(sandboxFailed(new Error('spawn /usr/bin/chromium ENOENT'))).toBe(false);
  });
});
