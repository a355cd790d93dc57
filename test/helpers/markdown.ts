/**
 * Run briefkit's real Markdown processor on an in-memory file with a plain context: no
 * project on disk. Plugins are tested remark-lint style (Markdown in → HTML and messages out).
 */
import type { Root as HastRoot } from 'hast';
import { VFile } from 'vfile';
import { englishStrings } from '../../src/i18n/strings.js';
import type { MarkdownContext, MarkdownEdition, PageRef } from '../../src/markdown/context.js';
import { createProcessor } from '../../src/markdown/create-processor.js';
import type { MarkdownProcessor } from '../../src/markdown/create-processor.js';
import type { EditionVariables } from '../../src/model/edition.js';
import { markdownLabels } from '../../src/markdown/shared-context.js';

/** The page being rendered unless a test says otherwise: a briefing. */
export const guidePage: PageRef = { sourcePath: 'naloxone/index.md', outputPath: 'naloxone/index.html', kind: 'briefing', slug: 'naloxone' };
/** A second page to link to. */
export const glasgowPage: PageRef = {
  sourcePath: 'case-studies/glasgow.md',
  outputPath: 'case-studies/glasgow/index.html',
  kind: 'case-study',
  slug: 'glasgow',
};

/** A plain edition: the international one unless `country` is given. */
export function testEdition(
  options: { country?: string; name?: string; values?: EditionVariables['values']; languages?: readonly string[] } = {},
): MarkdownEdition {
  const { country, name = country?.toUpperCase(), values = {}, languages = ['en'] } = options;
  return country === undefined
    ? { country, label: 'the international edition', variablesFile: 'briefkit.config.yaml', variables: { country, languages, values, builtIn: {} } }
    : {
        country,
        label: `the ${name} edition (countries/${country}.yaml)`,
        variablesFile: `countries/${country}.yaml`,
        variables: { country, languages, values, builtIn: { country_name: name!, country_code: country.toUpperCase() } },
      };
}

/** A context with nothing in it but the page itself, in English, for the international edition. */
export function testContext(overrides: Partial<MarkdownContext> = {}): MarkdownContext {
  return {
    page: guidePage,
    lang: 'en',
    labels: markdownLabels(englishStrings),
    pagesBySource: new Map([guidePage, glasgowPage].map((page) => [page.sourcePath, page])),
    sourceFiles: new Map(),
    citationKeys: new Set(),
    edition: testEdition(),
    knownVariables: new Set(['country_name', 'country_code']),
    products: [],
    ...overrides,
  };
}

/** A message as a test states it. */
export interface TestMessage {
  readonly ruleId: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly reason: string;
  /** An error (true) or a warning. */
  readonly fatal: boolean;
}

/** What rendering left: the HTML, the messages and the data the plugins put on the file. */
export interface Rendered {
  readonly html: string;
  readonly messages: readonly TestMessage[];
  /** `rule line:column` for each message, for short assertions. */
  readonly where: readonly string[];
  /** Each message's hint (how to fix it), in the same order. */
  readonly hints: readonly (string | undefined)[];
  readonly data: VFile['data'];
  readonly tree: HastRoot;
}

const processors = new Map<string, MarkdownProcessor>();

/** Render Markdown as a page's content (`run`, then the HTML as the processor writes it). */
export async function renderMarkdown(markdown: string, overrides: Partial<MarkdownContext> = {}): Promise<Rendered> {
  const context = testContext(overrides);
  const key = JSON.stringify(context.labels);
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = createProcessor(context.labels)));
  const file = new VFile({ path: context.page.sourcePath, value: markdown });
  file.data.context = context;
  const tree = (await processor.run(processor.parse(file), file)) as HastRoot;
  const html = processor.stringify(tree, file);
  const messages = file.messages.map((message) => ({
    ruleId: message.ruleId,
    line: message.line,
    column: message.column,
    reason: message.reason,
    fatal: message.fatal === true,
  }));
  return {
    html,
    messages,
    where: messages.map((message) => `${message.ruleId} ${message.line}:${message.column}`),
    hints: file.messages.map((message) => message.note),
    data: file.data,
    tree,
  };
}
