import { contentType } from '../content-types/index.js';
import type { ValuePath } from '../text/map-strings.js';
import type { Page } from '../model/page.js';
import type { LocalField, MetaOrigin } from '../model/localized-page.js';

/** The front matter of a translation or override: its values, its language and its file. */
export interface OwnMeta {
  readonly meta: Readonly<Record<string, unknown>>;
  readonly lang: string;
  readonly from: MetaOrigin;
}

/**
 * The translatable fields of a page's type (learning objectives, asks, …) in one language:
 * each from the translation or override that sets it, else from the original.
 */
export function localFields(page: Page, source: string, own: OwnMeta | undefined): Readonly<Record<string, LocalField>> {
  const fields: Record<string, LocalField> = {};
  for (const key of contentType(page.kind)?.translatable ?? []) {
    const mine = own?.meta[key];
    const original = page.meta[key];
    const fromPage = { file: page.file, yaml: page.yaml };
    if (own && Array.isArray(mine) && Array.isArray(original) && mine.length < original.length) {
      const items = original.map((_, index) => (index < mine.length ? { lang: own.lang, from: own.from } : { lang: source, from: fromPage }));
      fields[key] = { value: [...mine, ...original.slice(mine.length)], lang: own.lang, from: own.from, items };
    } else if (own && mine !== undefined) fields[key] = { value: mine, lang: own.lang, from: own.from };
    else if (original !== undefined) fields[key] = { value: original, lang: source, from: fromPage };
  }
  return fields;
}

/** The language and origin of the part of a field at `path` (an item of a list translated in part). */
export function originOf(field: LocalField, path: ValuePath): { readonly lang: string; readonly from: MetaOrigin } {
  return (typeof path[0] === 'number' && field.items?.[path[0]]) || field;
}
