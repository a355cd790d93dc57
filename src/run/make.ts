import type { Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import type { Edition } from '../model/edition.js';
import { contentType } from '../content-types/index.js';
import { parseMarkdown } from '../markdown/parse.js';
import { fingerprintTree } from '../markdown/render-file.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { makeEdition } from '../stages/make-edition.js';
import { addLinks, editionSources, fingerprintPages, keptTrees, makeAllEditions, prepareRendering } from '../stages/make-editions.js';
import { MarkdownRenderer } from '../stages/render-markdown.js';
import { createEngine } from '../templates/engine.js';
import { templateHelpers } from '../templates/helpers.js';
import { timing } from '../timing.js';
import type { Made, Project } from './types.js';

/** Remaking some pages of a run already made: their source paths, and what was made before. */
export interface Remake {
  readonly only: ReadonlySet<string>;
  readonly before: Made;
}

/**
 * The second phase: every edition's pages in each of its languages (Markdown to HTML trees,
 * translations and overrides in place, variables filled in) and the compiled templates. With
 * `remake`, only the pages it names are made again (in every edition and language); the others
 * are kept as they were made, and links into them are checked against them.
 */
export async function makeEditions(project: Project, remake?: Remake): Promise<Made> {
  const started = performance.now();
  const made = remake ? await makeSome(project, remake) : await makeAll(project);
  timing('make the editions', started);
  return made;
}

async function makeAll(project: Project): Promise<Made> {
  const rendering = prepareRendering(project);
  try {
    const fingerprinted = await fingerprintPages(project, rendering);
    const renderer = new MarkdownRenderer(fingerprinted.trees, rendering.workers, rendering.cache);
    const { pages, links, facts } = await makeAllEditions(project, editionSources(project, fingerprinted), renderer);
    return {
      fingerprints: fingerprinted.fingerprints,
      sections: fingerprinted.sections,
      pages,
      links,
      facts,
      render: createEngine(project.templates, templateHelpers),
    };
  } finally {
    // Nothing after this needs them: their memory goes back before printing and rendering.
    await rendering.workers?.close();
    await rendering.cache?.close();
  }
}

async function makeSome(project: Project, { only, before }: Remake): Promise<Made> {
  const source = project.config.config.languages[0]!;
  const fingerprints = new Map(before.fingerprints);
  const sections = new Map(before.sections);
  const trees = new Map<VFile, MdastRoot>();
  // A translated original's new text changes its fingerprint: its translations may now be outdated.
  for (const page of project.pages.filter((candidate) => only.has(candidate.sourcePath) && fingerprints.has(candidate.sourcePath))) {
    const tree = parseMarkdown(page.file);
    trees.set(page.file, tree);
    const result = fingerprintTree(page.meta, tree, page.file, source, contentType(page.kind)?.translatable, page.file.messages.length);
    fingerprints.set(page.sourcePath, result.fingerprint);
    sections.set(page.sourcePath, { sections: result.sections, copyKeys: result.copyKeys, outline: result.outline });
  }
  const renderer = new MarkdownRenderer(trees);
  const sources = editionSources(project, { fingerprints, sections });
  const pages = new Map<Edition, readonly LocalizedPage[]>();
  // The links of the pages made again are theirs as they are now.
  const links = new Map([...before.links].filter(([from]) => !only.has(from)).map(([from, targets]) => [from, new Set(targets)]));
  const facts = new Map(before.facts);
  for (const [edition, old] of before.pages) {
    const others = old.filter((local) => !only.has(local.page.sourcePath));
    const one = await makeEdition(edition, sources, renderer, { only, others });
    const remade = new Map(keptTrees(project.options, one.pages).map((local) => [slot(local), local]));
    pages.set(
      edition,
      old.map((local) => remade.get(slot(local)) ?? local),
    );
    addLinks(links, one.links);
    for (const [file, tally] of one.facts) facts.set(file, tally);
  }
  return { fingerprints, sections, pages, links, render: before.render, facts };
}

/** A page's place in an edition: its language and source. */
export function slot(local: LocalizedPage): string {
  return `${local.lang}\n${local.page.sourcePath}`;
}
