import type { CslItem, CslName } from './csl-item.js';

/**
 * One short line for a reference, as a user recognises it: `Bird SM, McAuley A, Perry S,
 * et al. (2016) Effectiveness of Scotland's National Naloxone Programme for reducing… Addiction 111(5)`.
 */
export function describeReference(item: CslItem): string {
  const names = item.author ?? item.editor ?? [];
  const people = names.slice(0, 3).map(shortName).join(', ') + (names.length > 3 ? ', et al.' : '');
  const year = item.issued?.['date-parts'][0]?.[0];
  const title = shortened(item.title, 72);
  const container = item['container-title-short'] ?? item['container-title'];
  const where = [container, item.volume ? `${item.volume}${item.issue ? `(${item.issue})` : ''}` : undefined].filter(Boolean).join(' ');
  return [people, year === undefined ? undefined : `(${year})`, title, where].filter(Boolean).join(' ');
}

/** "Bird SM" for Sheila M. Bird; an organisation's name as it is. */
function shortName(name: CslName): string {
  if (!name.family) return name.literal ?? name.given ?? '';
  const initials = (name.given ?? '')
    .split(/[\s.-]+/)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
  return initials ? `${name.family} ${initials}` : name.family;
}

/** The text, or its first words and "…" if it is longer than `length` characters. */
function shortened(text: string, length: number): string {
  const characters = [...text];
  if (characters.length <= length) return text;
  const start = characters.slice(0, length - 1).join('');
  const space = start.lastIndexOf(' ');
  return `${(space > length / 2 ? start.slice(0, space) : start).replace(/[\s,:;.–—-]+$/, '')}…`;
}
