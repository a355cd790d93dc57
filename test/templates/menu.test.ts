/**
 * Issue 10: the menu does not grow with the site. Every top-level page used to be a menu
 * entry on every page (4,000 pages → 4,000 links a page: quadratic output, out of memory);
 * now the menu shows a few and links to a list of them all.
 */
import { describe, expect, it } from 'vitest';
import { buildProject, listTree, makeProject, readText } from '../helpers/project.js';
import { join } from 'node:path';

const pages = (count: number) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, index) => [`briefings/page-${index + 1}.md`, `---\ntitle: Page ${index + 1}\norder: ${index + 1}\n---\n\nText.\n`]),
  );
const menu = (html: string) =>
  [...(/<nav class="site-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/<li><a [^>]*>([^<]*)<\/a><\/li>/g)].map((match) => match[1]);

describe('the menu', () => {
  it('lists every top-level page while there are a few', async () => {
    const root = await makeProject(pages(6));
    await buildProject(root);
    expect(menu(await readText(root, 'dist/en/page-1/index.html'))).toEqual(['Home', 'Page 1', 'Page 2', 'Page 3', 'Page 4', 'Page 5', 'Page 6']);
    expect(await listTree(join(root, 'dist'))).not.toContain('en/pages/index.html');
  });

  it('stays the same size however many pages there are, and links to a list of them all', async () => {
    const root = await makeProject(pages(40));
    const result = await buildProject(root);
    expect(result.report).toBe('');
    const first = menu(await readText(root, 'dist/en/page-1/index.html'));
    expect(first).toEqual(['Home', 'Page 1', 'Page 2', 'Page 3', 'Page 4', 'Page 5', 'More pages']);
    expect(menu(await readText(root, 'dist/en/page-40/index.html'))).toHaveLength(first.length);
    const list = await readText(root, 'dist/en/pages/index.html');
    expect(list.match(/class="card-title"/g)).toHaveLength(40);
    expect(list).toContain('href="../page-40/index.html"');
  });
});
