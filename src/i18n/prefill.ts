import type { Segment, SegmentedPage } from './segments.js';
import { protectedTokens } from './segments.js';

/** A new entry's text taken from a Markdown translation; fuzzy when that section of the original changed since the translation was stamped. */
export interface Prefill {
  readonly target: string;
  readonly fuzzy: boolean;
}

/** Whether two segments are proven to be the same piece: same kind and box, same heading id, same emphasis-only shape, same protected parts. */
function samePiece(mine: Segment, theirs: Segment): boolean {
  if (mine.kind !== theirs.kind || mine.box !== theirs.box || mine.shape !== theirs.shape) return false;
  if (mine.kind === 'heading' && mine.headingId !== theirs.headingId) return false;
  return protectedTokens(mine.text).join('\u0000') === protectedTokens(theirs.text).join('\u0000');
}

/** A piece of a translated section left in the original's words (a paragraph not yet translated), not a number or a name kept as it is. */
function copied(mine: Segment, theirs: Segment): boolean {
  return mine.text === theirs.text && (mine.text.match(/\p{L}{2,}/gu) ?? []).length >= 2;
}

/**
 * The texts of a hand-written Markdown translation (`theirs`) that provably translate the
 * original's segments (`page`), by segment key. A section pairs only when the translation
 * has the same section (heading id) with the same pieces in the same order (kind, `:::` box,
 * wholly *italic* or not); each piece then only when it keeps the same links, citations,
 * `{{variables}}` and code. The title, summary and front matter texts pair by their field. A
 * section whose texts are all still the original's (a copy) is not taken. Anything else is
 * left to the translator: a wrong pairing (a translator's note given as the translation of a
 * disclaimer) is worse than an empty entry. `current(section)` says whether the translation
 * was stamped against that section as it is now; if not, its texts are marked for review
 * (fuzzy).
 */
export function prefillFrom(page: SegmentedPage, theirs: SegmentedPage, current: (section: string) => boolean): Map<string, Prefill> {
  const prefill = new Map<string, Prefill>();
  const bySection = (segments: readonly Segment[], section: string) => segments.filter((segment) => segment.section === section);
  for (const section of new Set(page.segments.map((segment) => segment.section))) {
    const mine = bySection(page.segments, section);
    const same = bySection(theirs.segments, section);
    const pairs: [Segment, Segment | undefined][] =
      section === '_front'
        ? mine.map((segment) => [segment, same.find((candidate) => candidate.key === segment.key)])
        : mine.length === same.length &&
            mine.every((segment, index) => segment.kind === same[index]!.kind && segment.box === same[index]!.box && segment.shape === same[index]!.shape)
          ? mine.map((segment, index) => [segment, same[index]])
          : [];
    // A section that is still a copy of the original (as i18n new starts one) is not translated;
    // in a translated one, a text left as it is ("36%", a name) is the translator's choice.
    if (pairs.every(([segment, translation]) => !translation || translation.text === segment.text)) continue;
    for (const [segment, translation] of pairs) {
      if (translation && translation.text.trim() !== '' && samePiece(segment, translation) && !copied(segment, translation))
        prefill.set(segment.key, { target: translation.text, fuzzy: !current(section) });
    }
  }
  return prefill;
}
