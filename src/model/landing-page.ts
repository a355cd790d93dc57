/** One language version of a page: its language (or `x-default`) and its path from the edition's root. */
export interface LanguageVersion {
  readonly hreflang: string;
  readonly path: string;
}

/** A page readers land on, as the sitemap lists it: its path from the edition's root and its language versions. */
export interface LandingPage {
  readonly path: string;
  readonly versions: readonly LanguageVersion[];
}
