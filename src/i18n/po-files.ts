import { po } from 'gettext-parser';
import type { GetTextTranslation, GetTextTranslations } from 'gettext-parser';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import type { StoredEntry, TranslationFile } from './translation-files.js';
import { describeSegment } from './translation-files.js';
import type { SegmentedPage } from './segments.js';

/** A string as PO writes it, in double quotes. */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

/** Gettext PO: what Poedit, Weblate, Crowdin and OmegaT read. */
export const poFormat: TranslationFile = {
  extension: 'po',

  write(lang, sourcePath, page: SegmentedPage, entries, previousHeaders) {
    const translations: GetTextTranslations['translations'] = {};
    for (const segment of page.segments) {
      const stored = entries.get(segment.key)!;
      const entry: GetTextTranslation = {
        msgctxt: segment.key,
        msgid: segment.text,
        msgstr: [stored.target],
        comments: { extracted: describeSegment(segment), reference: `briefings/${sourcePath}:${segment.line}` },
      };
      if (stored.fuzzy) entry.comments!.flag = 'fuzzy';
      if (stored.previous !== undefined) entry.comments!.previous = `msgid ${quote(stored.previous)}`;
      if (stored.note) entry.comments!.translator = stored.note;
      (translations[segment.key] ??= {})[segment.text] = entry;
    }
    const table: GetTextTranslations = {
      charset: 'utf-8',
      headers: {
        // What a translator's tool keeps up to date is kept from the file as it was.
        'Last-Translator': previousHeaders['Last-Translator'] ?? '',
        'Language-Team': previousHeaders['Language-Team'] ?? '',
        'PO-Revision-Date': previousHeaders['PO-Revision-Date'] ?? '',
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
  },

  read(file: VFile) {
    let table: GetTextTranslations;
    try {
      table = po.parse(String(file.value));
    } catch (cause) {
      error(file, { reason: `This is not a PO file briefkit can read: ${(cause as Error).message}`, rule: 'po-syntax', hint: 'Open it in Poedit, which shows where it is broken, or extract it again: briefkit i18n extract <lang>.' });
      return undefined;
    }
    const entries = new Map<string, StoredEntry>();
    for (const [context, byId] of Object.entries(table.translations)) {
      for (const entry of Object.values(byId)) {
        if (entry.msgid === '') continue;
        const previous = /^msgid "((?:[^"\\]|\\.)*)"/.exec(entry.comments?.previous ?? '')?.[1];
        entries.set(context, {
          source: entry.msgid,
          target: entry.msgstr[0] ?? '',
          fuzzy: entry.comments?.flag?.split(',').some((flag) => flag.trim() === 'fuzzy') === true,
          previous: previous === undefined ? undefined : JSON.parse(`"${previous.replace(/\\t/g, '\\t')}"`) as string,
          note: entry.comments?.translator,
        });
      }
    }
    return { entries, headers: table.headers };
  },

  place(file, key, part) {
    const lines = String(file.value).split('\n');
    const at = lines.findIndex((line) => line === `msgctxt ${quote(key)}`);
    if (at === -1) return undefined;
    if (part === 'unit') return { line: at + 1, column: 1 };
    const msgstr = lines.findIndex((line, index) => index > at && line.startsWith('msgstr'));
    return msgstr === -1 ? undefined : { line: msgstr + 1, column: 8 };
  },
};
