import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { h } from 'hastscript';
import { direction } from '../i18n/languages.js';
import { visit } from '../markdown/visit.js';
import type { LocalizedPage } from '../model/localized-page.js';
import { shareAddress } from '../templates/share-view.js';
import type { LangText } from '../templates/view-models.js';
import { PRINT_ORIGIN, documentAuthor, documentKeywords, pdfPath } from './print-document.js';
import type { PrintInput, PrintJob } from './print-document.js';
import { qrView } from './qr.js';
import { titleFields } from './preview-card.js';
import type { TitleFields } from './preview-card.js';

/** `print/slides.hbs`: a page's key messages as 16:9 slides. */
export interface SlidesContext extends TitleFields {
  /** The reader's language, for the words around the text (the kicker); `lang` is the text's, which the PDF declares. */
  readonly readerLang: string;
  readonly readerDir: 'ltr' | 'rtl';
  /** The share page's address and its QR code, when the site has a `base_url`. */
  readonly share: { readonly url: string; readonly qr: string } | undefined;
  readonly slides: readonly Slide[];
}

/** One slide: a `:::key-points` block (under the heading it is in), or the asks of a brief. */
export interface Slide {
  readonly heading: string | undefined;
  readonly title: string;
  /** HTML made from the page's sanitised tree, links turned into plain text. */
  readonly html: string;
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
}

/** A page's slides PDF, beside it: `<slug>.slides.<lang>.pdf`. */
export function slidesPath(local: Pick<LocalizedPage, 'page' | 'lang'>, edition: { readonly country: string | undefined }): string {
  return pdfPath(local, 'slides', edition);
}

/**
 * The key messages of a page as a 16:9 PDF, so a webinar host can present without making
 * slides: a title slide (with a QR code of the share page when the site has a `base_url`),
 * then one slide per `:::key-points` block and, for an advocacy brief, one for its asks.
 * Undefined when the page has neither.
 */
export async function slidesJob(input: PrintInput, local: LocalizedPage): Promise<PrintJob | undefined> {
  const { translator, edition, config } = input;
  const { page } = local;
  const textLang = local.contentLang;
  const slides: Slide[] = keyPoints(local.tree).map((slide) => ({ ...slide, lang: textLang, dir: direction(textLang) }));
  const { views, fields } = titleFields(input, local);
  const asks = views.field(page, 'asks');
  if (Array.isArray(asks) && asks.length > 0) {
    const items = asks as LangText[];
    slides.push({
      heading: undefined,
      title: translator.ui.whatWeAsk,
      html: toHtml(
        h(
          'ol',
          items.map((ask) => h('li', ask.foreign ? { lang: ask.lang, dir: ask.dir } : {}, ask.text)),
        ),
      ),
      lang: translator.lang,
      dir: translator.dir,
    });
  }
  if (slides.length === 0) return undefined;
  const shareUrl = config.base_url ? shareAddress(config.base_url, edition, translator.lang, page.outputPath) : undefined;
  // The deck is in the language its text is in (the original's, for a page not yet
  // translated), as its PDF is; what is in the reader's language is marked so.
  const context: SlidesContext = {
    ...fields,
    lang: textLang,
    dir: direction(textLang),
    readerLang: translator.lang,
    readerDir: translator.dir,
    share: shareUrl ? await qrView(shareUrl) : undefined,
    slides,
  };
  const path = `${edition.prefix}${slidesPath(local, edition)}`;
  return {
    lang: translator.lang,
    path,
    local,
    file: local.translation?.file ?? page.file,
    html: input.render('print/slides', context) ?? '',
    url: `${PRINT_ORIGIN}${edition.prefix}${translator.lang}/${page.outputPath}`,
    paper: edition.paper,
    metadata: {
      title: context.title.text,
      author: documentAuthor(page, edition),
      subject: local.summary ?? '',
      keywords: documentKeywords(page, translator),
      lang: textLang,
      date: page.meta.date,
    },
  };
}

/** Every `:::key-points` block of a page's tree, with the heading it is under. */
function keyPoints(tree: Root): Omit<Slide, 'lang' | 'dir'>[] {
  const found: Omit<Slide, 'lang' | 'dir'>[] = [];
  let heading: string | undefined;
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'h2') heading = toString(node).trim();
    const classes = node.properties.className;
    if (!Array.isArray(classes) || !classes.includes('callout-key-points')) return;
    const [first, ...rest] = node.children.filter((child) => child.type !== 'text' || child.value.trim() !== '');
    const titled = first?.type === 'element' && Array.isArray(first.properties.className) && first.properties.className.includes('callout-title');
    found.push({ heading, title: titled ? toString(first).trim() : 'Key points', html: toHtml(plainLinks(titled ? rest : node.children)) });
  });
  return found;
}

/** A copy of the nodes with links as plain text (a slide cannot be clicked) and footnote marks left out. */
function plainLinks(nodes: readonly RootContent[]): RootContent[] {
  const copy = structuredClone(nodes) as RootContent[];
  const root: Root = { type: 'root', children: copy };
  visit(root, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'sup' && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    if (node.tagName === 'a') {
      node.tagName = 'span';
      node.properties = {};
    }
    return undefined;
  });
  return root.children;
}
