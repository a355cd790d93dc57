import type { Override } from '../countries/overrides.js';
import type { VFile } from 'vfile';
import type { FactTally } from '../facts/check-facts.js';
import type { Original } from './project-state.js';

/** Where one country override stands against what it replaces. */
export interface OverrideStatus {
  readonly country: string;
  /** The override, under `countries/<code>/overrides/`. */
  readonly path: string;
  /** What it replaces: `case-studies/x.md` or `case-studies/x.md#context`. */
  readonly replaces: string;
  /** current: the original is as it was when stamped; outdated: it changed; untracked: never stamped. */
  readonly state: 'current' | 'outdated' | 'untracked';
  /** The hash to record to mark it current (what `i18n stamp --country` writes). */
  readonly hash: string | undefined;
  /** Facts of what it replaces that it changes or leaves out, not acknowledged nor allowed by the profile (issue 32). */
  readonly factMismatches: number;
}

/**
 * Whether what each override replaces (a whole page, or one section) changed since the
 * override was stamped: the same fingerprints as translations use.
 */
export function overrideStatus(
  overrides: readonly Override[],
  originals: ReadonlyMap<string, Original>,
  facts: ReadonlyMap<VFile, FactTally> = new Map(),
): OverrideStatus[] {
  return overrides.map((override) => {
    const original = originals.get(override.page.sourcePath)!;
    const hash = override.section === undefined ? original.fingerprint : original.sections.find((section) => section.id === override.section)?.hash;
    const stamped = override.meta.source_hash;
    const state = stamped === undefined ? 'untracked' : stamped === hash ? 'current' : 'outdated';
    return {
      country: override.country,
      path: override.path,
      replaces: `${override.page.sourcePath}${override.section ? `#${override.section}` : ''}`,
      state,
      hash,
      factMismatches: facts.get(override.file)?.mismatches ?? 0,
    };
  });
}
