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

  it('finds the pages that print a page as a chapter of their PDF', () => {
    expect(site.chapterOf(study)).toEqual([briefing]);
    expect(site.chapterOf(brief)).toEqual([]);
  });
});
