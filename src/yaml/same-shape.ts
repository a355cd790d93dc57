/**
 * Compile-time checks that a schema's output (`z.output<typeof schema>`) and a type written
 * by hand for the model are the same shape, so neither can change without the other.
 */

/** Each assignable to the other. */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** The keys a type (or any member of a union) names, leaving out an index signature. */
type NamedKeys<T> = T extends unknown ? keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] } : never;

/** A property's type in the members of a union that have it. */
type Property<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/**
 * `true` when A and B are the same shape: each assignable to the other, with the same named
 * keys, down through nested objects and arrays. Assignability alone misses a key added or left
 * out on one side where the other has an index signature (front matter keeps unknown keys) or
 * an optional key; `readonly` is not compared.
 */
export type SameShape<A, B> =
  Mutual<A, B> extends true
    ? [A] extends [readonly (infer ItemA)[]]
      ? [B] extends [readonly (infer ItemB)[]]
        ? SameShape<ItemA, ItemB>
        : false
      : [NonNullable<A>] extends [object]
        ? Mutual<NamedKeys<NonNullable<A>>, NamedKeys<NonNullable<B>>> extends true
          ? false extends { [K in NamedKeys<NonNullable<A>>]: SameShape<Property<NonNullable<A>, K>, Property<NonNullable<B>, K>> }[NamedKeys<NonNullable<A>>]
            ? false
            : true
          : false
        : true
    : false;
