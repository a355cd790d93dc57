import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VFile } from 'vfile';
import { listFiles } from '../fs/list-files.js';

/** briefkit's own templates, which a project's `templates/` folder overrides file by file. */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Template and asset files by path relative to `templates/` (e.g. `pages/home.hbs`). */
export interface TemplateFiles {
  /** Handlebars sources, project files replacing built-in ones of the same path. */
  readonly templates: ReadonlyMap<string, VFile>;
  /** Static files under `assets/`, as absolute paths to copy. */
  readonly assets: ReadonlyMap<string, string>;
}

/** Read the built-in templates, then the project's own `templates/` over them. */
export async function loadTemplates(root: string): Promise<TemplateFiles> {
  const templates = new Map<string, VFile>();
  const assets = new Map<string, string>();
  for (const base of [BUILTIN_TEMPLATES, join(root, 'templates')]) {
    for (const path of await listFiles(base)) {
      const absolute = join(base, path);
      if (path.endsWith('.hbs')) {
        templates.set(path, new VFile({ path: absolute, cwd: root, value: await readFile(absolute, 'utf8') }));
      } else if (path.startsWith('assets/')) {
        assets.set(path.slice('assets/'.length), absolute);
      }
    }
  }
  return { templates, assets };
}
