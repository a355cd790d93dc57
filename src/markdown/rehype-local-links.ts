import { posix } from 'node:path';
import { visit } from './visit.js';
import type { Element, Root } from 'hast';
import type { VFile } from 'vfile';
import { checkPublishedFile } from '../assets/allowed-files.js';
import { error, warn } from '../messages.js';
import { relativeUrl, resolveInside } from '../paths/urls.js';
import { refusalOf } from '../project/list.js';
import { closest } from '../text/closest.js';
import type { PageAsset } from '../model/localized-page.js';
import type { ProjectFiles } from '../model/project-files.js';

// The files a link may name, listed once per collection (not once per broken link).
const linkable = new WeakMap<ProjectFiles, readonly string[]>();

function linkableFiles(files: ProjectFiles): readonly string[] {
  let list = linkable.get(files);
  if (!list) linkable.set(files, (list = [...files].flatMap(([path, entry]) => (typeof entry === 'string' ? [path] : []))));
  return list;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Check and rewrite the links and images of a page:
 * - `other.md#section` becomes the relative URL of that page (anchors are checked later);
 * - local files (images, PDFs) must exist under `briefings/`, be of a type on the allow-list
 *   (see allowed-files) and are copied beside the page;
 * - a path that leaves `briefings/`, a missing file, or a `/rooted` link is reported;
 * - a remote image is a warning (the site would load it from another website).
 */
export function rehypeLocalLinks() {
  return (tree: Root, file: VFile) => {
    const context = file.data.context!;
    const { page } = context;
    const assets: PageAsset[] = (file.data.assets = []);
    file.data.anchorLinks = [];
    const taken = new Set<string>();
    const targets = new Map<string, string>();

    const copyBesidePage = (source: string): string => {
      const existing = targets.get(source);
      if (existing) return existing;
      const { name, ext } = posix.parse(source);
      let target = `${name}${ext}`;
      for (let n = 2; taken.has(target) || target === 'index.html'; n++) target = `${name}-${n}${ext}`;
      taken.add(target);
      targets.set(source, target);
      assets.push({ from: context.sourceFiles.get(source) as string, to: posix.join(posix.dirname(page.outputPath), target) });
      return target;
    };

    const rewrite = (node: Element, attribute: 'href' | 'src'): void => {
      const value = node.properties[attribute];
      if (typeof value !== 'string' || value === '') return;
      const place = node.position;
      if (value.startsWith('#')) {
        // Citations and footnotes link to what briefkit itself makes; only the author's own
        // links to a heading need checking.
        const generated =
          node.properties.dataFootnoteRef !== undefined ||
          node.properties.dataFootnoteBackref !== undefined ||
          String(node.properties.className ?? '').includes('citation');
        if (!generated) file.data.anchorLinks!.push({ target: page.sourcePath, id: decode(value.slice(1)), place });
        return;
      }
      if (value.startsWith('//') || SCHEME.test(value)) {
        if (attribute === 'src' && /^(https?:)?\/\//i.test(value)) {
          warn(file, {
            reason: `Image from another website (${value}): readers' browsers would contact that site`,
            rule: 'remote-image',
            place,
            hint: 'Download the image into the briefings folder and link to it with a relative path.',
          });
        }
        return;
      }
      if (value.startsWith('/')) {
        error(file, {
          reason: `Link "${value}" starts with "/": it breaks when the site is opened from a folder or USB stick`,
          rule: 'link-rooted',
          place,
          hint: 'Link to the Markdown file with a relative path, e.g. ../case-studies/glasgow.md',
        });
        return;
      }
      const [pathAndQuery = '', hash] = value.split('#', 2) as [string, string | undefined];
      const path = decode(pathAndQuery.split('?')[0]!);
      const resolved = resolveInside(page.sourcePath, path);
      if (resolved === undefined) {
        error(file, {
          reason: `"${value}" points outside the briefings folder`,
          rule: 'path-outside',
          place,
          hint: 'Keep linked pages, images and files inside briefings/.',
        });
        return;
      }
      const target =
        context.pagesBySource.get(resolved) ??
        context.pagesBySource.get(posix.join(resolved, 'index.md')) ??
        context.pagesBySource.get(`${resolved.replace(/\/$/, '')}.md`);
      if (target) {
        node.properties[attribute] = relativeUrl(page.outputPath, target.outputPath) + (hash ? `#${hash}` : '');
        if (hash) file.data.anchorLinks!.push({ target: target.sourcePath, id: decode(hash), place });
        return;
      }
      // A link out of the project (or to nothing) is named as such, not as a missing file.
      const refusal = refusalOf(context.sourceFiles, resolved);
      if (refusal) {
        error(file, {
          reason: `${attribute === 'src' ? 'Image' : 'Link target'} "${value}": ${refusal.reason}`,
          rule: refusal.rule,
          place,
          hint: refusal.hint,
        });
        return;
      }
      if (typeof context.sourceFiles.get(resolved) !== 'string' || resolved.endsWith('.md')) {
        // The same collections for every miss, so closest() indexes each once.
        const candidates = resolved.endsWith('.md') ? context.pagesBySource : linkableFiles(context.sourceFiles);
        const suggestion = closest(resolved, candidates);
        error(file, {
          reason: `${attribute === 'src' ? 'Image' : 'Link target'} "${value}" not found (looked for briefings/${resolved})`,
          rule: attribute === 'src' ? 'image-missing' : 'link-missing',
          place,
          hint: suggestion ? `Did you mean "${relativeUrl(page.sourcePath, suggestion)}"?` : 'Check the file name and folder.',
        });
        return;
      }
      // Only safe file types are published (no HTML, no SVG with script): see allowed-files.
      const unsafe = checkPublishedFile(context.sourceFiles.get(resolved) as string, value);
      if (unsafe) {
        error(file, { ...unsafe, place });
        return;
      }
      node.properties[attribute] = encodeURI(copyBesidePage(resolved)) + (hash ? `#${hash}` : '');
    };

    visit(tree, 'element', (node) => {
      if (node.tagName === 'a') rewrite(node, 'href');
      else if (node.tagName === 'img' || node.tagName === 'source') rewrite(node, 'src');
    });
  };
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
