import { slug } from 'github-slugger';
import { toString } from 'hast-util-to-string';
import { visit } from './visit.js';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { warn } from '../messages.js';

const HEADING = /^h([1-6])$/;

/**
 * Keep one `<h1>` per page (the title, from the templates: body `#` headings move down a
 * level, with a warning), warn when a level is skipped, and keep heading ids unique. Markdown
 * headings have their ids already (remark-heading-ids); one made from a heading's text that
 * raw HTML or a footnote also uses gets `-1`, `-2`, and a heading written in raw HTML without
 * an id gets one. Every id is left in `file.data.ids`.
 */
export function rehypeHeadings() {
  return (tree: Root, file: VFile) => {
    const generated = file.data.generatedIds ?? new Map<string, number | undefined>();
    // A heading is one remark-heading-ids named when its id and its place match.
    const named = (node: Element) =>
      typeof node.properties.id === 'string' && generated.has(node.properties.id) && generated.get(node.properties.id) === node.position?.start.offset;
    const others = new Set<string>();
    const headings: Element[] = [];
    visit(tree, 'element', (node) => {
      const isHeading = HEADING.test(node.tagName);
      if (typeof node.properties.id === 'string' && !(isHeading && named(node))) others.add(node.properties.id);
      if (isHeading) headings.push(node);
    });
    const ids = new Set([...others, ...generated.keys()]);
    const unique = (base: string) => {
      let id = base;
      for (let n = 1; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      return id;
    };

    const demote = headings.some((node) => node.tagName === 'h1');
    for (const node of headings.filter((heading) => heading.tagName === 'h1')) {
      warn(file, {
        reason: 'A "#" heading in the text: the page title already is the one top-level heading',
        rule: 'heading-h1',
        place: node.position,
        hint: 'Start sections with "##"; the title comes from "title:" in the front matter.',
      });
    }

    // Levels as the author wrote them (`##` = 2), so the advice matches the source.
    let previous = 1;
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
      if (named(node) && others.has(node.properties.id as string)) node.properties.id = unique(node.properties.id as string);
      else if (typeof node.properties.id !== 'string') node.properties.id = unique(slug(toString(node).trim()) || 'section');
    }
    file.data.ids = new Set([...others, ...headings.map((node) => node.properties.id as string)]);
  };
}
