/**
 * Issue 12: every PDF of a site has a name of its own, and a briefing's share page lists its
 * PDFs in every language and edition, with QR codes that hold each PDF's address.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { findChromium } from '../../src/browser/find-browser.js';
import { CHROMIUM_ARGS } from '../../src/browser/launch-args.js';
import { buildProject, caseStudy, listTree, makeProject, readText, temporaryDir } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

const profile = 'name: Ukraine\nlanguages: [uk, en]\npaper: A4\n';

function files(config: string): Record<string, string> {
  return {
    'briefkit.config.yaml': config,
    'briefings/guide/index.md':
      '---\ntitle: Guide\ndate: 2023-09-25\nversion: "2.0"\ncase_studies: [a]\n---\n\n## Start\n\nText.\n\n:::key-points\n- ' +
      'Peers reach people [first](#start).\n- Naloxone is safe.\n:::\n',
    'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Text.\n'),
    'translations/uk/guide/index.md': '---\ntitle: Посібник\n---\n\n## Початок {#start}\n\nТекст.\n\n:::key-points\n- Рівні досягають людей.\n:::\n',
    'countries/ua.yaml': profile,
    'translations/ar/guide/index.md': '---\ntitle: دليل\n---\n\n## البداية {#start}\n\nنص.\n',
  };
}

/** Width and height of a PNG, from its header. */
function pngSize(bytes: Buffer): [number, number] {
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('sharing a briefing', () => {
  it.skipIf(lacks('pdfinfo', 'zbarimg'))('gives every PDF its own name, and lists them all on the share page with QR codes of their addresses', async () => {
    const root = await makeProject(files('title: Test\nbase_url: https://example.org/kit/\nlanguages: [en, uk, ar]\n'));
    const result = await buildProject(root, { allCountries: true, pdf: true });
    expect(result.ok).toBe(true);
    const pdfs = (await listTree(join(root, 'dist'))).filter((path) => path.endsWith('.pdf'));
    const slides = pdfs.filter((path) => path.includes('/guide/') && path.includes('.slides.')).sort();
    const guidePdfs = pdfs.filter((path) => path.includes('/guide/') && !path.includes('.slides.')).sort();
    expect(guidePdfs).toEqual([
      'ar/guide/guide.ar.pdf',
      'en/guide/guide.en.pdf',
      'ua/en/guide/guide.ua-en.pdf',
      'ua/uk/guide/guide.ua-uk.pdf',
      'uk/guide/guide.uk.pdf',
    ]);
    // The Arabic translation has no key points, so it has no slides.
    expect(slides).toEqual([
      'en/guide/guide.slides.en.pdf',
      'ua/en/guide/guide.slides.ua-en.pdf',
      'ua/uk/guide/guide.slides.ua-uk.pdf',
      'uk/guide/guide.slides.uk.pdf',
    ]);
    const guides = guidePdfs;
    const names = pdfs.map((path) => path.split('/').at(-1));
    expect(new Set(names).size).toBe(names.length);
    // The version is in each PDF's metadata as well as on its cover.
    expect(execFileSync('pdfinfo', ['-custom', join(root, 'dist/ua/uk/guide/guide.ua-uk.pdf')], { encoding: 'utf8' })).toMatch(/^Version:\s+2\.0$/m);

    expect(await readText(root, 'dist/en/guide/index.html')).toContain('href="share/index.html"');
    const share = await readText(root, 'dist/en/guide/share/index.html');
    const entries = [...share.matchAll(/<li class="share-entry">([\s\S]*?)<\/li>/g)].map((match) => match[1]!);
    expect(entries).toHaveLength(5);
    expect(share).toContain('<span>Translated</span> · <span>PDF');
    expect(share).toContain('<span>Original</span> · <span>PDF');
    expect(share).toContain('Ukraine edition');
    expect(share).toMatch(
      /<p class="share-title" lang="uk" dir="ltr"><a href="..\/..\/..\/ua\/uk\/guide\/guide\.ua-uk\.pdf" type="application\/pdf">Посібник<\/a><\/p>/,
    );
    expect(share).toMatch(/PDF, \d+ kB, \d+ pages?<\/span> · <span>Version 2\.0<\/span> · <span>2023-09-25/);

    // Each QR code, read as a phone would, holds the absolute address of its PDF.
    const browser = await puppeteer.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(root, 'dist/en/guide/share/index.html')).href);
      const codes = await page.$$('.share-qr svg');
      expect(codes).toHaveLength(5);
      const dir = await temporaryDir();
      const read: string[] = [];
      for (const [index, code] of codes.entries()) {
        const png = join(dir, `qr-${index}.png`);
        await code.screenshot({ path: png });
        read.push(execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8' }).trim());
      }
      expect(read.sort()).toEqual(guides.map((path) => `https://example.org/kit/${path}`).sort());
    } finally {
      await browser.close();
    }
  });

  it.skipIf(lacks('pdfinfo', 'pdftoppm', 'pdftotext', 'zbarimg'))(
    'makes key-message slides (16:9, a QR code of the share page) and a link-preview image per language, right to left too',
    async () => {
      const root = await makeProject(files('title: Test\nbase_url: https://example.org/kit/\nlanguages: [en, uk, ar]\n'));
      expect((await buildProject(root, { pdf: true })).ok).toBe(true);
      const slides = join(root, 'dist/en/guide/guide.slides.en.pdf');
      const info = execFileSync('pdfinfo', [slides], { encoding: 'utf8' });
      expect(info).toMatch(/^Pages:\s+2$/m);
      expect(info).toMatch(/^Page size:\s+720 x 404\.88 pts/m);
      const text = execFileSync('pdftotext', ['-layout', slides, '-'], { encoding: 'utf8' });
      expect(text).toContain('Key points');
      expect(text).toContain('Peers reach people first.');
      const dir = await temporaryDir();
      execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', slides, join(dir, 'title')]);
      const titlePng = (await listTree(dir)).find((name) => name.startsWith('title'))!;
      expect(execFileSync('zbarimg', ['--quiet', '--raw', join(dir, titlePng)], { encoding: 'utf8' }).trim()).toBe(
        'https://example.org/kit/en/guide/share/index.html',
      );
      expect(execFileSync('pdftotext', [join(root, 'dist/uk/guide/guide.slides.uk.pdf'), '-'], { encoding: 'utf8' })).toContain('Рівні досягають людей.');
      expect(await readText(root, 'dist/en/guide/share/index.html')).toContain('href="../guide.slides.en.pdf"');

      for (const lang of ['en', 'uk', 'ar']) {
        const png = await readFile(join(root, `dist/${lang}/guide/preview.png`));
        expect(pngSize(png), lang).toEqual([1200, 630]);
        // An empty picture (what a right-to-left page gave when clipped) compresses to about 3.5 kB.
        expect(png.byteLength, lang).toBeGreaterThan(6_000);
      }
      const page = await readText(root, 'dist/ar/guide/index.html');
      expect(page).toContain('<meta property="og:image" content="https://example.org/kit/ar/guide/preview.png">');
      expect(page).toContain('<meta name="twitter:card" content="summary_large_image">');
    },
  );

  it('without base_url, says links and QR codes need it and shows relative links only', async () => {
    const root = await makeProject(files('title: Test\nlanguages: [en, uk]\n'));
    expect((await buildProject(root, { pdf: true })).ok).toBe(true);
    const share = await readText(root, 'dist/en/guide/share/index.html');
    expect(share).toContain('set base_url in briefkit.config.yaml');
    expect(share).not.toContain('<svg');
    expect(share).toContain('href="../guide.en.pdf"');
  });

  it('gives every page link-preview tags in its language, with the other languages as alternates', async () => {
    const root = await makeProject(files('title: Test\nbase_url: https://example.org/kit/\nlanguages: [en, uk]\n'));
    expect((await buildProject(root, { pdf: false })).ok).toBe(true);
    const page = await readText(root, 'dist/uk/guide/index.html');
    expect(page).toContain('<meta property="og:title" content="Посібник">');
    expect(page).toContain('<meta property="og:locale" content="uk_UA">');
    expect(page).toContain('<meta property="og:locale:alternate" content="en_US">');
    expect(page).toContain('<meta property="og:url" content="https://example.org/kit/uk/guide/index.html">');
    expect(page).toContain('<meta name="twitter:card" content="summary">');
  });
});
