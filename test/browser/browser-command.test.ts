/**
 * Issue 28: `briefkit browser` says which browser prints the PDFs and where it was found;
 * `briefkit browser install` downloads Chrome for Testing into the user's cache (here from a
 * local server standing in for Google's), and briefkit prints with it when nothing else is found.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PINNED_CHROME } from '../../src/browser/installed-browser.js';
import { briefkit } from '../helpers/cli.js';
import { temporaryDir } from '../helpers/project.js';
import { storedZip } from '../helpers/zip.js';

describe('briefkit browser (issue 28)', () => {
  it('names the browser and where it came from, or says what to do when there is none', async () => {
    const cwd = await temporaryDir();
    const named = await briefkit(['browser'], { cwd, env: { PUPPETEER_EXECUTABLE_PATH: '/opt/chrome/chrome' } });
    expect([named.code, named.stdout]).toEqual([0, '/opt/chrome/chrome (named by PUPPETEER_EXECUTABLE_PATH)\n']);
    const none = await briefkit(['browser'], { cwd, env: { PUPPETEER_EXECUTABLE_PATH: '', PATH: '', HOME: cwd, BRIEFKIT_BROWSER_CACHE: join(cwd, 'cache') } });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no Chrome, Chromium, Edge or Brave found');
    expect(none.stderr).toContain('briefkit browser install');
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')('installs Chrome for Testing into the cache, and then finds it', async () => {
    const cwd = await temporaryDir();
    const zip = storedZip([{ name: 'chrome-linux64/chrome', content: '#!/bin/sh\necho fake chrome\n', mode: 0o755 }]);
    const asked: string[] = [];
    const server = createServer((request, response) => {
      asked.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length }).end(zip);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const env = {
        PUPPETEER_EXECUTABLE_PATH: '',
        PATH: '',
        HOME: cwd,
        BRIEFKIT_BROWSER_CACHE: join(cwd, 'cache'),
        BRIEFKIT_BROWSER_DOWNLOAD_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      };
      const installed = await briefkit(['browser', 'install'], { cwd, env });
      expect(installed.stderr).toContain(`Downloading Chrome for Testing ${PINNED_CHROME}`);
      expect(installed.code).toBe(0);
      expect(asked).toEqual([`/${PINNED_CHROME}/linux64/chrome-linux64.zip`]);
      const executable = join(cwd, 'cache', 'chrome', `linux-${PINNED_CHROME}`, 'chrome-linux64', 'chrome');
      expect(installed.stdout).toContain(`Installed: ${executable}`);
      expect((await briefkit(['browser'], { cwd, env })).stdout).toBe(`${executable} (downloaded by briefkit browser install)\n`);
      expect((await briefkit(['browser', 'install'], { cwd, env })).stdout).toContain('is already installed');
    } finally {
      server.close();
    }
  });

  it('says what to do instead when the download fails', async () => {
    const cwd = await temporaryDir();
    const result = await briefkit(['browser', 'install'], {
      cwd,
      env: { HOME: cwd, BRIEFKIT_BROWSER_CACHE: join(cwd, 'cache'), BRIEFKIT_BROWSER_DOWNLOAD_URL: 'http://127.0.0.1:9' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('briefkit browser install: the download failed');
    expect(result.stderr).toMatch(/Instead, install (Chromium|Google Chrome)/);
  });
});
