/** A translated site as readers of each language get it. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject, readText, temporaryDir } from '../helpers/project.js';

const fixture = join(import.meta.dirname, '../fixtures/translated-project/input');
let out: string;
const page = (path: string) => readText(out, path);

beforeAll(async () => {
  out = join(await temporaryDir(), 'site');
  const result = await buildProject(fixture, { out });
  expect(result.report).toBe('');
  expect(result.written).toBe(true);
});

describe('translated pages', () => {
  it('carry their language, direction and the interface of that language', async () => {
    const uk = await page('uk/case-studies/kyiv-outreach/index.html');
    expect(uk).toContain('<html lang="uk" dir="ltr">');
    expect(uk).toContain('<h1>Аутріч у Києві</h1>');
    expect(uk).toContain('>Тематичні дослідження</a>');
    expect(uk).toContain('<div class="prose">');
    expect(uk).not.toContain('page-notice');
    const ar = await page('ar/case-studies/kyiv-outreach/index.html');
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('<h1>العمل الميداني في كييف</h1>');
    // A name from the original's front matter, isolated and marked with the original's language.
    expect(ar).toContain('<bdi lang="en" dir="ltr">Example NGO</bdi>');
  });

  it('number footnotes and keep the original ids', async () => {
    const uk = await page('uk/case-studies/kyiv-outreach/index.html');
    expect(uk).toContain('<h2 id="context">Контекст</h2>');
    expect(uk).toContain('<li id="fn-1">');
  });
});

describe('an untranslated page', () => {
  it("is built in every language, its text marked as the original language, with a notice in the reader's", async () => {
    const uk = await page('uk/case-studies/tallinn-pharmacy/index.html');
    expect(uk).toContain('<html lang="uk" dir="ltr">');
    expect(uk).toContain('<h1 lang="en" dir="ltr">Pharmacy supply in Tallinn</h1>');
    expect(uk).toContain('<div class="prose" lang="en" dir="ltr">');
    expect(uk).toContain('<p class="page-notice-title" id="page-notice-title">Ще не перекладено</p>');
    expect(uk).toMatch(/<a href="\.\.\/\.\.\/\.\.\/en\/case-studies\/tallinn-pharmacy\/index\.html" hreflang="en">English<\/a>/);
    const ar = await page('ar/case-studies/tallinn-pharmacy/index.html');
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain('<div class="prose" lang="en" dir="ltr">');
  });
});

describe('navigation between languages', () => {
  it('links every page to the same page in the other languages, by native name', async () => {
    const uk = await page('uk/case-studies/kyiv-outreach/index.html');
    expect(uk).toContain('<a href="../../../en/case-studies/kyiv-outreach/index.html" hreflang="en" lang="en">English</a>');
    expect(uk).toContain('<a href="index.html" hreflang="uk" lang="uk" aria-current="true">Українська</a>');
    expect(uk).toContain('<a href="../../../ar/case-studies/kyiv-outreach/index.html" hreflang="ar" lang="ar">العربية</a>');
    const fallback = await page('uk/case-studies/tallinn-pharmacy/index.html');
    expect(fallback).toContain('hreflang="ar" lang="ar" class="not-translated">العربية</a>');
  });

  it('declares hreflang alternates for the languages a page is written in, and x-default', async () => {
    const en = await page('en/case-studies/kyiv-outreach/index.html');
    expect(en).toContain('<link rel="alternate" hreflang="en" href="index.html">');
    for (const lang of ['uk', 'ar']) {
      expect(en).toContain(`<link rel="alternate" hreflang="${lang}" href="../../../${lang}/case-studies/kyiv-outreach/index.html">`);
    }
    // Issue 29: x-default is the page in the first language it is written in (the root's
    // language chooser links to home pages only, so it is the home page's x-default alone).
    expect(en).toContain('<link rel="alternate" hreflang="x-default" href="index.html">');
    expect(await page('en/index.html')).toContain('<link rel="alternate" hreflang="x-default" href="../index.html">');
    const fallback = await page('en/case-studies/tallinn-pharmacy/index.html');
    expect(fallback).not.toContain('hreflang="uk" href');
  });

  it("offers a language choice at the root, suggesting the browser's language", async () => {
    const root = await page('index.html');
    expect(root).not.toContain('http-equiv="refresh"');
    expect(root).toContain('<a href="uk/index.html" hreflang="uk" lang="uk" dir="ltr">Українська</a>');
    expect(root).toContain('<a href="ar/index.html" hreflang="ar" lang="ar" dir="rtl">العربية</a>');
    expect(root).toContain('navigator.languages');
  });
});

describe('interface strings', () => {
  it('reports missing keys of a language on its file, and falls back to English', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, pl, de]\n',
      'briefings/case-studies/a.md': caseStudy(),
      'translations/pl/ui.yaml': 'home: "Strona główna"\ncaseStudies: "Studia przypadków"\n',
    });
    const result = await buildProject(root);
    expect(result.written).toBe(true);
    expect(result.report).toMatch(
      /translations\/pl\/ui\.yaml\n {2}translations\/pl\/ui\.yaml {2}warning {2}\d+ interface strings are missing for "pl" and will show in English: skipToContent, mainNavigation, language,/,
    );
    expect(result.report).toContain('briefkit.config.yaml:1:21  warning  No interface strings for "de"');
    const pl = await readText(root, 'dist/pl/index.html');
    expect(pl).toContain('>Strona główna</a>');
    expect(pl).toContain('Skip to content');
    const strict = await buildProject(root, { strict: true, out: join(root, 'strict') });
    expect(strict.written).toBe(false);
  });

  it('reports a broken message or an unknown variable at its line', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy(),
      'translations/uk/ui.yaml': 'home: "Головна"\ncaseStudyCount: "{count, plural, one {# тема}"\nreadOriginal: "Оригінал ({lang})"\nhomePage: "x"\n',
    });
    const { report } = await buildProject(root);
    expect(report).toContain('translations/uk/ui.yaml:2:17  error  "caseStudyCount" is not a valid message');
    expect(report).toContain(
      'translations/uk/ui.yaml:3:15  error  "readOriginal" uses {lang}, which briefkit does not provide  ui-message\n      → This message can use: {language}.',
    );
    expect(report).toContain('translations/uk/ui.yaml:4:1  warning  Unknown interface string "homePage"');
  });

  it('formats plurals and dates for the language', async () => {
    const home = await page('uk/index.html');
    expect(home).toContain('Тематичні дослідження');
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/guide/index.md': '---\ntitle: Guide\ndate: 2023-09-25\ncase_studies: [a, b, c, d, e]\n---\nText\n',
      ...Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((slug) => [`briefings/case-studies/${slug}.md`, caseStudy()])),
    });
    await buildProject(root);
    const uk = await readText(root, 'dist/uk/index.html');
    expect(uk).toContain('5 тематичних досліджень');
    expect(uk).toContain('25 вересня 2023');
    expect(await readText(root, 'dist/en/index.html')).toContain('5 case studies');
  });
});

describe('a partial translation', () => {
  it('shows the untranslated sections in the original language, marked, with a notice', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/guide/index.md': '---\ntitle: Guide\n---\n\nIntro.\n\n## One\n\nFirst [^a].\n\n## Two\n\nSecond [^b].\n\n[^a]: Note A.\n[^b]: Note B.\n',
      'translations/uk/guide/index.md': '---\ntitle: Посібник\n---\n\nВступ.\n\n## Перший {#one}\n\nПерший [^a].\n\n[^a]: Примітка А.\n',
    });
    const result = await buildProject(root);
    expect(result.report).toBe('');
    const uk = await readText(root, 'dist/uk/guide/index.html');
    expect(uk).toContain('<h2 id="one">Перший</h2>');
    expect(uk).toContain('<div class="untranslated" lang="en" dir="ltr"><h2 id="two">Two</h2><p class="untranslated-notice" lang="uk" dir="ltr">');
    expect(uk).toContain('<li class="toc-depth-2" lang="en"><a href="#two">Two</a></li>');
    // The original's footnote comes along under its own id, not the translation's.
    expect(uk).toContain('href="#fn-original-b"');
    expect(uk).toContain('id="fn-original-b"');
    expect(uk).toContain('<li id="fn-a">');
  });
});
