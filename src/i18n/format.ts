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
