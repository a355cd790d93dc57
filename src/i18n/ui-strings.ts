import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import type { VFile } from 'vfile';
import { readProjectText } from '../project/read.js';
import { error, warn } from '../messages.js';
import type { Place } from '../model/place.js';
import { closest } from '../text/closest.js';
import { parseYaml } from '../yaml/parse.js';
import type { YamlSource } from '../model/yaml-source.js';
import { direction } from './languages.js';
import { loadSiteStrings } from './site-strings.js';
import type { SiteStrings } from './site-strings.js';
import { englishStrings } from './strings.js';
import type { UiKey, UiStrings } from './strings.js';

/** Interface strings that briefkit ships, one `translations/<lang>/ui.yaml` per language. */
export const BUILTIN_TRANSLATIONS = fileURLToPath(new URL('../../translations/', import.meta.url));

const KEYS = Object.keys(englishStrings) as UiKey[];
const MAPS = ['tag_names', 'region_names'] as const;

/** Everything a page needs to speak one language. */
export interface Translator {
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
  /** A message with its variables filled in: `t('caseStudyCount', { count: 3 })`. */
  t(key: UiKey, values?: Record<string, string | number>): string;
  /** Every message that needs no variables, ready to print (`{{ui.caseStudies}}` in templates). */
  readonly ui: Readonly<Record<UiKey, string>>;
  /** Display names of tags, by the tag as written in the source. */
  readonly tags: ReadonlyMap<string, string>;
  /** Names of sub-national regions (ISO 3166-2), by code. */
  readonly regions: ReadonlyMap<string, string>;
  /** What the project says about itself in this language (`translations/<lang>/site.yaml`). */
  readonly site: SiteStrings;
}

/** The interface strings of every language of a site, and the files they came from. */
export interface UiStringSet {
  readonly files: readonly VFile[];
  readonly translators: ReadonlyMap<string, Translator>;
}

interface LanguageStrings {
  readonly messages: Partial<Record<UiKey, string>>;
  readonly tags: Record<string, string>;
  readonly regions: Record<string, string>;
  readonly file: VFile | undefined;
}

/**
 * Load the interface strings of every language: briefkit's own (`translations/<lang>/ui.yaml`
 * in the package), overridden key by key by the project's. A key a language lacks falls back
 * to the source language, then to English, and is reported as a warning on that language's file.
 */
/** Where a language is named (the config's or a country profile's `languages:`), for a message about it. */
export type LanguagePlace = (lang: string) => { readonly file: VFile; readonly place?: Place };

export async function loadUiStrings(root: string, languages: readonly string[], namedAt: LanguagePlace): Promise<UiStringSet> {
  const files: VFile[] = [];
  const byLang = new Map<string, LanguageStrings>();
  for (const lang of languages) {
    // briefkit's own strings are bounded by its own folder, the project's by the project.
    const sources = [
      ...new Map([
        [join(BUILTIN_TRANSLATIONS, lang, 'ui.yaml'), BUILTIN_TRANSLATIONS],
        [join(root, 'translations', lang, 'ui.yaml'), root],
      ]),
    ];
    let merged: LanguageStrings = { messages: {}, tags: {}, regions: {}, file: undefined };
    for (const [path, boundary] of sources) {
      const file = await readProjectText(boundary, relative(boundary, path));
      if (file === undefined) continue;
      files.push(file);
      if (file.data.unreadable) continue;
      const read = readUiFile(file, lang);
      merged = {
        messages: { ...merged.messages, ...read.messages },
        tags: { ...merged.tags, ...read.tags },
        regions: { ...merged.regions, ...read.regions },
        file,
      };
    }
    byLang.set(lang, merged);
  }

  const siteStrings = await loadSiteStrings(root, languages);
  files.push(...siteStrings.files);
  const source = languages[0]!;
  const translators = new Map<string, Translator>();
  for (const lang of languages) {
    const own = byLang.get(lang)!;
    const fallback = lang === source ? {} : byLang.get(source)!.messages;
    const missing = lang === 'en' ? [] : KEYS.filter((key) => own.messages[key] === undefined);
    if (missing.length > 0) {
      const shown = missing.every((key) => fallback[key] !== undefined) ? `the source language (${source})` : 'English';
      const problem = {
        reason: own.file
          ? `${missing.length} interface ${missing.length === 1 ? 'string is' : 'strings are'} missing for "${lang}" and will show ` +
            `in ${shown}: ${missing.join(', ')}`
          : `No interface strings for "${lang}": menus and notices will show in ${shown}`,
        rule: 'ui-missing',
        hint: own.file
          ? `Add ${missing.length === 1 ? 'this key' : 'these keys'} to the file; the English text is in briefkit's src/i18n/strings.ts.`
          : `Create translations/${lang}/ui.yaml with the keys of briefkit's src/i18n/strings.ts.`,
      };
      if (own.file) warn(own.file, problem);
      else {
        const { file, place } = namedAt(lang);
        warn(file, { ...problem, place });
      }
    }
    const messages = { ...englishStrings, ...fallback, ...own.messages } as UiStrings;
    translators.set(lang, createTranslator(lang, messages, own, siteStrings.byLang.get(lang) ?? { pageTitles: new Map() }));
  }
  return { files, translators };
}

