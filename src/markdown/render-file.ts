import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import type { VFile } from 'vfile';
import { FRONT, copyKeysOf, fingerprint, sectionsOfTree } from '../i18n/sections.js';
import { headingOutline } from './heading-ids.js';
import type { OutlineHeading } from './heading-ids.js';
import { messageData } from '../messages.js';
import type { MessageData } from '../messages.js';
import type { AnchorLink, MarkdownContext } from './context.js';
import type { PageAsset } from '../model/localized-page.js';
import type { MarkdownProcessor } from './create-processor.js';
import { sectionFacts } from '../facts/section-facts.js';
import type { SectionFacts } from '../facts/section-facts.js';

/** What rendering one Markdown file gives: plain data, so it can cross from a worker or sit in the cache. */
export interface RenderResult {
  readonly tree: HastRoot;
  readonly assets: readonly PageAsset[];
  readonly anchorLinks: readonly AnchorLink[];
  readonly explicitIds: readonly string[];
  /** A translation's sections, by id, each as the key that tells a copy of the original (sections.ts copyKey). */
  readonly copyKeys: Readonly<Record<string, string>>;
  /** Each section's facts (doses, numbers, telephone numbers…), by id: compared across languages (issue 32). */
  readonly facts: Readonly<Record<string, SectionFacts>>;
  readonly messages: readonly MessageData[];
}

/** What fingerprinting one original gives. */
export interface FingerprintResult {
  readonly fingerprint: string;
  /** Each section's hash, by id: a translation's stamp names the sections that changed since. */
  readonly sections: Readonly<Record<string, string>>;
  /** Each section's copy key, by id: a translation's section with the same key is a copy. */
  readonly copyKeys: Readonly<Record<string, string>>;
  /** Its headings' levels and ids: a translation's headings without `{#id}` take them where they line up. */
  readonly outline: readonly OutlineHeading[];
  readonly messages: readonly MessageData[];
}

/** What translations are matched against of an original: its sections' hashes and copy keys, and its headings. */
export type OriginalSections = Pick<FingerprintResult, 'sections' | 'copyKeys' | 'outline'>;

/**
 * Render a file's parsed tree with its context, on whichever thread: the HTML tree, what the
 * page uses and links to, and the problems reported on the file since `since`. The plugins
 * change the tree they run on, so they run on a copy, unless this is the tree's `last`
 * rendering (copying every page's tree was a second of a 4,000-page build: issue 31).
 */
export async function renderTree(
  processor: MarkdownProcessor,
  tree: MdastRoot,
  file: VFile,
  context: MarkdownContext,
  since = 0,
  last = false,
): Promise<RenderResult> {
  file.data.context = context;
  // A translation's sections, to tell those a translator wrote from copies of the original (read before the plugins change the tree).
  const copies = context.outline ? sectionsOfTree({}, tree, String(file.value), context.lang, [], { words: false, outline: context.outline }) : [];
  // Only files whose facts are compared read them (most of a one-language site's pages are not).
  const facts = context.facts
    ? sectionFacts(tree, String(file.value), context.lang, { outline: context.outline, products: context.products, country: context.edition.country })
    : {};
  const hast = (await processor.run(last ? tree : structuredClone(tree), file)) as HastRoot;
  return {
    tree: hast,
    assets: file.data.assets ?? [],
    anchorLinks: file.data.anchorLinks ?? [],
    explicitIds: [...(file.data.explicitIds ?? [])],
    copyKeys: copyKeysOf(copies.filter((section) => section.id !== FRONT)),
    facts,
    messages: file.messages.slice(since).map(messageData),
  };
}

/** An original's fingerprint (what translations are stamped against), and the problems reported on its file since `since`. */
export function fingerprintTree(
  meta: Readonly<Record<string, unknown>>,
  tree: MdastRoot,
  file: VFile,
  lang: string,
  fields: readonly string[] | undefined,
  since = 0,
): FingerprintResult {
  const sections = sectionsOfTree(meta, tree, String(file.value), lang, fields, { words: false });
  return {
    fingerprint: fingerprint(sections),
    sections: Object.fromEntries(sections.map((section) => [section.id, section.hash])),
    copyKeys: copyKeysOf(sections),
    outline: headingOutline(tree),
    messages: file.messages.slice(since).map(messageData),
  };
}
