import { toProjectPath } from '../paths/project-path.js';

/**
 * File-system failures as one line a user can act on: what briefkit could not do, to which
 * file, and what to do about it. Node's errors carry a code (EACCES…), the system call and
 * the path; the stack is of no use to someone building a site.
 */
const ADVICE: Record<string, { readonly what: string; readonly todo: string }> = {
  EACCES: { what: 'permission denied', todo: 'give your user access to it (or choose another folder, e.g. with --out)' },
  EPERM: {
    what: 'the operation is not permitted',
    todo: 'check its permissions and that no other program holds it open (or choose another folder, e.g. with --out)',
  },
  ENOSPC: { what: 'the disk is full', todo: 'free some space and run again' },
  EDQUOT: { what: 'your disk quota is used up', todo: 'free some space and run again' },
  EROFS: { what: 'it is on a read-only file system', todo: 'choose a folder you can write to, e.g. with --out' },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', todo: 'rename that file or choose another path' },
  EISDIR: { what: 'it is a folder where a file should be', todo: 'remove or rename the folder' },
  ENAMETOOLONG: { what: 'the name is too long for the file system', todo: 'use a shorter file or folder name' },
  EEXIST: { what: 'something already exists there', todo: 'remove or rename it, or choose another name' },
  ENOTEMPTY: { what: 'the folder is not empty', todo: 'remove or rename it, or choose another folder' },
  ENOENT: { what: 'it does not exist', todo: 'check the path' },
  ELOOP: { what: 'it is a symbolic link that leads round in a circle', todo: 'remove or fix the link' },
  EMFILE: { what: 'too many files are open at once', todo: 'raise the limit (e.g. "ulimit -n 4096") and run again' },
  ENFILE: { what: 'the system has too many files open', todo: 'close other programs and run again' },
  EBUSY: { what: 'it is in use by another program', todo: 'close that program and run again' },
  EXDEV: { what: 'it is on another disk than the output folder', todo: 'choose an output folder on the same disk' },
  EIO: { what: 'the disk reported an input/output error', todo: 'check the disk and run again' },
  // briefkit's own: a write that a symbolic link inside the output folder would take out of it.
  ELINKOUT: {
    what: 'a symbolic link in the output folder leads out of it, and briefkit never writes through one',
    todo: 'remove the link (or build the whole site again with briefkit build)',
  },
};

const WRITES = new Set(['mkdir', 'write', 'rename', 'link', 'unlink', 'rmdir', 'rm', 'copyfile', 'symlink', 'chmod', 'utime', 'futime', 'ftruncate', 'fsync']);
const READS = new Set(['read', 'scandir', 'opendir', 'stat', 'lstat', 'readlink', 'realpath', 'access']);

/** A file-system error (it has a code Node gives such errors). */
export function isFsError(reason: unknown): reason is NodeJS.ErrnoException {
  return reason instanceof Error && typeof (reason as NodeJS.ErrnoException).code === 'string' && (reason as NodeJS.ErrnoException).code! in ADVICE;
}

/** The error, with the path it concerns if Node left it out (reading a folder as a file does). */
export function withPath(reason: unknown, path: string): unknown {
  if (reason instanceof Error && (reason as NodeJS.ErrnoException).path === undefined) (reason as NodeJS.ErrnoException).path = path;
  return reason;
}

/**
 * One line saying what failed on which file and what to do, for a file-system error; or
 * undefined for anything else (a bug, to be reported as such). Paths are shown relative to
 * `cwd` when inside it, and the output folder stands for briefkit's temporary folders and
 * lock beside it (a user knows the former, not the latter).
 */
export function explainError(reason: unknown, cwd: string): string | undefined {
  if (!isFsError(reason)) return undefined;
  const advice = ADVICE[reason.code!]!;
  const syscall = reason.syscall ?? '';
  const verb = WRITES.has(syscall) ? 'write' : READS.has(syscall) ? 'read' : 'open';
  const path = reason.path === undefined ? undefined : shown(String(reason.path), cwd);
  return path ? `briefkit: cannot ${verb} ${path}: ${advice.what}; ${advice.todo}.` : `briefkit: ${advice.what} (${reason.code}); ${advice.todo}.`;
}

function shown(path: string, cwd: string): string {
  const plain = path.replace(/\.briefkit-(?:tmp|new|old)-\d+(?=$|[/\\])/, '').replace(/\.briefkit-lock(?:-stale)?(?:-\d+){0,2}$/, '');
  return toProjectPath(cwd, plain) || plain;
}