function createTranslator(lang: string, messages: UiStrings, own: LanguageStrings, site: SiteStrings): Translator {
  const formats = new Map<UiKey, IntlMessageFormat>();
  const format = (key: UiKey): IntlMessageFormat => {
    let compiled = formats.get(key);
    if (!compiled) {
      try {
        compiled = compile(messages[key], lang);
      } catch {
        // Reported when the file was read; English keeps the page readable.
        compiled = compile(englishStrings[key], lang);
      }
      formats.set(key, compiled);
    }
    return compiled;
  };
  const t = (key: UiKey, values?: Record<string, string | number>): string => String(format(key).format(values));
  const ui = Object.fromEntries(
    KEYS.map((key) => {
      try {
        return [key, t(key)];
      } catch {
        return [key, messages[key]];
      }
    }),
  ) as Record<UiKey, string>;
  return { lang, dir: direction(lang), t, ui, tags: new Map(Object.entries(own.tags)), regions: new Map(Object.entries(own.regions)), site };
}

/** Read one ui.yaml, reporting unknown keys, non-text values and broken ICU messages at their place. */
function readUiFile(file: VFile, lang: string): Omit<LanguageStrings, 'file'> {
  const source = parseYaml(file, String(file.value));
  const result = { messages: {} as Partial<Record<UiKey, string>>, tags: {} as Record<string, string>, regions: {} as Record<string, string> };
  const data = source.data;
  if (data === undefined || data === null) return result;
  if (typeof data !== 'object' || Array.isArray(data)) {
    error(file, { reason: 'ui.yaml should be "key: text" lines', rule: 'ui-shape', place: source.placeOf([]) });
    return result;
  }
  for (const [key, value] of Object.entries(data)) {
    if ((MAPS as readonly string[]).includes(key)) {
      readMap(file, source, key as (typeof MAPS)[number], value, result);
      continue;
    }
    if (!(KEYS as string[]).includes(key)) {
      const suggestion = closest(key, [...KEYS, ...MAPS]);
      warn(file, {
        reason: `Unknown interface string "${key}"`,
        rule: 'ui-unknown-key',
        place: source.placeOf([key], 'key'),
        hint: suggestion ? `Did you mean "${suggestion}"?` : "The keys are those of briefkit's src/i18n/strings.ts.",
      });
      continue;
    }
    if (typeof value !== 'string') {
      error(file, { reason: `"${key}" should be text`, rule: 'wrong-type', place: source.placeOf([key]) });
      continue;
    }
    if (checkMessage(file, source, key as UiKey, value, lang)) result.messages[key as UiKey] = value;
  }
  return result;
}

function readMap(
  file: VFile,
  source: YamlSource,
  key: (typeof MAPS)[number],
  value: unknown,
  result: { tags: Record<string, string>; regions: Record<string, string> },
): void {
  const into = key === 'tag_names' ? result.tags : result.regions;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    error(file, { reason: `"${key}" should be "name: translation" lines`, rule: 'wrong-type', place: source.placeOf([key]) });
    return;
  }
  for (const [name, translation] of Object.entries(value)) {
    if (typeof translation === 'string') into[name] = translation;
    else error(file, { reason: `"${key} › ${name}" should be text`, rule: 'wrong-type', place: source.placeOf([key, name]) });
  }
}

