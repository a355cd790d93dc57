import { readAssetBytes } from '../project/read-asset.js';
import { imageType } from '../paths/media-type.js';
import type { VFile } from 'vfile';
import type { Fonts } from '../assets/fonts.js';
import type { Config } from '../config/schema.js';
import type { Edition } from '../model/edition.js';
import { direction, nativeName } from '../i18n/languages.js';
import type { Translator } from '../i18n/ui-strings.js';
import type { RenderTemplate } from '../templates/engine.js';
import type { Output } from '../output/output.js';
import { siteView } from '../templates/contexts/layout.js';
import type { LanguagesContext, NotFoundContext } from '../templates/contexts/site-files.js';
import { languageVersions, versionHref } from './language-versions.js';
import type { LandingPage } from '../model/landing-page.js';

/** What the files shared by an edition's languages need. */
export interface SiteFilesInput {
  readonly config: Config;
  readonly edition: Edition;
  readonly translators: ReadonlyMap<string, Translator>;
  readonly render: RenderTemplate;
  readonly fonts: Fonts;
  /** Static files from `templates/assets/`: path under `assets/` → absolute source. */
  readonly assets: ReadonlyMap<string, string>;
  /** The logo: absolute source path and file name under `assets/`. */
  readonly logo: { readonly from: string; readonly name: string } | undefined;
  /** The country editions, for the international edition's entry page (`--all-countries`). */
  readonly editions?: readonly { readonly name: string; readonly href: string }[];
  readonly siteFile: VFile;
}

/**
 * Write what belongs to no language of an edition: its `index.html` (straight to the one
 * language, or a chooser that suggests the browser's language), `404.html`, styles, fonts
 * and logo. Every edition has its own, so its folder works on its own (a USB stick).
 * Returns the chooser, for the sitemap, unless it only sends readers on to the one language.
 */
export function renderSiteFiles(input: SiteFilesInput, output: Output): LandingPage | undefined {
  const { config, edition } = input;
  const prefix = edition.prefix;
  const main = edition.languages[0]!;
  const translator = input.translators.get(main)!;
  const languages = edition.languages.map((lang) => ({
    lang,
    name: nativeName(lang),
    href: `${lang}/index.html`,
    dir: direction(lang),
    choose: input.translators.get(lang)!.ui.chooseLanguage,
  }));
  const editionName = edition.country ? (edition.variable('country_name', main) ?? edition.name) : undefined;
  // The chooser is the home page for readers of none of the languages: its x-default.
  const versions = languageVersions('index.html', undefined, edition.languages);
  const entryContext: LanguagesContext = {
    lang: main,
    dir: translator.dir,
    ui: translator.ui,
    site: { title: siteView(config, edition, translator, undefined).title },
    edition: editionName ? { name: editionName, label: translator.t('editionLabel', { country: editionName }) } : undefined,
    target: edition.languages.length === 1 && !input.editions?.length ? `${main}/index.html` : undefined,
    languages,
    alternates: versions.map((version) => ({ hreflang: version.hreflang, href: versionHref(config, edition, 'index.html', version.path) })),
    editions: input.editions ?? [],
    suggestions: Object.fromEntries(
      edition.languages.map((lang) => [lang, input.translators.get(lang)!.t('suggestedLanguage', { language: nativeName(lang) })]),
    ),
  };
  const entry = input.render('languages', entryContext);
  if (entry !== undefined) output.add({ path: `${prefix}index.html`, content: entry }, `the language page${prefix ? ` of ${prefix}` : ''}`, input.siteFile);

  // A host serves the 404 page at any depth (/en/case-studies/missing/), where relative links
  // to assets/ break, and base_url is not there from file:// or a staging host: so the page
  // carries its own styles, logo and icon (web fonts are left to the system's).
  const root = config.base_url ? `${config.base_url}${prefix}` : '';
  const style = input.assets.get('style.css');
  const notFoundContext: NotFoundContext = {
    lang: main,
    dir: translator.dir,
    ui: translator.ui,
    // No description and no licence: the page is about the missing page, not the site.
    site: {
      ...siteView(config, edition, translator, input.logo && (dataUri(input.logo.from) ?? `${root}assets/${input.logo.name}`)),
      description: undefined,
      descriptionLang: undefined,
      licence: undefined,
    },
    search: undefined,
    inlineStyle: styleElementText(style && readAssetBytes(style)?.toString('utf8')),
    title: `${translator.ui.notFoundTitle} · ${siteView(config, edition, translator, undefined).title}`,
    root,
    assets: `${root}assets/`,
    icon: dataUri(input.assets.get('favicon.svg') ?? '') ?? `${root}assets/favicon.svg`,
    home: `${root}index.html`,
    nav: [],
    canonical: undefined,
    edition: undefined,
    languages: [],
    alternates: [],
    notice: undefined,
    page: undefined,
    social: undefined,
  };
  const notFound = input.render('404', notFoundContext);
  if (notFound !== undefined) output.add({ path: `${prefix}404.html`, content: notFound }, 'the 404 page', input.siteFile);

  output.add({ path: `${prefix}assets/fonts.css`, content: input.fonts.css }, 'fonts', input.siteFile);
  for (const [path, from] of input.fonts.files) output.add({ path: `${prefix}assets/${path}`, copyFrom: from }, 'fonts', input.siteFile);
  for (const [path, from] of input.assets) output.add({ path: `${prefix}assets/${path}`, copyFrom: from }, `templates/assets/${path}`, input.siteFile);
  if (input.logo) output.add({ path: `${prefix}assets/${input.logo.name}`, copyFrom: input.logo.from }, 'the logo', input.siteFile);
  return entry !== undefined && entryContext.target === undefined ? { path: 'index.html', versions } : undefined;
}

/** Above this size a logo is left out of the 404 page rather than make every miss heavy. */
const MAX_INLINE_LOGO = 256 * 1024;

/** An image as a `data:` URI, or undefined if it is not an image type or too big to inline. */
function dataUri(path: string): string | undefined {
  const type = imageType(path);
  if (!type) return undefined;
  const bytes = readAssetBytes(path);
  return !bytes || bytes.length > MAX_INLINE_LOGO ? undefined : `data:${type};base64,${bytes.toString('base64')}`;
}

/**
 * A stylesheet made safe to put between `<style>` and `</style>`: every `<` becomes the CSS
 * escape `\3c `, which means the same inside strings and nothing can close the element.
 */
function styleElementText(css: string | undefined): string | undefined {
  return css?.replace(/</g, '\\3c ');
}
