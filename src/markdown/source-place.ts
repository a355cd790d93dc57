import { location } from 'vfile-location';
import type { Node } from 'unist';
import type { VFile } from 'vfile';
import type { Place } from '../model/place.js';

const locators = new WeakMap<VFile, ReturnType<typeof location>>();

/**
 * Where `needle` occurs in the source of `node`, searching from `from` characters into the
 * node, as a place in the file. Text values lose indentation and escapes, so positions are
 * found in the file itself rather than computed from the value. Falls back to the node.
 */
export function placeInNode(file: VFile, node: Node, needle: string, from = 0): Place | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return node.position;
  const source = String(file.value).slice(start, end);
  const at = source.indexOf(needle, from);
  if (at === -1) return node.position;
  let locate = locators.get(file);
  if (!locate) locators.set(file, (locate = location(file)));
  const begin = locate.toPoint(start + at);
  const finish = locate.toPoint(start + at + needle.length);
  return begin && finish ? { start: begin, end: finish } : node.position;
}
