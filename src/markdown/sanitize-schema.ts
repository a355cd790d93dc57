import { defaultSchema } from 'rehype-sanitize';
import type { Options as Schema } from 'rehype-sanitize';
import type { Element, Root } from 'hast';
import { LINK_SCHEMES } from '../paths/safe-url.js';
import { visit } from './visit.js';

const attributes = defaultSchema.attributes ?? {};

/**
 * What raw HTML in Markdown may keep: GitHub's rules (no script, style, iframe, form, meta,
 * base; no `on*` attributes; only http, https, mailto and tel links; no `data:` or `javascript:`)
 * plus the classes briefkit's own blocks use.
 */
export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // One link rule for Markdown and YAML (src/paths/safe-url.ts); tel: lets a reader on a
  // phone call an emergency number or helpline with one tap.
  protocols: { ...defaultSchema.protocols, href: [...LINK_SCHEMES] },
  // A table's caption (`Table: …` above it in Markdown, or written in HTML).
  tagNames: [...(defaultSchema.tagNames ?? []), 'caption'],
  // Drop these elements with their content (the default only drops <script>'s content), so
  // the text of a removed <style> or <iframe> never shows up on the page.
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math', 'textarea', 'select', 'title'],
  // Keep ids as written so authors can link to them; briefkit makes its own ids unique
  // against them. `name` is still prefixed: it is what DOM clobbering attacks use.
  clobber: ['name'],
  attributes: {
    ...attributes,
    div: [
      ...(attributes.div ?? []),
      ['className', 'callout', 'callout-note', 'callout-warning', 'callout-key-points', 'callout-safety', 'self-check'],
      ['role', 'note', 'group'],
      'ariaLabel',
    ],
    p: [...(attributes.p ?? []), ['className', 'callout-title', 'self-check-question']],
    details: [...(attributes.details ?? []), ['className', 'self-check-answer']],
    a: [...withoutClassName(attributes.a), ['className', 'data-footnote-backref', 'citation']],
    h2: [...(attributes.h2 ?? []), 'id'],
    // A citation, formatted by the page's style once the page is whole (remark-citations.ts).
    span: [...(attributes.span ?? []), ['className', 'citation-cluster'], 'dataCites'],
  },
};

/** The elements raw HTML may use. */
export const allowedTags: ReadonlySet<string> = new Set(sanitizeSchema.tagNames ?? []);

/** The elements removed together with their content. */
export const strippedTags: ReadonlySet<string> = new Set(sanitizeSchema.strip ?? []);

/** The URL schemes each URL attribute may use. */
export const allowedProtocols: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(sanitizeSchema.protocols ?? {}).map(([key, value]) => [key, value ?? []]),
);

/** An element's allowed attributes minus its class rule, so a fuller class rule can replace it. */
type AttributeRules = NonNullable<NonNullable<Schema['attributes']>[string]>;

function withoutClassName(list: AttributeRules | undefined): AttributeRules {
  return (list ?? []).filter((entry) => !(Array.isArray(entry) && entry[0] === 'className'));
}

/**
 * After sanitising: an element whose classes were all taken out (`<div class="bar">`) loses
 * the attribute, rather than be written with an empty `class=""`.
 */
export function rehypeDropEmptyClasses() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const className = node.properties.className;
      if (className !== undefined && (Array.isArray(className) ? className.length === 0 : String(className).trim() === '')) delete node.properties.className;
    });
  };
}
