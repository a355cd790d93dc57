import type { VFile } from 'vfile';
import { error, warn } from '../messages.js';
import { readProjectText } from '../project/read.js';
import { closest } from '../text/closest.js';
import { parseYaml } from '../yaml/parse.js';

/**
 * What a project says about itself in one language, from `translations/<lang>/site.yaml`:
 * the site's title and description, the organisation's name, and the titles menus and
 * lists give pages that are not translated yet. Anything it leaves out shows in the source
 * language, marked as such (so a screen reader reads it with the right voice, and Arabic
 * punctuation lands on the right side of it).
 */
export interface SiteStrings {
  readonly title?: string | undefined;
  readonly description?: string | undefined;
  readonly organisation?: string | undefined;
  /** By source path under `briefings/` (`about.md`). */
  readonly pageTitles: ReadonlyMap<string, string>;
}

const TEXT_KEYS = ['title', 'description', 'organisation'] as const;
const KEYS = [...TEXT_KEYS, 'page_titles'];

/** Read each language's `site.yaml`, if the project has one; problems are reported at their place. */
export async function loadSiteStrings(
  root: string,
  languages: readonly string[],
): Promise<{ readonly files: VFile[]; readonly byLang: ReadonlyMap<string, SiteStrings> }> {
  const files: VFile[] = [];
  const byLang = new Map<string, SiteStrings>();
  for (const lang of languages) {
    const file = await readProjectText(root, `translations/${lang}/site.yaml`);
    if (file === undefined) continue;
    files.push(file);
    if (file.data.unreadable) continue;
    byLang.set(lang, readSiteFile(file));
  }
  return { files, byLang };
}

function readSiteFile(file: VFile): SiteStrings {
  const source = parseYaml(file, String(file.value));
  const data = source.data;
  const strings: { -readonly [Key in (typeof TEXT_KEYS)[number]]?: string } = {};
  const pageTitles = new Map<string, string>();
  if (data === undefined || data === null) return { pageTitles };
  if (typeof data !== 'object' || Array.isArray(data)) {
    error(file, {
      reason: 'site.yaml should be "key: text" lines',
      rule: 'ui-shape',
      place: source.placeOf([]),
      hint: 'For example:\n  title: Налоксон від рівного до рівного\n  organisation: Мережа рівних',
    });
    return { pageTitles };
  }
  for (const [key, value] of Object.entries(data)) {
    if (key === 'page_titles') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        error(file, { reason: '"page_titles" should be "page.md: title" lines', rule: 'wrong-type', place: source.placeOf([key]) });
        continue;
      }
      for (const [path, title] of Object.entries(value)) {
        if (typeof title === 'string' && title.trim() !== '') pageTitles.set(path, title);
        else error(file, { reason: `"page_titles › ${path}" should be text`, rule: 'wrong-type', place: source.placeOf([key, path]) });
      }
      continue;
    }
    if (!(TEXT_KEYS as readonly string[]).includes(key)) {
      const suggestion = closest(key, KEYS);
      warn(file, {
        reason: `Unknown key "${key}" in site.yaml`,
        rule: 'ui-unknown-key',
        place: source.placeOf([key], 'key'),
        hint: suggestion ? `Did you mean "${suggestion}"?` : `The keys are ${KEYS.join(', ')}.`,
      });
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      error(file, { reason: `"${key}" should be text`, rule: 'wrong-type', place: source.placeOf([key]) });
      continue;
    }
    strings[key as (typeof TEXT_KEYS)[number]] = value;
  }
  return { ...strings, pageTitles };
}
