import GithubSlugger from 'github-slugger';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';

const HEADING = /^h([1-6])$/;

/**
 * Give every heading a stable, unique id (GitHub-style slugs; a repeated heading gets `-1`,
 * `-2`), keep one `<h1>` per page (the title, from the templates: body `#` headings move down
 * a level, with a warning), and warn when a level is skipped. The ids are left in
 * `file.data.ids`.
 */
export function rehypeHeadings() {
  return (tree: Root, file: VFile) => {
    const ids = new Set<string>();
    const headings: Element[] = [];
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id);
      if (HEADING.test(node.tagName)) headings.push(node);
    });

    const demote = headings.some((node) => node.tagName === 'h1');
    for (const node of headings.filter((heading) => heading.tagName === 'h1')) {
      warn(file, {
        reason: 'A "#" heading in the text: the page title already is the one top-level heading',
        rule: 'heading-h1',
        place: node.position,
        hint: 'Start sections with "##"; the title comes from "title:" in the front matter.',
      });
    }

    const slugger = new GithubSlugger();
    // Levels as the author wrote them (`##` = 2), so the advice matches the source.
    let previous = demote ? 0 : 1;
    for (const node of headings) {
      const written = Number(HEADING.exec(node.tagName)![1]);
      const depth = Math.min(6, written + (demote ? 1 : 0));
      node.tagName = `h${depth}`;
      if (written > previous + 1) {
        warn(file, {
          reason: `A "${'#'.repeat(written)}" heading follows a "${'#'.repeat(Math.max(previous, 1))}" heading: a level is skipped`,
          rule: 'heading-order',
          place: node.position,
          hint: `Use "${'#'.repeat(previous + 1)}" here, so screen reader users can follow the outline.`,
        });
      }
      previous = written;
      const text = toString(node).trim();
      if (typeof node.properties.id !== 'string') {
        let id = slugger.slug(text) || 'section';
        while (ids.has(id)) id = slugger.slug(text || 'section');
        ids.add(id);
        node.properties.id = id;
      }
    }
    file.data.ids = ids;
  };
}
