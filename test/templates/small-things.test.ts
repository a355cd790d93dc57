/**
 * Issue 29, item 5: what readers see. Every page has an icon (no 404 for /favicon.ico on each
 * page), images carry their size (no layout shift), and raw HTML whose classes are all
 * sanitised away keeps no empty `class=""`. Checked on the built pages.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { png, jpeg } from '../helpers/binary-files.js';
import { buildProject, listTree, makeProject, readText } from '../helpers/project.js';

const PAGE = [
  '---\ntitle: Guide\n---\n',
  '![A chart](chart.png)',
  '![A photo](photo%20one.jpg)',
  '![A drawing](drawing.svg)',
  '![A sketch](sketch.svg)',
  '<img src="chart.png" alt="Sized by hand" width="40">',
  '<div class="bar">Raw HTML</div>',
  '<p class="callout-title bar">Kept class</p>',
  '',
].join('\n\n');

async function project(extra: Record<string, string> = {}) {
  return makeProject({
    'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
    'briefings/guide/index.md': PAGE,
    'briefings/guide/chart.png': png(120, 80),
    'briefings/guide/photo one.jpg': jpeg(640, 480),
    'briefings/guide/drawing.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="48px" height="24" viewBox="0 0 48 24"><rect width="48" height="24"/></svg>',
    'briefings/guide/sketch.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>',
    'briefings/about.md': '---\ntitle: About\n---\n\nText.\n',
    ...extra,
  });
}

describe('issue 29: small things readers see', () => {
  it('every page links an icon that is in the output', async () => {
    const root = await project();
    const build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    const dist = join(root, 'dist');
    const pages = (await listTree(dist)).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const html = await readFile(join(dist, page), 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      const icon = /<link rel="icon" href="([^"]+)"/.exec(head)?.[1];
      expect(icon, page).toBeDefined();
      // The 404 page is served at any depth, where no relative link works: it carries its icon.
      if (page.endsWith('404.html')) {
        expect(icon, page).toMatch(/^data:image\/svg\+xml;base64,/);
        continue;
      }
      expect(existsSync(join(dist, posix.join(posix.dirname(page), decodeURI(icon!)))), `${page}: ${icon}`).toBe(true);
    }
    expect(await readFile(join(dist, 'assets/favicon.svg'), 'utf8')).toContain('<svg');
  });

  it('a project’s own templates/assets/favicon.svg replaces briefkit’s', async () => {
    const root = await project({ 'templates/assets/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>own</title></svg>' });
    expect((await buildProject(root)).ok).toBe(true);
    expect(await readText(root, 'dist/assets/favicon.svg')).toContain('<title>own</title>');
  });

  it('images have their width and height, and no element an empty class', async () => {
    const root = await project({ 'translations/uk/guide/index.md': PAGE.replace('title: Guide', 'title: Посібник').replace('Raw HTML', 'Сирий HTML') });
    const build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    for (const lang of ['en', 'uk']) {
      const html = await readText(root, `dist/${lang}/guide/index.html`);
      const images = [...html.matchAll(/<img [^>]*>/g)].map((match) => match[0]);
      expect(images, lang).toEqual([
        '<img src="chart.png" alt="A chart" width="120" height="80">',
        '<img src="photo%20one.jpg" alt="A photo" width="640" height="480">',
        '<img src="drawing.svg" alt="A drawing" width="48" height="24">',
        // A viewBox alone: the drawing takes the width it is given.
        '<img src="sketch.svg" alt="A sketch">',
        // An author's own size is kept.
        '<img src="chart.png" alt="Sized by hand" width="40">',
      ]);
      expect(html).not.toMatch(/class=""/);
      expect(html).toMatch(/<div>(Raw|Сирий) HTML<\/div>/);
      expect(html).toMatch(/<p class="callout-title"( lang="en" dir="ltr")?>Kept class<\/p>/);
    }
  });
});
