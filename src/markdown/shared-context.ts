import type { Edition } from '../model/edition.js';
import type { MarkdownContext, MarkdownEdition, MarkdownLabels, PageRef } from './context.js';
import type { ProjectFiles } from '../project/list.js';
import type { OutlineHeading } from './heading-ids.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { Page } from '../model/page.js';

/** What every file of one edition's render shares; built once, then one context per file. */
export interface SharedContext {
  readonly pagesBySource: ReadonlyMap<string, PageRef>;
  readonly citationKeys: ReadonlySet<string>;
  readonly edition: MarkdownEdition;
  readonly knownVariables: ReadonlySet<string>;
  readonly products: readonly string[];
}

/** A page as the Markdown plugins see it. */
export function pageRef(page: Page): PageRef {
  return { sourcePath: page.sourcePath, outputPath: page.outputPath, kind: page.kind, slug: page.slug };
}

/** The edition as the Markdown plugins see it (its variables as data, not a method). */
export function markdownEdition(edition: Edition): MarkdownEdition {
  return { country: edition.country, label: edition.label, variablesFile: edition.variablesFile, variables: edition.variables };
}

/** Only the words the plugins print, whatever else the language's strings hold. */
export function markdownLabels(strings: MarkdownLabels): MarkdownLabels {
  const { note, warning, keyPoints, safety, footnotes, backToReference, table, question, showAnswer } = strings;
  return { note, warning, keyPoints, safety, footnotes, backToReference, table, question, showAnswer };
}

/** What one edition's files share, from the build's objects. */
export function sharedContext(input: {
  readonly pages: readonly Page[];
  readonly references: ReferenceLibrary;
  readonly edition: Edition;
  readonly knownVariables: ReadonlySet<string>;
  readonly products: readonly string[];
}): SharedContext {
  return {
    pagesBySource: new Map(input.pages.map((page) => [page.sourcePath, pageRef(page)])),
    citationKeys: new Set(input.references.byKey.keys()),
    edition: markdownEdition(input.edition),
    knownVariables: input.knownVariables,
    products: input.products,
  };
}

/** The plain context of one file: the page it is (or translates), its language and the files its links may use. */
export function markdownContext(
  shared: SharedContext,
  job: {
    readonly page: Page;
    readonly lang: string;
    readonly labels: MarkdownLabels;
    readonly files: ProjectFiles;
    readonly outline?: readonly OutlineHeading[] | undefined;
    readonly facts?: boolean | undefined;
  },
): MarkdownContext {
  return {
    ...shared,
    page: shared.pagesBySource.get(job.page.sourcePath) ?? pageRef(job.page),
    lang: job.lang,
    labels: markdownLabels(job.labels),
    sourceFiles: job.files,
    outline: job.outline,
    facts: job.facts,
  };
}
