import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { error } from '../messages.js';
import type { Problem } from '../messages.js';

/**
 * The messages printing reported: they fail the build, but do not stop the website being
 * written. On their own, so a build that prints nothing never loads the browser's library.
 */
const printProblems = new WeakSet<VFileMessage>();

/** Whether a message is a problem with printing a PDF (or starting the browser), not with content. */
export function isPrintProblem(message: VFileMessage): boolean {
  return printProblems.has(message);
}

/** Report a problem with printing on a file. */
export function reportPrintProblem(file: VFile, problem: Problem): void {
  printProblems.add(error(file, problem));
}
