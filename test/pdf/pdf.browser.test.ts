/**
 * The sample site's PDFs, read as a reader (and a checker) would: sound files, tagged,
 * fonts embedded, bookmarks, a contents page that sends the reader to the right page,
 * metadata from the content, Arabic text that is right to left and can be searched.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, listTree, makeProject, readText, caseStudy } from '../helpers/project.js';
import { catalog, outline, pdffonts, pdfinfo, pdftotext, pdfwords, qpdfCheck } from '../helpers/pdf-tools.js';
import { sampleSite } from '../helpers/sample.js';
import { lacks } from '../helpers/tools.js';

const repository = join(import.meta.dirname, '../..');
let out: string;
let pdfs: string[];
let slides: string[];
const briefing = () => join(out, 'en/peer-to-peer-naloxone/peer-to-peer-naloxone.en.pdf');

beforeAll(async () => {
  // The sample with every edition and PDF, built once per run and shared (helpers/sample.ts;
  // a failed build fails here), with no problem at all. Its international edition is at the
  // top of the site, in a folder per language; the countries' editions are beside it.
  const built = await sampleSite('print');
  expect(built.report).toBe('');
  out = join(built.root, 'dist');
  const all = (await listTree(out)).filter((path) => /^(en|uk|ar)\//.test(path) && path.endsWith('.pdf')).map((path) => join(out, path));
  pdfs = all.filter((path) => !path.includes('.slides.'));
  slides = all.filter((path) => path.includes('.slides.'));
});

describe('every PDF of the sample site', () => {
  it('exists for every briefing, case study, training module and advocacy brief in every language, beside its page', async () => {
    // 1 briefing + 6 case studies + 1 advocacy brief + a training module's two (participant
    // and facilitator), in 3 languages.
    expect(pdfs).toHaveLength(30);
    // And the key messages of the briefing, the module and the brief as slides (issue 12).
    expect(slides).toHaveLength(9);
    for (const lang of ['en', 'uk', 'ar']) {
      expect(await readdir(join(out, lang, 'case-studies/glasgow-peer-supply'))).toContain(`glasgow-peer-supply.${lang}.pdf`);
    }
  });

  it.skipIf(lacks('pdffonts', 'pdfinfo', 'qpdf'))(
    'passes qpdf --check, is tagged, has a title, a language and bookmarks, and embeds all its fonts as TrueType',
    async () => {
      for (const pdf of pdfs) {
        await expect(qpdfCheck(pdf), pdf).resolves.toContain('No syntax or stream encoding errors');
        const info = await pdfinfo(pdf);
        expect(info.Tagged, pdf).toBe('yes');
        expect(info.Title, pdf).not.toBe('');
        expect(info['Page size'], pdf).toContain('(A4)');
        const fonts = await pdffonts(pdf);
        expect(fonts.length, pdf).toBeGreaterThan(0);
        for (const font of fonts) {
          expect(font.embedded, `${pdf}: ${font.name}`).toBe(true);
          expect(font.type, `${pdf}: ${font.name}`).toBe('CID TrueType');
        }
        expect((await outline(pdf)).length, pdf).toBeGreaterThan(3);
        // A page with no translation prints its original, and says it is in that language.
        const [, lang, path] = /\/(\w+)\/((?:case-studies\/|training\/|briefs\/)?[\w-]+)\/[\w-]+(?:\.facilitator)?\.\w+\.pdf$/.exec(pdf)!;
        const source = path!.includes('/') ? `${path}.md` : `${path}/index.md`;
        const translated =
          lang === 'en' || (await readdir(join(repository, 'translations', lang!, dirname(source))).catch((): string[] => [])).includes(basename(source));
        expect(await catalog(pdf), pdf).toEqual({ lang: translated ? lang : 'en', marked: true });
      }
    },
  );

  it.skipIf(lacks('pdffonts', 'pdfinfo', 'qpdf'))('has slides that are 16:9, tagged, titled and embed their fonts', async () => {
    for (const pdf of slides) {
      await expect(qpdfCheck(pdf), pdf).resolves.toContain('No syntax or stream encoding errors');
      const info = await pdfinfo(pdf);
      expect(info.Tagged, pdf).toBe('yes');
      expect(info.Title, pdf).not.toBe('');
      expect(info['Page size'], pdf).toBe('720 x 404.88 pts');
      for (const font of await pdffonts(pdf)) expect(font.embedded, `${pdf}: ${font.name}`).toBe(true);
    }
  });

  it.skipIf(lacks('pdfinfo'))('takes its dates and metadata from the content', async () => {
    const info = await pdfinfo(briefing());
    expect(info.Title).toBe('Peer-to-peer naloxone distribution');
    expect(info.Author).toBe('briefkit sample team');
    expect(info.Subject).toMatch(/^How drug user organisations/);
    expect(info.Keywords).toContain('naloxone');
    expect(info.CreationDate).toBe('Mon Sep 25 00:00:00 2023 UTC');
    expect(info.ModDate).toBe('Mon Sep 25 00:00:00 2023 UTC');
  });
});

describe('the briefing PDF', () => {
  it.skipIf(lacks('pdfinfo', 'pdftotext', 'qpdf'))('has a cover, contents whose page numbers send the reader to the right page, and a back page', async () => {
    const cover = await pdftotext(briefing(), 1, 1);
    expect(cover).toContain('TECHNICAL BRIEFING');
    expect(cover).toContain('Peer-to-peer naloxone');
    expect(cover).toContain('Sample Peer Network'.toUpperCase());
    const contents = await pdftotext(briefing(), 2, 2, true);
    const entries = [...contents.matchAll(/^\s*(\S.*?\S)\s{2,}(\d+)\s*$/gm)].map((match) => ({ title: match[1]!, page: Number(match[2]) }));
    expect(entries.map((entry) => entry.title)).toEqual([
      'Introduction: why peers matter',
      'Naloxone basics',
      'Distribution models',
      'Practice lessons',
      'In your country',
      'Advocacy asks',
      'About this briefing',
      "Glasgow: the UK's first peer naloxone supply model",
      'Montreal: PROFAN, a peer-run overdose training programme',
      'Canberra: a drug user organisation runs take-home naloxone',
      'Norway: a national, staff-led nasal naloxone programme',
      'Estonia: take-home naloxone where only doctors could supply',
      'Ukraine: NGO naloxone distribution under prescription rules',
    ]);
    for (const entry of entries) {
      const page = (await pdftotext(briefing(), entry.page, entry.page)).replace(/\s+/g, ' ');
      expect(page, `${entry.title} on page ${entry.page}`).toContain(entry.title.replace(/\s+/g, ' ').slice(0, 40));
    }
    // The bookmarks agree with the contents.
    const bookmarks = await outline(briefing());
    for (const entry of entries) expect(bookmarks.find((item) => item.title === entry.title)?.page, entry.title).toBe(entry.page);
    const pages = Number((await pdfinfo(briefing())).Pages);
    const back = await pdftotext(briefing(), pages, pages);
    expect(back).toContain('How to cite');
    expect(back).toContain('https://example.org/briefkit/en/peer-to-peer-naloxone/index.html');
    // Its QR code leads to the share page: this briefing in every language and edition.
    expect(back).toContain('https://example.org/briefkit/en/peer-to-peer-naloxone/share/index.html');
    expect(back).toContain('CC BY 4.0');
  });

  it.skipIf(lacks('pdfinfo', 'pdftotext'))('has a running title and "page x of y" on every page but the cover', async () => {
    const pages = Number((await pdfinfo(briefing())).Pages);
    for (const page of [2, 5, pages]) {
      const text = await pdftotext(briefing(), page, page);
      expect(text).toContain('Peer-to-peer naloxone distribution');
      expect(text).toContain(`Page ${page} of ${pages}`);
    }
    expect(await pdftotext(briefing(), 1, 1)).not.toContain('Page 1 of');
  });

  it.skipIf(lacks('pdftotext'))('shows the URL of external links and numbers its references', async () => {
    const text = (await pdftotext(briefing())).replace(/\s+/g, ' ');
    expect(text).toMatch(/References 1\. World Health Organization/);
    expect(text).toContain('doi: 10.1111/add.13265');
  });

  it.skipIf(lacks('pdftotext'))('is in Ukrainian with its Ukrainian contents, and the untranslated sections marked', async () => {
    const pdf = join(out, 'uk/peer-to-peer-naloxone/peer-to-peer-naloxone.uk.pdf');
    const contents = await pdftotext(pdf, 2, 2);
    expect(contents).toContain('Зміст');
    expect(contents).toContain('Вступ: чому важливі рівні');
    expect(await pdftotext(pdf)).toContain('Цей розділ ще не перекладено');
    expect(await pdftotext(pdf, 3, 3)).toMatch(/Сторінка 3 з \d+/);
  });
});

describe('an Arabic PDF', () => {
  it.skipIf(lacks('pdfinfo', 'pdftotext'))('is right to left, and its text can be found by searching', async () => {
    const pdf = join(out, 'ar/case-studies/glasgow-peer-supply/glasgow-peer-supply.ar.pdf');
    const text = await pdftotext(pdf);
    for (const phrase of ['ترجمة تجريبية', 'السياق', 'النتائج', 'البرنامج الوطني للنالوكسون', 'Scottish Drugs Forum']) {
      expect(text, phrase).toContain(phrase);
    }
    // pdftotext -bbox lists words as drawn (letters in visual order): the heading "السياق"
    // sits against the right margin.
    const page = (await pdftotext(pdf)).split('\f').findIndex((content) => content.includes('السياق')) + 1;
    const words = await pdfwords(pdf, page);
    const heading = words.find((word) => [...word.text].reverse().join('') === 'السياق')!;
    expect(heading.xMax).toBeGreaterThan(heading.width * 0.85);
    expect((await pdfinfo(pdf)).Title).toBe('غلاسكو: أول نموذج في المملكة المتحدة لتوزيع النالوكسون عبر الأقران');
  });
});

describe('the site links each page to its PDF', () => {
  it.skipIf(lacks('pdfinfo'))("with its size and page count, in the reader's language", async () => {
    const en = await readText(out, 'en/peer-to-peer-naloxone/index.html');
    const pages = (await pdfinfo(briefing())).Pages;
    expect(en).toMatch(
      new RegExp(
        `<a class="button" href="peer-to-peer-naloxone\\.en\\.pdf" type="application/pdf" download>Download PDF</a> <span ` +
          `class="pdf-details">PDF, \\d+ kB, ${pages} pages</span>`,
      ),
    );
    const uk = await readText(out, 'uk/case-studies/glasgow-peer-supply/index.html');
    expect(uk).toMatch(/href="glasgow-peer-supply\.uk\.pdf"[^>]*>Завантажити PDF<\/a> <span class="pdf-details">PDF, \d+ кБ, \d+ сторін/);
  });
});

describe('printing options', () => {
  it.skipIf(lacks('pdfinfo', 'pdftotext'))('prints on US Letter when the config says so, the whole cover on its first page (issue 29)', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'paper: Letter\n',
      'briefings/case-studies/a.md': caseStudy({ summary: 'A summary long enough to take a few lines on the cover of the case study.' }),
    });
    const result = await buildProject(root, { pdf: true });
    expect(result.ok).toBe(true);
    const pdf = join(root, 'dist/en/case-studies/a/a.en.pdf');
    expect((await pdfinfo(pdf))['Page size']).toContain('(letter)');
    // The cover's facts (language, authors…) stay at its foot: on A4's height they fell onto page 2.
    expect((await pdftotext(pdf, 1, 1)).toUpperCase()).toContain('LANGUAGE');
    expect((await pdftotext(pdf, 2, 2)).toUpperCase()).not.toContain('LANGUAGE');
  });

  it('builds the website but fails, saying how to install a browser, when there is none', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy() });
    const previous = process.env.PUPPETEER_EXECUTABLE_PATH;
    process.env.PUPPETEER_EXECUTABLE_PATH = '/nonexistent/chromium';
    try {
      const result = await buildProject(root, { pdf: true });
      expect(result.ok).toBe(false);
      expect(result.written).toBe(true);
      expect(result.report).toContain(
        'The browser PUPPETEER_EXECUTABLE_PATH names (/nonexistent/chromium) does not exist: the website was built, the PDFs were not',
      );
      expect(result.report).toContain('Correct PUPPETEER_EXECUTABLE_PATH, or unset it');
      const files = await listTree(join(root, 'dist'));
      expect(files).toContain('en/case-studies/a/index.html');
      expect(files.some((file) => file.endsWith('.pdf'))).toBe(false);
    } finally {
      if (previous === undefined) delete process.env.PUPPETEER_EXECUTABLE_PATH;
      else process.env.PUPPETEER_EXECUTABLE_PATH = previous;
    }
  });

  it('skips the PDFs with --no-pdf, and `briefkit pdf --only` prints just one', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy(), 'briefings/case-studies/b.md': caseStudy() });
    const site = await buildProject(root, { pdf: false });
    expect(site.ok).toBe(true);
    expect((await listTree(join(root, 'dist'))).some((file) => file.endsWith('.pdf'))).toBe(false);
    const one = await buildProject(root, { pdfOnly: { only: 'b' } });
    expect(one.ok).toBe(true);
    const files = await listTree(join(root, 'dist'));
    expect(files.filter((file) => file.endsWith('.pdf'))).toEqual(['en/case-studies/b/b.en.pdf']);
    expect(files).toContain('en/case-studies/a/index.html');
  });
});
