import { changesPath, changesSummary } from '../versions/changes-view.js';
import { posix } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { visit } from '../markdown/visit.js';
import type { VFile } from 'vfile';
import { formatDate } from '../i18n/format.js';
import type { UiKey } from '../i18n/strings.js';
import { direction, languageName, nativeName } from '../i18n/languages.js';
import { finalize } from '../markdown/finalize.js';
import { contentType } from '../content-types/index.js';
import type { PrintSpec, SiteIndex } from '../content-types/content-type.js';
import type { PrintVariant } from '../model/print-variant.js';
import type { Page } from '../model/page.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { LanguageContext } from '../templates/language-context.js';
import { Views, referenceItems } from '../templates/view-models.js';
import { licenceView, siteView } from '../templates/contexts/layout.js';
import type { PrintDocumentContext } from '../templates/contexts/print.js';
import { cssContent, cssString } from './css-text.js';
import { qrView } from './qr.js';
import { shareAddress } from '../templates/share-view.js';
import type { Edition } from '../model/edition.js';

/** The origin print pages are served from, inside the browser only (nothing leaves the machine). */
export const PRINT_ORIGIN = 'https://briefkit.local/';

/** Paper sizes, and the content box left by the print theme's page margins (22/20/24/20 mm). */
export const PAPER = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
} as const;
/** Page margins of the print theme, in mm: top, right, bottom, left. */
export const MARGINS = { top: 22, right: 20, bottom: 24, left: 20 } as const;

/** One PDF to print. */
export interface PrintJob {
  readonly lang: string;
  /** Where the PDF goes, under the output folder: `en/<briefing>/<briefing>.en.pdf`. */
  readonly path: string;
  /** The page the PDF belongs to, in its language. */
  readonly local: LocalizedPage;
  /** Problems printing this PDF are reported on this file. */
  readonly file: VFile;
  readonly html: string;
  /** The address the print page is loaded from, so relative images resolve. */
  readonly url: string;
  readonly paper: keyof typeof PAPER;
  readonly metadata: PdfMetadata;
  /** A link-preview image (PNG, 1200 × 630) rather than a PDF: see preview-card.ts. */
  readonly card?: boolean | undefined;
}

/** What goes into the PDF's document information. */
export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly lang: string;
  /** From the content (`date:`), so the same input gives the same PDF. */
  readonly date: string | undefined;
  /** The document's version (`version:`), also on its cover: a copy passed around says which it is. */
  readonly version?: string | undefined;
}

/** What the print documents are made from. */
export type PrintInput = LanguageContext;

/**
 * The PDF path of a page in an edition: beside the page, named for what it is, so no two
 * documents of a site share a name (they are shared as files, in chats and mail):
 * `<slug>.<lang>.pdf` in the international edition, `<slug>.<country>-<lang>.pdf` in a
 * country's (`peer-to-peer-naloxone.ua-uk.pdf`), with a variant's suffix before them
 * (`<slug>.answers.<lang>.pdf`). The name stays the same from version to version.
 */
export function pdfPath(local: Pick<LocalizedPage, 'page' | 'lang'>, suffix: string, edition: Pick<Edition, 'country'>): string {
  const dir = posix.dirname(local.page.outputPath);
  const language = edition.country ? `${edition.country.toLowerCase()}-${local.lang}` : local.lang;
  // An earlier version's PDF is named for its page and version (`<slug>.v1.<lang>.pdf`, in `<slug>/v1/`).
  const name = local.page.superseded ? `${posix.basename(posix.dirname(dir))}.${posix.basename(dir)}` : posix.basename(dir);
  return `${local.lang}/${dir}/${name}.${suffix ? `${suffix}.` : ''}${language}.pdf`;
}

/** What a page's print document is made with besides the language's input: see print-jobs.ts. */
export interface JobParts {
  readonly spec: PrintSpec;
  readonly variant: PrintVariant<UiKey>;
  readonly chapters: readonly LocalizedPage[];
  readonly byPage: ReadonlyMap<Page, LocalizedPage>;
  readonly site: SiteIndex;
}

