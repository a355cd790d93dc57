import { error } from '../../messages.js';
import type { Place } from '../../model/place.js';
import { describeValue } from '../../yaml/validate.js';
import { normaliseItem, placer } from './entry.js';
import type { ImportFormat, ImportedEntry } from './entry.js';

/** Where a value of the JSON text is, and its key if it is in an object. */
interface Span {
  readonly key: readonly [number, number] | undefined;
  readonly value: readonly [number, number];
}

/**
 * CSL-JSON, as Zotero's "CSL JSON" export writes it: a list of items, each with its `id`
 * (the citation key, or Zotero's address for the item when it has no key). An object with an
 * `items` list is read too.
 */
export const cslJson: ImportFormat = {
  titleHint: 'Add "title": "…" to this item, or give the item a title in your reference manager and export it again.',
  read(file) {
    const text = String(file.value);
    const place = placer(file);
    let data: unknown;
    try {
      // A "__proto__" key would become the prototype of the object it is copied into: it is left out (and reported below).
      data = JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
    } catch (reason) {
      if (reason instanceof RangeError) {
        error(file, {
          reason: 'This file is nested too deeply to be a bibliography',
          rule: 'json-syntax',
          place: place(0),
          hint: 'Export the references from your reference manager as "CSL JSON".',
        });
        return [];
      }
      const message = reason instanceof Error ? reason.message : String(reason);
      const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? syntaxErrorOffset(text));
      error(file, {
        reason: text.trim() === '' ? 'This file is empty: a CSL-JSON bibliography is a list, [ … ]' : `JSON syntax: ${describeSyntaxError(message)}`,
        rule: 'json-syntax',
        place: place(offset),
        hint:
          'Check the commas and quotes here: items and fields are separated by commas (none after the last), and every text is in double quotes. Or ' +
          'export the file again from your reference manager ("CSL JSON").',
      });
      return [];
    }
    let spans: Map<string, Span>;
    try {
      spans = indexJson(text);
    } catch {
      // Nested deeper than the stack allows (JSON.parse does not mind): no places, only the file.
      spans = new Map();
    }
    const placeOf = (path: readonly PropertyKey[], part: 'key' | 'value' = 'value'): Place => {
      for (let length = path.length; length >= 0; length--) {
        const span = spans.get(JSON.stringify(path.slice(0, length)));
        if (!span) continue;
        const range = part === 'key' && length === path.length && span.key ? span.key : span.value;
        return place(range[0], range[1]);
      }
      return place(0);
    };
    for (const [path, span] of spans) {
      if (span.key && JSON.parse(path).at(-1) === '__proto__') {
        error(file, {
          reason: '"__proto__" cannot be used as a key',
          rule: 'invalid-key',
          place: place(span.key[0], span.key[1]),
          hint: 'Remove this key and its value.',
        });
      }
    }
    const wrapped = data !== null && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { items?: unknown }).items);
    const list = wrapped ? (data as { items: unknown[] }).items : data;
    if (!Array.isArray(list)) {
      error(file, {
        reason: `A CSL-JSON bibliography is a list of references, [ { "id": …, "title": … }, … ], but this file holds ${describeValue(data)}`,
        rule: 'wrong-type',
        place: placeOf([]),
        hint: 'Export the references from your reference manager as "CSL JSON".',
      });
      return [];
    }
    const base = wrapped ? ['items'] : [];
    const entries: ImportedEntry[] = [];
    for (const [index, item] of list.entries()) {
      const path = [...base, index];
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        error(file, {
          reason: `Item ${index + 1} is not a reference: it is ${describeValue(item)}`,
          rule: 'wrong-type',
          place: placeOf(path),
          hint: 'Each item is a set of fields in braces: { "id": "bird_2016", "type": "article-journal", "title": "…" }.',
        });
        continue;
      }
      const id = (item as { id?: unknown }).id;
      if (typeof id !== 'string' && typeof id !== 'number') {
        error(file, {
          reason:
            id === undefined
              ? `Item ${index + 1} has no "id", so it cannot be cited`
              : `The "id" of item ${index + 1} should be text, but it is ${describeValue(id)}`,
          rule: id === undefined ? 'reference-no-key' : 'wrong-type',
          place: placeOf(id === undefined ? path : [...path, 'id']),
          hint: 'Add "id": "bird_2016" (the key you cite it by, as [@bird_2016]) to this item.',
        });
        continue;
      }
      const key = String(id);
      entries.push({
        key,
        item: normaliseItem({ ...(item as Record<string, unknown>), id: key }),
        place: placeOf([...path, 'id']),
        placeOf: (inner) => placeOf([...path, ...inner]),
      });
    }
    return entries;
  },
};

/** "Expected ',' or ']' after array element in JSON at position 8" → "expected ',' or ']' after array element". */
function describeSyntaxError(message: string): string {
  const reason = message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/^Unexpected end of JSON input$/, 'the file ends too early (a "]", "}" or quote is missing)');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

const MAX_DEPTH = 64;
const LITERAL = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

class JsonSyntax extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

/** Where JSON.parse gave up, for a message without a position ("Unexpected token 'x'"). */
function syntaxErrorOffset(text: string): number {
  try {
    indexJson(text);
    return 0;
  } catch (reason) {
    return reason instanceof JsonSyntax ? reason.offset : 0; // (or nested too deep to tell)
  }
}

/**
 * The place of every value (and key) of a JSON text, by its path as JSON (`[0,"title"]`), down
 * to a few levels (deeper values are placed at their closest recorded parent). Throws
 * {@link JsonSyntax} at the first place the text is not JSON.
 */
function indexJson(text: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  let at = 0;
  const space = () => {
    while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at++;
  };
  const expect = (char: string) => {
    if (text[at] !== char) throw new JsonSyntax(at);
    at++;
  };
  const string = (): string => {
    const start = at;
    expect('"');
    while (at < text.length && text[at] !== '"') {
      if (text.charCodeAt(at) < 0x20) throw new JsonSyntax(at);
      at += text[at] === '\\' ? 2 : 1;
    }
    expect('"');
    return JSON.parse(text.slice(start, at)) as string;
  };
  const value = (path: readonly (string | number)[] | undefined, key: readonly [number, number] | undefined): void => {
    space();
    const start = at;
    const inner = path && path.length < MAX_DEPTH ? path : undefined;
    if (text[at] === '{') {
      at++;
      space();
      if (text[at] === '}') at++;
      else {
        for (;;) {
          space();
          const keyStart = at;
          const name = string();
          const keyRange = [keyStart, at] as const;
          space();
          expect(':');
          value(inner ? [...inner, name] : undefined, keyRange);
          space();
          if (text[at] === ',') {
            at++;
            continue;
          }
          expect('}');
          break;
        }
      }
    } else if (text[at] === '[') {
      at++;
      space();
      if (text[at] === ']') at++;
      else {
        for (let index = 0; ; index++) {
          value(inner ? [...inner, index] : undefined, undefined);
          space();
          if (text[at] === ',') {
            at++;
            continue;
          }
          expect(']');
          break;
        }
      }
    } else if (text[at] === '"') {
      string();
    } else {
      LITERAL.lastIndex = at;
      if (!LITERAL.test(text)) throw new JsonSyntax(at);
      at = LITERAL.lastIndex;
    }
    if (path && path.length <= 4) spans.set(JSON.stringify(path), { key, value: [start, at] });
  };
  value([], undefined);
  space();
  if (at < text.length) throw new JsonSyntax(at);
  return spans;
}
