/**
 * Issue 12 on the sample: the briefing's share page lists every language and edition's PDF
 * (three international, two Ukrainian, one Canadian), each with its own name, size and
 * translation state, and a QR code that holds its absolute address.
 */
import { execFileSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { readText, temporaryDir } from '../helpers/project.js';
import { sampleSite } from '../helpers/sample.js';
import { lacks } from '../helpers/tools.js';

describe('the sample briefing’s share page', () => {
  it.skipIf(lacks('pdfinfo', 'pdftoppm', 'zbarimg'))('lists its six PDFs with distinct names, sizes and states, and QR codes of their addresses', async () => {
    // The sample with every edition and PDF, built once per run (helpers/sample.ts; a failed build fails the test).
    const out = join((await sampleSite('print')).root, 'dist');
    const share = await readText(out, 'en/peer-to-peer-naloxone/share/index.html');
    const hrefs = [...share.matchAll(/<p class="share-title"[^>]*><a href="([^"]+)"/g)].map((match) => match[1]!);
    const names = hrefs.map((href) => href.split('/').at(-1));
    expect(names.sort()).toEqual([
      'peer-to-peer-naloxone.ar.pdf',
      'peer-to-peer-naloxone.ca-en.pdf',
      'peer-to-peer-naloxone.en.pdf',
      'peer-to-peer-naloxone.ua-en.pdf',
      'peer-to-peer-naloxone.ua-uk.pdf',
      'peer-to-peer-naloxone.uk.pdf',
    ]);
    expect([...share.matchAll(/PDF, \d+ kB, \d+ pages/g)]).toHaveLength(6);
    for (const state of ['Original', 'Partly translated', 'Not translated: the original text']) expect(share).toContain(`<span>${state}</span>`);

    const browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(out, 'en/peer-to-peer-naloxone/share/index.html')).href);
      const dir = await temporaryDir();
      const read: string[] = [];
      for (const [index, code] of (await page.$$('.share-qr svg')).entries()) {
        const png = join(dir, `qr-${index}.png`);
        await code.screenshot({ path: png });
        read.push(execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' }).trim());
      }
      const base = 'https://example.org/briefkit/';
      expect(read.sort()).toEqual(hrefs.map((href) => new URL(href, `${base}en/peer-to-peer-naloxone/share/index.html`).href).sort());
    } finally {
      await browser.close();
    }
    // The QR code on the PDF's back page leads to the share page too.
    const pdf = join(out, 'uk/peer-to-peer-naloxone/peer-to-peer-naloxone.uk.pdf');
    const last = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]!;
    const dir = await temporaryDir();
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', last, '-l', last, pdf, join(dir, 'back')]);
    const [png] = await readdir(dir);
    expect(execFileSync('zbarimg', ['--quiet', '--raw', join(dir, png!)], { encoding: 'utf8' }).trim()).toBe(
      'https://example.org/briefkit/uk/peer-to-peer-naloxone/share/index.html',
    );
  });
});
