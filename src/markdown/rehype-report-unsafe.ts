import { SKIP, visit } from './visit.js';
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import { allowedProtocols, allowedTags, strippedTags } from './sanitize-schema.js';

/**
 * Tell the author what the sanitiser is about to remove from their raw HTML (a script, an
 * `onerror` handler, a `javascript:` link), at its position, so nothing vanishes silently.
 */
export function rehypeReportUnsafe() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'element', (node) => {
      if (!allowedTags.has(node.tagName)) {
        warn(file, {
          reason: `Removed <${node.tagName}>: this HTML element is not allowed in briefings`,
          rule: 'unsafe-html',
          place: node.position,
          hint: 'Raw HTML may not run scripts, embed other sites or change the page; use Markdown instead.',
        });
        // Its content goes with it, so there is nothing more to say about what is inside.
        return strippedTags.has(node.tagName) ? SKIP : undefined;
      }
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^on[A-Z]/.test(name)) {
          warn(file, {
            reason: `Removed the ${name.toLowerCase()} attribute from <${node.tagName}>: scripts are not allowed`,
            rule: 'unsafe-html',
            place: node.position,
          });
          continue;
        }
        const protocols = allowedProtocols[name];
        if (!protocols || typeof value !== 'string') continue;
        const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
        if (scheme && !protocols.includes(scheme)) {
          warn(file, {
            reason: `Removed a "${scheme}:" address from <${node.tagName}>: only ${protocols.join(', ')} and relative addresses are allowed`,
            rule: 'unsafe-html',
            place: node.position,
          });
        }
      }
    });
  };
}
