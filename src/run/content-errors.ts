import { isPrintProblem } from '../pdf/print-problems.js';
import type { ProjectText } from './types.js';
import type { Project } from './types.js';

/**
 * Whether any input or the run itself has an error (other than a PDF that would not print):
 * then nothing is rendered or printed. Templates are left out here: a template's syntax error
 * stops the write, but the pages are still rendered so every other template's problems are
 * found in the same run.
 */
export function contentHasErrors(project: ProjectText & Partial<Pick<Project, 'templates'>>): boolean {
  const templates = new Set([...(project.templates?.templates.values() ?? []), ...(project.templates?.refused ?? [])]);
  return [...project.inputs.filter((file) => !templates.has(file)), project.run].some((file) =>
    file.messages.some((message) => message.fatal === true && !isPrintProblem(message)),
  );
}
