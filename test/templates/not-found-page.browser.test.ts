/**
 * Issue 8, class 8: the 404 page is written once, at the root, but a static host serves it
 * at any depth (/en/case-studies/missing/), and it can be opened from file://. Its styles
 * and logo must work in every case, with or without `base_url`.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#0b5563"/></svg>\n';

let browser: Browser;
const servers: Server[] = [];

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
});

/** Build a small project with a logo; `baseUrl` optional. */
async function site(baseUrl: string | undefined): Promise<string> {
  const root = await makeProject({
    'briefkit.config.yaml': `title: Sample\n${baseUrl ? `base_url: ${baseUrl}\n` : ''}organisation:\n  name: Sample Org\n  logo: branding/logo.svg\n`,
    'branding/logo.svg': LOGO,
    'briefings/case-studies/one.md': caseStudy({ title: 'Study one' }),
  });
  const out = join(root, 'dist');
  const result = await buildProject(root, { out });
  expect(result.report).toBe('');
  return out;
}

/** A static host: files as they are, and 404.html (status 404) for anything missing. */
async function serve(dir: string): Promise<string> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname)).replace(/^(\.\.[/\\])+/, '');
    readFile(join(dir, path.endsWith('/') ? `${path}index.html` : path))
      .then((body) => response.writeHead(200).end(body))
      .catch(async () => response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(await readFile(join(dir, '404.html'))));
  });
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Open a URL and say what a reader would see of the page's styles and logo. */
async function look(url: string) {
  const page = await browser.newPage();
  const failed: string[] = [];
  page.on('requestfailed', (request) => failed.push(request.url()));
  page.on('response', (response) => {
    // The browser's own favicon request is not the page's.
    if (response.url() !== url && !response.url().endsWith('/favicon.ico') && response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  const seen = await page.evaluate(() => {
    const header = document.querySelector('.site-header');
    const logo = document.querySelector<HTMLImageElement>('.site-logo');
    return {
      title: document.querySelector('h1')?.textContent,
      headerBorder: header ? getComputedStyle(header).borderTopColor : undefined,
      button: getComputedStyle(document.querySelector('.button')!).backgroundColor,
      logoWidth: logo?.naturalWidth ?? 0,
    };
  });
  await page.close();
  return { ...seen, failed };
}

const styled = { title: 'Page not found', headerBorder: 'rgb(11, 85, 99)', button: 'rgb(11, 85, 99)', failed: [] };

describe.each([
  ['without base_url', undefined],
  ['with base_url', 'https://example.invalid/briefkit/'],
])('the 404 page %s', (_, baseUrl) => {
  let out: string;
  let host: string;
  beforeAll(async () => {
    out = await site(baseUrl);
    host = await serve(out);
  });

  it('has its styles and logo when a host serves it deep in the site', async () => {
    const seen = await look(`${host}/en/case-studies/missing/deeper/`);
    expect(seen).toMatchObject(styled);
    expect(seen.logoWidth).toBeGreaterThan(0);
  });

  it('has its styles and logo at the root of the host', async () => {
    const seen = await look(`${host}/missing`);
    expect(seen).toMatchObject(styled);
    expect(seen.logoWidth).toBeGreaterThan(0);
  });

  it('has its styles and logo from file://', async () => {
    const seen = await look(pathToFileURL(join(out, '404.html')).href);
    expect(seen).toMatchObject(styled);
    expect(seen.logoWidth).toBeGreaterThan(0);
  });
});
