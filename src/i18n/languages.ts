/** Scripts written right to left, by the language codes that use them by default. */
const RIGHT_TO_LEFT = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ku-arab', 'pa-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);

/** The writing direction of a language: `rtl` for Arabic, Persian, Hebrew, Urdu and others. */
export function direction(lang: string): 'ltr' | 'rtl' {
  return remember(directions, lang, () => {
    const locale = new Intl.Locale(lang);
    if (locale.script) return ['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg'].includes(locale.script) ? 'rtl' : 'ltr';
    return RIGHT_TO_LEFT.has(locale.language) ? 'rtl' : 'ltr';
  });
}

// A site has a handful of languages and asks about them on every page: each answer is
// worked out once (Intl objects are slow to make).
const directions = new Map<string, 'ltr' | 'rtl'>();
const names = new Map<string, string>();

function remember<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) cache.set(key, (value = make()));
  return value;
}

/** A language's name in that language, as a language switcher shows it: "Українська", "العربية". */
export function nativeName(lang: string): string {
  return remember(names, `${lang}\0${lang}`, () => {
    const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
    return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
  });
}

/** A language's name in another language: "англійська" for `en` read in Ukrainian. */
export function languageName(lang: string, inLanguage: string): string {
  return remember(names, `${lang}\0in\0${inLanguage}`, () => new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' }).of(lang) ?? lang);
}
