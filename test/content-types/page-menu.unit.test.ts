/**
 * Issue 31: every page's menu names the top-level plain pages; working them out from every
 * page of the site for each page rendered made the menus quadratic in the number of pages.
 */
import { describe, expect, it } from 'vitest';
import { plainPage } from '../../src/content-types/page/index.js';
import type { ViewContext } from '../../src/content-types/content-type.js';
import type { Page } from '../../src/model/page.js';

describe("the plain pages' menu (issue 31)", () => {
  it('looks at each page once for the whole site, not once per page rendered', () => {
    let reads = 0;
    const pages = Array.from({ length: 40 }, (_, n) => {
      const slug = n % 2 === 0 ? `p${n}` : `help/p${n}`;
      return {
        kind: 'page',
        outputPath: `${slug}/index.html`,
        get slug() {
          reads++;
          return slug;
        },
      } as unknown as Page;
    });
    const context = {
      views: { menuTitle: (page: Page) => ({ text: page.outputPath }), text: (text: string) => ({ text }), lang: 'en' },
      translator: { ui: { morePages: 'More pages' } },
    } as unknown as ViewContext;
    const menus = Array.from({ length: 40 }, () => plainPage.nav!(pages, context));
    // Five of the twenty top-level pages, then the list of them all.
    expect(menus[39]!.map((item) => item.path)).toEqual([
      'p0/index.html',
      'p2/index.html',
      'p4/index.html',
      'p6/index.html',
      'p8/index.html',
      'pages/index.html',
    ]);
    expect(reads).toBe(40);
  });
});
