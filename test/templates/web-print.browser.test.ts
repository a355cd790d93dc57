/**
 * Issue 13: Ctrl+P on a web page prints the content only: no menu, language buttons or
 * download button, and the address of each link that leaves the site after it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { buildProject, caseStudy, makeProject, temporaryDir } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

describe('printing a web page', () => {
  it.skipIf(lacks('pdftotext'))('prints the content with external link addresses, and no navigation', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Print test site\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Case A', date: '2024-01-01' },
        '## Context\n\nRead [the WHO guideline](https://www.who.int/publications/i/item/9789241548816) first.\n\nSee also [case B](b.md).\n',
      ),
      'briefings/case-studies/b.md': caseStudy({ title: 'Case B', date: '2024-01-01' }, 'Text.\n'),
    });
    expect((await buildProject(root, { pdf: true })).ok).toBe(true);
    const browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    const out = join(await temporaryDir(), 'printed.pdf');
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(root, 'dist/en/case-studies/a/index.html')).href);
      // On screen the menu, the language buttons and the download button are there.
      const screen = await page.evaluate(() => document.body.innerText);
      for (const text of ['Case studies', 'Українська', 'Download PDF']) expect(screen).toContain(text);
      await page.pdf({ path: out, format: 'A4' });
    } finally {
      await browser.close();
    }
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Case A');
    expect(text).toContain('Read the WHO guideline (https://www.who.int/publications/i/item/9789241548816) first.');
    expect(text).toContain('See also case B.');
    for (const absent of ['Українська', 'Download PDF', 'Skip to', 'Made with briefkit', 'Case studies Training']) expect(text).not.toContain(absent);
  });
});
