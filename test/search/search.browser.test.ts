/**
 * Issue 13: a search box in every language (Pagefind). The sample site is built and served
 * from a local web server; searching a Ukrainian and an Arabic word on those languages'
 * search pages finds the pages written in them. A page shown untranslated (the original as
 * a fallback) is found in its own language only, and from file:// the box says why it
 * cannot search.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { serveStatic } from '../../src/check/static-server.js';
import type { StaticServer } from '../../src/check/static-server.js';
import { searchSettled } from '../helpers/search-page.js';
import { listTree, readText } from '../helpers/project.js';
import { sampleSite } from '../helpers/sample.js';

let out: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  // The sample, every edition, no PDFs: built once per run (helpers/sample.ts), read-only.
  out = join((await sampleSite('web')).root, 'dist');
  server = await serveStatic(out);
  browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The result links (addresses from the site's root) for a search on a language's search page. */
async function search(page: Page, prefix: string, lang: string, query: string): Promise<string[]> {
  await page.goto(`${server.origin}${prefix}${lang}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  await searchSettled(page, query);
  const links = await page.$$eval('.pagefind-ui__result-title .pagefind-ui__result-link', (found) =>
    found.map((link) => new URL((link as HTMLAnchorElement).href).pathname),
  );
  return [...new Set(links)];
}

describe('search', () => {
  it('finds a Ukrainian word on the Ukrainian pages written in Ukrainian, with result links that work', async () => {
    const page = await browser.newPage();
    const results = await search(page, '', 'uk', 'ампули');
    expect(results).toContain('/uk/case-studies/ukraine-ngo-naloxone/');
    expect(results.every((path) => path.startsWith('/uk/'))).toBe(true);
    // Not the Ukrainian pages of the country edition: it has a search of its own.
    expect(results.some((path) => path.startsWith('/ua/'))).toBe(false);
    // The result leads to the page.
    await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('.pagefind-ui__result-link')]);
    expect(await page.$eval('h1', (heading) => heading.textContent)).toContain('Україн');
    await page.close();
  });

  it('finds an Arabic word on the Arabic page, laid out right to left, and filters in Arabic', async () => {
    const page = await browser.newPage();
    const results = await search(page, '', 'ar', 'غلاسكو');
    // The Glasgow case study, and the training module, whose Arabic translation tells of Glasgow's peers.
    expect(results).toEqual(['/ar/case-studies/glasgow-peer-supply/', '/ar/training/peer-naloxone-training/']);
    expect(await page.$eval('html', (html) => html.dir)).toBe('rtl');
    // Pagefind's interface adds the filter groups as their data loads, after the results: wait for
    // the type's (a run once read the list while it held only the country's and the topics'; with
    // two test runs at once on two cores, 30 s was once not enough: see the closing note of issue 30).
    await page
      .waitForFunction(() => [...document.querySelectorAll('.pagefind-ui__filter-name')].some((name) => name.textContent?.trim() === 'النوع'), {
        timeout: 120_000,
      })
      .catch(() => undefined);
    const filters = await page.$$eval('.pagefind-ui__filter-name', (names) => names.map((name) => name.textContent?.trim()));
    expect(filters).toEqual(expect.arrayContaining(['النوع']));
    await page.close();
  });

  it('finds an untranslated page once, in the language it is written in, and not in the languages it is shown in as a fallback', async () => {
    const page = await browser.newPage();
    // Nyxoid is named in the English briefing, which has no Arabic translation: in Arabic it is
    // found only in the training module, which is translated into Arabic.
    expect(await search(page, '', 'en', 'Nyxoid')).toContain('/en/peer-to-peer-naloxone/');
    expect(await search(page, '', 'ar', 'Nyxoid')).toEqual(['/ar/training/peer-naloxone-training/']);
    expect(await page.$eval('.pagefind-ui__message', (message) => message.textContent)).toMatch(/Nyxoid/);
    await page.close();
  });

  it('gives each country edition its own index, its result links inside the edition', async () => {
    const page = await browser.newPage();
    const results = await search(page, 'ua/', 'uk', 'ампули');
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((path) => path.startsWith('/ua/uk/'))).toBe(true);
    await page.close();
  });

  it('says plainly that it cannot search from files on a disk (file://), instead of failing silently', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(out, 'uk/search/index.html')).href, { waitUntil: 'load' });
    const offline = await page.$eval('.search-offline', (note) => ({ hidden: (note as HTMLElement).hidden, text: note.textContent }));
    expect(offline.hidden).toBe(false);
    expect(offline.text).toContain('Ctrl+F');
    expect(offline.text).toContain('флешки');
    await page.close();
  });

  it('is linked from every page, and leaves pages that are only lists out of the index', async () => {
    const home = await readText(out, 'uk/index.html');
    expect(home).toContain('<a href="search/index.html">Пошук</a>');
    expect(home).not.toContain('data-pagefind-body');
    expect(await readText(out, 'uk/case-studies/ukraine-ngo-naloxone/index.html')).toContain('data-pagefind-body');
    // The Ukrainian page of a case study not translated into Ukrainian shows the English and is not indexed.
    expect(await readText(out, 'uk/case-studies/estonia-thn/index.html')).not.toContain('data-pagefind-body');
    const files = await listTree(join(out, 'pagefind'));
    expect(files).toEqual(expect.arrayContaining(['pagefind-ui.js', 'pagefind-ui.css', 'pagefind.js', 'pagefind-entry.json']));
    expect(files.some((file) => file.includes('component-ui'))).toBe(false);
  });
});
