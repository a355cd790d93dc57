import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { Override } from '../countries/overrides.js';
import type { CountryProfile } from '../countries/profile.js';
import { headingOutline } from '../markdown/heading-ids.js';
import type { Page } from '../model/page.js';
import type { Translation } from '../model/translation.js';
import { checkFacts } from './check-facts.js';
import type { FactTally, FileFacts } from './check-facts.js';
import { sectionFacts } from './section-facts.js';

/** What the fact check of a whole project (outside a build) reads. */
export interface ProjectFacts {
  readonly source: string;
  readonly pages: readonly Page[];
  readonly translations: readonly Translation[];
  readonly overrides: readonly Override[];
  readonly profiles: readonly CountryProfile[];
  readonly products: readonly string[];
}

/**
 * Check the facts of every translation and country override against their originals from
 * trees already parsed (the `i18n` commands' view of a project; a build checks the trees it
 * renders, edition by edition: stages/make-edition.ts). Problems go on the files, as in a build.
 */
export function checkProjectFacts(project: ProjectFacts, trees: ReadonlyMap<VFile, Root>): Map<VFile, FactTally> {
  const originals = new Map(project.pages.map((page) => [page.sourcePath, page]));
  const memo = new Map<string, FileFacts>();
  const factsOf = (file: VFile, lang: string, country: string | undefined, original?: Page): FileFacts | undefined => {
    const key = `${file.path}\n${country ?? ''}`;
    const known = memo.get(key);
    if (known) return known;
    const tree = trees.get(file);
    if (!tree) return undefined;
    const outlineTree = original && trees.get(original.file);
    const facts = sectionFacts(tree, String(file.value), lang, {
      outline: outlineTree ? headingOutline(outlineTree) : undefined,
      products: project.products,
      country,
    });
    memo.set(key, facts);
    return facts;
  };
  const langOf = new Map<VFile, { lang: string; original?: Page | undefined }>([
    ...project.translations.map((translation) => [translation.file, { lang: translation.lang, original: originals.get(translation.sourcePath) }] as const),
  ]);
  const tallies = checkFacts({
    pages: project.pages,
    translations: project.translations,
    overrides: [],
    facts: (file) => {
      const known = langOf.get(file);
      return factsOf(file, known?.lang ?? project.source, undefined, known?.original);
    },
    products: project.products,
    mayDiffer: [],
  });
  for (const profile of project.profiles) {
    const overrides = project.overrides.filter((override) => override.country === profile.code);
    if (overrides.length === 0) continue;
    const edition = profile.languages?.[0] ?? project.source;
    const langs = new Map(overrides.map((override) => [override.file, override.meta.lang ?? edition]));
    const found = checkFacts({
      pages: project.pages,
      translations: [],
      overrides,
      facts: (file) => factsOf(file, langs.get(file) ?? project.source, profile.code),
      products: project.products,
      mayDiffer: profile.facts_may_differ,
    });
    for (const [file, tally] of found) tallies.set(file, tally);
  }
  return tallies;
}
