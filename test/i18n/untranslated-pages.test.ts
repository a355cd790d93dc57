/**
 * Issue 26, items 1 and 3: a page shows translated text only where a translator wrote it,
 * and the original (with the notice) everywhere else, section by section; `i18n status`
 * counts words a translator wrote, never a copy of the original. Reproduced as the issue
 * did: an empty `i18n apply`, an `apply` with one paragraph translated, and `i18n new ar`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

const BODY = [
  'An opening paragraph about the project.',
  '## Context',
  'The context of the project, in a few words.',
  '## What was done',
  'Peers gave out naloxone kits.',
  '- one item',
  '- another item',
  '## Results',
  'Many overdoses were reversed.',
].join('\n\n');

function project(languages = '[en, uk]') {
  return makeProject({
    'briefkit.config.yaml': `languages: ${languages}\n`,
    'briefings/case-studies/peer.md': caseStudy({ title: 'Peer supply', summary: 'How peers supplied naloxone.' }, `${BODY}\n`),
  });
}

/** The top-level section headings of a built page, with whether each is shown as untranslated. */
function sections(html: string): { id: string; untranslated: boolean }[] {
  const prose = html.slice(html.indexOf('<div class="prose"'));
  return [...prose.matchAll(/(<div class="untranslated"[^>]*>)?<h2 id="([^"]+)"/g)].map((match) => ({ id: match[2]!, untranslated: match[1] !== undefined }));
}

async function status(root: string, lang: string): Promise<string> {
  const result = await briefkitHere(['i18n', 'status', '--lang', lang], { cwd: root });
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
}

describe('issue 26: untranslated text is never published as a translation', () => {
  it("status says when a PO file is there but not applied yet, so a translator's work is not published", async () => {
    const root = await project();
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    expect(await status(root, 'uk')).toContain(
      '  missing     0%  case-studies/peer.md\n                  translations/uk/case-studies/peer.po is there ' +
        'but not applied: run briefkit i18n apply uk case-studies/peer.md to publish what is translated in it',
    );
  });

  it('an apply with nothing translated publishes every section of the original, with the notice, and status says 0%', async () => {
    const root = await project();
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('0 of 4 sections translated');
    const build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    const page = await readText(root, 'dist/uk/case-studies/peer/index.html');
    // Every section is there, in the original language, under the page's notice.
    expect(sections(page).map((section) => section.id)).toEqual(['context', 'what-was-done', 'results']);
    expect(page).toContain('An opening paragraph about the project.');
    expect(page).toContain('Many overdoses were reversed.');
    expect(page).toContain('Ще не перекладено');
    expect(page).toContain('<div class="prose" lang="en" dir="ltr">');
    expect(await status(root, 'uk')).toMatch(/uk {2}0% of words translated[\s\S]*\n {2}current {5}0% {2}case-studies\/peer\.md/);
  });

  it('with one paragraph translated, the page shows it and every other section in the original, with a notice', async () => {
    const root = await project();
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const file = join(root, 'translations/uk/case-studies/peer.po');
    const table = po.parse(await readFile(file));
    table.translations['_start/1']!['An opening paragraph about the project.']!.msgstr = ['Вступний абзац про проєкт.'];
    await writeFile(file, po.compile(table));
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.stdout).toContain('1 of 4 sections translated');
    const build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    const page = await readText(root, 'dist/uk/case-studies/peer/index.html');
    expect(page).toContain('Вступний абзац про проєкт.');
    expect(page).not.toContain('An opening paragraph about the project.');
    expect(sections(page)).toEqual([
      { id: 'context', untranslated: true },
      { id: 'what-was-done', untranslated: true },
      { id: 'results', untranslated: true },
    ]);
    expect(page).toContain('Peers gave out naloxone kits.');
    const shown = await status(root, 'uk');
    const percent = Number(/current +(\d+)% +case-studies\/peer\.md/.exec(shown)![1]);
    expect(percent).toBeGreaterThan(0);
    expect(percent).toBeLessThan(50);
  });

  it('i18n new ar publishes the English text as English, marked and with the notice, until it is translated', async () => {
    const root = await project('[en, ar]');
    expect((await briefkitHere(['i18n', 'new', 'ar', 'case-studies/peer.md'], { cwd: root })).code).toBe(0);
    expect(await status(root, 'ar')).toMatch(/ar {2}0% of words translated[\s\S]*current {5}0% {2}case-studies\/peer\.md/);
    let build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    let page = await readText(root, 'dist/ar/case-studies/peer/index.html');
    expect(page).toContain('<html lang="ar" dir="rtl">');
    expect(page).toContain('لم تُترجم بعد');
    expect(page).toContain('<div class="prose" lang="en" dir="ltr">');
    // A language the page is only copied into is not one it is written in: marked so in the switcher, no alternate link.
    expect(await readText(root, 'dist/en/case-studies/peer/index.html')).toContain('hreflang="ar" lang="ar" class="not-translated"');
    expect(await readText(root, 'dist/en/case-studies/peer/index.html')).not.toContain('<link rel="alternate" hreflang="ar"');

    // Translating one section publishes that section, and only that one, as Arabic.
    const path = join(root, 'translations/ar/case-studies/peer.md');
    await writeFile(
      path,
      (await readFile(path, 'utf8')).replace(
        '## Results {#results}\n\nMany overdoses were reversed.',
        '## النتائج {#results}\n\nتم عكس العديد من حالات الجرعات الزائدة.',
      ),
    );
    build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    page = await readText(root, 'dist/ar/case-studies/peer/index.html');
    expect(sections(page)).toEqual([
      { id: 'context', untranslated: true },
      { id: 'what-was-done', untranslated: true },
      { id: 'results', untranslated: false },
    ]);
    expect(page).toContain('<div class="untranslated" lang="en" dir="ltr">');
    expect(page).toContain('لم يُترجم هذا القسم');
    const shown = await status(root, 'ar');
    expect(Number(/current +(\d+)% +case-studies\/peer\.md/.exec(shown)![1])).toBeGreaterThan(0);

    // A section whose heading is translated but a paragraph not yet: that paragraph is marked English.
    await writeFile(path, (await readFile(path, 'utf8')).replace('## Context {#context}', '## السياق {#context}'));
    build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    page = await readText(root, 'dist/ar/case-studies/peer/index.html');
    expect(page).toMatch(/<h2 id="context">السياق<\/h2>\s*<p lang="en" dir="ltr">The context of the project, in a few words\.<\/p>/);
  });
});
