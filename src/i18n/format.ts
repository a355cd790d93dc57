/** A `YYYY-MM-DD` date written out for readers of `lang` ("25 September 2023"). */
export function formatDate(date: string | undefined, lang: string): string | undefined {
  if (!date) return undefined;
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}
