/**
 * Issue 30, item 1: the model's hand-written types (CommonMeta, Organisation) are checked against
 * the zod schemas at compile time with SameShape. These cases are checked by `tsc` (npm test
 * type-checks test/); each says which drift the check must see.
 */
import { describe, expectTypeOf, it } from 'vitest';
import type { SameShape } from '../../src/yaml/same-shape.js';

interface Author {
  readonly name: string;
  readonly url?: string | undefined;
  readonly [key: string]: unknown;
}
interface Meta {
  readonly title: string;
  readonly summary?: string | undefined;
  readonly authors: Author[];
  readonly [key: string]: unknown;
}
/** What a loose zod object gives: the same keys, not readonly, an index signature for unknown keys. */
type Parsed = {
  title: string;
  summary?: string | undefined;
  authors: ({ name: string } | { name: string; url?: string | undefined; [key: string]: unknown })[];
} & {
  [key: string]: unknown;
};

describe('SameShape', () => {
  it('takes the same keys and types as the same shape, readonly or not, intersection or interface', () => {
    expectTypeOf<SameShape<Parsed, Meta>>().toEqualTypeOf<true>();
    expectTypeOf<SameShape<{ a: string }, { readonly a: string }>>().toEqualTypeOf<true>();
  });

  it('sees a key left out or added beside an index signature, where assignability alone does not', () => {
    type Less = { title: string; authors: Parsed['authors'] } & { [key: string]: unknown };
    expectTypeOf<[Less] extends [Meta] ? ([Meta] extends [Less] ? true : false) : false>().toEqualTypeOf<true>();
    expectTypeOf<SameShape<Less, Meta>>().toEqualTypeOf<false>();
    expectTypeOf<SameShape<Parsed, Meta & { readonly extra?: string }>>().toEqualTypeOf<false>();
  });

  it('sees a type changed, a key made required, and a drift inside an array of objects', () => {
    // Written out: Omit<> of a type with an index signature would drop its named keys.
    type With<Summary, Authors> = { readonly title: string; readonly authors: Authors; readonly [key: string]: unknown } & Summary;
    expectTypeOf<SameShape<Parsed, With<{ readonly summary?: string | undefined }, Author[]>>>().toEqualTypeOf<true>();
    expectTypeOf<SameShape<Parsed, With<{ readonly summary?: number }, Author[]>>>().toEqualTypeOf<false>();
    expectTypeOf<SameShape<Parsed, With<{ readonly summary: string | undefined }, Author[]>>>().toEqualTypeOf<false>();
    expectTypeOf<SameShape<Parsed, With<{ readonly summary?: string | undefined }, (Author & { readonly email?: string })[]>>>().toEqualTypeOf<false>();
    expectTypeOf<SameShape<Parsed, With<{ readonly summary?: string | undefined }, readonly Author[]>>>().toEqualTypeOf<false>();
    expectTypeOf<SameShape<{ a?: { b: 1 } }, { a?: { b: 1; c?: 2 } }>>().toEqualTypeOf<false>();
  });
});
