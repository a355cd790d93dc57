import type { Element, ElementContent, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import type { StoredEntry, TranslationFile } from './translation-files.js';
import { describeFacts, describeSegment } from './translation-files.js';

const NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

/** The id of the `<file>` that keeps translations whose original is gone. */
const OBSOLETE = 'obsolete';

/**
 * Whether a character may be in an XML name token as every validator reads it: ASCII letters,
 * digits, `_`, `-`, and letters and digits of other scripts outside XML's excluded ranges.
 */
function nameChar(char: string): boolean {
  if (/[A-Za-z0-9_-]/.test(char)) return true;
  const code = char.codePointAt(0)!;
  if (
    code < 0xc0 ||
    code === 0xd7 ||
    code === 0xf7 ||
    (code >= 0x2000 && code <= 0x206f) ||
    (code >= 0x2190 && code <= 0x2bff) ||
    (code >= 0x2ff0 && code <= 0x3000) ||
    (code >= 0xd800 && code <= 0xf8ff) ||
    (code >= 0xfdd0 && code <= 0xfdef)
  )
    return false;
  return /[\p{L}\p{Mn}\p{Nd}]/u.test(char);
}

/**
 * A segment key as a unit id, which must be an XML name token (`xs:NMTOKEN`): every "/" is
 * written ":" (`_front/objectives/0` → `_front:objectives:0`), any other character a name
 * token may not hold as `.<hex>.` (a "." itself too), so that {@link keyOf} gives the key back.
 */
export function unitId(key: string): string {
  return [...key].map((char) => (char === '/' ? ':' : nameChar(char) ? char : `.${char.codePointAt(0)!.toString(16)}.`)).join('');
}

/** The segment key of a unit id; also reads the ids of files written before (`_front:objectives/0`). */
export function keyOf(id: string): string {
  return id.replace(/:/g, '/').replace(/\.([0-9a-f]{1,6})\./g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/** The text of an element. */
function textOf(element: Element | undefined): string {
  if (!element) return '';
  return element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}

function childElements(element: Element | Root, name: string): Element[] {
  return (element.children as readonly Root['children'][number][]).filter((child): child is Element => child.type === 'element' && child.name === name);
}

/**
 * XLIFF 2.0 (the OASIS standard memoQ, Trados, OmegaT and Weblate read; 2.0 rather than
 * 1.2 for its plainer core, one `<segment>` with a `state`): a `<unit>` per segment, its
 * place and what to keep in `<notes>`, `state="translated"` when done, `initial` with a
 * target and a "previous" note when the original changed since.
 */
export const xliffFormat: TranslationFile = {
  extension: 'xlf',

  write(lang, sourcePath, page, entries, _headers, sourceLang, obsolete = []) {
    const units: ElementContent[] = page.segments.map((segment) => {
      const stored = entries.get(segment.key)!;
      const notes = [
        x('note', { category: 'location' }, `briefings/${sourcePath}:${segment.line}`),
        x('note', { category: 'description' }, describeSegment(segment)),
        ...(segment.facts?.length ? [x('note', { category: 'facts' }, describeFacts(segment)!)] : []),
        ...(stored.previous !== undefined ? [x('note', { category: 'previous' }, stored.previous)] : []),
        ...(stored.note ? [x('note', { category: 'translator' }, stored.note)] : []),
      ];
      const state = stored.target !== '' && !stored.fuzzy ? 'translated' : 'initial';
      return x('unit', { id: unitId(segment.key) }, [
        x('notes', notes),
        x('segment', { state }, [x('source', segment.text), ...(stored.target !== '' ? [x('target', stored.target)] : [])]),
      ]);
    });
    const tree = x(null, [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
      x('xliff', { xmlns: NAMESPACE, version: '2.0', srcLang: sourceLang, trgLang: lang }, [
        x('file', { id: 'page', original: `briefings/${sourcePath}` }, units),
        // Translations whose original is gone, kept so that none is lost (PO's #~ entries).
        ...(obsolete.length > 0
          ? [
              x(
                'file',
                { id: OBSOLETE },
                obsolete.map((entry, index) =>
                  x('unit', { id: `o${index + 1}` }, [
                    x('notes', [
                      x('note', { category: 'description' }, 'Obsolete: its original is no longer on the page. Copy what you need of it, then delete it.'),
                      ...(entry.note ? [x('note', { category: 'translator' }, entry.note)] : []),
                    ]),
                    x('segment', { state: entry.fuzzy ? 'initial' : 'translated' }, [x('source', entry.source), x('target', entry.target)]),
                  ]),
                ),
              ),
            ]
          : []),
      ]),
    ]);
    return `${toXml(tree).replace(/<unit /g, '\n  <unit ')}\n`;
  },

  read(file: VFile) {
    let tree: Root;
    try {
      tree = fromXml(String(file.value));
    } catch (cause) {
      const place = (cause as { place?: { line: number; column: number } }).place;
      error(file, {
        reason: `This is not an XLIFF file briefkit can read: ${(cause as Error).message}`,
        rule: 'xliff-syntax',
        place,
        hint: 'Extract it again with briefkit i18n extract <lang> --format xliff, and check what your tool saved.',
      });
      return undefined;
    }
    const entries: StoredEntry[] = [];
    const xliff = childElements(tree, 'xliff')[0];
    for (const fileElement of xliff ? childElements(xliff, 'file') : []) {
      const obsolete = fileElement.attributes.id === OBSOLETE;
      for (const unit of childElements(fileElement, 'unit')) {
        const id = unit.attributes.id;
        const segment = childElements(unit, 'segment')[0];
        if (typeof id !== 'string' || !segment) continue;
        const notes = childElements(unit, 'notes').flatMap((notesElement) => childElements(notesElement, 'note'));
        const note = (category: string) => notes.find((candidate) => candidate.attributes.category === category);
        const targetElement = childElements(segment, 'target')[0];
        const target = textOf(targetElement);
        const state = segment.attributes.state ?? 'initial';
        const at = (element: Element) => ({ line: element.position?.start.line ?? 1, column: element.position?.start.column ?? 1 });
        entries.push({
          key: obsolete ? undefined : keyOf(id),
          obsolete,
          place: { unit: at(unit), target: at(targetElement ?? segment) },
          source: textOf(childElements(segment, 'source')[0]),
          target,
          fuzzy: target !== '' && state === 'initial',
          previous: note('previous') ? textOf(note('previous')) : undefined,
          note: note('translator') ? textOf(note('translator')) : undefined,
        });
      }
    }
    return { entries, headers: {} };
  },

  place(file, key, part) {
    const lines = String(file.value).split('\n');
    const at = lines.findIndex((line) => line.includes(`<unit id="${unitId(key)}"`));
    if (at === -1) return undefined;
    if (part === 'unit') return { line: at + 1, column: lines[at]!.indexOf('<unit') + 1 };
    const column = lines[at]!.indexOf('<target>');
    return { line: at + 1, column: column === -1 ? 1 : column + 1 };
  },
};
