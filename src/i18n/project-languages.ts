/**
 * Every language a project is written or built in: the source language, then the config's
 * other languages, then each country profile's languages (profiles in the order given),
 * each once. The build reads translations and interface strings for these, and the `i18n`
 * commands report and create translations for the same list, so they never disagree (a
 * Ukraine profile in `[uk, en]` makes `uk` a language even when the config lists only `en`).
 */
export function projectLanguages(
  config: { readonly languages: readonly string[] },
  profiles: readonly { readonly languages?: readonly string[] | undefined }[],
): string[] {
  return [...new Set([...config.languages, ...profiles.flatMap((profile) => profile.languages ?? [])])];
}