/** The print document of one PDF of a page (one variant), with its chapters. */
export async function printJob(input: PrintInput, local: LocalizedPage, { spec, variant, chapters, byPage, site }: JobParts): Promise<PrintJob> {
  const { config, translator } = input;
  const { lang, ui } = translator;
  const { page } = local;
  const views = new Views(translator, page.outputPath, byPage);
  const context = { views, translator, site, citations: input.citations };
  // Pages that are part of this PDF: links to them become links inside it.
  const inside = new Map<string, string>([
    [page.outputPath, ''],
    ...chapters.map((chapter) => [chapter.page.outputPath, chapterId(chapter)] as [string, string]),
  ]);
  const link = {
    inside,
    lang,
    baseUrl: config.base_url ? `${config.base_url}${input.edition.prefix}` : undefined,
    origin: `${PRINT_ORIGIN}${input.edition.prefix}`,
  };

  // The language of the text: a page with no translation prints the original, and says so
  // (PDF language, cover label); the cover, contents and notice stay in the reader's language.
  const textLang = local.state === 'fallback' ? local.contentLang : lang;

  const main = rewrite(variant.transform ? variant.transform(structuredClone(local.tree), ui) : structuredClone(local.tree), page.outputPath, '', link);
  const children: RootContent[] = [...main.children];
  for (const chapter of chapters) {
    const id = chapterId(chapter);
    const study = chapter.page;
    const content = rewrite(structuredClone(chapter.tree), study.outputPath, `${id}-`, link);
    demote(content);
    const title = views.title(study);
    const meta = contentType(study.kind)?.print?.chapterLine?.(study, context) ?? '';
    // Each chapter says its language, so its contents entry says it too (finalize reads it).
    children.push(
      h('article.chapter', { lang: chapter.contentLang, dir: direction(chapter.contentLang) }, [
        h('h2.chapter-title', { id, ...(title.lang !== chapter.contentLang ? { lang: title.lang, dir: title.dir } : {}) }, title.text),
        h('p.chapter-meta', { lang, dir: translator.dir }, meta),
        h('div', content.children as Element[]),
      ]),
    );
  }
  const final = finalize({ type: 'root', children }, input.citations.citer(page, textLang));
  // A briefing gets a contents page; a case study of a few pages reads better without one
  // (its bookmarks still list its sections).
  const toc = spec.toc ? final.toc.filter((entry) => entry.depth === 2).map((entry) => ({ ...entry, lang: entry.lang ?? textLang, page: '' })) : [];

  const title = views.title(page);
  const { edition } = input;
  const online = config.base_url ? `${config.base_url}${edition.prefix}${lang}/${page.outputPath}` : undefined;
  const editionName = edition.country ? (edition.variable('country_name', lang) ?? edition.name) : undefined;
  const authors = authorNames(page);
  const year = page.meta.date?.slice(0, 4) ?? (typeof page.meta.year === 'number' ? page.meta.year : undefined);
  // Only types whose front matter has a version show one (another type's `version:` is its own key).
  const version = 'version' in contentType(page.kind)!.schema.shape && typeof page.meta.version === 'string' ? page.meta.version : undefined;
  const who = documentAuthor(page, edition) || undefined;
  const citation = {
    who: who && `${who}${year ? ` (${year})` : ''}.`,
    title: `${title.text}.`,
    version: version ? `${ui.version} ${version}.` : undefined,
    url: online,
  };
  const paper = edition.paper;
  const size = PAPER[paper];
  const pageNumber = cssContent(translator.t('pageNumber', { page: '\u0001', pages: '\u0002' }));
  const { superseded } = page;
  const notice = superseded
    ? {
        title: ui.supersededTitle,
        text:
          translator.t('supersededText', {
            version: superseded.version,
            date: formatDate(superseded.date, lang) ?? superseded.date,
            latest: superseded.latestVersion,
          }) + (config.base_url ? ` ${config.base_url}${edition.prefix}${lang}/${superseded.latest}` : ''),
      }
    : local.state === 'fallback'
      ? {
          title: ui.notTranslatedTitle,
          text: translator.t('notTranslatedText', { language: languageName(lang, lang), original: languageName(local.contentLang, lang) }),
        }
      : local.outdated
        ? {
            title: ui.outdatedTitle,
            text: translator.t('outdatedText', { language: languageName(lang, lang), original: languageName(local.sourceLang, lang) }),
          }
        : undefined;

  const changed = input.changes?.get(page.sourcePath);
  const changes = changed && {
    title: translator.t('whatChanged', { since: changed.since.version }),
    summary: changesSummary(changed, final.toc, translator),
    url: config.base_url ? `${config.base_url}${edition.prefix}${lang}/${changesPath(page.outputPath)}` : undefined,
  };
  const document: PrintDocumentContext = {
    lang: textLang,
    dir: direction(textLang),
    reader: { lang, dir: translator.dir, foreign: lang !== textLang },
    ui,
    kind: page.kind,
    title: `${title.text}${config.title && config.title !== title.text ? ` · ${config.title}` : ''}`,
    author: who ?? '',
    subject: local.summary ?? '',
    keywords: documentKeywords(page, translator).join(', '),
    assets: `${PRINT_ORIGIN}${edition.prefix}assets/`,
    paper: paper === 'A4' ? 'A4' : 'letter',
    coverHeight: `${size.height - MARGINS.top - MARGINS.bottom}mm`,
    runningTitle: cssString(title.text),
    pageNumber,
    coverLabel: ui.cover,
    organisation: siteView(config, edition, translator, input.logoName ? `${PRINT_ORIGIN}${edition.prefix}assets/${input.logoName}` : undefined).organisation,
    kicker: [spec.kicker(page, context), variant.cover && ui[variant.cover]].filter(Boolean).join(' · '),
    cover: { title, summary: views.summary(page) },
    language: { text: nativeName(textLang), lang: textLang, dir: direction(textLang), foreign: textLang !== lang },
    edition: editionName,
    version,
    date: formatDate(page.meta.date, lang),
    authors,
    toc,
    notice,
    changes,
    content: { lang: local.contentLang, dir: direction(local.contentLang), foreign: local.contentLang !== textLang },
    intro: spec.intro?.(page, context),
    compact: spec.compact === true,
    html: final.html,
    // On paper a reference's address is its text: it is not printed again after it.
    references: referenceItems(final.references).map((reference) => ({ ...reference, html: reference.html.replace(/<a href=/g, '<a class="no-url" href=') })),
    citation,
    licence: licenceView(config.licence),
    // The back page's QR code: the share page, which has this document in every language and
    // edition (what a reader of a handout wants), or the web page for a type without one.
    online: online ? await qrView(spec.share && config.base_url ? shareAddress(config.base_url, edition, lang, page.outputPath) : online) : undefined,
  };
  const html = input.render('print/document', document);
  return {
    lang,
    path: `${edition.prefix}${pdfPath(local, variant.suffix, edition)}`,
    local,
    file: local.translation?.file ?? page.file,
    html: html ?? '',
    url: `${PRINT_ORIGIN}${edition.prefix}${lang}/${page.outputPath}`,
    paper,
    metadata: {
      title: title.text,
      author: who ?? '',
      subject: local.summary ?? '',
      keywords: documentKeywords(page, translator),
      lang: textLang,
      date: page.meta.date,
      version,
    },
  };
}

