import { projectTranslations } from '../i18n/project-state.js';
import type { ProjectTranslations } from '../i18n/project-state.js';
import { readProjectText } from '../run/read.js';
import { parseFiles } from '../stages/make-editions.js';

/** Read the originals and translations of a project (every language and country), as the `i18n` commands and `new country` see them. */
export async function readProjectTranslations(root: string): Promise<ProjectTranslations> {
  const text = await readProjectText({ root, outDir: root });
  return projectTranslations(text, parseFiles(text));
}
