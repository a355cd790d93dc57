import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { warn } from '../messages.js';
import { TERMS_FILE } from './read-terms.js';
import type { TermEntry } from './read-terms.js';

/** A file to check, in the language it is written in. */
export interface TermTarget {
  readonly file: VFile;
  readonly lang: string;
}

/** Languages whose words take endings (наркоман, наркомана, наркоманів): a term matches with up to four more letters. */
const INFLECTED = new Set(['uk', 'ru', 'be', 'pl', 'cs', 'sk', 'bg', 'sr', 'hr', 'bs', 'sl', 'lt', 'lv', 'et', 'fi', 'hu', 'ka', 'ky', 'kk', 'tg', 'uz']);
/** Arabic joins the article and short words to the front (المدمن, والمدمنين) and endings to the back. */
const ARABIC_FRONT = '(?:[وف])?(?:[بكل])?(?:ال|لل)?';
/** What is not prose: fenced code, inline code, link addresses and comments (replaced by spaces, so offsets hold). */
const NOT_PROSE = /^(`{3,}|~{3,})[^]*?^\1|`[^`\n]+`|\]\([^)\s]*\)|<!--[^]*?-->/gm;
/** `<!-- term-ok: addict -->`: the file uses a term to avoid on purpose (a quotation, a name). */
const TERM_OK = /<!--\s*term-ok\s*:?([^]*?)-->/gi;
const REGEXP_SYNTAX = /[.*+?^${}()|[\]\\]/g;

/**
 * Warn at each term to avoid that a page, translation or override uses, in its own language
 * (the INPUD "Words Matter!" advice: "person who uses drugs", not "addict"), naming the term
 * to use and the source of the advice. Tolerant of endings: English plurals, up to four more
 * letters in inflected languages, Arabic's joined article and endings, and `*` for any ending.
 */
export function checkTerms(entries: readonly TermEntry[], targets: readonly TermTarget[], sourceLang: string): void {
  if (entries.length === 0) return;
  const patterns = new Map<string, { pattern: RegExp; avoid: readonly { entry: TermEntry; term: string }[] }>();
  for (const { file, lang } of targets) {
    const language = lang.toLowerCase().split('-')[0]!;
    let matcher = patterns.get(language);
    if (!matcher) patterns.set(language, (matcher = matcherFor(entries, language)));
    if (matcher.avoid.length === 0) continue;
    const text = String(file.value);
    const allowed = new Set([...text.matchAll(TERM_OK)].flatMap((match) => match[1]!.split(/[;,]/).map((term) => term.trim().toLowerCase())));
    const prose = text.replace(NOT_PROSE, (match) => match.replace(/[^\n]/g, ' '));
    const locate = location(text);
    matcher.pattern.lastIndex = 0;
    for (const match of prose.matchAll(matcher.pattern)) {
      const index = match.slice(1).findIndex((group) => group !== undefined);
      const { entry, term } = matcher.avoid[index]!;
      if (allowed.has(term.replace(/\*$/, '').toLowerCase()) || allowed.has(match[0].toLowerCase())) continue;
      const use = entry.use[language] ?? entry.use[lang] ?? entry.use[sourceLang];
      const start = locate.toPoint(match.index);
      const end = locate.toPoint(match.index + match[0].length);
      warn(file, {
        reason: `"${match[0]}" is a term to avoid${use ? `: write "${use}"` : ''}, as ${TERMS_FILE} asks`,
        rule: 'term-avoid',
        place: start && end ? { start, end } : undefined,
        hint: [
          entry.note,
          entry.source ? `Source: ${entry.source}.` : undefined,
          `Where it is meant (a quotation, a name), write <!-- term-ok: ${match[0]} --> in the file.`,
        ]
          .filter(Boolean)
          .join(' '),
      });
    }
  }
}

/** One pattern for every term to avoid in a language, a capture group per term, in the order of {@link avoid}. */
function matcherFor(entries: readonly TermEntry[], language: string): { pattern: RegExp; avoid: { entry: TermEntry; term: string }[] } {
  const avoid = entries.flatMap((entry) => (entry.avoid[language] ?? []).map((term) => ({ entry, term })));
  const groups = avoid.map(({ term }) => `(${termPattern(term, language)})`);
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${groups.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`, 'giu'), avoid };
}

/** How a term to avoid is matched in a language: its words in order, each with the endings the language gives it. */
function termPattern(term: string, language: string): string {
  const any = term.endsWith('*');
  const words = term.replace(/\*$/, '').trim().split(/\s+/);
  const ending = language === 'ar' ? '\\p{L}{0,3}' : INFLECTED.has(language) ? '\\p{L}{0,4}' : "(?:s|es|['’]s)?";
  const body = words
    .map((word, index) => word.replace(REGEXP_SYNTAX, '\\$&').replace(/['’]/g, "['’]") + (any && index === words.length - 1 ? '[\\p{L}\\p{M}]*' : ending))
    .join('\\s+');
  return language === 'ar' ? `${ARABIC_FRONT}${body}` : body;
}
