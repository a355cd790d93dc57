import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { parseYaml } from '../yaml/parse.js';
import type { YamlSource } from '../yaml/parse.js';
import { validate } from '../yaml/validate.js';
import { numbersAsText } from '../countries/profile.js';
import { configKeys, configSchema } from './schema.js';
import type { Config } from './schema.js';
import { withPath } from '../fs/explain-error.js';

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
 * an invalid one reports each problem at its line and column and falls back to the defaults
 * so that the content is still checked.
 */
export async function loadConfig(root: string): Promise<LoadedConfig> {
  const path = join(root, CONFIG_NAME);
  const text = await readFile(path, 'utf8').catch((reason: NodeJS.ErrnoException) => {
    if (reason.code === 'ENOENT') return undefined;
    throw withPath(reason, path);
  });
  const file = new VFile({ path, value: text ?? '', cwd: root });
  const defaults = configSchema.parse({});
  if (text === undefined) return { config: defaults, file };
  const source = parseYaml(file, text);
  if (source.data === undefined) return { config: defaults, file, yaml: source };
  numbersAsText(source);
  const config = validate(file, source, configSchema, { what: CONFIG_NAME, knownKeys: configKeys });
  return { config: config ?? defaults, file, yaml: source };
}
