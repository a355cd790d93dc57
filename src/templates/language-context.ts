import type { Config } from '../config/schema.js';
import type { Edition } from '../model/edition.js';
import type { Translator } from '../i18n/ui-strings.js';
import type { Citations } from '../references/csl/citations.js';
import type { RenderTemplate } from './engine.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { VersionChanges } from '../versions/changes.js';

/** What writing one language of an edition needs, for its web pages and its PDFs alike. */
export interface LanguageContext {
  readonly config: Config;
  /** The edition: its languages, paper, organisation, output folder and name. */
  readonly edition: Edition;
  readonly translator: Translator;
  /** This language's version of every page. */
  readonly pages: readonly LocalizedPage[];
  /** The bibliography and each page's citation style. */
  readonly citations: Citations;
  readonly render: RenderTemplate;
  /** The logo's file name under `assets/`, if there is one. */
  readonly logoName: string | undefined;
  /** What changed in each page since its previous released version, by source path (issue 33). */
  readonly changes?: ReadonlyMap<string, VersionChanges> | undefined;
}
