/** A `YYYY-MM-DD` date written out for readers of `lang` ("25 September 2023"). */
export function formatDate(date: string | undefined, lang: string): string | undefined {
  if (!date) return undefined;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })));
  return format.format(Date.UTC(year, month - 1, day));
}

/** One date format per language: making one is slow, and every page and card asks. */
const formats = new Map<string, Intl.DateTimeFormat>();

/** "1.2 MB", "840 kB" in the reader's language. */
export function fileSize(bytes: number, lang: string): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, Math.round(bytes / 1000)), 'kilobyte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
