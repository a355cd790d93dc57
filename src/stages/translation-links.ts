import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import { visit } from '../markdown/visit.js';

/** Where a rendered page's links lead (images are not links: a translation may have its own, in its language). */
function targets(tree: Root): { readonly address: string; readonly node: { position?: unknown } }[] {
  const found: { address: string; node: { position?: unknown } }[] = [];
  visit(tree, 'element', (element) => {
    const address = element.tagName === 'a' ? element.properties.href : undefined;
    if (typeof address === 'string' && !address.startsWith('#')) found.push({ address, node: element });
  });
  return found;
}

/**
 * Warn at each link of a translation that its original does not have (issue 27): a
 * translator's file or a hand translation can add an address (a reference definition, a bare
 * web address, a link) that nobody reviewing the original ever sees. Links within the page
 * (`#…`) are the translation's own business.
 */
export function checkNewLinks(translation: { readonly file: VFile; readonly tree: Root }, original: { readonly tree: Root }): void {
  const known = new Set(targets(original.tree).map((target) => target.address));
  for (const { address, node } of targets(translation.tree)) {
    if (known.has(address)) continue;
    warn(translation.file, {
      reason: `This translation links to ${address}, which the original does not`,
      rule: 'translation-new-link',
      place: node.position as never,
      hint: "A translation keeps the original's links. If this one belongs here, add it to the original too; if not, remove it.",
    });
  }
}
