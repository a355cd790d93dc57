import type { VFile } from 'vfile';
import type { Fonts } from '../assets/fonts.js';
import type { Config } from '../config/schema.js';
import { nativeName } from '../i18n/languages.js';
import type { Translator } from '../i18n/ui-strings.js';
import type { RenderTemplate } from '../templates/engine.js';
import type { Output } from './output.js';

/** What the files shared by every language need. */
export interface SiteFilesInput {
  readonly config: Config;
  readonly translators: ReadonlyMap<string, Translator>;
  readonly render: RenderTemplate;
  readonly fonts: Fonts;
  /** Static files from `templates/assets/`: path under `assets/` → absolute source. */
  readonly assets: ReadonlyMap<string, string>;
  /** The logo: absolute source path and file name under `assets/`. */
  readonly logo: { readonly from: string; readonly name: string } | undefined;
  readonly siteFile: VFile;
}

/**
 * Write what belongs to no language: `index.html` (straight to the one language, or a
 * chooser that suggests the browser's language), `404.html`, styles, fonts and logo.
 */
export function renderSiteFiles(input: SiteFilesInput, output: Output): void {
  const { config } = input;
  const source = config.languages[0]!;
  const translator = input.translators.get(source)!;
  const languages = config.languages.map((lang) => ({ lang, name: nativeName(lang), href: `${lang}/index.html`, dir: input.translators.get(lang)!.dir, choose: input.translators.get(lang)!.ui.chooseLanguage }));
  const entry = input.render('languages', {
    lang: source,
    dir: translator.dir,
    ui: translator.ui,
    site: { title: config.title },
    target: config.languages.length === 1 ? `${source}/index.html` : undefined,
    languages,
    suggestions: Object.fromEntries(config.languages.map((lang) => [lang, input.translators.get(lang)!.t('suggestedLanguage', { language: nativeName(lang) })])),
  });
  if (entry !== undefined) output.add({ path: 'index.html', content: entry }, 'the language page', input.siteFile);

  const root = config.base_url ?? '';
  const notFound = input.render('404', {
    lang: source,
    dir: translator.dir,
    ui: translator.ui,
    site: { title: config.title, organisation: config.organisation },
    title: `${translator.ui.notFoundTitle} · ${config.title}`,
    root,
    assets: `${root}assets/`,
    home: `${root}index.html`,
    nav: [],
    languages: [],
    alternates: [],
  });
  if (notFound !== undefined) output.add({ path: '404.html', content: notFound }, 'the 404 page', input.siteFile);

  output.add({ path: 'assets/fonts.css', content: input.fonts.css }, 'fonts', input.siteFile);
  for (const [path, from] of input.fonts.files) output.add({ path: `assets/${path}`, copyFrom: from }, 'fonts', input.siteFile);
  for (const [path, from] of input.assets) output.add({ path: `assets/${path}`, copyFrom: from }, `templates/assets/${path}`, input.siteFile);
  if (input.logo) output.add({ path: `assets/${input.logo.name}`, copyFrom: input.logo.from }, 'the logo', input.siteFile);
}
