/**
 * The generated reference pages of the documentation site (issue 30, item 6):
 * the command-line reference from the commands' own `--help` texts, and the configuration
 * reference from the zod schemas that validate briefkit.config.yaml, country profiles and
 * front matter. `npm run docs:reference` (scripts/docs-reference.ts) writes them; a test
 * (test/docs/reference.test.ts) fails while the committed pages are out of date.
 */
import { z } from 'zod';
import { browserCacheDir } from '../src/browser/installed-browser.js';
import { COMMAND_NAMES, commandHelp, help } from '../src/cli.js';
import { configSchema } from '../src/config/schema.js';
import { commonSchema } from '../src/content-types/common-schema.js';
import { CONTENT_TYPES } from '../src/content-types/index.js';
import { profileSchema } from '../src/countries/profile.js';

/** Where the generated pages go, relative to the repository. */
export const REFERENCE_DIR = 'docs/briefings/reference';

const GENERATED = (source: string) => `*This page is generated from ${source} by \`npm run docs:reference\`: change those, not this page.*\n`;

/** The generated pages, by path relative to the repository. */
export async function referencePages(): Promise<Record<string, string>> {
  return { [`${REFERENCE_DIR}/cli.md`]: await cliPage(), [`${REFERENCE_DIR}/configuration.md`]: configurationPage() };
}

async function cliPage(): Promise<string> {
  // The help of `briefkit browser` names this machine's cache folder: the page names it in general.
  const cache = browserCacheDir();
  const sections = await Promise.all(
    COMMAND_NAMES.map(async (name) => `## briefkit ${name}\n\n${codeBlock((await commandHelp(name)).replaceAll(cache, 'your cache folder'))}`),
  );
  return `---
title: Command-line reference
menu_title: Commands
summary: Every briefkit command and option, as briefkit <command> --help prints it.
order: 1
---

${GENERATED('the help texts in `src/cli.ts` and `src/commands/`')}
How the commands report problems, exit codes, the output folder and the cache are on
[How the commands behave](command-line.md).

## briefkit

${codeBlock((await help()).replace(/^briefkit \S+:/, 'briefkit:'))}

${sections.join('\n\n')}
`;
}

function configurationPage(): string {
  const types = CONTENT_TYPES.map((type) => {
    const own = Object.fromEntries(Object.entries(properties(type.schema)).filter(([key]) => !(key in commonSchema.shape)));
    const table =
      Object.keys(own).length > 0
        ? keyTable(`The front matter of a ${type.label}, besides that of every page`, own, required(type.schema))
        : 'No keys besides those every page has.';
    return `### ${capitalise(type.label)}: \`${type.where}\`\n\n${table}`;
  });
  return `---
title: Configuration reference
menu_title: Configuration
summary: Every key of briefkit.config.yaml, of a country profile and of each kind of page's front matter.
order: 2
---

${GENERATED('the schemas in `src/config/schema.ts`, `src/countries/profile.ts` and `src/content-types/`')}
Every file is YAML 1.2. A key that is not allowed, a value of the wrong kind and a missing
required key are errors at their line and column.

## briefkit.config.yaml

At the top of the project. Every key is optional; a project with only a \`briefings/\`
folder builds with the defaults. ${otherKeys(configSchema)}

${keyTable('The keys of briefkit.config.yaml', properties(configSchema), required(configSchema))}

## Country profile: countries/\\<code\\>.yaml

One file per country edition, named by its ISO 3166-1 code in lower case (\`countries/ua.yaml\`).
${otherKeys(profileSchema)}

${keyTable('The keys of a country profile', properties(profileSchema), required(profileSchema))}

## Front matter

The YAML between the two \`---\` lines at the top of a page. ${otherKeys(commonSchema)}

### Every page

${keyTable('The front matter of every page', properties(commonSchema), required(commonSchema))}

${types.join('\n\n')}
`;
}

/** The JSON Schema of a zod schema as its files are written (before defaults and transforms). */
interface JsonSchema {
  readonly type?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly anyOf?: readonly JsonSchema[];
  readonly items?: JsonSchema;
  readonly properties?: Record<string, JsonSchema>;
  readonly required?: readonly string[];
  readonly additionalProperties?: JsonSchema | boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
}

const json = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
const properties = (schema: z.ZodType) => json(schema).properties ?? {};
const required = (schema: z.ZodType) => new Set(json(schema).required ?? []);
const otherKeys = (schema: z.ZodType) =>
  json(schema).additionalProperties === false
    ? 'Any other key is an error, with the nearest known key as a hint.'
    : 'Other keys are kept, for templates (`page.data.<key>`); a misspelt known key gets a "did you mean" warning.';

/** A table of keys; a mapping with keys of its own adds a row for each (`organisation.name`). */
function keyTable(caption: string, props: Record<string, JsonSchema>, needed: ReadonlySet<string>): string {
  const rows = Object.entries(props).flatMap(([key, schema]) => keyRows(key, schema, needed.has(key)));
  return [`Table: ${caption}`, '', '| key | value | default | what it is |', '|---|---|---|---|', ...rows].join('\n');
}

function keyRows(key: string, schema: JsonSchema, isRequired: boolean): string[] {
  const shownDefault = isRequired ? '(required)' : schema.default === undefined ? '' : `\`${yaml(schema.default)}\``;
  const own = `| \`${key}\` | ${kind(schema)} | ${shownDefault} | ${cell(schema.description ?? '')} |`;
  const nested = objectIn(schema);
  if (!nested?.properties) return [own];
  const prefix = nested === objectIn(schema, false) ? `${key}.` : `${key}[].`;
  const needed = new Set(nested.required ?? []);
  return [own, ...Object.entries(nested.properties).flatMap(([inner, value]) => keyRows(`${prefix}${inner}`, value, needed.has(inner)))];
}

/** The mapping with keys of its own that a value is (or, with `inLists`, holds a list of). */
function objectIn(schema: JsonSchema, inLists = true): JsonSchema | undefined {
  if (schema.type === 'object' && schema.properties) return schema;
  for (const option of [...(schema.anyOf ?? []), ...(inLists && schema.items ? [schema.items] : [])]) {
    const found = objectIn(option, inLists);
    if (found) return found;
  }
  return undefined;
}

/** What a value is, in words: "text", "list of text", "A4 or Letter". */
function kind(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((value) => `\`${String(value)}\``).join(' or ');
  if (schema.anyOf) return [...new Set(schema.anyOf.map(kind))].join(', or ');
  switch (schema.type) {
    case 'string':
      return 'text';
    case 'boolean':
      return '`true` or `false`';
    case 'number':
      return 'number';
    case 'integer':
      return schema.minimum !== undefined && schema.maximum !== undefined ? `whole number, ${schema.minimum}–${schema.maximum}` : 'whole number';
    case 'array':
      return `list of ${schema.items ? grouped(kind(schema.items)) : 'values'}${schema.minItems ? ` (at least ${schema.minItems})` : ''}`;
    case 'object':
      if (schema.properties) return 'mapping (below)';
      return typeof schema.additionalProperties === 'object' ? `mapping of names to ${grouped(kind(schema.additionalProperties))}` : 'mapping';
    default:
      return 'any';
  }
}

const grouped = (text: string) => (text.includes(', or ') ? `(${text})` : text);
const yaml = (value: unknown): string =>
  Array.isArray(value) ? `[${value.map(yaml).join(', ')}]` : typeof value === 'object' && value !== null ? '{}' : String(value);
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const codeBlock = (text: string) => `\`\`\`text\n${text}\n\`\`\``;
