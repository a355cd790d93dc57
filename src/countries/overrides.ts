import { join } from 'node:path';
import type { VFile } from 'vfile';
import { listProjectFiles } from '../project/list.js';
import { readListedText } from '../project/read.js';
import { z } from 'zod';
import { readFrontMatter } from '../content/front-matter.js';
import { error } from '../messages.js';
import type { Page } from '../model/page.js';
import { closest } from '../text/closest.js';
import type { YamlSource } from '../model/yaml-source.js';
import { validate } from '../yaml/validate.js';
import { COUNTRIES_DIR } from './profile.js';

/** What an override's front matter may say. */
export const overrideSchema = z.looseObject({
  replaces: z
    .string()
    .regex(/^[^#]+\.md#[^#\s]+$/, { error: 'is "<path>.md#<section-id>", e.g. case-studies/glasgow-peer-supply.md#context' })
    .optional(),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'is a language code such as uk or en' })
    .optional(),
  title: z.string().optional(),
  summary: z.string().optional(),
  source_hash: z
    .string()
    .regex(/^[0-9a-f]{6,8}$/, { error: 'is written by "briefkit i18n stamp --country"; remove it and stamp again' })
    .optional(),
});

/** A country's replacement for a whole page, or for one section of it. */
export interface Override {
  readonly country: string;
  readonly file: VFile;
  readonly yaml: YamlSource | undefined;
  readonly meta: z.infer<typeof overrideSchema>;
  /** The page it replaces (part of). */
  readonly page: Page;
  /** The id of the section it replaces; undefined for a whole page. */
  readonly section: string | undefined;
  /** Path under `countries/<code>/overrides/`. */
  readonly path: string;
}

/**
 * Read `countries/<code>/overrides/**.md`: a file at the same path as a page in `briefings/`
 * replaces that page in the country's edition; a file with `replaces: <path>#<id>` in its
 * front matter replaces that one section. What does not match a page is reported.
 */
export async function loadOverrides(root: string, countries: readonly string[], pages: readonly Page[]): Promise<{ overrides: Override[]; files: VFile[] }> {
  const bySource = new Map(pages.map((page) => [page.sourcePath, page]));
  const overrides: Override[] = [];
  const files: VFile[] = [];
  for (const country of countries) {
    const base = join(root, COUNTRIES_DIR, country, 'overrides');
    const listing = await listProjectFiles(root, join(COUNTRIES_DIR, country, 'overrides'), { report: (path) => path.endsWith('.md') });
    files.push(...listing.problems);
    for (const [path, real] of [...listing.files].filter(([path]) => path.endsWith('.md'))) {
      const file = await readListedText(root, join(base, path), real, { sourcePath: path });
      files.push(file);
      if (file.data.unreadable) continue;
      const { yaml, body } = readFrontMatter(file);
      file.value = body;
      const meta = yaml && yaml.data !== undefined ? validate(file, yaml, overrideSchema, { what: 'front matter' }) : {};
      if (!meta) continue;
      const [target = path, section] = meta.replaces ? (meta.replaces.split('#') as [string, string]) : [path, undefined];
      const page = bySource.get(target.replace(/^briefings\//, ''));
      if (!page) {
        const suggestion = closest(target, [...bySource.keys()]);
        error(file, {
          reason: meta.replaces ? `"${meta.replaces}" names no page in briefings/` : `There is no briefings/${path} for this override to replace`,
          rule: 'override-target',
          place: meta.replaces ? yaml?.placeOf(['replaces']) : { line: 1, column: 1 },
          hint: suggestion
            ? `Did you mean ${meta.replaces ? `"${suggestion}#…"` : `countries/${country}/overrides/${suggestion}`}?`
            : 'An override has the path of the page it replaces, or says "replaces: <path>#<section-id>".',
        });
        continue;
      }
      overrides.push({ country, file, yaml, meta, page, section, path });
    }
  }
  return { overrides, files };
}
