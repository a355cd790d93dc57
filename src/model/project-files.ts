/** Why briefkit refuses a path of the project: a link out of it, a dangling link, or not a file. */
export interface Refusal {
  readonly reason: string;
  readonly rule: 'symlink-outside' | 'symlink-dangling' | 'symlink-loop' | 'not-a-file';
  readonly hint: string;
}

/**
 * Files a page may link to, by path relative to its content folder: the real path of a file
 * inside the project, or why a link there is refused (reported where a page uses it).
 */
export type ProjectFiles = ReadonlyMap<string, string | Refusal>;
