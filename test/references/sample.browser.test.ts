/**
 * Issue 15, on the sample project: the briefing is cited in Vancouver and the training module in
 * APA 7 (`citation_styles` in its config), in English, Ukrainian and Arabic, on the web and in PDFs.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdftotext } from '../helpers/pdf-tools.js';
import { readText } from '../helpers/project.js';
import { sampleSite } from '../helpers/sample.js';
import { lacks } from '../helpers/tools.js';

let root: string;

beforeAll(async () => {
  // The sample with every edition and PDF, built once per run (helpers/sample.ts): no problem reported.
  const built = await sampleSite('print');
  root = built.root;
  expect(built.report).toBe('');
});

/** The citations of a built page, as text. */
async function citations(path: string): Promise<string[]> {
  const html = await readText(root, path);
  return [...html.matchAll(/<span class="citation-cluster">([\s\S]*?)<\/span>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));
}

describe('the sample', () => {
  it('cites the briefing in Vancouver, numbered, in every language', async () => {
    for (const lang of ['en', 'uk', 'ar']) expect((await citations(`dist/${lang}/peer-to-peer-naloxone/index.html`)).slice(0, 2)).toEqual(['(1)', '(2)']);
    const uk = await readText(root, 'dist/uk/peer-to-peer-naloxone/index.html');
    expect(uk).toMatch(/<li id="ref-who2014"><span class="reference-label">1\.<\/span>/);
  });

  it('cites the training module in APA 7, with the words of each language', async () => {
    expect(await citations('dist/en/training/peer-naloxone-training/index.html')).toContain('(Marshall et al., 2017)');
    expect(await citations('dist/uk/training/peer-naloxone-training/index.html')).toContain('(Marshall та ін., 2017)');
    expect(await citations('dist/ar/training/peer-naloxone-training/index.html')).toContain('(Marshall وآخرون, 2017)');
    const en = await readText(root, 'dist/en/training/peer-naloxone-training/index.html');
    expect(en).toContain(
      'Marshall, C., Perreault, M., Archambault, L., &#x26; Milton, D. (2017). Experiences of peer-trainers in a take-home naloxone program',
    );
  });

  it.skipIf(lacks('pdftotext'))("prints the module's PDFs in APA in each language", async () => {
    for (const [lang, etAl] of [
      ['en', 'et al.'],
      ['uk', 'та ін.'],
      ['ar', 'وآخرون'],
    ] as const) {
      // Bidi controls pdftotext adds around runs of another direction are left out.
      const text = (await pdftotext(join(root, `dist/${lang}/training/peer-naloxone-training/peer-naloxone-training.${lang}.pdf`)))
        .replace(/[\u202a-\u202e]/g, '')
        .replace(/\s+/g, ' ');
      expect(text).toContain('Marshall, C., Perreault, M., Archambault, L., & Milton, D. (2017).');
      expect(text).toMatch(new RegExp(`Marshall\\s*${etAl.replace('.', '\\.')}`));
    }
  });
});
