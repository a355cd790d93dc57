import type { Config } from '../config/schema.js';
import type { Edition } from '../model/edition.js';
import { relativeUrl, webAddress } from '../paths/urls.js';
import type { LanguageVersion } from '../model/landing-page.js';

/**
 * The one rule for a page's language versions, which its head (`<link rel="alternate"
 * hreflang>`) and the sitemap (`xhtml:link`) both write: the page at `path` (under each
 * language folder) in every language of the edition it is written in. A page shown as a
 * fallback copy in a language the translator wrote nothing in is no version in it. Pages made
 * of interface text only (home, lists, search) are written in every language (`writtenIn`
 * undefined). `x-default`, for a reader whose language is none of them: the edition's root
 * (the language chooser) for the home page, else the page in the first of the edition's
 * languages it is written in. None when the edition has one language.
 */
export function languageVersions(path: string, writtenIn: readonly string[] | undefined, languages: readonly string[]): LanguageVersion[] {
  if (languages.length < 2) return [];
  const versions = languages.filter((lang) => !writtenIn || writtenIn.includes(lang)).map((lang) => ({ hreflang: lang, path: `${lang}/${path}` }));
  if (versions.length === 0) return [];
  return [...versions, { hreflang: 'x-default', path: path === 'index.html' ? 'index.html' : versions[0]!.path }];
}

/**
 * The versions a page's head lists: those of `languageVersions` on a page that is one of them
 * (its path from the edition's root is among them: the chooser is the home page's `x-default`), none on a fallback copy, which is no
 * version of the page and is left out of the sitemap too.
 */
export function headVersions(full: string, versions: readonly LanguageVersion[]): readonly LanguageVersion[] {
  return versions.some((version) => version.path === full) ? versions : [];
}

/** Where a version is, as a page at `from` (from the edition's root) links to it: its web address with `base_url`, else relative. */
export function versionHref(config: Config, edition: Edition, from: string, path: string): string {
  return config.base_url ? webAddress(config.base_url, `${edition.prefix}${path}`) : relativeUrl(from, path);
}
