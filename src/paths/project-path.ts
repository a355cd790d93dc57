/**
 * File paths on one side, `/` paths on the other (issue 28): the operating system's paths
 * (`C:\kit\briefings\a.md`) are handled only by `node:path`, and what briefkit keys files by
 * or shows in a message (`briefings/a.md`) always uses `/`, on every platform. Each helper
 * takes the path module to use, so tests run them with `path.win32` on any machine.
 */
import nodePath from 'node:path';

/** The part of `node:path` these helpers use: this platform's, or `path.win32` / `path.posix`. */
export type PathApi = Pick<typeof nodePath, 'relative' | 'isAbsolute' | 'sep'>;

/**
 * `path` relative to `root` with `/` between its parts (`''` for `root` itself), or
 * undefined when it is not inside `root`: above it, or on another drive.
 */
export function toProjectPath(root: string, path: string, api: PathApi = nodePath): string | undefined {
  const inside = api.relative(root, path);
  if (inside === '..' || inside.startsWith(`..${api.sep}`) || api.isAbsolute(inside)) return undefined;
  return inside.split(api.sep).join('/');
}

/** Whether `path` is the folder `top` or inside it (compare real paths, or a link leads anywhere). */
export function isInside(top: string, path: string, api: PathApi = nodePath): boolean {
  return toProjectPath(top, path, api) !== undefined;
}

/**
 * A path as a message shows it: relative to `from` (the project, or the folder the command
 * runs in) with `/` on every platform, `.` for `from` itself, `../` when above it; the whole
 * path when no relative one leads there (another drive).
 */
export function shownPath(from: string, path: string, api: PathApi = nodePath): string {
  const relative = api.relative(from, path);
  if (api.isAbsolute(relative)) return path;
  return relative.split(api.sep).join('/') || '.';
}
