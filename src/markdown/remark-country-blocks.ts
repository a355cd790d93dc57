import type { Root } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { SKIP, visit } from './visit.js';
import type { VFile } from 'vfile';
import { isCountryCode } from '../countries/iso.js';
import { error } from '../messages.js';

/** The blocks this plugin handles. */
export const COUNTRY_BLOCKS = ['only', 'except'] as const;

/**
 * `:::only{country="ua,md"}` … `:::` keeps its content only in those countries' editions;
 * `:::except{country="ua"}` … `:::` everywhere but there. The international edition has no
 * country: it shows every `except` block and no `only` block. A code that is not ISO 3166-1
 * (a typo) is an error; a real country without a profile yet is fine.
 */
export function remarkCountryBlocks() {
  return (tree: Root, file: VFile) => {
    const country = file.data.context!.edition.country;
    visit(tree, 'containerDirective', (node: ContainerDirective, index, parent) => {
      if (!(COUNTRY_BLOCKS as readonly string[]).includes(node.name) || !parent || index === undefined) return;
      const codes = (node.attributes?.country ?? '').split(/[\s,]+/).filter(Boolean);
      if (codes.length === 0) {
        error(file, {
          reason: `":::${node.name}" needs the countries it is for`,
          rule: 'country-block',
          place: node.position,
          hint: `Write :::${node.name}{country="ua"} or :::${node.name}{country="ua,md"}.`,
        });
      }
      for (const code of codes.filter((code) => !/^[a-z]{2}$/i.test(code) || !isCountryCode(code))) {
        error(file, {
          reason: `"${code}" is not an ISO 3166-1 country code`,
          rule: 'country-code',
          place: node.position,
          hint: 'Use two-letter codes such as ua, ca, pl, gb (a typo here would hide the block everywhere).',
        });
      }
      const listed = country !== undefined && codes.some((code) => code.toLowerCase() === country);
      const keep = node.name === 'only' ? listed : !listed;
      const label = node.children[0]?.type === 'paragraph' && node.children[0].data?.directiveLabel ? 1 : 0;
      const children = keep ? node.children.slice(label) : [];
      parent.children.splice(index, 1, ...(children as typeof parent.children));
      return [SKIP, index];
    });
  };
}
