import { describe, expect, it } from 'vitest';
import { factsInText } from '../../src/facts/extract-facts.js';
import type { Fact, FactOptions } from '../../src/facts/extract-facts.js';

/** The facts of `text`, checked to sit where they say and not to overlap. */
function facts(text: string, lang: string, options?: FactOptions): Fact[] {
  const found = factsInText(text, lang, options);
  let end = 0;
  for (const fact of found) {
    expect(text.slice(fact.start, fact.end)).toBe(fact.text);
    expect(fact.start).toBeGreaterThanOrEqual(end);
    end = fact.end;
  }
  return found;
}

/** The keys of the facts of `text`. */
function keys(text: string, lang: string, options?: FactOptions): string[] {
  return facts(text, lang, options).map((fact) => fact.key);
}

describe('numbers with their units', () => {
  it('reads a dose the same way whatever the language writes it', () => {
    expect(keys('Введіть 0,4 мг налоксону.', 'uk')).toEqual(['0.4 mg']);
    expect(keys('Give 0.4 mg of naloxone.', 'en')).toEqual(['0.4 mg']);
    expect(keys('أعط ٠٫٤ ملغ من النالوكسون.', 'ar')).toEqual(['0.4 mg']);
    expect(keys('1,5 мг', 'uk')).toEqual(['1.5 mg']);
    expect(keys('2mg', 'en')).toEqual(['2 mg']);
    expect(keys('200 µg, 200 mcg, 200 μg', 'en')).toEqual(['200 µg', '200 µg', '200 µg']);
  });

  it('keeps the text as written and where it is', () => {
    expect(facts('Введіть 0,4 мг.', 'uk')).toEqual([{ kind: 'number', key: '0.4 mg', text: '0,4 мг', start: 8, end: 14 }]);
  });

  it('reads Arabic-Indic digits as digits', () => {
    expect(keys('اتصل بالرقم ١١٢', 'ar')).toEqual(['112']);
    expect(keys('۱۱۲', 'fa')).toEqual(['112']);
  });

  it('reads ranges, with the unit after the second number', () => {
    expect(keys('wait 2–3 minutes', 'en')).toEqual(['2–3 min']);
    expect(keys('зачекайте 2-3 хвилини', 'uk')).toEqual(['2–3 min']);
    expect(keys('انتظر ٢-٣ دقائق', 'ar')).toEqual(['2–3 min']);
    expect(keys('2 – 3 min, 2—3 min, 2 − 3 min', 'en')).toEqual(['2–3 min', '2–3 min', '2–3 min']);
    expect(keys('from 2019–2023 and 2019-2023', 'en')).toEqual(['2019–2023', '2019–2023']);
    expect(keys('0,4–0,8 мг', 'uk')).toEqual(['0.4–0.8 mg']);
  });

  it('reads percentages', () => {
    expect(keys('15% and 15 %', 'en')).toEqual(['15 %', '15 %']);
    expect(keys('١٥٪', 'ar')).toEqual(['15 %']);
  });

  it('reads a number without a unit as the number alone', () => {
    expect(keys('Call 112.', 'en')).toEqual(['112']);
  });

  it('reads two quantities either side of a slash', () => {
    expect(keys('4 мг/0,1 мл', 'uk')).toEqual(['4 mg', '0.1 ml']);
    expect(keys('4 mg/0.1 ml', 'en')).toEqual(['4 mg', '0.1 ml']);
  });

  it('reads units from the language’s own table', () => {
    // A year's word is read (so that Russian "год" is no hour) but is no part of the key: "in 2010" is "2010 року" in Ukrainian.
    expect(keys('2 года', 'ru')).toEqual(['2']);
    expect(keys('2 год', 'uk')).toEqual(['2 h']);
    expect(keys('2 год', 'ru')).toEqual(['2']);
    expect(keys('3 Std. und 2 Jahre, 5 Tagen', 'de')).toEqual(['3 h', '2', '5 d']);
    expect(keys('2 ans, 3 jours', 'fr')).toEqual(['2', '3 d']);
    expect(keys('2 años, 3 días', 'es')).toEqual(['2', '3 d']);
    expect(keys('5 يوم، 2 سنوات', 'ar')).toEqual(['5 d', '2']);
    expect(keys('у 2010 році, з 2011 року, віком від 14 років', 'uk')).toEqual(['2010', '2011', '14']);
    expect(keys('1,000 years', 'not a language')).toEqual(['1000']);
  });

  it('reads a number after an Arabic prefix joined with a tatweel', () => {
    expect(keys('واحتفظوا بـ15 دقيقة', 'ar')).toEqual(['15 min']);
  });

  it('reads a range written with the language’s word for it', () => {
    expect(keys('Plan 10 to 15 minutes', 'en')).toEqual(['10–15 min']);
    expect(keys('від 10 до 15 хвилин', 'uk')).toEqual(['10–15 min']);
    expect(keys('з 2011 по 2020 рік', 'uk')).toEqual(['2011–2020']);
    expect(keys('von 2 bis 3 Minuten', 'de')).toEqual(['2–3 min']);
  });

  it('reads English units and ranges in any language: a figure copied with its words is the original’s', () => {
    expect(keys('УКР 10 to 15 minutes, 2–3 minutes', 'uk')).toEqual(['10–15 min', '2–3 min']);
  });

  it('reads a range of years written short as the whole years', () => {
    expect(keys('in 2006–10 and 2011-13', 'en')).toEqual(['2006–2010', '2011–2013']);
    expect(keys('у 2006–2010 роках', 'uk')).toEqual(['2006–2010']);
    expect(keys('2–3 minutes, 1998–2001', 'en')).toEqual(['2–3 min', '1998–2001']);
  });

  it('matches a unit as a whole word only', () => {
    expect(keys('2 mgs', 'en')).toEqual(['2']);
    expect(keys('2 часть', 'ru')).toEqual(['2']);
  });
});

