import { isAbsolute, join, relative, resolve } from 'node:path';
import { VFile } from 'vfile';
import { error } from '../messages.js';
import { readProjectText } from '../project/read.js';
import { parseYaml } from '../yaml/parse.js';
import type { YamlSource } from '../model/yaml-source.js';
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
  return { config: checkBrowser(root, config ?? salvage(configSchema, source.data) ?? defaults, file, source), file, yaml: source };
}

/**
 * The `browser:` setting names a program briefkit runs. A project is often someone else's
 * (a briefing adapted from another country's), so it may not name a program inside the
 * project, which would run whatever the project ships: only a browser installed on this
 * machine, by its full path. Reported at the setting, and left out.
 */
function checkBrowser(root: string, config: Config, file: VFile, source: YamlSource): Config {
  if (config.browser === undefined) return config;
  const inside = relative(root, resolve(root, config.browser));
  const problem = !isAbsolute(config.browser)
    ? `"browser" must be the full path of a browser installed on this machine, not "${config.browser}"`
    : inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))
      ? `"browser" names a program inside the project; briefkit runs only a browser installed on this machine`
      : undefined;
  if (!problem) return config;
  error(file, {
    reason: problem,
    rule: 'browser-setting',
    place: source.placeOf(['browser']),
    hint:
      'For example: browser: C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe, or browser: /usr/bin/chromium. Without the setting, ' +
      'briefkit finds Chrome, Chromium, Edge or Brave by itself.',
  });
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the setting is taken out, and the rest returned
  const { browser: _, ...rest } = config;
  return rest;
}
