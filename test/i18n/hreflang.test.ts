/**
 * Issue 29, item 4: the sitemap and every page's head say the same about a page's language
 * versions. A page is a version in a language only when it is written in it: a fallback copy
 * (nothing translated) is in no sitemap and its head lists none. The chooser at an edition's
 * root is the home page's `x-default`, and in the sitemap. Checked over every built page.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { describe, expect, it } from 'vitest';
import { visit } from '../../src/markdown/visit.js';
import { buildProject, caseStudy, listTree, makeProject } from '../helpers/project.js';

const BASE = 'https://example.org/kit/';

function elements(tree: Root | Element, name: string): Element[] {
  const found: Element[] = [];
  visit(tree.type === 'root' ? tree : { type: 'root', children: [tree] }, 'element', (node: Element) => void (node.name === name && found.push(node)));
  return found;
}
const text = (node: Element) => node.children.map((child) => ('value' in child ? child.value : '')).join('');
const decode = (value: string) => value.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
/** A set of alternates, in one order, to compare. */
const key = (pairs: readonly (readonly [string, string])[]) => pairs.map(([lang, href]) => `${lang} ${href}`).sort();

/** The `<link rel="alternate" hreflang>` of a page's head, as absolute addresses. */
function headAlternates(html: string, address: string): [string, string][] {
  const head = html.slice(0, html.indexOf('</head>'));
  return [...head.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((match) => [match[1]!, new URL(decode(match[2]!), address).href]);
}

describe('issue 29: hreflang agrees everywhere', () => {
  it('the sitemaps and the heads of every page list the same language versions', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': `title: Test\nbase_url: ${BASE}\nlanguages: [en, uk]\n`,
      'briefings/guide/index.md': '---\ntitle: Guide\ndate: 2023-09-25\ncase_studies: [a]\n---\n\nText.\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Text.\n'),
      'briefings/about.md': '---\ntitle: About\n---\n\nNot translated.\n',
      'translations/uk/guide/index.md': '---\ntitle: Посібник\n---\n\nТекст.\n',
      'countries/ua.yaml': 'name: Ukraine\nlanguages: [en, uk]\n',
    });
    const build = await buildProject(root, { allCountries: true });
    expect(build.ok, build.report).toBe(true);
    const dist = join(root, 'dist');
    const files = await listTree(dist);

    // Every sitemap, well-formed: loc → its alternates.
    const sitemaps = files.filter((file) => file.endsWith('sitemap.xml'));
    expect(sitemaps).toEqual(['sitemap.xml', 'ua/sitemap.xml']);
    const listed = new Map<string, [string, string][]>();
    for (const file of sitemaps) {
      execFileSync('xmllint', ['--noout', join(dist, file)]);
      for (const url of elements(fromXml(await readFile(join(dist, file), 'utf8')), 'url')) {
        const loc = text(elements(url, 'loc')[0]!);
        expect(listed.has(loc), loc).toBe(false);
        listed.set(
          loc,
          elements(url, 'xhtml:link').map((link) => [String(link.attributes.hreflang), String(link.attributes.href)]),
        );
      }
    }

    // Every web page's head against the sitemap, both ways.
    const pages = files.filter((file) => file.endsWith('.html') && !/(^|\/)404\.html$/.test(file));
    const heads = new Map<string, [string, string][]>();
    for (const file of pages) heads.set(`${BASE}${file}`, headAlternates(await readFile(join(dist, file), 'utf8'), `${BASE}${file}`));
    for (const [address, alternates] of heads) {
      if (listed.has(address)) expect(key(alternates), address).toEqual(key(listed.get(address)!));
      else expect(alternates, `${address} is in no sitemap, yet its head names language versions`).toEqual([]);
    }
    for (const [loc, alternates] of listed) {
      expect(heads.has(loc), `${loc} is in a sitemap but was not built`).toBe(true);
      // A cluster: each version is listed, names itself, and names the same versions.
      if (alternates.length > 0)
        expect(
          alternates.map(([, href]) => href),
          loc,
        ).toContain(loc);
      for (const [, href] of alternates) {
        expect(listed.has(href), `${loc} names ${href}, which is in no sitemap`).toBe(true);
        expect(key(listed.get(href)!), `${href} and ${loc} disagree`).toEqual(key(alternates));
      }
    }

    // What the property rests on: a translated page, a fallback copy, and the chooser.
    expect(listed.get(`${BASE}uk/guide/index.html`)).toEqual([
      ['en', `${BASE}en/guide/index.html`],
      ['uk', `${BASE}uk/guide/index.html`],
      ['x-default', `${BASE}en/guide/index.html`],
    ]);
    expect(listed.has(`${BASE}uk/about/index.html`)).toBe(false);
    expect(listed.get(`${BASE}en/about/index.html`)).toEqual([
      ['en', `${BASE}en/about/index.html`],
      ['x-default', `${BASE}en/about/index.html`],
    ]);
    expect(listed.get(`${BASE}index.html`)).toEqual([
      ['en', `${BASE}en/index.html`],
      ['uk', `${BASE}uk/index.html`],
      ['x-default', `${BASE}index.html`],
    ]);
    expect(listed.get(`${BASE}ua/index.html`)).toEqual([
      ['en', `${BASE}ua/en/index.html`],
      ['uk', `${BASE}ua/uk/index.html`],
      ['x-default', `${BASE}ua/index.html`],
    ]);
    expect(heads.get(`${BASE}uk/about/index.html`)).toEqual([]);
  });
});
