import { loadFonts } from '../assets/fonts.js';
import type { Fonts } from '../assets/fonts.js';
import { loadConfig } from '../config/load.js';
import type { LoadedConfig } from '../config/load.js';
import { loadProfiles } from '../countries/profile.js';
import { checkOutputDir } from '../fs/check-output-dir.js';
import { error } from '../messages.js';
import type { Sources } from '../model/sources.js';
import { loadReferences } from '../references/library.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { Profiles } from '../run/types.js';
import { loadTemplates } from '../templates/load.js';
import type { TemplateFiles } from '../templates/load.js';
import type { VFile } from 'vfile';
import { readSources } from './read-sources.js';

/** What was read, and the files it was read from (each carries its problems). */
export interface Read<T> {
  readonly value: T;
  readonly files: readonly VFile[];
}

/** Whether the output folder may be used: checked first, before anything is rendered or printed. */
export async function checkOutput(root: string, outDir: string, run: VFile): Promise<void> {
  const refusal = await checkOutputDir(root, outDir);
  if (refusal) error(run, { reason: refusal, rule: 'output-folder', hint: 'Choose another folder with --out.' });
}

/** `briefkit.config.yaml` (or the defaults), checked against its schema. */
export async function readConfig(root: string): Promise<Read<LoadedConfig>> {
  const config = await loadConfig(root);
  return { value: config, files: [config.file] };
}

/** Every Markdown file under `briefings/`, and the files its links may use. */
export async function readContent(root: string): Promise<Read<Sources>> {
  const sources = await readSources(root);
  return { value: sources, files: sources.markdown };
}

/** `briefings/references.yaml`, and the `.bib`, `.ris` and CSL-JSON `.json` files beside it. */
export async function readReferences(root: string): Promise<Read<ReferenceLibrary>> {
  const references = await loadReferences(root);
  return { value: references, files: references.files };
}

/** briefkit's templates, overridden by the project's `templates/`. */
export async function readTemplates(root: string): Promise<Read<TemplateFiles>> {
  const templates = await loadTemplates(root);
  return { value: templates, files: [...templates.templates.values(), ...templates.refused] };
}

/** The fonts the site and PDFs ship; a damaged font file is an error on it. */
export async function readFonts(): Promise<Read<Fonts>> {
  const fonts = await loadFonts();
  return { value: fonts, files: fonts.damaged };
}

/** `countries/<code>.yaml`. */
export async function readProfiles(root: string): Promise<Read<Profiles>> {
  const { profiles, files, invalid } = await loadProfiles(root);
  return { value: { profiles, invalid }, files };
}
