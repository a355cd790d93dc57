import type { Element, ElementContent, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { toXml } from 'xast-util-to-xml';
import { x } from 'xastscript';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import type { StoredEntry, TranslationFile } from './translation-files.js';
import { describeSegment } from './translation-files.js';

const NAMESPACE = 'urn:oasis:names:tc:xliff:document:2.0';

/** A unit id is an XML name token, which has no "/": `context/1` is written `context:1`. */
const unitId = (key: string) => key.replace('/', ':');
const keyOf = (id: string) => id.replace(':', '/');

/** The text of an element. */
function textOf(element: Element | undefined): string {
  if (!element) return '';
  return element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');
}

function childElements(element: Element | Root, name: string): Element[] {
  return (element.children as readonly (Root['children'][number])[]).filter((child): child is Element => child.type === 'element' && child.name === name);
}

/**
 * XLIFF 2.0 (the OASIS standard memoQ, Trados, OmegaT and Weblate read; 2.0 rather than
 * 1.2 for its plainer core, one `<segment>` with a `state`): a `<unit>` per segment, its
 * place and what to keep in `<notes>`, `state="translated"` when done, `initial` with a
 * target and a "previous" note when the original changed since.
 */
export const xliffFormat: TranslationFile = {
  extension: 'xlf',

  write(lang, sourcePath, page, entries, _headers, sourceLang) {
    const units: ElementContent[] = page.segments.map((segment) => {
      const stored = entries.get(segment.key)!;
      const notes = [
        x('note', { category: 'location' }, `briefings/${sourcePath}:${segment.line}`),
        x('note', { category: 'description' }, describeSegment(segment)),
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
      x('xliff', { xmlns: NAMESPACE, version: '2.0', srcLang: sourceLang, trgLang: lang }, [x('file', { id: 'page', original: `briefings/${sourcePath}` }, units)]),
    ]);
    return `${toXml(tree).replace(/<unit /g, '\n  <unit ')}\n`;
  },

  read(file: VFile) {
    let tree: Root;
    try {
      tree = fromXml(String(file.value));
    } catch (cause) {
      const place = (cause as { place?: { line: number; column: number } }).place;
      error(file, { reason: `This is not an XLIFF file briefkit can read: ${(cause as Error).message}`, rule: 'xliff-syntax', place, hint: 'Extract it again with briefkit i18n extract <lang> --format xliff, and check what your tool saved.' });
      return undefined;
    }
    const entries = new Map<string, StoredEntry>();
    const xliff = childElements(tree, 'xliff')[0];
    for (const fileElement of xliff ? childElements(xliff, 'file') : []) {
      for (const unit of childElements(fileElement, 'unit')) {
        const id = unit.attributes.id;
        const segment = childElements(unit, 'segment')[0];
        if (typeof id !== 'string' || !segment) continue;
        const notes = childElements(unit, 'notes').flatMap((notesElement) => childElements(notesElement, 'note'));
        const note = (category: string) => notes.find((candidate) => candidate.attributes.category === category);
        const target = textOf(childElements(segment, 'target')[0]);
        const state = segment.attributes.state ?? 'initial';
        entries.set(keyOf(id), {
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
