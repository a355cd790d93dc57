/** The Markdown plugins' context is plain data: a worker could receive it, a cache could keep it. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { countryEdition, internationalEdition } from '../../src/countries/edition.js';
import type { CountryProfile } from '../../src/countries/profile.js';
import { lookupVariable } from '../../src/countries/variables.js';
import { englishStrings } from '../../src/i18n/strings.js';
import type { Reference } from '../../src/references/library.js';
import type { Page } from '../../src/model/page.js';
import { markdownContext, sharedContext } from '../../src/markdown/shared-context.js';
import { renderMarkdown } from '../helpers/markdown.js';

const config = configSchema.parse({ languages: ['en', 'uk'], variables: { emergency_number: '112', naloxone_product: { en: 'Nyxoid', uk: 'Ніксоїд' } } });
const profile = {
  code: 'ua',
  name: 'Ukraine',
  languages: ['uk', 'en'],
  variables: { emergency_number: '103', hotline: { uk: '0 800 500 451' } },
  file: new VFile({ path: 'countries/ua.yaml' }),
  yaml: undefined,
} as unknown as CountryProfile;

/** A page as the build has it: a VFile, YAML positions with methods, front matter. */
function page(sourcePath: string, outputPath: string, kind: Page['kind'], slug: string): Page {
  return {
    file: new VFile({ path: `briefings/${sourcePath}`, value: '# x' }),
    sourcePath,
    outputPath,
    kind,
    slug,
    yaml: { placeOf: () => undefined },
    meta: { title: slug },
  } as unknown as Page;
}

const pages = [
  page('naloxone/index.md', 'naloxone/index.html', 'briefing', 'naloxone'),
  page('case-studies/glasgow.md', 'case-studies/glasgow/index.html', 'case-study', 'glasgow'),
];
const references = {
  files: [new VFile({ path: 'briefings/references.yaml' })],
  origins: new Map(),
  byKey: new Map([['a2020', { id: 'a2020', title: 'A', type: 'book', author: [] } as Reference]]),
};
const files = new Map<string, string | { reason: string; rule: 'symlink-outside'; hint: string }>([
  ['naloxone/map.png', '/project/briefings/naloxone/map.png'],
  ['secret', { reason: 'points outside the project', rule: 'symlink-outside', hint: 'Copy it in.' }],
]);

describe('the Markdown context', () => {
  for (const edition of [internationalEdition(config), countryEdition(config, profile, 'ua/')]) {
    it(`survives structuredClone with nothing lost (${edition.label})`, () => {
      const shared = sharedContext({ pages, references, edition, knownVariables: new Set(['emergency_number', 'hotline']), products: [] });
      const context = markdownContext(shared, { page: pages[0]!, lang: 'uk', labels: { ...englishStrings }, files });
      const copy = structuredClone(context);
      // toStrictEqual also compares classes: a VFile or other instance would fail here.
      expect(copy).toStrictEqual(context);
      expect(Object.keys(context.labels).sort()).toEqual([
        'backToReference',
        'footnotes',
        'keyPoints',
        'note',
        'question',
        'safety',
        'showAnswer',
        'table',
        'warning',
      ]);
      expect(context.page).toEqual({ sourcePath: 'naloxone/index.md', outputPath: 'naloxone/index.html', kind: 'briefing', slug: 'naloxone' });
      // The copy answers like the edition itself.
      for (const name of ['emergency_number', 'naloxone_product', 'hotline', 'country_name', 'country_code', 'constructor']) {
        for (const lang of ['en', 'uk']) expect(lookupVariable(copy.edition.variables, name, lang)).toBe(edition.variable(name, lang));
      }
    });
  }

  it('and so is what the plugins leave on the file', async () => {
    const { data } = await renderMarkdown('## Intro {#intro}\n\nSee [@a2020], [the map](map.png) and [Glasgow](../case-studies/glasgow.md#results).\n', {
      citationKeys: new Set(['a2020']),
      sourceFiles: files,
    });
    const outputs = { assets: data.assets, anchorLinks: data.anchorLinks, citations: data.citations, ids: data.ids, explicitIds: data.explicitIds };
    expect(structuredClone(outputs)).toStrictEqual(outputs);
    expect(outputs.assets).toEqual([{ from: '/project/briefings/naloxone/map.png', to: 'naloxone/map.png' }]);
    expect(outputs.citations).toEqual(['a2020']);
    expect(outputs.anchorLinks).toMatchObject([{ target: 'case-studies/glasgow.md', id: 'results' }]);
  });
});
