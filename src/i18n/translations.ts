import { join } from 'node:path';
import type { VFile } from 'vfile';
import { linkableFiles, listProjectFiles } from '../project/list.js';
import type { ProjectFiles } from '../model/project-files.js';
import { readListedText } from '../project/read.js';
import { z } from 'zod';
import { readFrontMatter } from '../content/front-matter.js';
import { contentType } from '../content-types/index.js';
import { warn } from '../messages.js';
import { closest } from '../text/closest.js';
import { validate } from '../yaml/validate.js';
import type { YamlSource } from '../model/yaml-source.js';
import type { Translation } from '../model/translation.js';
import type { YamlMemo } from '../yaml/yaml-memo.js';

/** The folder of a project that holds translations, one folder per language. */
export const TRANSLATIONS_DIR = 'translations';

/** Front matter keys that always come from the original, never from a translation. */
const FROM_ORIGINAL = ['slug', 'country', 'year', 'date', 'version', 'case_studies', 'briefings', 'tags', 'authors', 'order'];

/** What a translation's front matter may say. */
export const translationSchema = z.looseObject({
  title: z.string().optional(),
  summary: z.string().optional(),
  source_hash: z
    .string()
    .regex(/^[0-9a-f]{8}$/, { error: 'is written by "briefkit i18n stamp"; remove it and stamp again' })
    .optional(),
  source_sections: z.record(z.string(), z.string()).optional(),
  /** What `i18n apply` wrote of each section (a key of its text), to tell a correction made since by hand. */
  applied_sections: z.record(z.string(), z.string()).optional(),
});

const schemas = new Map<string, typeof translationSchema>();

/** A translation of a page of this type: title, summary and its type's translatable fields, checked as in the original. */
function schemaFor(kind: string): typeof translationSchema {
  let schema = schemas.get(kind);
  if (!schema) {
    const type = contentType(kind);
    // Without the original's defaults: a key the translation leaves out comes from the original.
    const fields = Object.fromEntries((type?.translatable ?? []).map((key) => [key, withoutDefault(type!.schema.shape[key] as z.ZodType).optional()]));
    schema = translationSchema.extend(fields) as unknown as typeof translationSchema;
    schemas.set(kind, schema);
  }
  return schema;
}

/**
 * Warn at each front matter key a translation sets to no effect: one the original's type
 * defines but a translation cannot change, and one that looks like a misspelt known key
 * (`organization`, `sumary`). Other keys of the translator's own are kept for templates.
 */
function checkKeys(file: VFile, yaml: YamlSource | undefined, data: Readonly<Record<string, unknown>>, kind: string, lang: string, path: string): void {
  const type = contentType(kind);
  const own = ['title', 'summary', ...(type?.translatable ?? [])];
  const stamp = Object.keys(translationSchema.shape);
  const fromOriginal = [...new Set([...FROM_ORIGINAL, ...Object.keys(type?.schema.shape ?? {})])].filter((key) => !own.includes(key) && !stamp.includes(key));
  const sets = `A translation sets ${list(own)} in its own language`;
  for (const key of Object.keys(data)) {
    if (own.includes(key) || stamp.includes(key)) continue;
    if (key === 'lang') {
      warn(file, {
        reason: 'A translation\'s language is its folder; "lang" is ignored',
        rule: 'translation-key-ignored',
        place: yaml?.placeOf([key], 'key'),
        hint: `Remove "lang:": this file translates into ${lang} because it is in ${TRANSLATIONS_DIR}/${lang}/.`,
      });
    } else if (fromOriginal.includes(key)) {
      warn(file, {
        reason: `"${key}" is taken from the original (briefings/${path}); the translation's value is ignored`,
        rule: 'translation-key-ignored',
        place: yaml?.placeOf([key], 'key'),
        hint: `${sets}; the rest comes from the original. Remove "${key}:" here, or change it in briefings/${path}.`,
      });
    } else {
      const suggestion = closest(key, [...own, ...fromOriginal]);
      if (suggestion === undefined) continue;
      warn(file, {
        reason: `Unknown key "${key}" in a translation's front matter`,
        rule: 'translation-key-unknown',
        place: yaml?.placeOf([key], 'key'),
        hint: `Did you mean "${suggestion}"? ${sets}. (A key of your own is fine: templates get it as data.${key}.)`,
      });
    }
  }
}

