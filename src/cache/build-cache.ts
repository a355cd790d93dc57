import { readdirSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { VFile } from 'vfile';
import { messageData, replayMessage } from '../messages.js';
import type { MessageData } from '../messages.js';
import type { OutputFile } from '../model/output-file.js';
import { briefkitIdentity, hashOf, readEntry, writeEntry } from './cache-dir.js';
import { INPUT_FOLDERS } from '../project/input-folders.js';
import { OUTPUT_MARKER } from '../fs/write-atomic.js';

/**
 * A whole build, remembered: when nothing in the project changed (no file added, removed,
 * resized or touched), briefkit itself is the same, the options are the same, and the
 * output folder is exactly as that build left it, the build has nothing to do. It reports
 * the same problems again and leaves the output alone.
 */
export interface BuildMemory {
  /** The state of the project and options the build was made from. */
  readonly key: string;
  /** The state of each file of the project then (see {@link ProjectState}). */
  readonly inputs: readonly (readonly [string, string])[];
  /** The briefkit that made it. */
  readonly identity: string;
  /** The output folder as the build left it ({@link outputState}). */
  readonly output: string;
  /** The files that had problems, with them. */
  readonly reports: readonly { readonly path: string; readonly cwd: string; readonly messages: readonly MessageData[] }[];
  /** The files the build wrote (what the command counts). */
  readonly written: readonly string[];
  /** Files read from outside the input folders (logos), with their state then. */
  readonly elsewhere: readonly (readonly [string, string])[];
}

/**
 * The state of everything a build of `root` could read: the size and times of every file at
 * the top of the project and in its input folders (not their bytes: reading thousands of
 * files is what a cached build avoids), by path from the root (a folder's path ends in `/`),
 * and a key made of them, briefkit itself and the options that change what a build makes.
 * Files read from elsewhere (a logo in `branding/`) are named by the config or a profile,
 * which are in the key, and checked by {@link recall}.
 */
export interface ProjectState {
  readonly key: string;
  readonly files: ReadonlyMap<string, string>;
}

/** The state of the project at `root` for a build with these options. */
export async function projectState(root: string, options: unknown): Promise<ProjectState> {
  const lines: [string, string][] = [];
  // Synchronous: thousands of small stat calls are several times faster than as promises, and this is all a build with nothing to do does.
  const walk = (dir: string, deep: boolean): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // briefkit's own files beside an output folder (its lock, a swap in progress) are not input.
    const from = relative(root, dir).split(sep).join('/');
    for (const entry of entries)
      if (!entry.name.includes('.briefkit-') && !entry.isDirectory())
        lines.push([from ? `${from}/${entry.name}` : entry.name, `${entry.isSymbolicLink() ? 'link' : 'file'} ${stateOf(join(dir, entry.name))}`]);
    if (deep) for (const entry of entries) if (entry.isDirectory() && !entry.name.includes('.briefkit-')) walk(join(dir, entry.name), true);
  };
  walk(root, false);
  for (const folder of INPUT_FOLDERS) {
    lines.push([`${folder}/`, stateOf(join(root, folder))]);
    walk(join(root, folder), true);
  }
  return { key: hashOf([await briefkitIdentity(), JSON.stringify(options), ...lines.map(([path, state]) => `${path} ${state}`)]), files: new Map(lines) };
}

/** Size and times of what a path leads to (a link is followed: the build checks, and may refuse, where it goes). */
function stateOf(path: string): string {
  const info = statSync(path, { throwIfNoEntry: false });
  return info ? `${info.isDirectory() ? 'dir' : info.size} ${info.mtimeMs} ${info.ctimeMs}` : 'missing';
}

/** The entry a build into `outDir` with these options is remembered under. */
function entryName(outDir: string, options: unknown): string {
  return `builds/${hashOf([outDir, JSON.stringify(options)])}.json`;
}

