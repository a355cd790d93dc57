import type { Page } from '../model/page.js';
import { releasedText, versionChanges } from './changes.js';
import type { VersionChanges } from './changes.js';
import { compareVersions } from './released.js';
import type { ReleasedVersion } from './released.js';

/** What the pages' changes are made from. */
export interface Versioned {
  readonly pages: readonly Page[];
  readonly versions: ReadonlyMap<string, readonly ReleasedVersion[]>;
  /** The source language, which the changes compare. */
  readonly source: string;
}

const made = new WeakMap<Versioned['pages'], Map<string, VersionChanges>>();

/**
 * What changed in each page since its previous released version: the newest released before
 * the `version:` its front matter says is being written. A page with no `version:`, or none
 * released before it, has none. Made once per set of pages (an edit makes a new set).
 */
export function pageChanges(project: Versioned): ReadonlyMap<string, VersionChanges> {
  let changes = made.get(project.pages);
  if (changes) return changes;
  changes = new Map();
  for (const page of project.pages) {
    const current = page.meta.version;
    const released = project.versions.get(page.sourcePath);
    if (typeof current !== 'string' || !released) continue;
    const previous = previousVersion(released, current);
    if (!previous) continue;
    const since = { version: previous.version, date: previous.date };
    changes.set(page.sourcePath, versionChanges(releasedText(previous), { meta: page.meta, body: String(page.file.value) }, project.source, since));
  }
  made.set(project.pages, changes);
  return changes;
}

/** The newest version released before `current`. */
export function previousVersion(released: readonly ReleasedVersion[], current: string): ReleasedVersion | undefined {
  return released.filter((version) => compareVersions(version.version, current) < 0).at(-1);
}
