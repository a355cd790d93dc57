/**
 * The built sample site, opened from file:// in headless Chromium as a reader would:
 * home → a case study → back, with no failed request, no request to another origin and
 * no console error. Needs Chromium (`apt-get install chromium`, or PUPPETEER_EXECUTABLE_PATH).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { sampleSite } from '../helpers/sample.js';

let browser: Browser;
let out: string;

beforeAll(async () => {
  // The sample without PDFs, built once per run (helpers/sample.ts; a build that is not written fails here).
  const built = await sampleSite('web');
  out = join(built.root, 'dist');
  expect(built.report).toBe('');
  browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

/** A page that records every failed request, every request off file://, and console errors. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('request', (request) => {
    // data: URIs (the 404 page's own logo) never leave the page.
    if (!/^(file|data):/.test(request.url())) problems.push(`other origin: ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${(error as Error).message}`));
  return { page, problems };
}

describe('the sample site from file://', () => {
  it('goes from the home page to a case study and back with nothing failing', async () => {
    const { page, problems } = await watchedPage();
    const home = pathToFileURL(join(out, 'en/index.html')).href;
    await page.goto(home, { waitUntil: 'load' });
    expect(await page.$eval('h1', (element) => element.textContent)).toBe('Peer-to-peer naloxone');

    const link = await page.$('.card-grid .card-title a');
    expect(link).not.toBeNull();
    const title = await link!.evaluate((element) => element.textContent);
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link!.click()]);
    expect(page.url()).toMatch(/\/en\/case-studies\/[a-z-]+\/index\.html$/);
    expect(await page.$eval('h1', (element) => element.textContent)).toBe(title);
    // Fonts load from the site itself.
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => [...document.fonts].some((font) => font.status === 'loaded'))).toBe(true);

    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.site-brand')]);
    expect(page.url()).toBe(home);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('follows every link on the briefing page to a file that exists', async () => {
    const { page, problems } = await watchedPage();
    await page.goto(pathToFileURL(join(out, 'en/peer-to-peer-naloxone/index.html')).href, { waitUntil: 'load' });
    const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
    const local = [...new Set(hrefs.filter((href) => href.startsWith('file://')).map((href) => href.split('#')[0]!))];
    expect(local.length).toBeGreaterThan(5);
    for (const href of local) {
      const response = await page.goto(href, { waitUntil: 'load' });
      expect(response?.ok() ?? true, href).toBe(true);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious or critical accessibility problems (axe-core, WCAG 2.1 AA)', async () => {
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const { page } = await watchedPage();
    const pages = [
      'en/index.html',
      'en/peer-to-peer-naloxone/index.html',
      'en/case-studies/glasgow-peer-supply/index.html',
      'en/case-studies/index.html',
      'en/case-studies/country/no/index.html',
      'en/about/index.html',
      'en/training/peer-naloxone-training/index.html',
      'en/training/index.html',
      'en/briefs/naloxone-without-prescription/index.html',
      'uk/briefs/naloxone-without-prescription/index.html',
      'ar/training/peer-naloxone-training/index.html',
      'uk/peer-to-peer-naloxone/index.html',
      'ar/case-studies/glasgow-peer-supply/index.html',
      'ar/case-studies/estonia-thn/index.html',
      'index.html',
      '404.html',
    ];
    for (const path of pages) {
      await page.goto(pathToFileURL(join(out, path)).href, { waitUntil: 'load' });
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> };
          }
        ).axe;
        const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
        return result.violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      expect(violations, path).toEqual([]);
    }
    await page.close();
  });

  it('is usable at phone width (320, 360 and 390 px): no sideways scrolling, in either direction', async () => {
    const { page, problems } = await watchedPage();
    const types = [
      'index.html',
      'peer-to-peer-naloxone/index.html',
      'case-studies/glasgow-peer-supply/index.html',
      'case-studies/estonia-thn/index.html',
      'case-studies/index.html',
      'case-studies/country/no/index.html',
      'case-studies/tag/peer-supply/index.html',
      'about/index.html',
    ];
    const paths = ['index.html', '404.html', ...['en', 'uk', 'ar'].flatMap((lang) => types.map((type) => `${lang}/${type}`))];
    for (const path of paths) {
      await page.setViewport({ width: 320, height: 740 });
      await page.goto(pathToFileURL(join(out, path)).href, { waitUntil: 'load' });
      for (const width of [320, 360, 390]) {
        await page.setViewport({ width, height: 740 });
        // What the reader would scroll: the document's own scroll width, which also counts
        // list markers and other boxes no element reports. A right-to-left page overflows
        // to the left, where scrollLeft goes negative.
        const scroll = await page.evaluate(() => {
          const root = document.scrollingElement ?? document.documentElement;
          root.scrollLeft = -1e6;
          const left = root.scrollLeft;
          root.scrollLeft = 1e6;
          const right = root.scrollLeft;
          return { overflow: root.scrollWidth - root.clientWidth, left, right };
        });
        expect(scroll, `${path} at ${width} px`).toEqual({ overflow: 0, left: 0, right: 0 });
      }
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
