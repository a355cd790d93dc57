import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { checkBinaryFile } from '../assets/allowed-files.js';
import { error } from '../messages.js';
import { listProjectFiles } from '../project/list.js';
import { readListedText } from '../project/read.js';

/** briefkit's own templates, which a project's `templates/` folder overrides file by file. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Template and asset files by path relative to `templates/` (e.g. `pages/home.hbs`). */
export interface TemplateFiles {
  /** Handlebars sources, project files replacing built-in ones of the same path. */
  readonly templates: ReadonlyMap<string, VFile>;
  /** Static files under `assets/`, as absolute paths to copy. */
  readonly assets: ReadonlyMap<string, string>;
  /**
   * Links in the project's `templates/` that briefkit refuses (out of the project, dangling), and
   * images or fonts there that do not decode, reported on them.
   */
  readonly refused: readonly VFile[];
}

/** Read the built-in templates, then the project's own `templates/` over them. */
export async function loadTemplates(root: string): Promise<TemplateFiles> {
  const templates = new Map<string, VFile>();
  const assets = new Map<string, string>();
  const refused: VFile[] = [];
  // briefkit's own templates are bounded by their own folder, the project's by the project.
  for (const [boundary, dir] of [
    [BUILTIN_TEMPLATES, ''],
    [root, 'templates'],
  ] as const) {
    const listing = await listProjectFiles(boundary, dir, { report: (path) => path.endsWith('.hbs') || path.startsWith('assets/') });
    refused.push(...listing.problems);
    for (const [path, real] of listing.files) {
      const absolute = join(boundary, dir, path);
      if (path.endsWith('.hbs')) {
        const file = await readListedText(root, absolute, real);
        if (file.data.unreadable) refused.push(file);
        else templates.set(path, file);
      } else if (path.startsWith('assets/')) {
        // Images and fonts a style sheet uses go into the PDFs too: the same check as a page's.
        const refusal = checkBinaryFile(real, `${dir ? `${dir}/` : ''}${path}`);
        if (!refusal) assets.set(path.slice('assets/'.length), real);
        else {
          const file = new VFile({ path: absolute, cwd: root });
          error(file, refusal);
          refused.push(file);
        }
      }
    }
  }
  return { templates, assets, refused };
}
