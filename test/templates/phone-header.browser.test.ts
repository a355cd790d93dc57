/**
 * Issue 29, item 7, in a browser: on a 390 px phone the header is the site's name, the
 * language buttons and a "Menu" button, so the page's heading starts near the top; the menu
 * opens with the keyboard and no JavaScript, and in Arabic its entries (an English title too)
 * line up on the right. At 1280 px the menu is shown without the button, and a case study's
 * contents start beside its title, not below its facts.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';

const LONG_TITLE = 'Peer-to-peer naloxone distribution in prisons, hostels and outreach teams';

describe('the header on a phone and a wide screen (issue 29, item 7)', () => {
  it('leaves the page near the top on a phone, opens the menu without scripts, and puts the contents beside the title on a wide screen', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Peer-to-peer naloxone\nlanguages: [en, uk, ar]\norganisation:\n  name: Sample Peer Network\n',
      'briefings/long-briefing/index.md': `---\ntitle: ${LONG_TITLE}\n---\n\nText.\n`,
      'briefings/about.md': '---\ntitle: About this sample\n---\n\nAbout.\n',
      'briefings/training/module.md': '---\ntitle: A module\n---\n\nText.\n',
      'briefings/briefs/ask.md': '---\ntitle: A brief\nasks:\n  - Fund peers.\n---\n\nText.\n',
      'briefings/case-studies/glasgow.md': caseStudy(
        {
          title: '"Glasgow: the first peer naloxone supply model"',
          organisation: 'Scottish Drugs Forum',
          year: '2017',
          tags: '[peer supply, peer training, prison release]',
        },
        '## Context\n\nText.\n\n## What was done\n\nText.\n\n## Results\n\nText.\n',
      ),
    });
    const result = await buildProject(root);
    expect(result.ok, result.report).toBe(true);
    const url = (path: string) => pathToFileURL(join(result.outDir, path)).href;
    const browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false);
      await page.setViewport({ width: 390, height: 844 });
      for (const lang of ['en', 'uk', 'ar']) {
        await page.goto(url(`${lang}/case-studies/glasgow/index.html`), { waitUntil: 'load' });
        // The page starts under 150 px down (a notice that the page is not translated may come before its heading).
        expect(await page.$eval('main', (main) => main.getBoundingClientRect().top), lang).toBeLessThan(150);
        if (lang === 'en') expect(await page.$eval('main h1', (h1) => h1.getBoundingClientRect().top)).toBeLessThan(200);
        expect(await page.$eval('.site-nav', (nav) => nav.checkVisibility()), lang).toBe(false);
      }

      // Arabic: the menu opens from the keyboard; the English title is shortened and lines up on the right.
      await page.focus('.site-menu-button');
      await page.keyboard.press('Enter');
      const menu = await page.$$eval('.site-nav a', (links) =>
        links.map((link) => ({
          visible: link.checkVisibility(),
          text: link.textContent,
          textRight: Math.round(
            Math.max(
              ...[...link.childNodes]
                .filter((node) => !(node instanceof Element && node.classList.contains('sr-only')))
                .map((node) => {
                  const range = document.createRange();
                  range.selectNodeContents(node);
                  return range.getBoundingClientRect().right;
                }),
            ),
          ),
        })),
      );
      expect(menu.length).toBe(7);
      expect(menu.every((link) => link.visible)).toBe(true);
      const english = menu.find((link) => link.text?.startsWith('Peer-to-peer'))!;
      expect(english.textRight).toBe(menu[0]!.textRight);
      // The list opens over the page, below the header.
      const below = await page.evaluate(
        () => document.querySelector('.site-nav')!.getBoundingClientRect().top >= document.querySelector('.site-header')!.getBoundingClientRect().bottom - 1,
      );
      expect(below).toBe(true);

      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(url('en/case-studies/glasgow/index.html'), { waitUntil: 'load' });
      expect(await page.$eval('.site-menu-button', (summary) => summary.checkVisibility())).toBe(false);
      expect(await page.$$eval('.site-nav a', (links) => links.every((link) => link.checkVisibility()))).toBe(true);
      const [toc, h1, facts] = await Promise.all(
        ['.toc', 'main h1', '.facts'].map((selector) => page.$eval(selector, (element) => element.getBoundingClientRect().toJSON() as DOMRect)),
      );
      expect(toc!.left).toBeGreaterThan(facts!.right);
      expect(toc!.top).toBeLessThan(h1!.bottom);
    } finally {
      await browser.close();
    }
  });
});
