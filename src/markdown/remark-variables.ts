import type { Root, Text } from 'mdast';
import { visit } from './visit.js';
import type { VFile } from 'vfile';
import { VARIABLE_NAME } from '../countries/profile.js';
import { lookupVariable } from '../countries/variables.js';
import { error } from '../messages.js';
import type { Place } from '../model/place.js';
import { closest } from '../text/closest.js';
import type { MarkdownEdition } from './context.js';
import { placeInNode } from './source-place.js';

const IN_TEXT = /\{\{([^{}\n]*)\}\}/g;

/**
 * Replace `{{name}}` with the edition's value, in text, headings, tables, link text, link
 * destinations and titles, and image descriptions. An unknown name, a malformed one, or one the edition gives no value is an
 * error at its position, naming the edition; so is a stray `{{` (write `\{{` for a literal).
 * Code is left alone. Runs after `:::only` blocks of other countries are removed, and after
 * heading ids are decided (remark-heading-ids), so a heading keeps one id in every edition.
 */
export function remarkVariables() {
  return (tree: Root, file: VFile) => {
    const context = file.data.context!;
    visit(tree, 'text', (node) => {
      // Before any variable is replaced, every text node is the parser's: a "{{" in one is a
      // mistake (the syntax needs "}}" on the same line), unless escaped, which only the source shows.
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
    visit(tree, 'variable', (node, index, parent) => {
      if (!parent || index === undefined) return;
      const value = resolveVariable(file, node.name, node.position, context.lang, context.edition, context.knownVariables);
      const text: Text = { type: 'text', value: value ?? node.value, position: node.position };
      parent.children.splice(index, 1, text);
    });
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'image' && node.type !== 'definition') return;
      const target = node as { url: string; title?: string | null; alt?: string | null };
      for (const key of ['url', 'title', 'alt'] as const) {
        const value = target[key];
        if (typeof value !== 'string' || !value.includes('{{')) continue;
        target[key] = value.replace(IN_TEXT, (whole, name: string) => {
          const resolved = resolveVariable(file, name, placeInNode(file, node, whole), context.lang, context.edition, context.knownVariables);
          return resolved === undefined ? whole : key === 'url' ? encodeURI(resolved) : resolved;
        });
      }
    });
  };
}

/** A variable's value for the edition and language, or undefined after reporting why not. */
export function resolveVariable(
  file: VFile,
  raw: string,
  place: Place | undefined,
  lang: string,
  edition: MarkdownEdition,
  knownVariables: ReadonlySet<string>,
): string | undefined {
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
  const value = lookupVariable(edition.variables, name, lang);
  if (value !== undefined) return value;
  const known = knownVariables.has(name);
  const suggestion = known ? undefined : closest(name, knownVariables);
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

/**
 * Variables in front matter text (a title or summary): `{{name}}` becomes its value, `\{{`
 * stays a literal "{{". Problems are reported at the key's value.
 */
export function substituteText(
  text: string,
  at: { readonly file: VFile; readonly place: Place | undefined },
  lang: string,
  edition: MarkdownEdition,
  knownVariables: ReadonlySet<string>,
): string {
  if (!text.includes('{{')) return text;
  return text.replace(/(\\?)\{\{([^{}\n]*)\}\}|(\\?)\{\{/g, (whole, escape: string | undefined, name: string | undefined, strayEscape: string | undefined) => {
    if (escape || strayEscape) return whole.slice(1);
    if (name === undefined) {
      error(at.file, {
        reason: 'A "{{" with no matching "}}"',
        rule: 'variable-syntax',
        place: at.place,
        hint: 'Write a variable as {{name}}; to show "{{" as text, write \\{{.',
      });
      return whole;
    }
    return resolveVariable(at.file, name, at.place, lang, edition, knownVariables) ?? whole;
  });
}
