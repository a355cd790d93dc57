import { join } from 'node:path';

/** A command that builds one project into one output folder. */
export interface Invocation {
  command: string;
  args: string[];
  cwd: string;
}

export type Tool = 'briefkit' | 'Eleventy' | 'Hugo';

/**
 * How each tool is run, as its users run it: briefkit's published CLI over lib/ (no PDFs),
 * Eleventy's CLI from bench/node_modules, Hugo from PATH.
 */
export function invocation(tool: Tool, paths: { root: string; bench: string; project: string; out: string }): Invocation {
  switch (tool) {
    case 'briefkit':
      return {
        command: process.execPath,
        args: [join(paths.root, 'bin/briefkit.js'), 'build', '--no-pdf', '--root', paths.project, '--out', paths.out],
        cwd: paths.project,
      };
    case 'Eleventy':
      return {
        command: process.execPath,
        args: [join(paths.bench, 'node_modules/@11ty/eleventy/cmd.cjs'), '--quiet', `--output=${paths.out}`],
        cwd: paths.project,
      };
    case 'Hugo':
      return { command: 'hugo', args: ['--quiet', '--source', paths.project, '--destination', paths.out], cwd: paths.project };
  }
}
