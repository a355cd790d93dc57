import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { siteIndex } from '../../src/content-types/site-index.js';
import type { Page } from '../../src/model/page.js';

const page = (kind: string, slug: string, meta: Record<string, unknown> = {}): Page =>
  ({
    kind,
    slug,
    meta: { title: slug, date: '2024-01-01', case_studies: [], briefings: [], ...meta },
    file: new VFile(),
    sourcePath: `${slug}.md`,
    outputPath: `${slug}/index.html`,
    yaml: undefined,
  }) as unknown as Page;

// Issue 30: the links between types come from the registry, so a new type needs no edit to the types it links to.
describe('siteIndex', () => {
  const briefing = page('briefing', 'naloxone', { case_studies: ['glasgow', 'gone'] });
  const study = page('case-study', 'glasgow');
  const module = page('training', 'peers', { briefings: ['naloxone'] });
  const brief = page('brief', 'ask', { briefings: ['naloxone'], case_studies: ['glasgow'] });
  // A plain page's front matter may hold any key; it lists nothing.
  const plain = page('page', 'about', { briefings: ['naloxone'] });
  const site = siteIndex([plain, brief, module, study, briefing], 'en');

  it('finds the pages whose list names a page, of the types that have that list, in the order of the types', () => {
    expect(site.listing('briefings', 'naloxone')).toEqual([module, brief]);
    expect(site.listing('briefings', 'other')).toEqual([]);
  });

  it("reads each page's list once, however many pages ask who lists them (issue 31: it was a scan of every page per question)", () => {
    let reads = 0;
    const counted = (kind: string, slug: string, briefings: string[]) => {
      const made = page(kind, slug, { briefings });
      return { ...made, meta: new Proxy(made.meta, { get: (target, key) => (key === 'briefings' && reads++, Reflect.get(target, key)) }) } as Page;
    };
    const modules = Array.from({ length: 50 }, (_, n) => counted('training', `m${n}`, [`b${n % 10}`, `b${n % 10}`]));
    const many = siteIndex(modules, 'en');
    for (let n = 0; n < 10; n++) expect(many.listing('briefings', `b${n}`)).toHaveLength(5);
    expect(many.listing('briefings', 'b0')).toEqual(modules.filter((_, n) => n % 10 === 0));
    expect(reads).toBe(50);
  });

  it('finds the pages that print a page as a chapter of their PDF', () => {
    expect(site.chapterOf(study)).toEqual([briefing]);
    expect(site.chapterOf(brief)).toEqual([]);
  });
});
