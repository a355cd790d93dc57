import { posix } from 'node:path';
import { fileSize } from '../i18n/format.js';
import { nativeName } from '../i18n/languages.js';
import type { UiKey } from '../i18n/strings.js';
import type { Translator } from '../i18n/ui-strings.js';
import { relativeUrl, webAddress } from '../paths/urls.js';
import type { PageState } from '../model/localized-page.js';
import type { ShareEntry } from '../model/share-entry.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { Edition } from '../model/edition.js';
import type { PageFile } from '../output/page-file.js';
import type { LayoutContext } from './contexts/layout.js';
import type { LangText, Views } from './view-models.js';

/** `pages/share.hbs`: every PDF of a page, to share at a webinar. */
export interface ShareContext extends LayoutContext {
  /** The page's earlier released versions, newest first, each linking to its own share page (issue 33). */
  readonly earlier: readonly { readonly label: string; readonly href: string }[];
  readonly share: {
    /** The page's title, in its own language (the share page's heading, under "Share this document"). */
    readonly pageTitle: LangText;
    readonly intro: string;
    /** Set when the site has no `base_url`: no link to share, no QR code. */
    readonly needsBaseUrl: string | undefined;
    /** The page itself. */
    readonly back: string;
    readonly entries: readonly ShareEntryView[];
  };
}

export interface ShareEntryView {
  /** "Українська · Ukraine edition". */
  readonly heading: string;
  readonly title: LangText;
  readonly href: string;
  readonly url: string | undefined;
  readonly qr: string | undefined;
  readonly qrLabel: string;
  /** State, variant, size and pages, version, date. */
  readonly details: readonly string[];
  readonly citation: LangText;
  /** The key messages as slides. */
  readonly slides: { readonly label: string; readonly href: string; readonly url: string | undefined } | undefined;
  /** What other output formats made of the page in this edition and language (with the main PDF only). */
  readonly downloads: readonly { readonly label: string; readonly href: string; readonly type: string }[];
}

const STATES: Readonly<Record<PageState, 'stateOriginal' | 'stateTranslated' | 'statePartial' | 'stateFallback'>> = {
  original: 'stateOriginal',
  translated: 'stateTranslated',
  partial: 'statePartial',
  fallback: 'stateFallback',
};

/** Where a page's share page is written, under its language folder. */
export function sharePath(outputPath: string): string {
  return `${posix.dirname(outputPath)}/share/index.html`;
}

/** The share page's address on the web, for QR codes and links (edition prefix and language included). */
export function shareAddress(baseUrl: string, edition: { readonly prefix: string }, lang: string, outputPath: string): string {
  return webAddress(baseUrl, `${edition.prefix}${lang}/${sharePath(outputPath)}`);
}

/**
 * The share page of one page in the reader's language: its PDFs in every language and
 * edition of the run, each with its title in its own language, its state, size, version and
 * date, a link and QR code to its address on the web (with `base_url`), and a citation.
 * `at` gives the share page's and the page's paths from the site's root.
 */
export function shareView(
  entries: readonly ShareEntry<UiKey>[],
  at: { readonly from: string; readonly page: string },
  views: Views,
  translator: Translator,
  pageTitle: LangText,
  baseUrl: string | undefined,
  files: (local: LocalizedPage, edition: Edition) => readonly PageFile[],
): ShareContext['share'] {
  const { from } = at;
  const { ui, lang } = translator;
  return {
    pageTitle,
    intro: ui.shareIntro,
    needsBaseUrl: baseUrl ? undefined : ui.shareNeedsBaseUrl,
    back: relativeUrl(from, at.page),
    entries: entries.map((entry) => {
      const { local, edition, pdf } = entry;
      const editionName = edition.country
        ? translator.t('editionLabel', { country: edition.variable('country_name', lang) ?? edition.name ?? edition.country })
        : ui.internationalEdition;
      const title = views.text(local.title, local.titleLang);
      const meta = local.page.meta;
      const version = typeof meta.version === 'string' ? `${ui.version} ${meta.version}` : undefined;
      const year = meta.date?.slice(0, 4);
      const who = meta.authors.map((author) => author.name).join(', ') || edition.organisation?.name;
      const citation = [
        who && `${who}${year ? ` (${year})` : ''}.`,
        `${local.title}.`,
        version && `${version}.`,
        edition.country ? `${editionName}.` : undefined,
        entry.url,
      ]
        .filter(Boolean)
        .join(' ');
      return {
        heading: `${nativeName(local.lang)} · ${editionName}`,
        title,
        href: relativeUrl(from, entry.path),
        url: entry.url,
        qr: entry.qr,
        qrLabel: translator.t('qrCodeFor', { language: nativeName(local.lang) }),
        details: [
          ui[STATES[local.state]],
          ...(entry.variant.suffix ? [ui[entry.variant.label]] : []),
          ...(pdf ? [translator.t('pdfDetails', { size: fileSize(pdf.bytes, lang), pages: pdf.pages })] : []),
          ...(version ? [version] : []),
          ...(meta.date ? [meta.date] : []),
        ],
        citation: views.text(citation, local.titleLang),
        slides: entry.slides ? { label: ui.slidesPdf, href: relativeUrl(from, entry.slides.path), url: entry.slides.url } : undefined,
        downloads: entry.variant.suffix
          ? []
          : files(local, edition)
              .filter((file) => file.format !== 'pdf')
              .map((file) => ({ label: file.label, href: relativeUrl(from, `${edition.prefix}${file.path}`), type: file.type })),
      };
    }),
  };
}
