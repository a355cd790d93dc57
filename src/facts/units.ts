/** A unit as compared across languages: `y` is years, `d` days. */
export type Unit = 'mg' | 'ml' | 'µg' | '%' | 'min' | 'h' | 's' | 'y' | 'd' | 'kg';

/** A unit read after a number: which one, and where its text ends. */
export interface UnitReading {
  readonly unit: Unit;
  readonly end: number;
}

/** How each unit may be written: regular-expression sources, matched case-insensitively as whole words. */
type UnitSpellings = Readonly<Partial<Record<Unit, readonly string[]>>>;

/** What ends the language subtag of a BCP 47 tag (`uk` of `uk-UA`). */
const SUBTAGS = /[-_]/;

const UNITS: readonly Unit[] = ['mg', 'ml', 'µg', '%', 'min', 'h', 's', 'y', 'd', 'kg'];

/** Symbols read in every language. A glued `s` is a plural (the 1990s), not seconds, so `s` needs a space before it. */
const SYMBOLS: UnitSpellings = {
  mg: ['mg'],
  ml: ['ml'],
  µg: ['µg', 'μg', 'mcg'],
  '%': ['%', '٪'],
  min: ['min'],
  h: ['h'],
  s: ['(?<=\\s)s'],
  kg: ['kg'],
};

const ENGLISH: UnitSpellings = {
  mg: ['milligrams?'],
  ml: ['millilit(?:re|er)s?'],
  µg: ['micrograms?'],
  min: ['mins', 'minutes?'],
  h: ['hrs?', 'hours?'],
  s: ['secs?', 'seconds?'],
  y: ['years?', 'yrs?'],
  d: ['days?'],
  kg: ['kilograms?'],
};

/** Each language's words for units (a language not listed uses English). "год" is an hour in Ukrainian but a year in Russian. */
const SPELLINGS = new Map<string, UnitSpellings>([
  ['en', ENGLISH],
  [
    'uk',
    {
      mg: ['мг', 'міліграм\\p{L}*'],
      ml: ['мл', 'мілілітр\\p{L}*'],
      µg: ['мкг'],
      min: ['хв', 'хвилин\\p{L}*'],
      h: ['год', 'годин\\p{L}*'],
      s: ['с', 'сек', 'секунд\\p{L}*'],
      y: ['рік', 'роки', 'років', 'року'],
      d: ['день', 'дні', 'днів', 'дня'],
      kg: ['кг'],
    },
  ],
  [
    'ru',
    {
      mg: ['мг', 'миллиграмм\\p{L}*'],
      ml: ['мл', 'миллилитр\\p{L}*'],
      µg: ['мкг'],
      min: ['мин', 'минут\\p{L}*'],
      h: ['ч', 'час', 'часа', 'часов'],
      s: ['сек', 'секунд\\p{L}*'],
      y: ['год', 'года', 'лет'],
      d: ['день', 'дня', 'дней'],
      kg: ['кг'],
    },
  ],
  [
    'ar',
    {
      mg: ['ملغ', 'ملغم', 'مغ'],
      ml: ['مل'],
      µg: ['ميكروغرام'],
      min: ['دقيقة', 'دقائق', 'دقيقتين'],
      h: ['ساعة', 'ساعات'],
      s: ['ثانية', 'ثوان'],
      y: ['سنة', 'سنوات', 'عام', 'أعوام'],
      d: ['يوم', 'أيام'],
      kg: ['كغ'],
    },
  ],
  ['fr', { mg: ['milligrammes?'], min: ['minutes?'], h: ['heures?'], s: ['secondes?'], y: ['ans?', 'années?'], d: ['jours?'] }],
  ['es', { mg: ['miligramos?'], min: ['minutos?'], h: ['horas?'], s: ['segundos?'], y: ['años?'], d: ['d[ií]as?'] }],
  ['de', { mg: ['Milligramm'], min: ['Min\\.', 'Minuten?'], h: ['Std\\.', 'Stunden?'], s: ['Sek\\.', 'Sekunden?'], y: ['Jahr(?:e|en)?'], d: ['Tag(?:e|en)?'] }],
]);

/** One sticky pattern per language, built on first use: spaces, then one capture group per unit in {@link UNITS} order. */
const patterns = new Map<string, RegExp>();

/** The unit written at `at` in `text` (after optional spaces, or glued to the number), if any, in language `lang`. */
export function unitAt(text: string, at: number, lang: string): UnitReading | undefined {
  const pattern = patternFor(lang);
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const group = match.findIndex((value, index) => index > 0 && value !== undefined);
  return { unit: UNITS[group - 1]!, end: pattern.lastIndex };
}

function patternFor(lang: string): RegExp {
  const language = lang.toLowerCase().split(SUBTAGS)[0]!;
  let pattern = patterns.get(language);
  if (!pattern) {
    // English words count in every language too: a figure copied with its unit ("2–3 minutes") is read as the original's.
    const own = SPELLINGS.get(language) ?? {};
    pattern = unitPattern(Object.fromEntries(UNITS.map((unit) => [unit, [...(own[unit] ?? []), ...(ENGLISH[unit] ?? [])]])) as UnitSpellings);
    patterns.set(language, pattern);
  }
  return pattern;
}

function unitPattern(spellings: UnitSpellings): RegExp {
  const groups = UNITS.map((unit) => {
    const sources = [...(SYMBOLS[unit] ?? []), ...(spellings[unit] ?? [])].sort((one, other) => other.length - one.length);
    return `(${sources.length > 0 ? sources.join('|') : '(?!)'})`;
  });
  // Arabic words may end in vowel marks (ثوانٍ), which belong to the word.
  return new RegExp(`\\s*(?:${groups.join('|')})\\p{M}*(?![\\p{L}\\p{N}_])`, 'iuy');
}
