import type { Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { VARIABLE_NAME } from '../countries/profile.js';
import { error } from '../messages.js';
import type { Place } from '../messages.js';
import { closest } from '../text/closest.js';
import { placeInNode } from './source-place.js';

const IN_TEXT = /\{\{([^{}\n]*)\}\}/g;

/**
 * Replace `{{name}}` with the edition's value, in text, headings, tables, link text and link
 * destinations. An unknown name, a malformed one, or one the edition gives no value is an
 * error at its position, naming the edition; so is a stray `{{` (write `\{{` for a literal).
 * Code is left alone. Runs after `:::only` blocks of other countries are removed.
 */
export function remarkVariables() {
  return (tree: Root, file: VFile) => {
    const context = file.data.context!;
    visit(tree, 'variable', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const value = resolve(file, node.name, node.position, context.lang);
      const text: Text = { type: 'text', value: value ?? node.value, position: node.position };
      parent.children.splice(index, 1, text);
    });
    visit(tree, 'text', (node) => {
      // The variable syntax needs "{{" and "}}" on one line; a "{{" left over is a mistake,
      // unless it was escaped, which only the source shows.
      if (!node.value.includes('{{')) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const source = String(file.value).slice(start, end);
      for (let at = source.indexOf('{{'); at !== -1; at = source.indexOf('{{', at + 2)) {
        if (source[at - 1] === '\\') continue;
        error(file, {
          reason: 'A "{{" with no matching "}}" on the same line',
          rule: 'variable-syntax',
          place: placeInNode(file, node, '{{', at),
          hint: 'Write a variable as {{name}} on one line; to show "{{" as text, write \\{{.',
        });
      }
    });
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const target = node as { url: string; title?: string | null };
      for (const key of ['url', 'title'] as const) {
        const value = target[key];
        if (typeof value !== 'string' || !value.includes('{{')) continue;
        target[key] = value.replace(IN_TEXT, (whole, name: string) => {
          const resolved = resolve(file, name, placeInNode(file, node, whole), context.lang);
          return resolved === undefined ? whole : key === 'url' ? encodeURI(resolved) : resolved;
        });
      }
    });
  };
}

/** A variable's value for the edition and language, or undefined after reporting why not. */
export function resolve(file: VFile, raw: string, place: Place | undefined, lang: string): string | undefined {
  const { edition, knownVariables } = file.data.context!;
  const name = raw.trim();
  if (!VARIABLE_NAME.test(name)) {
    error(file, {
      reason: `"{{${raw}}}" is not a variable name`,
      rule: 'variable-syntax',
      place,
      hint: 'Variable names use lower-case letters, digits and _, e.g. {{emergency_number}}; to show "{{" as text, write \\{{.',
    });
    return undefined;
  }
  const value = edition.variable(name, lang);
  if (value !== undefined) return value;
  const known = knownVariables.has(name);
  const suggestion = known ? undefined : closest(name, [...knownVariables]);
  error(file, {
    reason: known ? `{{${name}}} has no value in ${edition.label}` : `Unknown variable {{${name}}} in ${edition.label}`,
    rule: known ? 'variable-missing' : 'variable-unknown',
    place,
    hint: suggestion
      ? `Did you mean {{${suggestion}}}?`
      : `Add "${name}:" under "variables:" in ${edition.variablesFile}${edition.country ? '' : ' (the value for the international edition)'}.`,
  });
  return undefined;
}