/**
 * Which output folder this is: the folder and its marker (`.briefkit-output`), each by inode
 * and times, as each build leaves it (a whole build puts a new folder in place; a build of
 * some pages writes into it, and is remembered with its state after). Removing or replacing
 * the folder, or a whole build into it by another project, is seen. Not seen: a file inside it edited or deleted by hand (every file would have to be
 * looked at, which is what a build with nothing to do avoids): `--no-cache` builds it all again.
 */
export async function outputState(outDir: string): Promise<string> {
  const [folder, marker] = await Promise.all([stat(outDir).catch(() => undefined), stat(join(outDir, OUTPUT_MARKER)).catch(() => undefined)]);
  if (!folder || !marker) return 'missing';
  return `${folder.ino} ${folder.ctimeMs} ${marker.ino} ${marker.size} ${marker.mtimeMs} ${marker.ctimeMs}`;
}

/**
 * What the last build into `outDir` with these options left, if the output folder is still
 * exactly that: the whole build when the project is as it was (`memory`); else the files that
 * changed since (`changed`, paths from the project's root) when no file was added or removed and briefkit is
 * the same. Undefined otherwise (and for an entry that is damaged or not briefkit's).
 */
export async function recall(
  cacheDir: string,
  outDir: string,
  options: unknown,
  state: ProjectState,
): Promise<{ readonly memory: BuildMemory } | { readonly changed: readonly string[] } | undefined> {
  const body = await readEntry(cacheDir, entryName(outDir, options));
  if (!body) return undefined;
  let memory: BuildMemory;
  try {
    memory = JSON.parse(body.toString('utf8')) as BuildMemory;
  } catch {
    return undefined;
  }
  if (
    typeof memory?.key !== 'string' ||
    !Array.isArray(memory.inputs) ||
    typeof memory.output !== 'string' ||
    !Array.isArray(memory.reports) ||
    !Array.isArray(memory.written) ||
    !Array.isArray(memory.elsewhere)
  )
    return undefined;
  for (const [path, state] of memory.elsewhere) if (stateOf(path) !== state) return undefined;
  if ((await outputState(outDir)) !== memory.output || memory.output === 'missing') return undefined;
  if (memory.key === state.key) return { memory };
  const changed = changedFiles(new Map(memory.inputs), state);
  return changed && memory.identity === (await briefkitIdentity()) ? { changed } : undefined;
}

/** The files whose state changed (paths from the project's root), if no file was added or removed. */
function changedFiles(before: ReadonlyMap<string, string>, state: ProjectState): string[] | undefined {
  const files = (map: ReadonlyMap<string, string>) => [...map.keys()].filter((path) => !path.endsWith('/'));
  const now = files(state.files);
  if (now.length !== files(before).length || now.some((path) => !before.has(path))) return undefined;
  return now.filter((path) => before.get(path) !== state.files.get(path));
}

/** Remember a build that wrote its output. */
export async function remember(
  cacheDir: string,
  outDir: string,
  options: unknown,
  state: ProjectState,
  result: { readonly files: readonly VFile[]; readonly output: readonly OutputFile[]; readonly elsewhere: readonly string[] },
): Promise<void> {
  const memory: BuildMemory = {
    key: state.key,
    inputs: [...state.files],
    identity: await briefkitIdentity(),
    output: await outputState(outDir),
    reports: result.files
      .filter((file) => file.messages.length > 0)
      .map((file) => ({ path: file.path, cwd: file.cwd, messages: file.messages.map(messageData) })),
    written: result.output.map((file) => file.path),
    elsewhere: result.elsewhere.map((path) => [path, stateOf(path)] as const),
  };
  await writeEntry(cacheDir, entryName(outDir, options), Buffer.from(JSON.stringify(memory)));
}

/** The files of a remembered build, with their problems, as the build reported them. */
export function replay(memory: BuildMemory): VFile[] {
  return memory.reports.map((report) => {
    const file = new VFile({ path: report.path, cwd: report.cwd });
    for (const message of report.messages) replayMessage(file, message);
    return file;
  });
}
