/** Issue 32, item 4: a termbase. Terms to avoid are found in each language, with their inflections, at their place. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { checkTerms } from '../../src/terms/check-terms.js';
import { readTerms } from '../../src/terms/read-terms.js';

const TERMS = [
  '- use: { en: person who uses drugs, uk: "людина, яка вживає наркотики", ar: شخص يتعاطى المخدرات }',
  '  avoid: { en: [addict, drug abuser], uk: [наркоман], ar: [مدمن], ru: [наркоман*] }',
  '  source: INPUD and ANPUD, Words Matter! (2020)',
].join('\n');

function found(text: string, lang: string): string[] {
  const terms = readTerms(new VFile({ path: 'terms.yaml', value: TERMS }));
  const file = new VFile({ path: 'page.md', value: text });
  checkTerms(terms, [{ file, lang }], 'en');
  return file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`);
}

describe('terms to avoid (issue 32)', () => {
  it('finds a term and its plural in English, at its place, naming the term to use', () => {
    expect(found('Peers met addicts.\n\nA drug abuser, an Addict.\n', 'en')).toEqual([
      '1:11 "addicts" is a term to avoid: write "person who uses drugs", as terms.yaml asks',
      '3:3 "drug abuser" is a term to avoid: write "person who uses drugs", as terms.yaml asks',
      '3:19 "Addict" is a term to avoid: write "person who uses drugs", as terms.yaml asks',
    ]);
    expect(found('Addiction services and the journal Addiction.', 'en')).toEqual([]);
  });

  it('finds inflected forms in Ukrainian and with the article and endings in Arabic', () => {
    expect(found('Допомога наркоманам і наркоманів.', 'uk').map((message) => message.split(' is ')[0])).toEqual(['1:10 "наркоманам"', '1:23 "наркоманів"']);
    expect(found('يساعد الأقران المدمنين.', 'ar').map((message) => message.split(' is ')[0])).toEqual(['1:15 "المدمنين"']);
    expect(found('Помощь наркоманическим группам.', 'ru')).toHaveLength(1);
  });

  it('leaves out code, link addresses and a term the file says is meant', () => {
    expect(found('Search for `addict` at [the site](https://example.org/addict).\n', 'en')).toEqual([]);
    expect(found('The old report said "addicts". <!-- term-ok: addicts -->\n', 'en')).toEqual([]);
  });

  it('reports a termbase entry that is not valid at its place', () => {
    const file = new VFile({ path: 'terms.yaml', value: '- use: { en: person who uses drugs }\n  avoid: { en: [addict, ""] }\n  sauce: INPUD\n' });
    expect(readTerms(file)).toEqual([]);
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      '2:25 "item 1 › avoid › en (item 2)" is empty: write the term, or remove the line',
      '3:3 Unknown key "item 1 › sauce" in terms.yaml',
    ]);
  });
});
