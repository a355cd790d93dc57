import { join } from 'node:path';
import { VFile } from 'vfile';
import { readFrontMatter } from '../content/front-matter.js';
import { overrideSchema } from '../countries/overrides.js';
import type { Override } from '../countries/overrides.js';
import { parsedTranslation } from '../i18n/translations.js';
import type { Page } from '../model/page.js';
import type { Translation } from '../model/translation.js';
import { validate } from '../yaml/validate.js';
import { compareVersions } from './released.js';
import type { ReleasedVersion } from './released.js';

/** The pages, translations and country overrides of earlier released versions, and their files. */
export interface VersionSources {
  readonly pages: readonly Page[];
  readonly translations: readonly Translation[];
  readonly overrides: readonly Override[];
  readonly files: readonly VFile[];
}

/** How a version is named in addresses and file names: `v1` for 1.0, `v1.1` for 1.1. */
export function versionTag(version: string): string {
  return `v${version.replace(/(\.0)+$/, '')}`;
}

/**
 * Each version released before the one a page is at (its `version:`), as pages of their own
 * (issue 33): built from the snapshot's text with today's templates, at `<slug>/v1/` beside
 * the latest, named `<path>@v1.md` (the same folder, so its links lead where they did), with
 * the snapshot's translations and country overrides, marked superseded.
 */
export function versionSources(
  root: string,
  pages: readonly Page[],
  versions: ReadonlyMap<string, readonly ReleasedVersion[]>,
  /** Read a page's file as the build reads every page (stages/parse-pages.ts). */
  parse: (file: VFile) => Page | undefined,
): VersionSources {
  const made: { pages: Page[]; translations: Translation[]; overrides: Override[]; files: VFile[] } = { pages: [], translations: [], overrides: [], files: [] };
  for (const latest of pages) {
    const current = latest.meta.version;
    if (typeof current !== 'string' || !latest.outputPath.endsWith('index.html')) continue;
    for (const released of (versions.get(latest.sourcePath) ?? []).filter((version) => compareVersions(version.version, current) < 0)) {
      const tag = versionTag(released.version);
      const sourcePath = latest.sourcePath.replace(/\.md$/, `@${tag}.md`);
      const file = new VFile({ path: join(root, released.folder, 'source.md'), cwd: root, value: released.text, data: { sourcePath: latest.sourcePath } });
      made.files.push(file);
      const parsed = parse(file);
      if (!parsed) continue;
      file.data.sourcePath = sourcePath;
      const page: Page = {
        ...parsed,
        sourcePath,
        outputPath: latest.outputPath.replace(/index\.html$/, `${tag}/index.html`),
        superseded: { version: released.version, date: released.date, latestVersion: current, latest: latest.outputPath },
      };
      made.pages.push(page);
      for (const [lang, text] of released.translations) {
        const translated = new VFile({ path: join(root, released.folder, 'translations', `${lang}.md`), cwd: root, value: text, data: { sourcePath } });
        made.files.push(translated);
        const front = readFrontMatter(translated);
        translated.value = front.body;
        made.translations.push(parsedTranslation(translated, front, lang, sourcePath, page.kind));
      }
      for (const [key, text] of released.overrides) {
        const [country = '', ...rest] = key.split('/');
        const overridden = new VFile({ path: join(root, released.folder, 'overrides', key), cwd: root, value: text, data: { sourcePath: rest.join('/') } });
        made.files.push(overridden);
        const { yaml, body } = readFrontMatter(overridden);
        overridden.value = body;
        const meta = yaml && yaml.data !== undefined ? validate(overridden, yaml, overrideSchema, { what: 'front matter' }) : {};
        if (!meta) continue;
        const section = meta.replaces?.split('#')[1];
        made.overrides.push({ country, file: overridden, yaml, meta, page, section, path: rest.join('/') });
      }
    }
  }
  return made;
}