function authorNames(page: Page): string {
  return page.meta.authors.map((author) => author.name).join(', ');
}

/** A document's author in its metadata: the page's authors, or else the organisation (as its citation says). */
export function documentAuthor(page: Page, edition: Pick<Edition, 'organisation'>): string {
  return authorNames(page) || edition.organisation?.name || '';
}

/** A document's keywords: its tags as the site shows them to its reader (`tag_names` in the language's ui.yaml). */
export function documentKeywords(page: Page, translator: Pick<PrintInput['translator'], 'tags'>): string[] {
  return page.meta.tags.map((tag) => translator.tags.get(tag) ?? tag);
}

function chapterId(chapter: LocalizedPage): string {
  return `c-${chapter.page.slug}`;
}

interface LinkContext {
  readonly inside: ReadonlyMap<string, string>;
  readonly lang: string;
  readonly baseUrl: string | undefined;
  /** Where the edition's files are served from, for images. */
  readonly origin: string;
}

/**
 * Make a page's tree fit in a PDF: ids get the chapter's prefix (so two case studies'
 * "#results" stay apart), links to pages in this PDF point inside it, links to other pages
 * point to the site online (or lose their link if there is no `base_url`), and images are
 * addressed from the site's root.
 */
function rewrite(tree: Root, from: string, prefix: string, context: LinkContext): Root {
  visit(tree, 'element', (node) => {
    const properties = node.properties;
    if (typeof properties.id === 'string') properties.id = `${prefix}${properties.id}`;
    if (Array.isArray(properties.ariaDescribedBy)) properties.ariaDescribedBy = properties.ariaDescribedBy.map((id) => `${prefix}${String(id)}`);
    if (node.tagName === 'img' && typeof properties.src === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(properties.src)) {
      properties.src = `${context.origin}${context.lang}/${posix.join(posix.dirname(from), properties.src)}`;
    }
    if (node.tagName !== 'a' || typeof properties.href !== 'string') return;
    const href = properties.href;
    // A citation points to the one reference list of the PDF, which has no chapter prefix:
    // numbered once over briefing and chapters together (finalize), one entry per source.
    if (isCitation(node)) return;
    if (href.startsWith('#')) {
      properties.href = `#${prefix}${href.slice(1)}`;
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) {
      if (node.children.length === 1 && node.children[0]?.type === 'text' && node.children[0].value === href) {
        properties.className = [...((properties.className as string[] | undefined) ?? []), 'no-url'];
      }
      return;
    }
    const [path = '', hash] = href.split('#', 2) as [string, string | undefined];
    const target = posix.normalize(posix.join(posix.dirname(from), decodeURI(path)));
    const chapter = context.inside.get(target);
    if (chapter !== undefined) {
      properties.href = `#${hash ? `${chapter ? `${chapter}-` : ''}${hash}` : chapter || 'main'}`;
    } else if (context.baseUrl && !target.startsWith('..')) {
      properties.href = `${context.baseUrl}${context.lang}/${encodeURI(target)}${hash ? `#${hash}` : ''}`;
      properties.className = [...((properties.className as string[] | undefined) ?? []), 'no-url'];
    } else {
      delete properties.href;
    }
  });
  return tree;
}

function isCitation(node: Element): boolean {
  const className = node.properties.className;
  return Array.isArray(className) && className.includes('citation');
}

/** Move every heading down one level: a case study's sections sit under its chapter title. */
function demote(tree: Root): void {
  visit(tree, 'element', (node) => {
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) node.tagName = `h${Math.min(6, Number(level) + 1)}`;
  });
}