describe('separators', () => {
  it('groups thousands as the language does', () => {
    expect(keys('1\u00A0000 людей', 'uk')).toEqual(['1000']);
    expect(keys('1 000 людей', 'uk')).toEqual(['1000']);
    expect(keys('1\u202F000 personnes', 'fr')).toEqual(['1000']);
    expect(keys('1.000 Menschen', 'de')).toEqual(['1000']);
    expect(keys('1,000 people', 'en')).toEqual(['1000']);
    expect(keys('1,000,000.5', 'en')).toEqual(['1000000.5']);
    expect(keys('1.000.000,5', 'de')).toEqual(['1000000.5']);
    expect(keys('١٬٠٠٠', 'ar')).toEqual(['1000']);
  });

  it('reads a separator before other than three digits as a decimal point in any language', () => {
    expect(keys('0.4 мг', 'uk')).toEqual(['0.4 mg']);
    expect(keys('0,4 mg', 'en')).toEqual(['0.4 mg']);
    expect(keys('0,40 mg', 'en')).toEqual(['0.4 mg']);
    expect(keys('1,500 мг', 'uk')).toEqual(['1.5 mg']);
  });

  it('reads a plain space as grouping only in a language that groups with spaces', () => {
    expect(keys('1 000', 'uk')).toEqual(['1000']);
    expect(keys('1 000', 'en')).toEqual(['1', '0']);
    expect(keys('2 30', 'uk')).toEqual(['2', '30']);
  });

  it('skips digits with separators that make no number', () => {
    expect(keys('version 1.2.3', 'en')).toEqual([]);
  });
});

describe('dates', () => {
  it('reads an ISO date as one fact, not a range', () => {
    expect(facts('on 2023-09-25.', 'en')).toEqual([{ kind: 'number', key: '2023-09-25', text: '2023-09-25', start: 3, end: 13 }]);
  });

  it('reads a date with dots, day first, as the same date', () => {
    expect(keys('am 25.09.2023', 'de')).toEqual(['2023-09-25']);
  });
});

describe('numbers that are part of a word', () => {
  it('skips them', () => {
    expect(keys('COVID-19 and case-01992', 'en')).toEqual([]);
    expect(keys('H2O, v2, case_7, C++11', 'en')).toEqual([]);
  });

  it('reads an ordinal as its number (the 3,000th kit is "3000-й" in Ukrainian)', () => {
    expect(keys('the 1st and 2nd doses, the 3,000th kit', 'en')).toEqual(['1', '2', '3000']);
    expect(keys('3000-й набір', 'uk')).toEqual(['3000']);
  });

  it('keeps a number whose plural or suffix follows', () => {
    expect(keys('the 1990s', 'en')).toEqual(['1990']);
    expect(keys('у 2019-му році', 'uk')).toEqual(['2019']);
  });
});

