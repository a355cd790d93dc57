import { describe, expect, it } from 'vitest';
import { shorten } from '../../src/text/shorten.js';

describe('shorten (menu titles, issue 29)', () => {
  it('leaves a short text whole', () => {
    expect(shorten('Case studies')).toEqual({ shown: 'Case studies', rest: '' });
    expect(shorten('x'.repeat(30))).toEqual({ shown: 'x'.repeat(30), rest: '' });
  });

  it('cuts a long text at the end of a clause, else after a whole word, leaving punctuation and spaces to the rest', () => {
    expect(shorten('Naloxone at music festivals: a short guide')).toEqual({ shown: 'Naloxone at music festivals', rest: ': a short guide' });
    expect(shorten('Peer naloxone in prisons — what works')).toEqual({ shown: 'Peer naloxone in prisons', rest: ' — what works' });
    expect(shorten("Glasgow: the UK's first peer naloxone supply model")).toEqual({ shown: "Glasgow: the UK's first peer", rest: ' naloxone supply model' });
    expect(shorten('Розповсюдження налоксону за принципом «рівний — рівному»')).toEqual({
      shown: 'Розповсюдження налоксону за',
      rest: ' принципом «рівний — рівному»',
    });
    const arabic = 'توزيع النالوكسون من قرين إلى قرين في السجون';
    const { shown, rest } = shorten(arabic);
    expect(shown + rest).toBe(arabic);
    expect(shown).toBe('توزيع النالوكسون من قرين إلى');
  });

  it('cuts inside a word when no word ends in the second half, and never inside a letter', () => {
    expect(shorten('Supercalifragilisticexpialidocious and more')).toEqual({ shown: 'Supercalifragilisticexpialidoc', rest: 'ious and more' });
    const japanese = 'ピアによるナロキソン配布のための技術ブリーフィングと事例研究の全集です';
    const cut = shorten(japanese, 10);
    expect(cut.shown.length).toBeGreaterThanOrEqual(5);
    expect(cut.shown.length).toBeLessThanOrEqual(10);
    expect(cut.shown + cut.rest).toBe(japanese);
    const flags = '🇺🇦'.repeat(40);
    expect(shorten(flags).shown).toBe('🇺🇦'.repeat(30));
  });
});
