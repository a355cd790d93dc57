import { direction } from '../../i18n/languages.js';
import type { Config } from '../../config/schema.js';
import type { Edition } from '../../model/edition.js';
import type { Translator } from '../../i18n/ui-strings.js';
import type { LangText, PageView } from '../view-models.js';

/**
 * What `partials/layout.hbs` reads, so what every web page's context has (`pages/*.hbs`
 * except `languages`). Every key is always there, undefined or empty when it does not
 * apply: a template that reads a key no context has is told so (src/templates/field-check.ts).
 */
export interface LayoutContext {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly ui: Translator['ui'];
  readonly site: SiteView;
  /** The `<title>`: the page's title and the site's. */
  readonly title: string;
  /** `../../` up to the edition's root. */
  readonly root: string;
  readonly assets: string;
  /** The site's icon (`assets/favicon.svg`), as the page links to it. */
  readonly icon: string;
  /** The link to the home page. */
  readonly home: string;
  readonly nav: readonly NavLink[];
  readonly canonical: string | undefined;
  readonly edition: EditionBadge | undefined;
  /** The language switcher: empty when the edition has one language. */
  readonly languages: readonly LanguageLink[];
  readonly alternates: readonly Alternate[];
  /** Said above a page that is not (fully) in the reader's language. */
  readonly notice: Notice | undefined;
  /** The stylesheet itself, for a page that cannot link to it (404); else undefined. */
  readonly inlineStyle: string | undefined;
  /** The page shown (its summary is the description): undefined on lists and the home page. */
  readonly page: PageView | undefined;
  /** Link-preview tags (Open Graph, Twitter card), so a link pasted in a chat shows a card; none on the 404 page. */
  readonly social: SocialView | undefined;
  /** The link to the search page, and what the search index takes from this page; none when the site has no search. */
  readonly search: SearchView | undefined;
}

/** The search page: Pagefind's box, loaded from the edition's `pagefind/` folder. */
export interface SearchContext extends LayoutContext {
  /** `../../pagefind/`: where the index and Pagefind's scripts are. */
  readonly bundle: string;
  /** Pagefind's interface strings briefkit gives in the page's language (its `translations` option). */
  readonly translations: Readonly<Record<string, string>>;
}

/** A page's part in the site's search (Pagefind). */
export interface SearchView {
  /** The link to the language's search page. */
  readonly href: string;
  /** The page's text is indexed: a content page in its own language (a fallback is found in the language it is written in). */
  readonly indexed: boolean;
  /** What its results may be filtered by: one entry per filter value. */
  readonly filters: readonly { readonly name: string; readonly value: string }[];
}

/** What a link preview shows of a page. */
export interface SocialView {
  readonly title: string;
  readonly type: 'article' | 'website';
  /** `en_US`, `uk_UA`: the page's language as Open Graph writes it. */
  readonly locale: string;
  readonly alternateLocales: readonly string[];
  /** The page's preview image (1200 × 630), when it was made and the site has a `base_url`. */
  readonly image: { readonly url: string; readonly alt: string } | undefined;
}

export interface SiteView {
  /** The site's title in the page's language (`translations/<lang>/site.yaml`), else the config's. */
  readonly title: string;
  /** Its language, for `{{> lang-attrs site.titleLang}}`: marked when it is not the page's. */
  readonly titleLang: LangText;
  readonly description: string | undefined;
  readonly descriptionLang: LangText | undefined;
  readonly organisation: OrganisationView | undefined;
  readonly licence: LicenceView | undefined;
}

export interface OrganisationView {
  readonly name: string;
  /** The name's language: marked when it is the source language's on another language's page. */
  readonly nameLang: LangText;
  readonly url: string | undefined;
  /** Where the logo is, as the page links to it. */
  readonly logo: string | undefined;
}

export interface LicenceView {
  readonly name: string;
  readonly url: string | undefined;
}

export interface NavLink {
  readonly label: LangText;
  /** What the menu shows of a long label, and the rest, read by screen readers only (empty when it is short). */
  readonly shown: string;
  readonly rest: string;
  readonly href: string;
  readonly current: boolean;
}

export interface EditionBadge {
  readonly name: string;
  readonly label: string;
}

export interface LanguageLink {
  readonly lang: string;
  readonly name: string;
  readonly href: string;
  readonly current: boolean;
  /** Whether the page is written in that language (else it is shown in another). */
  readonly translated: boolean;
}

export interface Alternate {
  readonly hreflang: string;
  readonly href: string;
}

export interface Notice {
  readonly kind: 'fallback' | 'outdated' | 'superseded';
  readonly title: string;
  readonly text: string;
  /** Before the links ("Available in:"), or undefined. */
  readonly availableIn: string | undefined;
  readonly links: readonly { readonly lang: string; readonly name: string; readonly href: string }[];
}

/** The organisation as templates show it, with every key present; `named`: its name in the page's language, if the project gives one. */
export function organisationView(organisation: Edition['organisation'], logo: string | undefined, nameLang: LangText): OrganisationView | undefined {
  return organisation && { ...organisation, name: nameLang.text, nameLang, url: organisation.url, logo };
}

/**
 * The site as a page in `translator`'s language shows it: its title, description and
 * organisation from `translations/<lang>/site.yaml` when the project translated them, else
 * the config's, marked as the source language. A country edition's own organisation (from
 * its profile) is shown as the profile writes it.
 */
export function siteView(config: Config, edition: Edition, translator: Translator, logo: string | undefined): SiteView {
  const source = config.languages[0] ?? translator.lang;
  const own = translator.site;
  const text = (value: string, translated: boolean): LangText => {
    const lang = translated ? translator.lang : source;
    return { text: value, lang, dir: direction(lang), foreign: lang !== translator.lang };
  };
  const organisation = edition.organisation;
  const ours = organisation !== undefined && organisation.name === config.organisation?.name;
  const name =
    organisation &&
    (ours
      ? text(own.organisation ?? organisation.name, own.organisation !== undefined)
      : { text: organisation.name, lang: translator.lang, dir: translator.dir, foreign: false });
  return {
    title: own.title ?? config.title,
    titleLang: text(own.title ?? config.title, own.title !== undefined),
    description: own.description ?? config.description,
    descriptionLang:
      own.description !== undefined || config.description !== undefined
        ? text(own.description ?? config.description!, own.description !== undefined)
        : undefined,
    organisation: organisation && name && organisationView(organisation, logo, name),
    licence: licenceView(config.licence),
  };
}

/** The licence as templates show it: a name, and a link when there is one. */
export function licenceView(licence: Config['licence']): LicenceView | undefined {
  if (licence === undefined) return undefined;
  return typeof licence === 'string' ? { name: licence, url: undefined } : { name: licence.name, url: licence.url };
}
