import { readFile } from 'node:fs/promises';
import type { VFile } from 'vfile';
import { shownPath } from '../paths/project-path.js';
import { addresses } from '../run/update.js';
import type { Run } from '../run/types.js';

/** A problem as the browser overlay shows it. */
export interface ShownProblem {
  readonly where: string;
  readonly severity: 'error' | 'warning';
  readonly reason: string;
  readonly hint: string | undefined;
  /** The line of the file the problem is on, as written. */
  readonly line: string | undefined;
  /** The addresses of the pages it affects (`en/case-studies/a/index.html`); undefined: every page. */
  readonly pages: readonly string[] | undefined;
}

/** The errors of a failed build, each with the line it is on and the pages it affects (`pagesOf`). */
export async function shownProblems(files: readonly VFile[], root: string, pagesOf: (file: VFile) => readonly string[] | undefined): Promise<ShownProblem[]> {
  const problems: ShownProblem[] = [];
  for (const file of files) {
    const errors = file.messages.filter((message) => message.fatal === true);
    if (errors.length === 0) continue;
    const lines = await readFile(file.path, 'utf8').then(
      (text) => text.split(/\r?\n/),
      () => [] as string[],
    );
    const path = shownPath(root, file.path);
    const pages = pagesOf(file);
    for (const message of errors) {
      problems.push({
        where: message.line ? `${path}:${message.line}:${message.column ?? 1}` : path,
        severity: 'error',
        reason: message.reason,
        hint: message.note,
        line: message.line ? lines[message.line - 1] : undefined,
        pages,
      });
    }
  }
  return problems;
}

/**
 * The pages a file makes in a run: a page's, a translation's or an override's file gives that
 * page in every language and edition. Undefined for any other file (the config, a template,
 * a new file): its problems concern every page.
 */
export function pagesOfFile({ project, made }: Run, file: VFile): readonly string[] | undefined {
  const sourcePath =
    project.pages.find((page) => page.file.path === file.path)?.sourcePath ??
    project.translations.translations.find((translation) => translation.file.path === file.path)?.sourcePath ??
    project.overrides.find((override) => override.file.path === file.path)?.page.sourcePath;
  return sourcePath === undefined ? undefined : addresses(made, new Set([sourcePath]));
}
