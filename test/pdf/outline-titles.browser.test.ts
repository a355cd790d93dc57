/**
 * Issue 29, item 1: a PDF's bookmarks read as its headings are written. Chromium titles them
 * with the words as laid out: an Arabic heading's words came out in reverse order, and a
 * heading that wraps lost the space at the wrap, in any language.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, caseStudy, makeProject } from '../helpers/project.js';
import { outline } from '../helpers/pdf-tools.js';
import { lacks } from '../helpers/tools.js';

const LONG_EN = 'Glasgow: the first peer naloxone supply model in the United Kingdom, and what other cities learned from it';
const LONG_AR = 'غلاسكو: أول نموذج في المملكة المتحدة لتوزيع النالوكسون عبر الأقران، وما تعلمته المدن الأخرى منه';

let out: string;
const pdf = (lang: string) => join(out, `${lang}/case-studies/glasgow/glasgow.${lang}.pdf`);

beforeAll(async () => {
  const root = await makeProject({
    'briefkit.config.yaml': 'title: Sample\nlanguages: [en, ar]\n',
    'briefings/case-studies/glasgow.md': caseStudy(
      { title: `"${LONG_EN}"` },
      `## Peer naloxone training\n\nText.\n\n## What was done\n\nText.\n\n## ${LONG_EN} {#long}\n\nText.\n`,
    ),
    'translations/ar/case-studies/glasgow.md':
      `---\ntitle: "${LONG_AR}"\n---\n\n## التدريب على النالوكسون بين الأقران ` +
      `{#peer-naloxone-training}\n\nنص.\n\n## ما الذي   نُفِّذ {#what-was-done}\n\nنص.\n\n## ${LONG_AR} {#long}\n\nنص.\n`,
  });
  out = join(root, 'dist');
  const result = await buildProject(root, { out, pdf: true });
  expect(result.report).toBe('');
  expect(result.ok).toBe(true);
});

describe('the bookmarks of a PDF', () => {
  it.skipIf(lacks('qpdf'))('are the Arabic headings as written, words in order, white space collapsed', async () => {
    const titles = (await outline(pdf('ar'))).map((item) => item.title);
    expect(titles).toContain(LONG_AR);
    expect(titles).toContain('التدريب على النالوكسون بين الأقران');
    expect(titles).toContain('ما الذي نُفِّذ');
  });

  it.skipIf(lacks('qpdf'))('are the English headings as written, a long one that wraps with all its spaces', async () => {
    const titles = (await outline(pdf('en'))).map((item) => item.title);
    expect(titles).toContain(LONG_EN);
    expect(titles).toContain('Peer naloxone training');
  });
});
