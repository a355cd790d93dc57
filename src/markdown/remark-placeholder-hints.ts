import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';
import { closest } from '../text/closest.js';
import { placeInNode } from './source-place.js';
import { visit } from './visit.js';

// `[[name]]` (wiki and template tools) and `{name}` or `${name}` (i18n libraries, scripts), as written in the source.
const DOUBLE_BRACKETS = /(?<![\\!])\[\[[ \t]*([A-Za-z_][\w.-]*)[ \t]*\]\]/g;
const SINGLE_BRACES = /(?<![\\{$])\$?\{[ \t]*([A-Za-z_]\w*)[ \t]*\}(?!\})/g;

/**
 * Warn where a placeholder is written the way other tools write one, `[[emergency_number]]`
 * or `{emergency_number}`: briefkit shows it as written, and its variables are `{{name}}`.
 * `[[name]]` is always reported (nothing else gives it a meaning here); `{name}` only when the
 * name is one of the project's variables or close to one, as braces are ordinary text too.
 * Only text the author wrote is looked at: code, link destinations and escaped brackets are not.
 */
export function remarkPlaceholderHints() {
  return (tree: Root, file: VFile) => {
    const known = file.data.context?.knownVariables ?? new Set<string>();
    visit(tree, 'text', (node) => {
      if (!node.value.includes('[[') && !node.value.includes('{')) return;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const source = String(file.value).slice(start, end);
      for (const match of source.matchAll(DOUBLE_BRACKETS)) report(file, node, match, known, true);
      for (const match of source.matchAll(SINGLE_BRACES)) report(file, node, match, known, false);
    });
  };
}

function report(file: VFile, node: Parameters<typeof placeInNode>[1], match: RegExpMatchArray, known: ReadonlySet<string>, always: boolean): void {
  const [written, name] = [match[0], match[1]!];
  const suggestion = known.has(name) ? name : closest(name, known);
  if (!always && suggestion === undefined) return;
  const escaped = `\\${written}`;
  warn(file, {
    reason: `${written} is shown as written: briefkit variables are written {{${name}}}`,
    rule: 'variable-syntax-foreign',
    place: placeInNode(file, node, written, match.index),
    hint:
      suggestion === name
        ? `"${name}" is a variable of this project: write {{${name}}}. To show ${written} as text, write ${escaped}.`
        : suggestion !== undefined
          ? `Did you mean {{${suggestion}}}? To show ${written} as text, write ${escaped}.`
          : `Write {{${name}}} and give "${name}" a value under "variables:" in briefkit.config.yaml or a country profile; to show ${written} as text, ` +
            `write ${escaped}.`,
  });
}
