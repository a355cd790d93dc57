import type { VFile } from 'vfile';
import { error } from '../messages.js';
import type { OutputFile } from '../model/output-file.js';

/** Collects the files a build writes, and refuses two files at one path. */
export class Output {
  readonly files: OutputFile[] = [];
  private readonly owners = new Map<string, string>();
  private readonly watchers = new Set<(file: OutputFile) => void>();

  /** Be told of each file added from now on (the search index takes each web page as it is made); gives what stops it. */
  watch(watcher: (file: OutputFile) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  /** Add a file; `owner` names what made it, `report` is where a clash is reported. */
  add(file: OutputFile, owner: string, report: VFile): void {
    const other = this.owners.get(file.path);
    if (other !== undefined) {
      if (other === owner && 'copyFrom' in file) return;
      error(report, {
        reason: `${owner} and ${other} would both be written to ${file.path}`,
        rule: 'output-conflict',
        hint: 'Rename one of them, or give it another "slug:".',
      });
      return;
    }
    this.owners.set(file.path, owner);
    this.files.push(file);
    for (const watcher of this.watchers) watcher(file);
  }

  /** Replace the files `made` made (the paths it names) with new ones (a search index made again). */
  replace(made: (path: string) => boolean, files: readonly OutputFile[], owner: string, report: VFile): void {
    for (let index = this.files.length - 1; index >= 0; index--) {
      const path = this.files[index]!.path;
      if (!made(path)) continue;
      this.files.splice(index, 1);
      this.owners.delete(path);
    }
    for (const file of files) this.add(file, owner, report);
  }
}