/** Whether a message is valid ICU and uses only the variables the English one has. */
function checkMessage(file: VFile, source: YamlSource, key: UiKey, value: string, lang: string): boolean {
  let compiled: IntlMessageFormat;
  try {
    compiled = compile(value, lang);
  } catch (reason) {
    const { message } = reason as Error;
    error(file, {
      reason: `"${key}" is not a valid message: ${ICU_PROBLEMS[message] ?? message.toLowerCase().replaceAll('_', ' ')}`,
      rule: 'ui-message',
      place: source.placeOf([key]),
      hint: 'Variables look like {language}; plurals like {count, plural, one {# item} other {# items}}. To show a "{" as text, write \'{\'.',
    });
    return false;
  }
  const tag = /<\/?[a-z][^<>]*>/i.exec(value);
  if (tag) {
    warn(file, {
      reason: `"${key}" contains markup (${tag[0]}): interface strings are plain text, so it shows as typed`,
      rule: 'ui-markup',
      place: placeInValue(source, [key], value, tag.index),
      hint: 'Remove the tag; the templates decide how interface text looks.',
    });
  }
  const allowed = variablesOf(compile(englishStrings[key], 'en').getAst());
  const unknown = [...variablesOf(compiled.getAst())].filter((name) => !allowed.has(name));
  if (unknown.length > 0) {
    error(file, {
      reason: `"${key}" uses ${unknown.map((name) => `{${name}}`).join(', ')}, which briefkit does not provide`,
      rule: 'ui-message',
      place: source.placeOf([key]),
      hint: allowed.size > 0 ? `This message can use: ${[...allowed].map((name) => `{${name}}`).join(', ')}.` : 'This message takes no variables.',
    });
    return false;
  }
  return true;
}

/**
 * An ICU message as plain text: `<b>` is not a tag but the characters "<b>" (a tag would need
 * a function to format it, and would be markup in a page), so no message can make HTML.
 */
function compile(message: string, lang: string): IntlMessageFormat {
  return new IntlMessageFormat(message, lang, undefined, { ignoreTag: true });
}

/** What the ICU parser's error codes mean, for translators. */
const ICU_PROBLEMS: Readonly<Record<string, string>> = {
  EXPECT_ARGUMENT_CLOSING_BRACE: 'a "{" is not closed with "}"',
  EMPTY_ARGUMENT: '"{}" needs a variable name inside',
  MALFORMED_ARGUMENT: 'a "{…}" does not hold a variable name',
  UNMATCHED_CLOSING_BRACE: 'a "}" closes nothing',
  MISSING_OTHER_CLAUSE: 'a plural or select needs an "other {…}" case',
  INVALID_ARGUMENT_TYPE: 'a "{name, type}" has a type ICU does not know (plural, select, number, date, time)',
};

/** The place of a character of a one-line text value, when the file holds it as written (else the value's start). */
function placeInValue(source: YamlSource, path: readonly string[], value: string, index: number) {
  const place = source.placeOf(path);
  const raw = source.sourceOf(path);
  const shift = raw === value ? 0 : raw !== undefined && raw.slice(1, -1) === value && /^["']/.test(raw) ? 1 : undefined;
  if (shift === undefined || value.includes('\n')) return place;
  const column = place.start.column + shift + index;
  return {
    start: { line: place.start.line, column, offset: place.start.offset === undefined ? undefined : place.start.offset + shift + index } as {
      line: number;
      column: number;
      offset?: number;
    },
  };
}

function variablesOf(ast: unknown): Set<string> {
  const names = new Set<string>();
  const walk = (nodes: unknown): void => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as { type: number; value?: unknown; options?: Record<string, { value: unknown }>; children?: unknown }[]) {
      if (node.type >= 1 && node.type <= 6 && typeof node.value === 'string') names.add(node.value);
      if (node.options) for (const option of Object.values(node.options)) walk(option.value);
      if (node.children) walk(node.children);
    }
  };
  walk(ast);
  return names;
}
