import { join } from 'node:path';
import type { VFile } from 'vfile';
import { listProjectFiles } from '../project/list.js';
import { readListedText } from '../project/read.js';
import { z } from 'zod';
import { error } from '../messages.js';
import { parseYaml } from '../yaml/parse.js';
import type { Organisation } from '../model/edition.js';
import type { YamlSource } from '../model/yaml-source.js';
import { hinted, linkUrl } from '../yaml/url.js';
import { salvage } from '../yaml/salvage.js';
import { validate } from '../yaml/validate.js';
import type { SameShape } from '../yaml/same-shape.js';
import { isCountryCode } from './iso.js';

/** The folder of a project that holds country profiles and their overrides. */
export const COUNTRIES_DIR = 'countries';

/** A variable's name: lower-case letters, digits and underscores, starting with a letter. */
export const VARIABLE_NAME = /^[a-z][a-z0-9_]*$/;

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'is not a language code such as uk, en or ar' });

/**
 * The longest value a variable may have: a number, a name, a sentence or two. Each use copies
 * it into the page, so a value of 900 KB used 1,000 times ran out of memory (issue 27).
 */
export const MAX_VARIABLE_LENGTH = 2000;

// A blank value would print as nothing ("Call  in an emergency"): it must be filled in.
const filledText = z.string().superRefine((value, context) => {
  if (value.trim() === '') {
    context.addIssue(
      hinted(
        'is empty: pages of this edition would print nothing in its place',
        'Fill in the value between the quotes (e.g. emergency_number: "103"), or remove the line if no page uses it.',
      ),
    );
  } else if (value.length > MAX_VARIABLE_LENGTH) {
    context.addIssue(
      hinted(
        `is ${value.length.toLocaleString('en')} characters long, more than a variable may hold (${MAX_VARIABLE_LENGTH.toLocaleString('en')})`,
        'A variable holds a number, a name or a short phrase; put longer text in the page itself, or in a country block (:::only{country="…"}).',
      ),
    );
  }
});

/** A variable's value: the same text in every language, or one text per language. */
export const variableValue = z.preprocess(
  // `name:` with nothing after it is YAML's null: the same mistake as `name: ""`.
  (value) => (value === null ? '' : value),
  z.union([filledText, z.record(languageCode, filledText)], {
    error: 'is text, or one text per language (uk: "…", en: "…")',
  }),
);

/** Variables by name. */
export const variablesSchema = z.record(z.string().regex(VARIABLE_NAME, { error: 'use lower-case letters, digits and _ in variable names' }), variableValue);

/** `countries/<code>.yaml`: what a country edition changes. */
export const profileSchema = z.strictObject({
  name: z.string().describe("The country's name, as the edition shows it (e.g. Ukraine)."),
  languages: z
    .array(languageCode)
    .min(1, { error: "needs at least one language; the first is the edition's default" })
    .optional()
    .describe("The edition's languages; the first is its default (default: the site's languages)."),
  paper: z.enum(['A4', 'Letter'], { error: 'is A4 or Letter' }).optional().describe("The paper size of the edition's PDFs (default: the site's)."),
  variables: variablesSchema
    .default({})
    .describe('Values of `{{variables}}` in this edition: one text, or one text per language (uk: …, en: …). None may be empty.'),
  facts_may_differ: z
    .array(z.union([z.string(), z.number()]).transform(String))
    .default([])
    .describe(
      "Facts of the original this edition's overrides may change or leave out without a message: numbers, doses or product names, e.g. [112, Prenoxad].",
    ),
  organisation: z
    .strictObject({
      name: z.string().describe("The organisation's name."),
      logo: z.string().optional().describe('A picture file in the project, e.g. branding/ua-logo.svg.'),
      url: linkUrl.optional().describe('Its website.'),
      contact: z.string().optional().describe('How to reach it, e.g. an e-mail address.'),
    })
    .optional()
    .describe("The organisation that publishes this edition: its name and logo replace the site's on pages and PDFs."),
});

// An edition's organisation (the model's) is what a profile gives, key for key.
true satisfies SameShape<NonNullable<z.output<typeof profileSchema>['organisation']>, Organisation>;

/** A validated country profile. */
export interface CountryProfile extends z.infer<typeof profileSchema> {
  /** ISO 3166-1 alpha-2, lower case (from the file name). */
  readonly code: string;
  readonly file: VFile;
  readonly yaml: YamlSource;
}

/**
 * Read every `countries/<code>.yaml`. A file whose name is not an ISO 3166-1 alpha-2 code,
 * or whose content is not a valid profile, is reported at its position and left out.
 */
export async function loadProfiles(root: string): Promise<{ profiles: CountryProfile[]; files: VFile[]; invalid: Set<string> }> {
  const base = join(root, COUNTRIES_DIR);
  const listing = await listProjectFiles(root, COUNTRIES_DIR, { recursive: false, report: (name) => /\.ya?ml$/.test(name) });
  const names = [...listing.files.keys()].filter((name) => /\.ya?ml$/.test(name));
  const profiles: CountryProfile[] = [];
  const files: VFile[] = [...listing.problems];
  const invalid = new Set<string>();
  for (const name of names) {
    const path = join(base, name);
    const file = await readListedText(root, path, listing.files.get(name)!);
    files.push(file);
    const code = name.replace(/\.ya?ml$/, '');
    if (file.data.unreadable) {
      invalid.add(code);
      continue;
    }
    if (!/^[a-z]{2}$/.test(code) || !isCountryCode(code)) {
      error(file, {
        reason: `"${name}" is not named after a country: use its ISO 3166-1 code in lower case, e.g. ua.yaml`,
        rule: 'country-code',
        place: { line: 1, column: 1 },
      });
      continue;
    }
    const yaml = parseYaml(file, String(file.value));
    numbersAsText(yaml);
    // With its errors reported, what is valid of it still makes the edition, so that the
    // rest of the file, and the pages in that edition, are checked in the same run.
    const profile =
      yaml.data === undefined
        ? undefined
        : (validate(file, yaml, profileSchema, { what: name, knownKeys: Object.keys(profileSchema.shape) }) ?? salvage(profileSchema, yaml.data));
    if (profile) profiles.push({ ...profile, code, file, yaml });
    else invalid.add(code);
  }
  return { profiles, files, invalid };
}

/**
 * YAML reads `emergency_number: 103` as a number; a variable is text, exactly as written
 * (so "0800 123" or "03" keep their form).
 */
export function numbersAsText(yaml: YamlSource, at: readonly string[] = ['variables']): void {
  const data = yaml.data as Record<string, unknown> | undefined;
  let variables: unknown = data;
  for (const key of at) variables = (variables as Record<string, unknown> | undefined)?.[key];
  if (!variables || typeof variables !== 'object') return;
  const record = variables as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    if (typeof value === 'number') record[name] = yaml.sourceOf([...at, name]) ?? String(value);
    else if (value && typeof value === 'object') {
      for (const [lang, text] of Object.entries(value)) {
        if (typeof text === 'number') (value as Record<string, unknown>)[lang] = yaml.sourceOf([...at, name, lang]) ?? String(text);
      }
    }
  }
}
