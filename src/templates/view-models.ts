import { slug as slugify } from 'github-slugger';
import { regionName } from '../countries/iso.js';
import { formatDate } from '../i18n/format.js';
import { direction } from '../i18n/languages.js';
import type { Translator } from '../i18n/ui-strings.js';
import { relativeUrl } from '../paths/urls.js';
import { mapStrings } from '../text/map-strings.js';
import type { BibEntry } from '../model/final-content.js';
import type { Page, TocEntry } from '../model/page.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { openFields } from './field-check.js';

/** The page listing the case studies from one country or subdivision. */
export const countryPath = (code: string) => `case-studies/country/${code.toLowerCase()}/index.html`;
/** The page listing the case studies with one tag. */
export const tagPath = (tag: string) => `case-studies/tag/${slugify(tag) || 'tag'}/index.html`;

/** A link as templates use it. */
export interface Link {
  readonly label: string;
  readonly href: string;
}

/** Text in a language that may differ from the page's: templates add `lang` when `foreign`. */
export interface LangText {
  readonly text: string;
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  readonly foreign: boolean;
}

/** What `partials/page-header.hbs` shows of any page, and the page's content. */
export interface PageView {
  readonly kind: string;
  readonly title: LangText;
  readonly summary: LangText | undefined;
  readonly date: string | undefined;
  /** The date as written (`YYYY-MM-DD`), for `<time datetime>`. */
  readonly datetime: string | undefined;
  readonly authors: readonly AuthorView[];
  readonly tags: readonly Link[];
  /** Only a briefing has a version; undefined on other pages. */
  readonly version: string | undefined;
  /** The front matter as written (and translated): any key a project adds, for its own templates. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly html: string;
  /** The page's contents, when it has two headings or more (else empty). */
  readonly toc: readonly TocEntry[];
  /** The language of the text, with `lang`/`dir` when it is not the reader's. */
  readonly content: LangText;
}

/** An author in a page's header. */
export interface AuthorView {
  readonly name: string;
  readonly affiliation: string | undefined;
}

/** An entry of a page's reference list, as its citation style formats it. */
export interface ReferenceItem {
  readonly id: string;
  /** The style's label ("1.", "[1]"); none in an author–date style. */
  readonly label: string | undefined;
  readonly html: string;
}

function isLangText(value: unknown): value is LangText {
  return typeof value === 'object' && value !== null && typeof (value as LangText).text === 'string';
}

/** Builds view models for one language, with links relative to the page being written. */
export class Views {
  constructor(
    readonly translator: Translator,
    private readonly from: string,
    private readonly localized: ReadonlyMap<Page, LocalizedPage>,
  ) {}

  get lang(): string {
    return this.translator.lang;
  }

  /** A link to a page under `dist/<lang>/`. */
  href(to: string): string {
    return relativeUrl(this.from, to);
  }

  /** Text with its language, marked foreign when it is not the reader's. */
  text(text: string, lang: string): LangText {
    return { text, lang, dir: direction(lang), foreign: lang !== this.lang };
  }

  /** A page's title in the reader's language: its translation's, else the one `site.yaml` gives it (`page_titles`), else the original's, marked. */
  title(page: Page): LangText {
    const local = this.localized.get(page)!;
    const given = local.titleLang === this.lang ? undefined : this.translator.site.pageTitles.get(page.sourcePath);
    return given === undefined ? this.text(local.title, local.titleLang) : this.text(given, this.lang);
  }

  /**
   * A page's title as a menu shows it: its `menu_title` when that is in the same language as
   * the title (a translated title beats an untranslated short one), else the title.
   */
  menuTitle(page: Page): LangText {
    const title = this.title(page);
    const short = this.field(page, 'menu_title');
    return isLangText(short) && short.lang === title.lang ? short : title;
  }

  summary(page: Page): LangText | undefined {
    const local = this.localized.get(page)!;
    return local.summary === undefined ? undefined : this.text(local.summary, local.summaryLang);
  }

  /**
   * A translatable front matter field in the reader's language if it is translated: every
   * string in it as text with its language (`objectives` → a list of texts).
   */
  field(page: Page, key: string): unknown {
    const field = this.localized.get(page)?.fields[key];
    if (!field) return undefined;
    if (field.items && Array.isArray(field.value))
      return field.value.map((item, index) => mapStrings(item, (text) => this.text(text, field.items![index]!.lang)));
    return mapStrings(field.value, (text) => this.text(text, field.lang));
  }

  country(code: string): Link {
    return { label: this.translator.regions.get(code) ?? regionName(code, this.lang), href: this.href(countryPath(code)) };
  }

  tags(tags: readonly string[]): Link[] {
    return tags.map((tag) => ({ label: this.translator.tags.get(tag) ?? tag, href: this.href(tagPath(tag)) }));
  }

  /** What every kind of page shows in its header: title, summary, date, authors. */
  pageHeader(page: Page): Omit<PageView, 'html' | 'toc' | 'content'> {
    return {
      kind: page.kind,
      title: this.title(page),
      summary: this.summary(page),
      date: formatDate(page.meta.date, this.lang),
      datetime: page.meta.date,
      authors: page.meta.authors.map((author) => ({ ...author, affiliation: author.affiliation })),
      tags: this.tags(page.meta.tags),
      version: undefined,
      data: openFields({ ...page.meta, ...this.localized.get(page)?.translation?.meta }),
    };
  }
}

/** A page's reference list for its template: each entry's anchor, its label in a numbered style ("1."), and its text. */
export function referenceItems(entries: readonly BibEntry[]): ReferenceItem[] {
  return entries.map((entry) => ({ id: `ref-${entry.key}`, label: entry.label, html: entry.html }));
}

/** Sort pages by `order:` then title, the order of navigation and lists. */
export function byOrderThenTitle<T extends Page>(pages: readonly T[], lang: string): T[] {
  const collator = new Intl.Collator(lang);
  return [...pages].sort(
    (a, b) => (a.meta.order ?? Number.MAX_SAFE_INTEGER) - (b.meta.order ?? Number.MAX_SAFE_INTEGER) || collator.compare(a.meta.title, b.meta.title),
  );
}
