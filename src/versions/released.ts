import { join } from 'node:path';
import type { VFile } from 'vfile';
import { z } from 'zod';
import { isoDate } from '../content-types/common-schema.js';
import { listProjectFiles } from '../project/list.js';
import { readListedText } from '../project/read.js';
import { parseYaml } from '../yaml/parse.js';
import { validate } from '../yaml/validate.js';
import { warn } from '../messages.js';

/**
 * The folder of released versions (issue 33): `versions/<slug>/<version>/`, each holding
 * `release.yaml` (the version, its date and the page it is of), `source.md` (the original as
 * it was), `translations/<lang>.md` and `overrides/<country>/<path>` (its translations and
 * country overrides as they were). Plain files, committed with the project: exact, readable
 * and diffable without git, and a project that is not a git repository has them too.
 */
export const VERSIONS_DIR = 'versions';
export const RELEASE_FILE = 'release.yaml';

/** What `release.yaml` says. */
export const releaseSchema = z.strictObject({
  version: z.union([z.string(), z.number()]).transform(String).describe('The version released, as the page names it: "1.0".'),
  date: isoDate.describe('The day it was released, YYYY-MM-DD.'),
  source: z
    .string()
    .regex(/^[^/].*\.md$/, { error: 'is the path of the page under briefings/, e.g. peer-to-peer-naloxone/index.md' })
    .describe('The page it is a version of, under briefings/.'),
});

/** A released version of a page: its texts as they were. */
export interface ReleasedVersion {
  readonly version: string;
  readonly date: string;
  /** The page's path under `briefings/`. */
  readonly sourcePath: string;
  /** Its folder, from the project's top: `versions/<slug>/<version>`. */
  readonly folder: string;
  /** The original's Markdown as it was (front matter included). */
  readonly text: string;
  /** Its translations as they were, by language. */
  readonly translations: ReadonlyMap<string, string>;
  /** Its country overrides as they were, by `<country>/<path under overrides/>`. */
  readonly overrides: ReadonlyMap<string, string>;
  /** Its `release.yaml`, for messages. */
  readonly file: VFile;
}

/** Every released version of the project, by the page's source path, oldest first; and the files read, with their problems. */
export async function readVersions(root: string): Promise<{ versions: Map<string, ReleasedVersion[]>; files: VFile[] }> {
  const listing = await listProjectFiles(root, VERSIONS_DIR, { report: (path) => path.endsWith(RELEASE_FILE) });
  const files: VFile[] = [...listing.problems];
  const versions = new Map<string, ReleasedVersion[]>();
  const releases = [...listing.files.keys()].filter((path) => path.endsWith(`/${RELEASE_FILE}`) && path.split('/').length === 3).sort();
  for (const path of releases) {
    const folder = path.slice(0, -RELEASE_FILE.length - 1);
    const file = await readListedText(root, join(root, VERSIONS_DIR, path), listing.files.get(path)!);
    files.push(file);
    if (file.data.unreadable) continue;
    const yaml = parseYaml(file, String(file.value));
    const release = validate(file, yaml, releaseSchema, { what: RELEASE_FILE, knownKeys: Object.keys(releaseSchema.shape) });
    if (!release) continue;
    const text = async (name: string) => {
      const real = listing.files.get(`${folder}/${name}`);
      if (typeof real !== 'string') return undefined;
      const read = await readListedText(root, join(root, VERSIONS_DIR, folder, name), real);
      if (read.data.unreadable) files.push(read);
      return read.data.unreadable ? undefined : String(read.value);
    };
    const source = await text('source.md');
    if (source === undefined) continue;
    const inFolder = (prefix: string) =>
      [...listing.files.keys()].filter((name) => name.startsWith(`${folder}/${prefix}`) && name.endsWith('.md')).map((name) => name.slice(folder.length + 1));
    const translations = new Map<string, string>();
    for (const name of inFolder('translations/')) {
      const translated = await text(name);
      if (translated !== undefined) translations.set(name.slice('translations/'.length, -'.md'.length), translated);
    }
    const overrides = new Map<string, string>();
    for (const name of inFolder('overrides/')) {
      const override = await text(name);
      if (override !== undefined) overrides.set(name.slice('overrides/'.length), override);
    }
    const released: ReleasedVersion = {
      ...release,
      sourcePath: release.source,
      folder: `${VERSIONS_DIR}/${folder}`,
      text: source,
      translations,
      overrides,
      file,
    };
    versions.set(
      release.source,
      [...(versions.get(release.source) ?? []), released].sort((one, other) => compareVersions(one.version, other.version)),
    );
  }
  return { versions, files };
}

/** Order of versions: by their numbers part by part (1.10 after 1.9), then as text. */
export function compareVersions(one: string, other: string): number {
  const parts = (version: string) => version.split(/[.-]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  const [a, b] = [parts(one), parts(other)];
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const [x = 0, y = 0] = [a[index], b[index]];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x).localeCompare(String(y));
  }
  return 0;
}

/** Warn at each release whose page is no longer in `briefings/` (renamed or removed): its changes are shown nowhere. */
export function checkReleasedPages(versions: ReadonlyMap<string, readonly ReleasedVersion[]>, sourcePaths: ReadonlySet<string>): void {
  for (const [source, list] of versions) {
    if (sourcePaths.has(source)) continue;
    for (const released of list)
      warn(released.file, {
        reason: `This release is of briefings/${source}, which is not in the project any more`,
        rule: 'release-source',
        place: { line: 1, column: 1 },
        hint: 'If the page was moved, write its new path after "source:"; if it was removed, remove this folder too.',
      });
  }
}
