import type { VFile } from 'vfile';
import { CONTENT_TYPES } from '../../content-types/index.js';
import { error } from '../../messages.js';
import type { Place } from '../../model/place.js';
import { readProjectText } from '../../project/read.js';
import type { Page } from '../../model/page.js';
import { closest } from '../../text/closest.js';
import type { ReferenceLibrary } from '../library.js';
import type { CitationStyle } from './citation-style.js';
import { parseStyle } from './citation-style.js';
import { Citer } from './citer.js';
import type { Citations } from './citations.js';
import { BUILT_IN_STYLES, DEFAULT_STYLE, builtInStyle } from './csl-files.js';

/** Where a style is chosen: the config (for every page, or for a type) or a page's front matter. */
export interface StyleChoice {
  readonly name: string;
  readonly file: VFile;
  readonly place: Place | undefined;
}

/** What choosing styles reads. */
export interface StyleChoices {
  readonly root: string;
  readonly library: ReferenceLibrary;
  /** `citation_style:` in the config. */
  readonly site: StyleChoice | undefined;
  /** `citation_styles:` in the config: content type → style. */
  readonly byType: readonly (StyleChoice & { readonly type: string })[];
  readonly pages: readonly Page[];
}

/**
 * Load every style the config and the pages choose: a built-in name (`vancouver`, `apa`, …)
 * or a `.csl` file in the project. A problem is an error where the style is chosen (or in
 * the `.csl` file); the page then uses the default style, so the rest is still checked.
 * Returns the styles and the `.csl` files read.
 */
export async function loadCitationStyles(choices: StyleChoices): Promise<{ citations: Citations; files: VFile[] }> {
  const styles = new Map<string, CitationStyle | undefined>();
  const files: VFile[] = [];
  const load = async (choice: StyleChoice): Promise<CitationStyle | undefined> => {
    const { name } = choice;
    if (styles.has(name)) return styles.get(name);
    let style: CitationStyle | undefined;
    if (/\.csl$/i.test(name)) {
      const file = await readProjectText(choices.root, name);
      if (file === undefined) {
        error(choice.file, {
          reason: `No citation style file "${name}" in the project`,
          rule: 'citation-style',
          place: choice.place,
          hint:
            'Give the path of a .csl file from the project folder, e.g. styles/harvard.csl, or a built-in style: ' +
            Object.keys(BUILT_IN_STYLES).join(', ') +
            '.',
        });
      } else {
        files.push(file);
        if (!file.data.unreadable) style = parseStyle(name, String(file.value), file);
        if (style) {
          // citeproc reads the whole style only when it makes an engine: a style it cannot use is told here, once.
          try {
            new Citer(style, 'en', choices.library).prepare();
          } catch (reason) {
            error(file, {
              reason: `citeproc cannot use this style: ${(reason as Error).message ?? String(reason)}`,
              rule: 'citation-style',
              hint: 'Download the style again from https://www.zotero.org/styles, or use a built-in one.',
            });
            style = undefined;
          }
        }
      }
    } else {
      const xml = builtInStyle(name);
      if (xml === undefined) {
        const suggestion = closest(name, Object.keys(BUILT_IN_STYLES));
        error(choice.file, {
          reason: `Unknown citation style "${name}"`,
          rule: 'citation-style',
          place: choice.place,
          hint:
            `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Built-in styles: ${Object.keys(BUILT_IN_STYLES).join(', ')}; or give the path of a ` +
            `.csl file in the project.`,
        });
      } else {
        style = parseStyle(name, xml, undefined);
      }
    }
    styles.set(name, style);
    return style;
  };
  const fallback = parseStyle(DEFAULT_STYLE, builtInStyle(DEFAULT_STYLE)!, undefined)!;
  const siteStyle = (choices.site && (await load(choices.site))) ?? fallback;
  const typeStyles = new Map<string, CitationStyle>();
  const typeNames = CONTENT_TYPES.map((type) => type.name);
  for (const choice of choices.byType) {
    if (!typeNames.includes(choice.type)) {
      const suggestion = closest(choice.type, typeNames);
      error(choice.file, {
        reason: `Unknown content type "${choice.type}" in citation_styles`,
        rule: 'citation-style',
        place: choice.place,
        hint: `${suggestion ? `Did you mean "${suggestion}"? ` : ''}Content types: ${typeNames.join(', ')}.`,
      });
      continue;
    }
    const style = await load(choice);
    if (style) typeStyles.set(choice.type, style);
  }
  const pageStyles = new Map<Page, CitationStyle>();
  for (const page of choices.pages) {
    const name = page.meta.citation_style;
    if (typeof name !== 'string') continue;
    const style = await load({ name, file: page.file, place: page.yaml?.placeOf(['citation_style']) });
    if (style) pageStyles.set(page, style);
  }
  const styleOf = (page: Page) => pageStyles.get(page) ?? typeStyles.get(page.kind) ?? siteStyle;
  const citers = new Map<string, Citer>();
  return {
    files,
    citations: {
      library: choices.library,
      styleOf,
      citer(page, lang) {
        const style = styleOf(page);
        const key = `${style.name}\n${lang}`;
        let citer = citers.get(key);
        if (!citer) citers.set(key, (citer = new Citer(style, lang, choices.library)));
        return citer;
      },
    },
  };
}