function list(keys: readonly string[]): string {
  return keys.length === 1 ? keys[0]! : `${keys.slice(0, -1).join(', ')} and ${keys.at(-1)}`;
}

function withoutDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

/** Every translation file, and every other file in the translation folders (localised images). */
export interface TranslationSources {
  readonly translations: readonly Translation[];
  /** Every translation file read, including those not used (their problems are reported). */
  readonly read: readonly VFile[];
  /** Files by language: path relative to `translations/<lang>/` → real path, or why a link there is refused. */
  readonly files: ReadonlyMap<string, ProjectFiles>;
}

/**
 * Read the translations of every language but the source one. A translation of a file that
 * does not exist in `briefings/` is reported; keys that belong to the original are ignored
 * with a warning.
 */
export async function readTranslations(
  root: string,
  languages: readonly string[],
  kinds: ReadonlyMap<string, string>,
  memo?: YamlMemo,
): Promise<TranslationSources> {
  const translations: Translation[] = [];
  const read: VFile[] = [];
  const files = new Map<string, ProjectFiles>();
  for (const lang of languages.slice(1)) {
    const listing = await listProjectFiles(root, join(TRANSLATIONS_DIR, lang), { report: (path) => path.endsWith('.md') });
    files.set(lang, linkableFiles(listing));
    read.push(...listing.problems);
    for (const [path, real] of [...listing.files].filter(([candidate]) => candidate.endsWith('.md'))) {
      const { file, translation } = await readTranslation(root, lang, path, real, kinds, memo);
      read.push(file);
      if (translation) translations.push(translation);
    }
  }
  return { translations, read, files };
}

/**
 * Read one translation file (`path` under `translations/<lang>/`, `real` where it really is):
 * the file with its problems, and the translation unless it cannot be used (unreadable, or
 * no original to translate). `kinds` gives each original's content type by its path.
 */
export async function readTranslation(
  root: string,
  lang: string,
  path: string,
  real: string,
  kinds: ReadonlyMap<string, string>,
  memo?: YamlMemo,
): Promise<{ file: VFile; translation?: Translation }> {
  const file = await readListedText(root, join(root, TRANSLATIONS_DIR, lang, path), real, { sourcePath: path });
  if (file.data.unreadable) return { file };
  const { data, yaml, body } = readFrontMatter(file, memo);
  file.value = body;
  if (!kinds.has(path)) {
    const suggestion = closest(path, [...kinds.keys()]);
    warn(file, {
      reason: `There is no briefings/${path} for this translation to translate`,
      rule: 'translation-orphan',
      place: { line: 1, column: 1 },
      hint: suggestion
        ? `Did you mean translations/${lang}/${suggestion}?`
        : 'A translation has the same path under translations/<lang>/ as its original under briefings/.',
    });
    return { file };
  }
  return { file, translation: parsedTranslation(file, { data, yaml }, lang, path, kinds.get(path)!) };
}

/** A translation of a page of type `kind` from its file's front matter, its keys checked (the file holds its body). */
export function parsedTranslation(
  file: VFile,
  { data, yaml }: { readonly data: Record<string, unknown>; readonly yaml: YamlSource | undefined },
  lang: string,
  sourcePath: string,
  kind: string,
): Translation {
  checkKeys(file, yaml, data, kind, lang, sourcePath);
  const meta = yaml && yaml.data !== undefined ? validate(file, yaml, schemaFor(kind), { what: 'front matter' }) : {};
  return { lang, sourcePath, file, meta: meta ?? {}, yaml };
}
