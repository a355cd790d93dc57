import type { VFile } from 'vfile';
import type { ProjectFiles } from './project-files.js';

/** What the build reads from `briefings/`. */
export interface Sources {
  /**
   * Every Markdown file, sorted by path (so output order never depends on the disk). Files that
   * could not be read (a link out of the project, not UTF-8, too big) carry their error and
   * `data.unreadable`.
   */
  readonly markdown: readonly VFile[];
  /** Every file (no hidden files), path relative to `briefings/` → real path, or why a link there is refused. */
  readonly files: ProjectFiles;
}
