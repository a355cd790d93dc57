import { parseArgs } from 'node:util';
import { build } from '../build.js';
import { formatReport } from '../report.js';
import type { CommandIo } from './io.js';

export const BUILD_HELP = `briefkit build: check every file and build the site

Usage:
  briefkit build [--root DIR] [--out DIR] [--strict] [--quiet]

  --root DIR   The project folder (default: the current folder)
  --out DIR    Where to write the site (default: <root>/dist)
  --strict     Treat warnings as errors
  --quiet      Print only problems

Nothing is written unless every file is free of errors; the previous site stays as it was.`;

/** `briefkit build …`: returns the exit code. */
export async function runBuild(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${BUILD_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) {
    io.stderr.write(`briefkit build: unexpected "${positionals.join(' ')}"\n\n${BUILD_HELP}\n`);
    return 2;
  }
  const result = await build({ root: values.root ?? io.cwd, out: values.out, strict: values.strict });
  const report = formatReport(result.files, { cwd: io.cwd, color: io.color });
  if (report) io.stderr.write(`${report}\n`);
  if (!result.written) {
    io.stderr.write('Nothing was written: fix the errors above and run the build again.\n');
    return 1;
  }
  if (!values.quiet) {
    const pages = result.output.filter((file) => file.path.endsWith('.html')).length;
    io.stdout.write(`Built ${pages} pages into ${result.outDir}\n`);
  }
  return 0;
}
