/**
 * Issue 30: a build after an edit indexes only the pages it made again, into a small index
 * beside the whole one (`pagefind/delta/`), and the search page's loader (`pagefind.js`)
 * merges it in and leaves out the pages' old entries. Here in Chromium, as readers search:
 * the new text is found, once; the old text is not; unchanged pages are still found.
 */
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { serveStatic } from '../../src/check/static-server.js';
import type { StaticServer } from '../../src/check/static-server.js';
import { searchSettled } from '../helpers/search-page.js';
import { buildProject, caseStudy, editText, listTree, makeProject } from '../helpers/project.js';

let browser: Browser;
let server: StaticServer | undefined;

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every result link (addresses from the site's root, repeats kept) and the console's warnings and errors, for a search on the English search page. */
async function search(query: string): Promise<{ links: string[]; complaints: string[] }> {
  const page: Page = await browser.newPage();
  const complaints: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warn' || message.type() === 'error') complaints.push(message.text());
  });
  page.on('pageerror', (error) => complaints.push(String(error)));
  await page.goto(`${server!.origin}en/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  await searchSettled(page, query, 200);
  // Each result's own link (not those of its sections), as the page writes it: an address from the site's root, like every other result's.
  const links = await page.$$eval('.pagefind-ui__result', (found) =>
    found.map((result) => result.querySelector<HTMLAnchorElement>('.pagefind-ui__result-link')!.getAttribute('href') ?? ''),
  );
  await page.close();
  return { links, complaints };
}

describe('search after a build that indexed only the edited page (issue 30)', () => {
  it('finds the new text once, not the old text, and the pages that did not change', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, '## Context\n\nPeers spoke of lighthouses and harbours.\n'),
      'briefings/case-studies/b.md': caseStudy({ title: 'Case B', date: '2024-01-01' }, '## Context\n\nA drop-in by the harbours.\n'),
    });
    expect((await buildProject(root)).ok).toBe(true);
    await editText(root, 'briefings/case-studies/a.md', 'lighthouses', 'windmills');
    const second = await buildProject(root);
    expect(second.remade).toEqual(['en/case-studies/a/index.html']);
    // The search index has a small index beside it: this is the case under test.
    expect((await listTree(join(root, 'dist/pagefind'))).some((file) => file.startsWith('delta/fragment/'))).toBe(true);
    server = await serveStatic(join(root, 'dist'));

    const found = await search('windmills');
    expect(found.links).toEqual(['/en/case-studies/a/']);
    expect(found.complaints).toEqual([]);
    expect((await search('lighthouses')).links).toEqual([]);
    // A word on both pages finds each once.
    expect((await search('harbours')).links.sort()).toEqual(['/en/case-studies/a/', '/en/case-studies/b/']);
  });
});
