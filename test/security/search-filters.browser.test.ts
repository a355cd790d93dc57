/**
 * Issue 27, item 1: Pagefind's search page puts filter names and values into the page as
 * HTML, so a case study's tag or a translator's label holding markup ran as script on
 * `/<lang>/search/` for every visitor. Variants: an <img onerror> tag, a <svg onload> tag
 * name in `tag_names`, a label with `<script>`, an attribute break-out with quotes, and a
 * harmless "&" that must still read as written.
 */
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { serveStatic } from '../../src/check/static-server.js';
import type { StaticServer } from '../../src/check/static-server.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  const root = await makeProject({
    'briefkit.config.yaml': 'languages: [en, uk]\n',
    'briefings/case-studies/a.md': caseStudy(
      { title: 'Overdose kits', tags: '["<img src=x onerror=\\"window.pwned=1\\">", "harm & care", "a\\"><svg onload=window.pwned=2>"]' },
      'Overdose kits were handed out by peers.\n',
    ),
    'translations/uk/case-studies/a.md': '---\ntitle: Набори від передозування\n---\n\nНабори від передозування роздавали рівні.\n',
    'translations/uk/ui.yaml':
      'tags: "Теги<script>window.pwned=3</script>"\ncountry: "Країна: <b onmouseover=window.pwned=4>регіон</b>"\ntag_names:\n  ' +
      'harm & care: "<svg onload=window.pwned=5>"\n',
  });
  const result = await buildProject(root);
  expect(result.written, result.report).toBe(true);
  server = await serveStatic(join(root, 'dist'));
  browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Search on a language's search page, open every filter group, and say what the page holds. */
async function searchPage(lang: string, query: string) {
  const page = await browser.newPage();
  await page.goto(`${server.origin}${lang}/search/?q=${encodeURIComponent(query)}`, { waitUntil: 'load' });
  await page.waitForSelector('.pagefind-ui__result', { timeout: 120_000 });
  await page.waitForSelector('.pagefind-ui__filter-name', { timeout: 120_000 });
  for (const group of await page.$$('details.pagefind-ui__filter-block')) await group.evaluate((element) => ((element as HTMLDetailsElement).open = true));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const seen = await page.evaluate(() => ({
    pwned: (window as unknown as { pwned?: number }).pwned,
    live: document.querySelectorAll(
      '.pagefind-ui [onerror], .pagefind-ui [onload], .pagefind-ui [onmouseover], .pagefind-ui script, .pagefind-ui img, .pagefind-ui svg, .pagefind-ui b',
    ).length,
    names: [...document.querySelectorAll('.pagefind-ui__filter-name')].map((name) => name.textContent?.trim()),
    values: [...document.querySelectorAll('.pagefind-ui__filter-label')].map((label) => label.textContent?.trim()),
  }));
  await page.close();
  return seen;
}

describe('issue 27: the search page shows tags and labels as text', () => {
  it('in the source language: markup in tags never runs, and "&" reads as written', async () => {
    const seen = await searchPage('en', 'overdose');
    expect(seen.pwned).toBeUndefined();
    expect(seen.live).toBe(0);
    expect(seen.values.join(' | ')).toContain('<img src=x onerror="window.pwned=1">');
    expect(seen.values.join(' | ')).toContain('harm & care');
  });

  it("in a translation: markup in the translator's labels and tag names never runs", async () => {
    const seen = await searchPage('uk', 'набори');
    expect(seen.pwned).toBeUndefined();
    expect(seen.live).toBe(0);
    expect(seen.names.join(' | ')).toMatch(/Теги<script>window\.pwned=3<\/script>/i);
    expect(seen.names.join(' | ')).toMatch(/Країна +<b onmouseover=window\.pwned=4>регіон<\/b>/i);
    expect(seen.values.join(' | ')).toContain('<svg onload=window.pwned=5>');
  });
});
