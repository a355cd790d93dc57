import { join } from 'node:path';
import { VFile } from 'vfile';
import { readProjectText } from '../project/read.js';
import { parseYaml } from '../yaml/parse.js';
import type { YamlSource } from '../yaml/parse.js';
import { salvage } from '../yaml/salvage.js';
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
  if (source.data === undefined) return { config: salvage(configSchema, source.recovered) ?? defaults, file, yaml: source };
  numbersAsText(source);
  const config = validate(file, source, configSchema, { what: CONFIG_NAME, knownKeys: configKeys });
  // What is valid is used, so the languages, translations and variables it names are still checked.
  return { config: config ?? salvage(configSchema, source.data) ?? defaults, file, yaml: source };
}
