import { spawnSync } from 'node:child_process';

const installed = new Map<string, boolean>();

/**
 * Whether this machine lacks one of the command-line tools a test checks output with
 * (poppler's pdfinfo and pdftotext, qpdf, zbarimg, gettext, xmllint, translate-toolkit), for
 * `it.skipIf(lacks('qpdf'))`. On Linux nothing is lacking: the project's CI (Debian) and the
 * GitHub workflow's Ubuntu job install every tool, so a missing one fails there. On Windows
 * and macOS, where a fork's workflow may not get them all, the test is skipped, saying why.
 */
export function lacks(...names: string[]): boolean {
  if (process.platform === 'linux') return false;
  const missing = names.filter((name) => {
    if (!installed.has(name)) installed.set(name, spawnSync(name, ['--version'], { stdio: 'ignore' }).error === undefined);
    return !installed.get(name);
  });
  if (missing.length > 0) console.warn(`Skipping a test: it needs ${missing.join(', ')}, which is not installed.`);
  return missing.length > 0;
}
