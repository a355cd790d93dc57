import type { Element } from 'hast';
import type { CiteItem } from '../references/csl/citer.js';

/** A bracket that may hold citations: `[@key]`, `[see @a, p. 12; -@b]`. */
export const CLUSTER = /\[([^[\]]*@[^[\]]*)\]/g;

const ITEM = /^(?<prefix>.*?)(?<minus>-?)@(?<key>[\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*)(?<rest>.*)$/su;

/** Locator words, as authors write them in English, Ukrainian and Arabic, and their CSL labels. */
const LABELS: Readonly<Record<string, string>> = {
  p: 'page',
  pp: 'page',
  pg: 'page',
  page: 'page',
  pages: 'page',
  с: 'page',
  стор: 'page',
  ص: 'page',
  صفحة: 'page',
  ch: 'chapter',
  chap: 'chapter',
  chapter: 'chapter',
  chapters: 'chapter',
  розд: 'chapter',
  гл: 'chapter',
  فصل: 'chapter',
  sec: 'section',
  section: 'section',
  sections: 'section',
  '§': 'section',
  para: 'paragraph',
  paragraph: 'paragraph',
  paragraphs: 'paragraph',
  '¶': 'paragraph',
  fig: 'figure',
  figure: 'figure',
  figures: 'figure',
  vol: 'volume',
  volume: 'volume',
  line: 'line',
  lines: 'line',
  l: 'line',
  n: 'note',
  note: 'note',
  notes: 'note',
  part: 'part',
  pt: 'part',
  v: 'verse',
};

const NUMBER = String.raw`[\p{N}ivxlcdmIVXLCDM]+[a-z]?`;
const LOCATOR = new RegExp(
  String.raw`^\s*(?:(?<label>[\p{L}§¶]+)\.?\s*)?(?<locator>${NUMBER}(?:\s*[-–—]\s*${NUMBER})?(?:\s*,\s*${NUMBER}(?:\s*[-–—]\s*${NUMBER})?(?=\s*(?:,|$)))*)(?<suffix>.*)$`,
  'su',
);

/**
 * The items of a citation in Pandoc's syntax, or undefined when the brackets hold something
 * else (an e-mail address, `[me@example.org]`): every part between `;` needs one `@key`, after
 * a space or at its start. `-@key` leaves the author out; after the key, `, p. 12` is a
 * locator (a number after a known word, or a number alone: a page) and the rest a suffix.
 */
export function parseCluster(inside: string): CiteItem[] | undefined {
  const items: CiteItem[] = [];
  for (const part of inside.split(';')) {
    const match = ITEM.exec(part.trim());
    if (!match?.groups) return undefined;
    const { prefix = '', minus, rest = '' } = match.groups;
    if (prefix !== '' && !/\s$/.test(prefix)) return undefined;
    // A key does not end with punctuation: "@bird2016." is the key bird2016 and a full stop.
    let key = match.groups.key!;
    let after = rest;
    const trailing = /[:.#$%&+?<>~/-]+$/.exec(key);
    if (trailing) {
      key = key.slice(0, trailing.index);
      after = trailing[0] + after;
    }
    if (after !== '' && !/^[\s,]/.test(after)) return undefined;
    items.push({ id: key, ...locatorOf(after), ...(prefix.trim() ? { prefix: `${prefix.trim()} ` } : {}), ...(minus ? { suppressAuthor: true } : {}) });
  }
  return items;
}

function locatorOf(after: string): Pick<CiteItem, 'locator' | 'label' | 'suffix'> {
  const text = after.replace(/^\s*,/, '');
  if (!text.trim()) return {};
  const match = after.trimStart().startsWith(',') ? LOCATOR.exec(text) : null;
  if (match?.groups) {
    const word = match.groups.label?.toLowerCase();
    const label = word === undefined ? 'page' : LABELS[word];
    if (label) {
      const suffix = match.groups.suffix?.trim();
      return { locator: match.groups.locator!.trim(), label, ...(suffix ? { suffix: ` ${suffix.replace(/^,\s*/, ', ')}`.replace(/^ ,/, ',') } : {}) };
    }
  }
  return { suffix: after.trimStart().startsWith(',') ? `, ${text.trim()}` : ` ${text.trim()}` };
}

/** Whether an element is a citation left by remark-citations (or raw HTML imitating one). */
export function isCitationCluster(node: Element): boolean {
  const classes = node.properties.className;
  return node.tagName === 'span' && Array.isArray(classes) && classes.includes('citation-cluster');
}

/**
 * The items of a citation placeholder. Raw HTML can imitate one with any `data-cites`: anything
 * that is not a list of items with text fields is no citation, never an error of the build.
 */
export function citationItems(node: Element): CiteItem[] {
  try {
    const items: unknown = JSON.parse(String(node.properties.dataCites ?? '[]'));
    if (!Array.isArray(items)) return [];
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    return items.flatMap((item: Record<string, unknown> | null) =>
      typeof item?.id === 'string'
        ? [
            {
              id: item.id,
              locator: text(item.locator),
              label: text(item.label),
              prefix: text(item.prefix),
              suffix: text(item.suffix),
              suppressAuthor: item.suppressAuthor === true,
            },
          ]
        : [],
    );
  } catch {
    return [];
  }
}
