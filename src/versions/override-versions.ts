import type { Override } from '../countries/overrides.js';
import { fingerprint, sectionsOf } from '../i18n/sections.js';
import { excerpt, warn } from '../messages.js';
import type { Page } from '../model/page.js';
import type { DiffPart } from './changes.js';
import { pageChanges } from './page-changes.js';
import type { Versioned } from './page-changes.js';

/**
 * Warn on each country override that replaces a section (or a page) changed in the version
 * being written since the last released one, until the override is stamped against the new
 * text (issue 33): at its `replaces:` line, naming the section and what changed in it.
 */
export function checkOverrideVersions(project: Versioned, overrides: readonly Override[]): void {
  const changes = pageChanges(project);
  for (const override of overrides) {
    const changed = changes.get(override.page.sourcePath);
    if (!changed) continue;
    const sections = changed.sections.filter((section) => override.section === undefined || section.id === override.section);
    if (sections.length === 0 || stampedNow(override, project.source)) continue;
    const version = String(override.page.meta.version);
    const named = sections.map((section) => `"${section.title}" (#${section.id}, ${section.change})`).join(', ');
    const diffs = sections.filter((section) => section.diff).map((section) => `#${section.id}: ${excerpt(diffText(section.diff!), 400)}`);
    warn(override.file, {
      reason:
        `${override.section === undefined ? 'The page this override replaces' : 'The section this override replaces'} changed in version ${version} ` +
        `(since ${changed.since.version}): ${named}`,
      rule: 'override-version-changed',
      place: override.yaml?.placeOf(override.meta.replaces ? ['replaces'] : []) ?? { line: 1, column: 1 },
      hint: [...diffs, `Bring the override in line with the new text, then run briefkit i18n stamp --country ${override.country}.`].join('\n'),
    });
  }
}

/** Whether the override was stamped against what it replaces as it is now. */
function stampedNow(override: Override, lang: string): boolean {
  const page: Page = override.page;
  const sections = sectionsOf(page.meta, String(page.file.value), lang);
  const hash = override.section === undefined ? fingerprint(sections) : sections.find((section) => section.id === override.section)?.hash;
  return hash !== undefined && override.meta.source_hash === hash;
}

/** `The law was [-a major-]{+the main+} obstacle.` */
function diffText(parts: readonly DiffPart[]): string {
  return parts.map((part) => (part.change === 'added' ? `{+${part.text}+}` : part.change === 'removed' ? `[-${part.text}-]` : part.text)).join('');
}
