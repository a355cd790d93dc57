import { FRONT } from './sections.js';
import type { Section } from './sections.js';

/** Where one translation stands against its original. */
export type TranslationState = 'current' | 'outdated' | 'missing' | 'untracked';

/** A section of the original that changed since the translation was stamped. */
export interface SectionChange {
  readonly id: string;
  readonly title: string;
  readonly change: 'changed' | 'added' | 'removed';
}

/** One source file in one language. */
export interface FileStatus {
  /** Path under `briefings/`. */
  readonly path: string;
  readonly state: TranslationState;
  /** Path of the translation under the project, when there is one. */
  readonly translation: string | null;
  /** Words in the original. */
  readonly words: number;
  /** Words of the original whose translation is present and up to date (null: cannot tell). */
  readonly translatedWords: number | null;
  /** translatedWords / words, rounded to a whole percent (null: cannot tell). */
  readonly percent: number | null;
  /** For an outdated translation: what changed in the original since (by heading). */
  readonly changed: readonly SectionChange[];
  /** Doses, numbers and other facts that differ from the original's and are not acknowledged (issue 32; 0 without a translation). */
  readonly factMismatches: number;
}

/** One language's translations. */
export interface LanguageStatus {
  readonly lang: string;
  readonly words: number;
  readonly translatedWords: number;
  readonly percent: number;
  readonly counts: Readonly<Record<TranslationState, number>>;
  /** Facts that differ from the originals' in all its files, not acknowledged. */
  readonly factMismatches: number;
  readonly files: readonly FileStatus[];
}

/** What status needs of an original. */
export interface SourceInfo {
  readonly path: string;
  readonly sections: readonly Section[];
  readonly fingerprint: string;
}

/** What status needs of a translation. */
export interface TranslationInfo {
  readonly path: string;
  /** Project-relative path of the translation file. */
  readonly file: string;
  readonly sourceHash: string | undefined;
  readonly sourceSections: Readonly<Record<string, string>> | undefined;
  /** The ids of the sections a translator wrote (matching the original's where `{#id}` is kept): not empty, not a copy of the original's. */
  readonly sectionIds: ReadonlySet<string>;
  /** Its sections are matched to the original's by id (`{#id}`s, or headings that line up, or no text yet); else it translates the whole page. */
  readonly matched: boolean;
  /** Facts that differ from the original's, not acknowledged (facts/check-facts.ts). */
  readonly factMismatches: number;
}

/**
 * The state of every translation of every source file: current, outdated (with the sections
 * of the original that changed since the translation was stamped), missing, or untracked
 * (no record of what it translates), and the share of the original's words translated.
 */
export function translationStatus(
  sources: readonly SourceInfo[],
  translations: ReadonlyMap<string, ReadonlyMap<string, TranslationInfo>>,
  languages: readonly string[],
): LanguageStatus[] {
  return languages.map((lang) => {
    const own = translations.get(lang) ?? new Map<string, TranslationInfo>();
    const files = sources.map((source) => fileStatus(source, own.get(source.path)));
    const words = files.reduce((sum, file) => sum + file.words, 0);
    const translatedWords = files.reduce((sum, file) => sum + (file.translatedWords ?? 0), 0);
    const counts = { current: 0, outdated: 0, missing: 0, untracked: 0 };
    for (const file of files) counts[file.state]++;
    const factMismatches = files.reduce((sum, file) => sum + file.factMismatches, 0);
    return { lang, words, translatedWords, percent: percent(translatedWords, words) ?? 0, counts, factMismatches, files };
  });
}

function fileStatus(source: SourceInfo, translation: TranslationInfo | undefined): FileStatus {
  const status = rawStatus(source, translation);
  // One key order for every file, so the JSON reads the same way throughout.
  return {
    path: status.path,
    state: status.state,
    translation: status.translation,
    words: status.words,
    translatedWords: status.translatedWords,
    percent: status.percent,
    changed: status.changed,
    factMismatches: status.factMismatches,
  };
}

function rawStatus(source: SourceInfo, translation: TranslationInfo | undefined): FileStatus {
  const words = source.sections.reduce((sum, section) => sum + section.words, 0);
  const base = {
    path: source.path,
    words,
    translation: translation?.file ?? null,
    changed: [] as SectionChange[],
    factMismatches: translation?.factMismatches ?? 0,
  };
  if (!translation) return { ...base, state: 'missing', translatedWords: 0, percent: 0 };

  // A translation that keeps the original's {#ids} is matched section by section; one that
  // does not is taken to translate the whole page. Only words a translator wrote count: not a
  // copy of the original, nor a title it leaves out (issue 26).
  const covered = (section: Section) => (section.id === FRONT || translation.matched ? translation.sectionIds.has(section.id) : true);

  if (!translation.sourceHash) {
    const translatedWords = translation.matched ? sum(source.sections.filter(covered)) : null;
    return { ...base, state: 'untracked', translatedWords, percent: translatedWords === null ? null : percent(translatedWords, words) };
  }
  if (translation.sourceHash === source.fingerprint) {
    const translatedWords = sum(source.sections.filter(covered));
    return { ...base, state: 'current', translatedWords, percent: percent(translatedWords, words) };
  }
  const stamped = translation.sourceSections;
  if (!stamped) return { ...base, state: 'outdated', translatedWords: null, percent: null };
  const changed: SectionChange[] = [];
  for (const section of source.sections) {
    if (!(section.id in stamped)) changed.push({ id: section.id, title: section.title, change: 'added' });
    else if (stamped[section.id] !== section.hash) changed.push({ id: section.id, title: section.title, change: 'changed' });
  }
  for (const id of Object.keys(stamped)) {
    if (!source.sections.some((section) => section.id === id)) changed.push({ id, title: id, change: 'removed' });
  }
  const unchanged = source.sections.filter((section) => covered(section) && stamped[section.id] === section.hash);
  const translatedWords = sum(unchanged);
  return { ...base, state: 'outdated', translatedWords, percent: percent(translatedWords, words), changed };
}

function sum(sections: readonly Section[]): number {
  return sections.reduce((total, section) => total + section.words, 0);
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100);
}
