import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The CSL styles and locales briefkit ships (`templates/csl/`, from the CSL project). */
const CSL_DIR = fileURLToPath(new URL('../../../templates/csl/', import.meta.url));

/** The styles a config or page may name; any other style is a `.csl` file in the project. */
export const BUILT_IN_STYLES: Readonly<Record<string, string>> = {
  vancouver: 'vancouver.csl',
  apa: 'apa.csl',
  ama: 'american-medical-association.csl',
  'chicago-author-date': 'chicago-author-date.csl',
  harvard: 'harvard-cite-them-right.csl',
  ieee: 'ieee.csl',
};

/** The default style: numbered, as health journals cite. */
export const DEFAULT_STYLE = 'vancouver';

/** A built-in style's CSL text. */
export function builtInStyle(name: string): string | undefined {
  const file = Object.hasOwn(BUILT_IN_STYLES, name) ? BUILT_IN_STYLES[name] : undefined;
  return file === undefined ? undefined : readFileSync(`${CSL_DIR}styles/${file}`, 'utf8');
}

let locales: readonly string[] | undefined;
const localeTexts = new Map<string, string>();

/**
 * The CSL locale for a language tag: the exact one (`pt-BR`), else the language's main
 * dialect (`uk` → `uk-UA`, `en` → `en-US`), else any dialect of it; English when there is none.
 */
export function localeFor(lang: string): string {
  locales ??= readdirSync(`${CSL_DIR}locales`)
    .filter((name) => /^locales-[\w-]+\.xml$/.test(name))
    .map((name) => name.slice('locales-'.length, -'.xml'.length))
    .sort();
  const exact = locales.find((tag) => tag.toLowerCase() === lang.toLowerCase());
  if (exact) return exact;
  const base = lang.split('-')[0]!.toLowerCase();
  const main = base === 'en' ? 'en-US' : locales.find((tag) => tag.toLowerCase() === `${base}-${base}`);
  return main ?? locales.find((tag) => tag.toLowerCase() === base || tag.toLowerCase().startsWith(`${base}-`)) ?? 'en-US';
}

/** A locale's XML, for citeproc (which asks for it by tag, synchronously). */
export function localeXml(lang: string): string {
  const tag = localeFor(lang);
  let text = localeTexts.get(tag);
  if (text === undefined) localeTexts.set(tag, (text = readFileSync(`${CSL_DIR}locales/locales-${tag}.xml`, 'utf8')));
  return text;
}
