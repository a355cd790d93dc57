import type { VFile } from 'vfile';
import { error } from '../messages.js';
import { pluralForms } from './plural-forms.js';
import { parsePo, poString, PoSyntaxError, writePo } from './po-syntax.js';
import type { PoEntryToWrite } from './po-syntax.js';
import type { StoredEntry, TranslationFile } from './translation-files.js';
import { describeFacts, describeSegment } from './translation-files.js';
import type { SegmentedPage } from './segments.js';

/** Header fields briefkit sets; a translator's tool's others (X-Poedit-…) are kept after them. */
const OWN_HEADERS = new Set([
  'Project-Id-Version',
  'PO-Revision-Date',
  'Last-Translator',
  'Language-Team',
  'Language',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'Plural-Forms',
  'X-Generator',
]);

/** Gettext PO: what Poedit, Weblate, Crowdin and OmegaT read. */
export const poFormat: TranslationFile = {
  extension: 'po',

  write(lang, sourcePath, page: SegmentedPage, entries, previousHeaders, _sourceLang, obsolete = []) {
    const written: PoEntryToWrite[] = page.segments.map((segment) => {
      const stored = entries.get(segment.key)!;
      return {
        translator: stored.note ? stored.note.split('\n') : [],
        extracted: [describeSegment(segment), describeFacts(segment)].filter((line) => line !== undefined),
        references: [`briefings/${sourcePath}:${segment.line}`],
        // msgcat drops "fuzzy" from an entry with no translation: never write it there.
        flags: stored.fuzzy && stored.target !== '' ? ['fuzzy'] : [],
        previous: stored.previous,
        msgctxt: segment.key,
        msgid: segment.text,
        msgstr: [stored.target],
      };
    });
    // Translations whose original is gone stay at the end, as gettext's msgmerge keeps them.
    for (const entry of obsolete) {
      written.push({
        translator: entry.note ? entry.note.split('\n') : [],
        extracted: [],
        references: [],
        flags: [],
        msgctxt: entry.key,
        msgid: entry.source,
        msgstr: [entry.target],
        obsolete: true,
      });
    }
    // gettext's order; what a translator's tool keeps up to date is kept from the file as it was.
    const headers: [string, string][] = [
      ['Project-Id-Version', `briefings/${sourcePath}`],
      ['PO-Revision-Date', previousHeaders['PO-Revision-Date'] ?? ''],
      ['Last-Translator', previousHeaders['Last-Translator'] ?? ''],
      ['Language-Team', previousHeaders['Language-Team'] ?? ''],
      ['Language', lang],
      ['MIME-Version', '1.0'],
      ['Content-Type', 'text/plain; charset=UTF-8'],
      ['Content-Transfer-Encoding', '8bit'],
      ['Plural-Forms', previousHeaders['Plural-Forms'] || pluralForms(lang)],
      ['X-Generator', 'briefkit i18n extract'],
      ...Object.entries(previousHeaders).filter(([key]) => !OWN_HEADERS.has(key)),
    ];
    return writePo(headers, written);
  },

  read(file: VFile) {
    let table;
    try {
      table = parsePo(String(file.value));
    } catch (cause) {
      if (!(cause instanceof PoSyntaxError)) throw cause;
      error(file, {
        reason: `This is not a PO file briefkit can read: ${cause.message}`,
        rule: 'po-syntax',
        place: { line: cause.line, column: cause.column },
        hint: 'Open it in Poedit, which shows where it is broken, or extract it again: briefkit i18n extract <lang>.',
      });
      return undefined;
    }
    const entries: StoredEntry[] = table.entries.map((entry) => ({
      key: entry.msgctxt,
      source: entry.msgid,
      target: entry.msgstr[0] ?? '',
      fuzzy: entry.flags.includes('fuzzy'),
      previous: entry.previous,
      note: entry.translator.length > 0 ? entry.translator.join('\n') : undefined,
      place: { unit: { line: entry.keyLine, column: 1 }, target: { line: entry.msgstrLine, column: 8 } },
      obsolete: entry.obsolete,
    }));
    return { entries, headers: table.headers };
  },

  place(file, key, part) {
    const lines = String(file.value).split(/\r?\n/);
    const at = lines.findIndex((line) => line === poString('msgctxt', key));
    if (at === -1) return undefined;
    if (part === 'unit') return { line: at + 1, column: 1 };
    const msgstr = lines.findIndex((line, index) => index > at && line.startsWith('msgstr'));
    return msgstr === -1 ? undefined : { line: msgstr + 1, column: 8 };
  },
};
