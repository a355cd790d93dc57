/**
 * Issue 11 in a browser: PDFs printed when they are asked for (once per build), the `?print`
 * preview paged as the PDF is, and problems shown over the affected pages only.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { DevServer } from '../../src/dev/dev-server.js';
import { printPdfs } from '../../src/pdf/print-pdfs.js';
import { until } from '../helpers/dev.js';
import { caseStudy, makeProject, temporaryDir } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

let browser: Browser;
let server: DevServer | undefined;
beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
afterAll(async () => browser.close());
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const sections = Array.from({ length: 6 }, (_, index) => `## Section ${index + 1}\n\n${'Peers carry naloxone and train each other. '.repeat(60)}\n`).join('\n');
const caseA = caseStudy({ title: 'Case A', date: '2024-01-01' }, 'First version.\n\n## Results\n\nIt worked.\n');
const files = {
  'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
  'briefings/guide/index.md': `---\ntitle: Guide\ndate: 2023-09-25\ncase_studies: [a]\n---\n\n${sections}`,
  'briefings/case-studies/a.md': caseA,
  'briefings/case-studies/b.md': caseStudy({ title: 'Case B', date: '2024-01-01' }, 'Case B text.\n'),
};

async function pdfText(bytes: ArrayBuffer): Promise<{ text: string; pages: number }> {
  const path = join(await temporaryDir(), 'got.pdf');
  await writeFile(path, Buffer.from(bytes));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  return { text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }), pages };
}

describe('briefkit dev in a browser', () => {
  it.skipIf(lacks('pdfinfo', 'pdftotext'))(
    'prints a PDF when it is asked for, once per build, and lays out the same document in pages with ?print',
    async () => {
      const root = await makeProject(files);
      let printed = 0;
      server = await DevServer.start({ root, log: () => undefined, printer: (jobs, options) => ((printed += jobs.length), printPdfs(jobs, options)) });
      expect(printed).toBe(0);
      expect(await (await fetch(new URL('en/guide/', server.url))).text()).toContain('href="guide.en.pdf"');

      const answer = await fetch(new URL('en/guide/guide.en.pdf', server.url));
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('application/pdf');
      const pdf = await pdfText(await answer.arrayBuffer());
      expect(pdf.text).toContain('Guide');
      expect(pdf.text).toContain('Case A');
      expect(printed).toBe(1);
      await (await fetch(new URL('en/guide/guide.en.pdf', server.url))).arrayBuffer();
      expect(printed).toBe(1);
      expect((await fetch(new URL('en/guide/missing.en.pdf', server.url))).status).toBe(404);

      // The print preview: the PDF's pages, running heads and contents numbers, laid out by the browser.
      const tab = await browser.newPage();
      await tab.goto(new URL('en/guide/?print', server.url).href, { waitUntil: 'load' });
      await tab.waitForFunction(() => document.documentElement.dataset.briefkitPaged, { timeout: 120_000 });
      const preview = await tab.evaluate(() => ({
        pages: document.querySelectorAll('.pagedjs_page').length,
        contents: [...document.querySelectorAll('.toc-page')].map((span) => span.textContent),
        bar: document.querySelector('.briefkit-print-bar a')?.getAttribute('href'),
      }));
      expect(preview.pages).toBe(pdf.pages);
      const printedContents = [...pdf.text.matchAll(/^\s*(Section \d|Case A)\s*\.*\s*(\d+)\s*$/gm)].map((match) => match[2]);
      expect(printedContents).toHaveLength(7);
      expect(preview.contents).toEqual(printedContents);
      expect(preview.bar).toBe('/en/guide/guide.en.pdf');
      await tab.close();

      // An edit makes a new PDF on the next request.
      await writeFile(join(root, 'briefings/case-studies/a.md'), caseA.replace('First version.', 'Second version.'));
      await until(async () => (await (await fetch(new URL('en/case-studies/a/', server!.url))).text()).includes('Second version.'), 'the edit');
      expect((await pdfText(await (await fetch(new URL('en/guide/guide.en.pdf', server.url))).arrayBuffer())).text).toContain('Second version.');
      expect(printed).toBe(2);
      // A page that has no PDF has no print preview.
      expect((await fetch(new URL('en/index.html?print', server.url))).status).toBe(404);
    },
  );

  it('shows a page’s problems over that page only, and reloads it when they are fixed', async () => {
    const root = await makeProject(files);
    server = await DevServer.start({ root, log: () => undefined });
    const [a, b] = [await browser.newPage(), await browser.newPage()];
    await a.goto(new URL('en/case-studies/a/', server.url).href);
    await b.goto(new URL('en/case-studies/b/', server.url).href);
    // The pages are listening once the stream has said all is well.
    await new Promise((done) => setTimeout(done, 500));
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseA.replace('It worked.', 'It worked [@nobody2020].'));
    await a.waitForSelector('#briefkit-problems', { timeout: 120_000 });
    expect(await a.$eval('#briefkit-problems', (box) => box.textContent)).toContain('briefings/case-studies/a.md:11:11');
    await new Promise((done) => setTimeout(done, 300));
    expect(await b.$('#briefkit-problems')).toBeNull();

    await writeFile(join(root, 'briefings/case-studies/a.md'), caseA.replace('It worked.', 'It worked well.'));
    await a.waitForFunction(() => document.body.textContent?.includes('It worked well.'), { timeout: 120_000 });
    expect(await a.$('#briefkit-problems')).toBeNull();
    await Promise.all([a.close(), b.close()]);
  });
});
