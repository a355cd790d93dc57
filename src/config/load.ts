import { join } from 'node:path';
import { VFile } from 'vfile';
import { z } from 'zod';
import { readProjectText } from '../project/read.js';
import { parseYaml } from '../yaml/parse.js';
import type { YamlSource } from '../yaml/parse.js';
import { validate } from '../yaml/validate.js';
import { numbersAsText } from '../countries/profile.js';
import { configKeys, configSchema } from './schema.js';
import type { Config } from './schema.js';

/** The config file's name in a project root. */
export const CONFIG_NAME = 'briefkit.config.yaml';

/** The config and the file it came from (which carries its messages). */
export interface LoadedConfig {
  readonly config: Config;
  readonly file: VFile;
  /** Positions of the config values, for messages about them made later. */
  readonly yaml?: YamlSource | undefined;
}

/**
 * Read and validate `briefkit.config.yaml`. A project without one builds with the defaults;
 * an invalid one reports each problem at its line and column, and the build goes on with the
 * settings that are valid (defaults for the rest), so that the content is still checked.
 */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const path = join(root, CONFIG_NAME);
  const read = await readProjectText(root, CONFIG_NAME);
  const file = read ?? new VFile({ path, value: '', cwd: root });
  const text = read?.data.unreadable ? undefined : read?.value.toString();
  const defaults = configSchema.parse({});
  if (text === undefined) return { config: defaults, file };
  const source = parseYaml(file, text);
  // A syntax error still leaves the settings around it readable: use the valid ones.
  if (source.data === undefined) return { config: salvage(source.recovered), file, yaml: source };
  numbersAsText(source);
  const config = validate(file, source, configSchema, { what: CONFIG_NAME, knownKeys: configKeys });
  return { config: config ?? salvage(source.data), file, yaml: source };
}

/**
 * What can be used of an invalid config (its errors are reported already): every setting
 * that is valid on its own, and the valid items of a list or entries of a map, so that the
 * languages, translations and variables it names are still checked in the same run.
 */
function salvage(data: unknown): Config {
  const kept: Record<string, unknown> = {};
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const [key, schema] of Object.entries(configSchema.shape) as [string, z.ZodType][]) {
      if (!Object.hasOwn(data, key)) continue;
      const value = keepValid(schema, (data as Record<string, unknown>)[key]);
      if (schema.safeParse(value).success) kept[key] = value;
    }
  }
  return configSchema.parse(kept);
}

function keepValid(schema: z.ZodType, value: unknown): unknown {
  const inner = schema instanceof z.ZodDefault || schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
  if (inner instanceof z.ZodArray && Array.isArray(value)) return value.filter((item) => (inner.element as z.ZodType).safeParse(item).success);
  if (inner instanceof z.ZodRecord && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.fromEntries(Object.entries(value).filter(([name, item]) => inner.safeParse({ [name]: item }).success));
  }
  return value;
}
