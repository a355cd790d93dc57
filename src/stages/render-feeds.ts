import type { VFile } from 'vfile';
import { x } from 'xastscript';
import type { Element } from 'xast';
import { toXml } from 'xast-util-to-xml';
import type { Config } from '../config/schema.js';
import { contentType } from '../content-types/index.js';
import type { Edition } from '../model/edition.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { Output } from '../output/output.js';
import { webAddress } from '../paths/urls.js';
import type { LandingPage } from '../model/landing-page.js';
import { compareVersions } from '../versions/released.js';
import type { ReleasedVersion } from '../versions/released.js';

/** How many entries a feed keeps (the newest). */
const FEED_SIZE = 50;

/** What an edition's sitemap and feeds are made from. */
export interface FeedsInput {
  readonly config: Config;
  readonly edition: Edition;
  /** The edition's pages in each of its languages. */
  readonly pages: readonly LocalizedPage[];
  /** The edition's web pages that are a version of their page in their language (see language-versions). */
  readonly landing: readonly LandingPage[];
  readonly output: Output;
  readonly siteFile: VFile;
  /** The released versions of pages, by source path: each is an entry of its own (issue 33). */
  readonly versions?: ReadonlyMap<string, readonly ReleasedVersion[]> | undefined;
}

/**
 * An edition's `sitemap.xml` (its root, when it is a chooser, and every web page of every
 * language but fallback copies, with the language versions its head lists as `xhtml:link`
 * alternates: the same rule, in language-versions.ts) and an Atom feed per language (`<lang>/feed.xml`: its briefings,
 * case studies, modules and briefs, newest first). Both need absolute addresses: without
 * `base_url` nothing is written (the build says why).
 */
export function renderFeeds(input: FeedsInput): void {
  const { config, edition, output } = input;
  const base = config.base_url;
  if (!base) return;
  const url = (path: string) => webAddress(base, `${edition.prefix}${path}`);
  const languages = edition.languages;
  // The root first, then each page in the edition's language order.
  const folder = (path: string) => path.slice(path.indexOf('/') + 1);
  const order = (path: string) => (path === 'index.html' ? -1 : languages.indexOf(path.slice(0, path.indexOf('/'))));
  const sorted = [...input.landing].sort((a, b) =>
    a.path === 'index.html' || b.path === 'index.html' || folder(a.path) === folder(b.path)
      ? order(a.path) - order(b.path)
      : folder(a.path) < folder(b.path)
        ? -1
        : 1,
  );
  const urls: Element[] = sorted.map((page) =>
    x('url', [
      x('loc', url(page.path)),
      ...page.versions.map((version) => x('xhtml:link', { rel: 'alternate', hreflang: version.hreflang, href: url(version.path) })),
    ]),
  );
  const sitemap = x(null, [
    { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
    x('urlset', { xmlns: 'http://www.sitemaps.org/schemas/sitemap/0.9', 'xmlns:xhtml': 'http://www.w3.org/1999/xhtml' }, urls),
  ]);
  output.add({ path: `${edition.prefix}sitemap.xml`, content: `${toXml(sitemap)}\n` }, 'the sitemap', input.siteFile);

  for (const lang of languages) {
    // Each page, and each released version of it (dated as released): "Title (V.1.0)".
    const entries = input.pages
      .filter((local) => local.lang === lang && contentType(local.page.kind)?.print !== undefined && local.page.superseded === undefined)
      .flatMap((local) => [
        ...(local.page.meta.date ? [{ local, date: local.page.meta.date, version: undefined }] : []),
        ...(input.versions?.get(local.page.sourcePath) ?? []).map((released) => ({ local, date: released.date, version: released.version })),
      ])
      .sort((a, b) =>
        b.date < a.date
          ? -1
          : b.date > a.date
            ? 1
            : a.local.page.sourcePath < b.local.page.sourcePath
              ? -1
              : a.local.page.sourcePath > b.local.page.sourcePath
                ? 1
                : compareVersions(b.version ?? '', a.version ?? ''),
      )
      .slice(0, FEED_SIZE);
    if (entries.length === 0) continue;
    const feedUrl = url(`${lang}/feed.xml`);
    const stamp = (date: string) => `${date}T00:00:00Z`;
    const feed = x(null, [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="utf-8"' },
      x('feed', { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': lang }, [
        x('title', config.title),
        x('id', feedUrl),
        x('link', { rel: 'self', href: feedUrl }),
        x('link', { rel: 'alternate', type: 'text/html', href: url(`${lang}/index.html`) }),
        x('updated', stamp(entries[0]!.date)),
        x('generator', 'briefkit'),
        ...entries.map(({ local, date, version }) =>
          x('entry', { 'xml:lang': local.titleLang }, [
            x('title', version === undefined ? local.title : `${local.title} (V.${version})`),
            x('id', url(`${lang}/${local.page.outputPath}`) + (version === undefined ? '' : `#version-${version}`)),
            x('link', { rel: 'alternate', type: 'text/html', href: url(`${lang}/${local.page.outputPath}`) }),
            x('updated', stamp(date)),
            ...(local.page.meta.authors.length > 0
              ? local.page.meta.authors.map((author) => x('author', [x('name', author.name)]))
              : [x('author', [x('name', edition.organisation?.name ?? config.title)])]),
            ...(local.summary ? [x('summary', { 'xml:lang': local.summaryLang }, local.summary)] : []),
          ]),
        ),
      ]),
    ]);
    output.add({ path: `${edition.prefix}${lang}/feed.xml`, content: `${toXml(feed)}\n` }, `the feed (${lang})`, input.siteFile);
  }
}

/** `robots.txt` at the top of the output: everything may be crawled, and where each edition's sitemap is. */
export function renderRobots(config: Config, editions: readonly Edition[], output: Output, siteFile: VFile): void {
  if (!config.base_url) return;
  const sitemaps = editions.map((edition) => `Sitemap: ${config.base_url}${edition.prefix}sitemap.xml`);
  output.add({ path: 'robots.txt', content: `User-agent: *\nAllow: /\n\n${sitemaps.join('\n')}\n` }, 'robots.txt', siteFile);
}
