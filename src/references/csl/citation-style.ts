import { fromXml } from 'xast-util-from-xml';
import type { Element, Root } from 'xast';
import type { VFile } from 'vfile';
import { error } from '../../messages.js';
import type { Place } from '../../model/place.js';

/** A CSL style, with what briefkit needs to know of it outside citeproc. */
export interface CitationStyle {
  /** The name it was chosen by: a built-in name or the project path of its `.csl` file. */
  readonly name: string;
  readonly title: string;
  readonly xml: string;
  /** Citations are numbers (Vancouver, AMA, IEEE) rather than author and year. */
  readonly numeric: boolean;
  /** What goes around a whole citation, "(" and ")" (citeproc leaves it out when it marks each reference). */
  readonly prefix: string;
  readonly suffix: string;
}

/**
 * Read a style's XML. A file that is not a CSL style is an error on `file` (a project's
 * `.csl`) at the place the XML parser names; nothing of it is run.
 */
export function parseStyle(name: string, xml: string, file: VFile | undefined, place?: Place): CitationStyle | undefined {
  let tree: Root;
  try {
    tree = fromXml(xml);
  } catch (reason) {
    const message = reason as { reason?: string; place?: Place };
    if (file)
      error(file, {
        reason: `Not a CSL style: ${message.reason ?? String(reason)}`,
        rule: 'citation-style',
        place: message.place ?? place,
        hint: 'Download the style as a .csl file from https://www.zotero.org/styles and save it unchanged.',
      });
    return undefined;
  }
  const style = tree.children.find((child): child is Element => child.type === 'element');
  if (style?.name !== 'style' || style.attributes.xmlns !== 'http://purl.org/net/xbiblio/csl') {
    if (file)
      error(file, {
        reason: 'Not a CSL style: its root element is not <style xmlns="http://purl.org/net/xbiblio/csl">',
        rule: 'citation-style',
        place: style?.position ?? place,
        hint: 'Download the style as a .csl file from https://www.zotero.org/styles.',
      });
    return undefined;
  }
  const info = child(style, 'info');
  const citation = child(style, 'citation');
  const layout = citation && child(citation, 'layout');
  if (!layout) {
    if (file)
      error(file, {
        reason: 'This CSL file has no <citation> layout: it is a dependent style, which only points to another style',
        rule: 'citation-style',
        place: style.position ?? place,
        hint: 'Open the style it names in <link rel="independent-parent"> and download that one instead.',
      });
    return undefined;
  }
  const format = info?.children.find(
    (node): node is Element => node.type === 'element' && node.name === 'category' && node.attributes['citation-format'] !== undefined,
  )?.attributes['citation-format'];
  const titleElement = info && child(info, 'title');
  const title =
    titleElement?.children
      .map((node) => (node.type === 'text' ? node.value : ''))
      .join('')
      .trim() || name;
  return {
    name,
    title,
    xml,
    numeric: format === 'numeric' || (format === undefined && xml.includes('variable="citation-number"')),
    prefix: layout.attributes.prefix ?? '',
    suffix: layout.attributes.suffix ?? '',
  };
}

function child(parent: Element, name: string): Element | undefined {
  return parent.children.find((node): node is Element => node.type === 'element' && node.name === name);
}
