import type { Translator } from '../../i18n/ui-strings.js';
import type { Alternate, EditionBadge, LayoutContext } from './layout.js';

/** `pages/404.html`: the layout alone, with its stylesheet inlined. */
export type NotFoundContext = LayoutContext;

/** `pages/languages.hbs`: the entry page of an edition (its own page, no layout). */
export interface LanguagesContext {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly ui: Translator['ui'];
  readonly site: { readonly title: string };
  readonly edition: EditionBadge | undefined;
  /** Where to go at once when there is one language and no other edition; else undefined. */
  readonly target: string | undefined;
  readonly languages: readonly { readonly lang: string; readonly name: string; readonly href: string; readonly dir: 'ltr' | 'rtl'; readonly choose: string }[];
  /** The home page's language versions (`<link rel="alternate" hreflang>`), the chooser being its `x-default`. */
  readonly alternates: readonly Alternate[];
  readonly editions: readonly { readonly name: string; readonly href: string }[];
  /** "Read in English?" by language, for the script that suggests the browser's language. */
  readonly suggestions: Readonly<Record<string, string>>;
}
