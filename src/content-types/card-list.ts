import type { UiKey } from '../i18n/strings.js';
import type { Page } from '../model/page.js';
import type { ContentCard } from '../templates/contexts/cards.js';
import type { LangText, Views } from '../templates/view-models.js';
import type { ContentType } from './content-type.js';

/** What a type listed as cards says of each page besides title and summary (duration, audience). */
export type CardDetails = (views: Views, page: Page) => readonly (LangText | undefined)[];

/**
 * For a type whose pages are listed as cards: a menu entry and a list page (`<folder>/index.html`),
 * and a section of cards on the home page, each once the site has a page of the type.
 */
export function cardList(options: {
  readonly folder: string;
  readonly plural: UiKey;
  readonly singular: UiKey;
  readonly owner: string;
  readonly details: CardDetails;
}): Pick<ContentType, 'nav' | 'home' | 'indexes'> {
  const path = `${options.folder}/index.html`;
  const cards = (views: Views, pages: readonly Page[]): ContentCard[] =>
    pages.map((page) => ({
      kicker: views.translator.ui[options.singular],
      title: views.title(page),
      summary: views.summary(page),
      href: views.href(page.outputPath),
      details: options.details(views, page).filter((detail): detail is LangText => detail !== undefined),
    }));
  return {
    nav: (pages, { views, translator }) => (pages.length > 0 ? [{ label: views.text(translator.ui[options.plural], views.lang), path }] : []),
    home: (pages, { views, translator }) => ({
      sections: pages.length > 0 ? [{ id: `home-${options.folder}`, heading: translator.ui[options.plural], cards: cards(views, pages) }] : [],
    }),
    indexes: (pages, { translator }) => {
      const heading = translator.ui[options.plural];
      return pages.length === 0
        ? []
        : [{ path, template: 'list', owner: options.owner, title: heading, data: (views) => ({ heading, cards: cards(views, pages) }) }];
    },
  };
}
