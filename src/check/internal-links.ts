import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from '../markdown/visit.js';
import type { CheckedSite } from './checked-site.js';

/** The attributes of a page that lead to another file of the site. */
const LINKING: Readonly<Record<string, string>> = {
  a: 'href',
  area: 'href',
  link: 'href',
  img: 'src',
  script: 'src',
  source: 'src',
  video: 'src',
  audio: 'src',
  iframe: 'src',
};
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** A link of a page, where it is written in the HTML. */
interface Link {
  readonly value: string;
  readonly element: Element;
}

/**
 * Every link between the site's own files, in every language and edition: the file must be
 * in the site, and the heading (`#id`) must be on the page. A link from the site's root
 * (`/en/…`) is refused: it breaks on a USB stick, from `file://` and on a host's sub-path.
 */
export async function checkInternalLinks(site: CheckedSite): Promise<void> {
  const ids = new Map<string, Set<string>>();
  const links = new Map<string, Link[]>();
  for (const page of site.pages) {
    const tree = fromHtml(await readFile(join(site.outDir, page), 'utf8'));
    const found = new Set<string>();
    const pageLinks: Link[] = [];
    collect(tree, found, pageLinks);
    ids.set(page, found);
    links.set(page, pageLinks);
  }
  for (const [page, pageLinks] of links) {
    for (const { value, element } of pageLinks) {
      const place = element.position;
      if (EXTERNAL.test(value) || value === '') continue;
      if (value.startsWith('/')) {
        site.report(
          page,
          {
            reason: `Link "${value}" starts at the root of the web server: it breaks from a USB stick, file:// or a sub-path`,
            rule: 'link-rooted',
            needle: value,
            hint: 'Write it relative to the page (../other-page/), as briefkit writes its own links.',
          },
          place,
        );
        continue;
      }
      const url = new URL(value, `http://site.invalid/${page}`);
      let target: string;
      try {
        target = decodeURIComponent(url.pathname.slice(1));
      } catch {
        site.report(page, { reason: `Link "${value}" is not a valid address`, rule: 'link-invalid', needle: value }, place);
        continue;
      }
      if (target === '' || target.endsWith('/')) target += 'index.html';
      if (!site.files.has(target)) {
        const folder = site.files.has(`${target}/index.html`);
        site.report(
          page,
          {
            reason: folder
              ? `Link "${value}" names a folder without its closing "/": it works on some web servers only`
              : `Link "${value}" leads to ${target}, which the site does not have`,
            rule: 'link-broken',
            needle: value.split('#')[0]!.split('/').filter(Boolean).at(-1) ?? value,
            hint: folder ? `Write "${value.split('#')[0]}/".` : 'Check the address; a page that was renamed or removed leaves links to it broken.',
          },
          place,
        );
        continue;
      }
      const hash = url.hash.slice(1);
      if (!hash || !target.endsWith('.html')) continue;
      let id: string;
      try {
        id = decodeURIComponent(hash);
      } catch {
        id = hash;
      }
      if (!ids.get(target)?.has(id)) {
        site.report(
          page,
          {
            reason: `No "#${id}" on ${target === page ? 'this page' : target} for the link "${value}"`,
            rule: 'anchor-missing',
            needle: `#${id}`,
            toldBy: 'anchor-missing',
            hint: 'Link to a heading the page has: its id is its text in lower case with spaces as hyphens, or the {#id} written after it.',
          },
          place,
        );
      }
    }
  }
}

function collect(tree: Root, ids: Set<string>, links: Link[]): void {
  visit(tree, 'element', (element) => {
    const id = element.properties.id;
    if (typeof id === 'string' && id !== '') ids.add(id);
    if (element.tagName === 'a' && typeof element.properties.name === 'string') ids.add(element.properties.name);
    const attribute = LINKING[element.tagName];
    const value = attribute ? element.properties[attribute] : undefined;
    // <link rel="alternate" hreflang>: pages in other languages, checked as links too.
    if (typeof value === 'string') links.push({ value: value.trim(), element });
  });
}
