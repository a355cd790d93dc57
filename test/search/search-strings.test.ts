/**
 * Issue 29, item 5: Pagefind's search box said "4 результатів" and "2 نتائج ل …". It has one
 * message for no result, one for 1 and one for every other number; briefkit gives it
 * messages (ui.yaml searchResults*) that read right for every number, on each language's
 * search page. Checked as Pagefind fills them in, for 0, 1, 2, 5, 11 and 21 results.
 */
import { describe, expect, it } from 'vitest';
import { buildProject, makeProject, readText } from '../helpers/project.js';

/** The `translations` the search page gives Pagefind. */
function translationsOf(html: string): Record<string, string> {
  const attribute = /data-translations="([^"]*)"/.exec(html)?.[1];
  expect(attribute).toBeDefined();
  const text = attribute!
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(text) as Record<string, string>;
}

/** What Pagefind's search box (1.5) says for `count` results: its choice of message, and its two substitutions. */
function said(translations: Record<string, string>, lang: string, count: number, term: string): string {
  const key = count === 0 ? 'zero_results' : count === 1 ? 'one_result' : 'many_results';
  return translations[key]!.replace(/\[SEARCH_TERM\]/, term).replace(/\[COUNT\]/, new Intl.NumberFormat(lang).format(count));
}

describe('issue 29: search result counts read right in every language', () => {
  it('gives Pagefind messages grammatical for any number in uk and ar', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk, ar]\n',
      'briefings/about.md': '---\ntitle: About\n---\n\nText.\n',
    });
    const build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    const counts = [0, 1, 2, 5, 11, 21];
    const en = translationsOf(await readText(root, 'dist/en/search/index.html'));
    expect(counts.map((count) => said(en, 'en', count, 'naloxone'))).toEqual([
      'No results for naloxone',
      '1 result for naloxone',
      '2 results for naloxone',
      '5 results for naloxone',
      '11 results for naloxone',
      '21 results for naloxone',
    ]);
    const uk = translationsOf(await readText(root, 'dist/uk/search/index.html'));
    expect(counts.map((count) => said(uk, 'uk', count, 'налоксон'))).toEqual([
      'Нічого не знайдено за запитом «налоксон»',
      '1 результат за запитом «налоксон»',
      'Результати за запитом «налоксон»: 2',
      'Результати за запитом «налоксон»: 5',
      'Результати за запитом «налоксон»: 11',
      'Результати за запитом «налоксон»: 21',
    ]);
    const ar = translationsOf(await readText(root, 'dist/ar/search/index.html'));
    const digits = (count: number) => new Intl.NumberFormat('ar').format(count);
    expect(counts.map((count) => said(ar, 'ar', count, 'نالوكسون'))).toEqual([
      'لا توجد نتائج لـ «نالوكسون»',
      'نتيجة واحدة لـ «نالوكسون»',
      ...[2, 5, 11, 21].map((count) => `نتائج البحث عن «نالوكسون»: ${digits(count)}`),
    ]);
    // Never a number before a noun whose form it would decide.
    for (const count of counts.slice(2)) {
      expect(said(uk, 'uk', count, 'x')).not.toMatch(/\d\s+результат/);
      expect(said(ar, 'ar', count, 'x')).not.toMatch(/[\d٠-٩]\s+نتائج/);
    }
  });
});
