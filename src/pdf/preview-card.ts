import { posix } from 'node:path';
import { contentType } from '../content-types/index.js';
import { direction } from '../i18n/languages.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { siteIndex } from '../content-types/site-index.js';
import { siteView } from '../templates/contexts/layout.js';
import type { OrganisationView } from '../templates/contexts/layout.js';
import type { LangText } from '../templates/view-models.js';
import { Views } from '../templates/view-models.js';
import { PRINT_ORIGIN } from './print-document.js';
import type { PrintInput, PrintJob } from './print-document.js';

/** The size of a link-preview image, in CSS pixels (what chat apps and social sites show). */
export const CARD_SIZE = { width: 1200, height: 630 } as const;

/** What a page's preview image and its slides' title slide both show. */
export interface TitleFields {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly assets: string;
  readonly kicker: string;
  readonly title: LangText;
  readonly summary: LangText | undefined;
  readonly site: string;
}

/** The title, summary and type line of a page in the reader's language, where the print fonts are, and the views that made them. */
export function titleFields(input: PrintInput, local: LocalizedPage): { readonly fields: TitleFields; readonly views: Views } {
  const { translator, edition, config } = input;
  const { page } = local;
  const views = new Views(translator, page.outputPath, new Map(input.pages.map((each) => [each.page, each])));
  const site = siteIndex(
    input.pages.map((each) => each.page),
    translator.lang,
  );
  return {
    views,
    fields: {
      lang: translator.lang,
      dir: direction(translator.lang),
      assets: `${PRINT_ORIGIN}${edition.prefix}assets/`,
      kicker: contentType(page.kind)!.print!.kicker(page, { views, translator, site, citations: input.citations }),
      title: views.title(page),
      summary: views.summary(page),
      site: config.title,
    },
  };
}

/** `print/card.hbs`: the link-preview image of a page. */
export interface CardContext extends TitleFields {
  readonly edition: string | undefined;
  readonly organisation: OrganisationView | undefined;
}

/** Where a page's preview image goes, beside it (`en/briefing/preview.png`). */
export function cardPath(local: Pick<LocalizedPage, 'page' | 'lang'>): string {
  return `${local.lang}/${posix.dirname(local.page.outputPath)}/preview.png`;
}

/**
 * The link-preview image of a page in one language, as a print job the print tabs render to a
 * PNG (in the same sandbox as the PDFs): its title and summary in their own language and
 * direction, the type, the site and the edition, on the theme's colour.
 */
export function cardJob(input: PrintInput, local: LocalizedPage): PrintJob {
  const { translator, edition } = input;
  const { page } = local;
  const context: CardContext = {
    ...titleFields(input, local).fields,
    edition: edition.country
      ? translator.t('editionLabel', { country: edition.variable('country_name', translator.lang) ?? edition.name ?? edition.country })
      : undefined,
    organisation: siteView(input.config, edition, translator, input.logoName ? `${PRINT_ORIGIN}${edition.prefix}assets/${input.logoName}` : undefined)
      .organisation,
  };
  const path = `${edition.prefix}${cardPath(local)}`;
  return {
    lang: translator.lang,
    path,
    local,
    file: local.translation?.file ?? page.file,
    html: input.render('print/card', context) ?? '',
    url: `${PRINT_ORIGIN}${path}`,
    paper: edition.paper,
    metadata: { title: context.title.text, author: '', subject: '', keywords: [], lang: local.contentLang, date: undefined },
    card: true,
  };
}
