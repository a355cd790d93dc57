import { loadFonts } from '../assets/fonts.js';
import { loadConfig } from '../config/load.js';
import { loadProfiles } from '../countries/profile.js';
import { register } from '../pipeline.js';
import type { Stage } from '../pipeline.js';
import { loadReferences } from '../references/library.js';
import { loadTemplates } from '../templates/load.js';
import { readSources } from './read-sources.js';

/** `briefkit.config.yaml` (or the defaults), checked against its schema. */
export const readConfig: Stage = async (site) => {
  const config = await loadConfig(site.options.root);
  return { ...site, config, inputs: register(site, [config.file]) };
};

/** Every Markdown file under `briefings/`, and the files its links may use. */
export const readContent: Stage = async (site) => {
  const sources = await readSources(site.options.root);
  return { ...site, sources, inputs: register(site, sources.markdown) };
};

/** `briefings/references.yaml`, and the `.bib`, `.ris` and CSL-JSON `.json` files beside it. */
export const readReferences: Stage = async (site) => {
  const references = await loadReferences(site.options.root);
  return { ...site, references, inputs: register(site, references.files) };
};

/** briefkit's templates, overridden by the project's `templates/`. */
export const readTemplates: Stage = async (site) => {
  const templates = await loadTemplates(site.options.root);
  return { ...site, templates, inputs: register(site, [...templates.templates.values(), ...templates.refused]) };
};

/** The fonts the site and PDFs ship; a damaged font file is an error on it. */
export const readFonts: Stage = async (site) => {
  const fonts = await loadFonts();
  return { ...site, fonts, inputs: register(site, fonts.damaged) };
};

/** `countries/<code>.yaml`. */
export const readProfiles: Stage = async (site) => {
  const { profiles, files, invalid } = await loadProfiles(site.options.root);
  return { ...site, profiles: { profiles, invalid }, inputs: register(site, files) };
};
