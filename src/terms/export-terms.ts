import type { TermEntry } from './read-terms.js';

const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (text: string) => text.replace(/[&<>"]/g, (character) => XML_ESCAPES[character]!);

/**
 * The termbase as TBX (ISO 30042, the `martif` form translate-toolkit, Weblate and OmegaT
 * read): a `termEntry` per concept, a `langSet` per language, the term to use marked
 * `preferredTerm-admn-sts` and each to avoid `deprecatedTerm-admn-sts`, the note and source
 * as the entry's notes. Terms ending in `*` are written without it. With `only`, the source
 * language and that one: tools that read a TBX file as one pair of languages (translate-toolkit,
 * so Weblate) take the second `langSet` as the translation.
 */
export function termsToTbx(entries: readonly TermEntry[], sourceLang: string, title: string, only?: string): string {
  const term = (text: string, status: 'preferred' | 'deprecated') =>
    `        <tig>\n          <term>${escapeXml(text.replace(/\*$/, ''))}</term>\n` +
    `          <termNote type="administrativeStatus">${status}Term-admn-sts</termNote>\n        </tig>\n`;
  const body = entries
    .map((entry, index) => {
      const languages = [...new Set([...Object.keys(entry.use), ...Object.keys(entry.avoid)])]
        .filter((lang) => only === undefined || lang === sourceLang || lang === only)
        .sort((one, other) => (one === sourceLang ? -1 : other === sourceLang ? 1 : one.localeCompare(other)));
      const notes = [entry.note, entry.source ? `Source: ${entry.source}` : undefined].filter((note) => note !== undefined);
      return (
        `    <termEntry id="term-${index + 1}">\n` +
        notes.map((note) => `      <note>${escapeXml(note)}</note>\n`).join('') +
        languages
          .map(
            (lang) =>
              `      <langSet xml:lang="${lang}">\n` +
              (entry.use[lang] ? term(entry.use[lang], 'preferred') : '') +
              (entry.avoid[lang] ?? []).map((avoided) => term(avoided, 'deprecated')).join('') +
              '      </langSet>\n',
          )
          .join('') +
        '    </termEntry>\n'
      );
    })
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<martif type="TBX" xml:lang="${sourceLang}">\n` +
    `  <martifHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>Terms of ${escapeXml(title)}, from its terms.yaml (briefkit)</p>\n` +
    '      </sourceDesc>\n    </fileDesc>\n  </martifHeader>\n' +
    `  <text>\n    <body>\n${body}    </body>\n  </text>\n</martif>\n`
  );
}

/**
 * The termbase for one pair of languages as CSV (RFC 4180, the `source,target` glossary
 * Weblate and most CAT tools import): a row per concept that has a term to use in both, its
 * note naming the terms to avoid in the target language and the source of the advice.
 */
export function termsToCsv(entries: readonly TermEntry[], sourceLang: string, lang: string): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const rows = entries.flatMap((entry) => {
    const source = entry.use[sourceLang];
    const target = entry.use[lang];
    if (!source || !target) return [];
    const avoid = (entry.avoid[lang] ?? []).map((term) => term.replace(/\*$/, ''));
    const note = [avoid.length > 0 ? `Avoid: ${avoid.join(', ')}.` : undefined, entry.note, entry.source ? `Source: ${entry.source}.` : undefined]
      .filter((part) => part !== undefined)
      .join(' ');
    return [[source, target, note].map(cell).join(',')];
  });
  return ['source,target,note', ...rows].join('\r\n') + '\r\n';
}
