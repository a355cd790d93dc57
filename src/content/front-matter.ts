import matter from 'gray-matter';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import { parseYaml } from '../yaml/parse.js';
import type { YamlSource } from '../model/yaml-source.js';
import type { YamlMemo } from '../yaml/yaml-memo.js';

/** Front matter read from a Markdown file. */
export interface FrontMatter {
  /** The YAML data (an empty object when there is none or it is broken). */
  readonly data: Record<string, unknown>;
  /** Positions of the YAML values, for messages; undefined when there is no front matter. */
  readonly yaml: YamlSource | undefined;
  /** The file's text with the front matter blanked out (newlines kept), so lines still match. */
  readonly body: string;
  /** Whether there was front matter that briefkit refused to read (already reported). */
  readonly refused?: boolean;
}

const refuse = () => {
  throw new Error('briefkit reads YAML front matter only');
};

/**
 * Split YAML front matter from a Markdown file. Only YAML is read: `---js`, `---coffee`,
 * `---json` or `---toml` front matter is an error and never evaluated (gray-matter would run
 * JavaScript front matter with `eval` by default). `memo`: front matter read before (yaml/yaml-memo.ts).
 */
export function readFrontMatter(file: VFile, memo?: YamlMemo): FrontMatter {
  const text = String(file.value);
  const none: FrontMatter = { data: {}, yaml: undefined, body: text };
  const opening = /^---([^\n\r]*)\r?\n/.exec(text);
  if (!opening) return none;
  const language = opening[1]!.trim().toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    error(file, {
      reason: `Front matter in "${opening[1]!.trim()}" is not allowed: briefkit reads YAML front matter only`,
      rule: 'front-matter-language',
      place: { start: { line: 1, column: 4 }, end: { line: 1, column: 4 + opening[1]!.length } },
      hint: 'Start the file with a line of just "---" and write the front matter as YAML (key: value).',
    });
    return { ...none, body: mask(text, closingEnd(text) ?? opening[0].length), refused: true };
  }
  if (closingEnd(text) === undefined) {
    error(file, {
      reason: 'The front matter that opens on line 1 is never closed',
      rule: 'front-matter-unclosed',
      place: { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } },
      hint: 'Add a line of just "---" after the last front matter line (or, for a horizontal rule, use "***").',
    });
    return { ...none, refused: true };
  }

  let raw = '';
  // gray-matter splits the block; our own engine parses it with positions. Passing options
  // also keeps gray-matter from caching every file it has seen.
  const parsed = matter(text, {
    engines: {
      yaml: (block: string) => {
        raw = block;
        return {};
      },
      javascript: refuse,
      coffee: refuse,
      json: refuse,
      toml: refuse,
    },
  });
  const offset = text.indexOf(parsed.matter, opening[0].length - 1);
  const end = text.length - parsed.content.length;
  const yaml = parseYaml(file, raw || parsed.matter, offset, memo);
  const data = yaml.data;
  if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) {
    error(file, {
      reason: 'Front matter should be "key: value" lines',
      rule: 'front-matter-shape',
      place: yaml.placeOf([]),
      hint: 'For example:\n  title: Peer supply in Glasgow\n  date: 2023-09-25',
    });
  }
  const usable = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  return { data: usable, yaml, body: mask(text, end) };
}

/** Where the closing `---` line ends, as gray-matter finds it, or undefined if there is none. */
function closingEnd(text: string): number | undefined {
  const close = text.indexOf('\n---', 3);
  if (close === -1) return undefined;
  const newline = text.indexOf('\n', close + 1);
  return newline === -1 ? text.length : newline + 1;
}

/** Replace everything before `end` by spaces, keeping line breaks, so positions stay true. */
function mask(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}
