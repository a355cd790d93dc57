import { po } from 'gettext-parser';
import type { GetTextTranslation, GetTextTranslations } from 'gettext-parser';
import type { VFile } from 'vfile';
import { error, warn } from '../messages.js';
import type { Segment, SegmentedPage } from './segments.js';
import { brokenTokens, protectedTokens } from './segments.js';

/** Where a page's PO file is: `translations/<lang>/<path without .md>.po`, beside its Markdown translation. */
export function poPath(lang: string, sourcePath: string): string {
  return `translations/${lang}/${sourcePath.replace(/\.md$/, '')}.po`;
}

/**
 * A page's PO file for `lang`: one entry per segment, its key as msgctxt, what it is and
 * where as comments. Translations are kept from `previous` (the file as it was): an entry
 * whose original changed keeps its translation, marked fuzzy with the text it translated
 * (`#| msgid`); one no longer in the original is dropped. `prefill` gives translations for
 * new entries (from a Markdown translation).
 */
export function writePo(lang: string, sourcePath: string, page: SegmentedPage, previous: GetTextTranslations | undefined, prefill: ReadonlyMap<string, string>): string {
  const old = new Map<string, GetTextTranslation>();
  for (const [context, entries] of Object.entries(previous?.translations ?? {})) {
    for (const entry of Object.values(entries)) if (entry.msgid !== '') old.set(context, entry);
  }
  const translations: GetTextTranslations['translations'] = {};
  for (const segment of page.segments) {
    const before = old.get(segment.key);
    const entry: GetTextTranslation = { msgctxt: segment.key, msgid: segment.text, msgstr: [''], comments: { extracted: describe(segment), reference: `briefings/${sourcePath}:${segment.line}` } };
    if (before && before.msgid === segment.text) {
      entry.msgstr = before.msgstr;
      if (before.comments?.flag) entry.comments!.flag = before.comments.flag;
      if (before.comments?.previous) entry.comments!.previous = before.comments.previous;
      if (before.comments?.translator) entry.comments!.translator = before.comments.translator;
    } else if (before && before.msgstr.some((text) => text !== '')) {
      entry.msgstr = before.msgstr;
      entry.comments!.flag = 'fuzzy';
      entry.comments!.previous = `msgid ${quote(before.msgid)}`;
    } else {
      entry.msgstr = [prefill.get(segment.key) ?? ''];
    }
    (translations[segment.key] ??= {})[segment.text] = entry;
  }
  const table: GetTextTranslations = {
    charset: 'utf-8',
    headers: {
      // What a translator's tool keeps up to date is kept from the file as it was.
      'Last-Translator': previous?.headers['Last-Translator'] ?? '',
      'Language-Team': previous?.headers['Language-Team'] ?? '',
      'PO-Revision-Date': previous?.headers['PO-Revision-Date'] ?? '',
      'Project-Id-Version': `briefings/${sourcePath}`,
      'Language': lang,
      'MIME-Version': '1.0',
      'Content-Type': 'text/plain; charset=UTF-8',
      'Content-Transfer-Encoding': '8bit',
      'X-Generator': 'briefkit i18n extract',
    },
    translations: { '': { '': { msgid: '', msgstr: [''] } }, ...translations },
  };
  return `${po.compile(table, { foldLength: 0 }).toString('utf8')}\n`;
}

/** What the comment above an entry says: what it is, where, and what to keep. */
function describe(segment: Segment): string {
  const where = segment.kind === 'title' || segment.kind === 'summary' ? `The page's ${segment.kind}` : `A ${segment.kind} in "${segment.sectionTitle}"`;
  const keep = [...new Set(protectedTokens(segment.text))];
  return keep.length > 0 ? `${where}. Keep exactly: ${keep.join(' ')}` : `${where}.`;
}

/** A string as PO writes it, in double quotes. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** Read a PO file, its problems on `file` (the whole file: the parser gives no positions). */
export function readPo(file: VFile): GetTextTranslations | undefined {
  try {
    return po.parse(String(file.value));
  } catch (cause) {
    error(file, { reason: `This is not a PO file briefkit can read: ${(cause as Error).message}`, rule: 'po-syntax', hint: 'Open it in Poedit, which shows where it is broken, or extract it again: briefkit i18n extract <lang>.' });
    return undefined;
  }
}

/** A segment's translation from a PO file, if it may be used: translated, not fuzzy, for the current original, with every protected part kept. */
export function usableTranslation(file: VFile, table: GetTextTranslations, segment: Segment): string | undefined {
  const entries = Object.values(table.translations[segment.key] ?? {});
  const entry = entries[0];
  const text = entry?.msgstr[0] ?? '';
  if (!entry || text.trim() === '' || entry.comments?.flag?.split(',').some((flag) => flag.trim() === 'fuzzy')) return undefined;
  if (entry.msgid !== segment.text) {
    warn(file, { reason: `The original of "${segment.key}" changed since this file was extracted: it is shown in the original until translated again`, rule: 'po-outdated', place: lineOf(file, segment.key), hint: 'Run briefkit i18n extract again: the entry is then marked fuzzy, with the text it translated.' });
    return undefined;
  }
  const { missing, added } = brokenTokens(segment.text, text);
  if (missing.length > 0 || added.length > 0) {
    error(file, {
      reason: `The translation of "${segment.key}" ${missing.length > 0 ? `lost or changed ${missing.join(' ')}` : ''}${missing.length > 0 && added.length > 0 ? ' and ' : ''}${added.length > 0 ? `has ${added.join(' ')} that the original does not` : ''}`,
      rule: 'po-placeholder',
      place: lineOf(file, segment.key, 'msgstr'),
      hint: 'Copy link addresses, [@citations], {{variables}}, [^notes] and `code` from the original unchanged; translate only the words around them.',
    });
    return undefined;
  }
  return text;
}

/** The line of an entry's msgctxt (or of its msgstr) in the PO file. */
function lineOf(file: VFile, key: string, part: 'msgctxt' | 'msgstr' = 'msgctxt'): { line: number; column: number } | undefined {
  const lines = String(file.value).split('\n');
  const at = lines.findIndex((line) => line === `msgctxt ${quote(key)}`);
  if (at === -1) return undefined;
  if (part === 'msgctxt') return { line: at + 1, column: 1 };
  const msgstr = lines.findIndex((line, index) => index > at && line.startsWith('msgstr'));
  return msgstr === -1 ? undefined : { line: msgstr + 1, column: 8 };
}