describe('telephone numbers', () => {
  it('keys a number by its E.164 form whatever its spacing', () => {
    const spaced = facts('Call +44 20 7946 0958 now', 'en');
    const bracketed = facts('Call +44 (20) 7946-0958 now', 'en');
    expect(spaced).toEqual([{ kind: 'phone', key: '+442079460958', text: '+44 20 7946 0958', start: 5, end: 21 }]);
    expect(bracketed.map((fact) => [fact.kind, fact.key, fact.text])).toEqual([['phone', '+442079460958', '+44 (20) 7946-0958']]);
  });

  it('reads a Ukrainian number', () => {
    expect(facts('Телефон: +380 44 123 45 67.', 'uk').map((fact) => [fact.kind, fact.key])).toEqual([['phone', '+380441234567']]);
  });

  it('reads a number in Arabic-Indic digits', () => {
    expect(facts('اتصل على +٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨', 'ar').map((fact) => [fact.kind, fact.key, fact.text])).toEqual([['phone', '+442079460958', '+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨']]);
  });

  it('reads a national number in the country given, else by its digits', () => {
    expect(facts('Call 0800 123 4567.', 'en', { country: 'GB' }).map((fact) => [fact.kind, fact.key])).toEqual([['phone', '+448001234567']]);
    expect(facts('Call 0800 123 4567.', 'en').map((fact) => [fact.kind, fact.key])).toEqual([['phone', '08001234567']]);
    expect(facts('044 123 45 67', 'uk', { country: 'ua' }).map((fact) => [fact.kind, fact.key])).toEqual([['phone', '+380441234567']]);
    expect(facts('Call 07946095800', 'en').map((fact) => fact.kind)).toEqual(['phone']);
  });

  it('ends the number where libphonenumber finds a possible one', () => {
    expect(keys('+44 20 7946 0958 24 hours a day', 'en')).toEqual(['+442079460958', '24 h']);
  });

  it('leaves grouped numbers, ranges and short numbers as numbers', () => {
    const kinds = (text: string, lang: string, options?: FactOptions) => facts(text, lang, options).map((fact) => `${fact.kind} ${fact.key}`);
    expect(kinds('1 000 000 мг', 'uk')).toEqual(['number 1000000 mg']);
    expect(kinds('1 000 000 людей', 'uk')).toEqual(['number 1000000']);
    expect(kinds('1 000 000 mg', 'en', { country: 'GB' })).toEqual(['number 1', 'number 0', 'number 0 mg']);
    expect(kinds('2019-2023 and 2019 - 2023', 'en')).toEqual(['number 2019–2023', 'number 2019–2023']);
    expect(kinds('from 10.00-12.00', 'en')).toEqual(['number 10–12']);
    expect(kinds('on 2023-09-25', 'en')).toEqual(['number 2023-09-25']);
    expect(kinds('call 112 or 999', 'en')).toEqual(['number 112', 'number 999']);
    expect(kinds('+15 %', 'en')).toEqual(['number 15 %']);
    expect(kinds('0.000000001 g', 'en')).toEqual(['number 1e-9']);
  });
});

describe('web and e-mail addresses', () => {
  it('reads an address without the punctuation after it', () => {
    expect(facts('See https://Example.org/Naloxone/.', 'en')).toEqual([
      { kind: 'url', key: 'https://example.org/Naloxone', text: 'https://Example.org/Naloxone/', start: 4, end: 33 },
    ]);
    expect(keys('(see www.example.org/guide).', 'en')).toEqual(['https://www.example.org/guide']);
    expect(keys('«https://example.org»', 'uk')).toEqual(['https://example.org']);
    expect(keys('https://en.wikipedia.org/wiki/Naloxone_(medication).', 'en')).toEqual(['https://en.wikipedia.org/wiki/Naloxone_(medication)']);
  });

  it('does not read the digits of an address as numbers', () => {
    expect(facts('https://example.org/2023/12/guide-4mg', 'en').map((fact) => fact.kind)).toEqual(['url']);
    expect(facts('Write to help2023@example.org.', 'en').map((fact) => [fact.kind, fact.key])).toEqual([['email', 'help2023@example.org']]);
  });

  it('keys an e-mail address in lower case', () => {
    expect(facts('Email Help@Example.ORG, today', 'en')).toEqual([{ kind: 'email', key: 'help@example.org', text: 'Help@Example.ORG', start: 6, end: 22 }]);
  });
});

describe('products and variables', () => {
  const products = ['Nyxoid', 'Prenoxad', 'Narcan'];

  it('reads a product name as a whole word, case-sensitive', () => {
    expect(facts('Nyxoid 1.8 mg', 'en', { products })).toEqual([
      { kind: 'product', key: 'Nyxoid', text: 'Nyxoid', start: 0, end: 6 },
      { kind: 'number', key: '1.8 mg', text: '1.8 mg', start: 7, end: 13 },
    ]);
    expect(keys('Назальний спрей Nyxoid.', 'uk', { products })).toEqual(['Nyxoid']);
    // "Nyxoids" is another word, and "nyxoid" another spelling: neither is the product as listed.
    expect(keys('Nyxoids and nyxoid', 'en', { products })).toEqual([]);
    expect(keys('Nyxoid 2', 'en', { products: [''] })).toEqual(['2']);
  });

  it('reads a variable, with or without spaces, and not the digits in it', () => {
    expect(facts('Call {{emergency_number}}.', 'en')).toEqual([
      { kind: 'variable', key: '{{emergency_number}}', text: '{{emergency_number}}', start: 5, end: 25 },
    ]);
    expect(keys('Call {{ emergency_number }} or {{line2}}', 'en')).toEqual(['{{emergency_number}}', '{{line2}}']);
  });

  it('returns every kind of fact in order of start', () => {
    const text = 'Nyxoid 1.8 mg: call {{emergency_number}} or +44 20 7946 0958, see www.example.org or mail help@example.org.';
    expect(facts(text, 'en', { products }).map((fact) => fact.kind)).toEqual(['product', 'number', 'variable', 'phone', 'url', 'email']);
  });
});
