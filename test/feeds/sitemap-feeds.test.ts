/**
 * Issue 13: sitemap.xml with every language as alternates, robots.txt, and an Atom feed per
 * language and edition, all well-formed XML with absolute addresses; none without base_url.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Root } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { describe, expect, it } from 'vitest';
import { visit } from '../../src/markdown/visit.js';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, listTree, makeProject } from '../helpers/project.js';

const files = (config: string) => ({
  'briefkit.config.yaml': config,
  'briefings/guide/index.md': '---\ntitle: Guide\ndate: 2023-09-25\nsummary: How to.\ncase_studies: [a]\n---\n\nText.\n',
  'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Text.\n'),
  'briefings/about.md': '---\ntitle: About\n---\n\nText.\n',
  'translations/uk/guide/index.md': '---\ntitle: Посібник\n---\n\nТекст.\n',
  'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk]\n',
});

/** The elements named `name`, in document order. */
function elements(tree: Root, name: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node: Element) => void (node.name === name && found.push(node)));
  return found;
}
const text = (node: Element) => node.children.map((child) => ('value' in child ? child.value : '')).join('');

describe('sitemap and feeds', () => {
  it('lists every page with its other languages, and each language’s newest documents', async () => {
    const root = await makeProject(files('title: Test & co\nbase_url: https://example.org/kit/\nlanguages: [en, uk]\n'));
    expect((await buildProject(root, { allCountries: true })).ok).toBe(true);
    // Well-formed XML: fromXml throws on anything else.
    const sitemap = fromXml(await readFile(join(root, 'dist/sitemap.xml'), 'utf8'));
    const urls = elements(sitemap, 'url');
    const locs = urls.map((url) => text(elements({ type: 'root', children: [url] }, 'loc')[0]!));
    expect(locs).toContain('https://example.org/kit/en/guide/index.html');
    expect(locs).toContain('https://example.org/kit/en/case-studies/a/index.html');
    // Not translated: its Ukrainian page is a copy of the English one, no version of it (issue 29).
    expect(locs).not.toContain('https://example.org/kit/uk/case-studies/a/index.html');
    expect(locs.every((loc) => loc.startsWith('https://example.org/kit/') && !loc.startsWith('https://example.org/kit/ua/'))).toBe(true);
    const guide = urls[locs.indexOf('https://example.org/kit/uk/guide/index.html')]!;
    expect(elements({ type: 'root', children: [guide] }, 'xhtml:link').map((link) => [link.attributes.hreflang, link.attributes.href])).toEqual([
      ['en', 'https://example.org/kit/en/guide/index.html'],
      ['uk', 'https://example.org/kit/uk/guide/index.html'],
      ['x-default', 'https://example.org/kit/en/guide/index.html'],
    ]);
    // The Ukrainian edition has its own.
    expect(elements(fromXml(await readFile(join(root, 'dist/ua/sitemap.xml'), 'utf8')), 'loc').map(text)).toContain(
      'https://example.org/kit/ua/uk/guide/index.html',
    );
    expect(await readFile(join(root, 'dist/robots.txt'), 'utf8')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/kit/sitemap.xml\nSitemap: https://example.org/kit/ua/sitemap.xml\n',
    );

    const feed = fromXml(await readFile(join(root, 'dist/uk/feed.xml'), 'utf8'));
    expect(elements(feed, 'feed')[0]!.attributes['xml:lang']).toBe('uk');
    expect(text(elements(feed, 'title')[0]!)).toBe('Test & co');
    const entries = elements(feed, 'entry');
    expect(entries.map((entry) => text(elements({ type: 'root', children: [entry] }, 'title')[0]!))).toEqual(['Case A', 'Посібник']);
    expect(entries.map((entry) => text(elements({ type: 'root', children: [entry] }, 'id')[0]!))).toEqual([
      'https://example.org/kit/uk/case-studies/a/index.html',
      'https://example.org/kit/uk/guide/index.html',
    ]);
    expect(entries[0]!.attributes['xml:lang']).toBe('en');
    expect(text(elements(feed, 'updated')[0]!)).toBe('2024-01-01T00:00:00Z');
  });

  it('are not written without base_url, and the build says why', async () => {
    const root = await makeProject(files('title: Test\nlanguages: [en, uk]\n'));
    const result = await briefkitHere(['build', '--no-pdf'], { cwd: root });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No sitemap or feeds');
    expect(result.stdout).toContain('base_url: https://example.org/briefings/');
    expect((await listTree(join(root, 'dist'))).filter((path) => /sitemap|feed|robots/.test(path))).toEqual([]);
  });
});
