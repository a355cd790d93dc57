import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { build } from './build.js';
import { formatReport } from './report.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const HELP = `briefkit ${VERSION}: Markdown briefings and case studies → a static website

Usage:
  briefkit build [--root DIR] [--out DIR] [--strict] [--quiet]
  briefkit --help | --version

Commands:
  build      Check every file and build the site into <root>/dist.
             Nothing is written unless every file is free of errors.

Options:
  --root DIR   The project folder (default: the current folder)
  --out DIR    Where to write the site (default: <root>/dist)
  --strict     Treat warnings as errors
  --quiet      Print only problems
  -h, --help   Show this help
  -v, --version

Exit codes: 0 built, 1 problems found (nothing written), 2 wrong usage.`;

/** Run the command line; returns the exit code. */
export async function main(argv: readonly string[], stdout = process.stdout, stderr = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        out: { type: 'string' },
        strict: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (reason) {
    stderr.write(`briefkit: ${(reason as Error).message}\nRun "briefkit --help" for usage.\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    stdout.write(`${HELP}\n`);
    return 0;
  }
  if (command !== 'build' || rest.length > 0) {
    stderr.write(`briefkit: ${command ? `unknown command "${[command, ...rest].join(' ')}"` : 'no command given'}\n\n${HELP}\n`);
    return 2;
  }
  const root = values.root ?? process.cwd();
  const result = await build({ root, out: values.out, strict: values.strict });
  const color = stderr.isTTY === true && !process.env.NO_COLOR;
  const report = formatReport(result.files, { cwd: process.cwd(), color });
  if (report) stderr.write(`${report}\n`);
  if (!result.written) {
    stderr.write(`Nothing was written: fix the errors above and run the build again.\n`);
    return 1;
  }
  if (!values.quiet) {
    const pages = result.output.filter((file) => file.path.endsWith('.html')).length;
    stdout.write(`Built ${pages} pages into ${result.outDir}\n`);
  }
  return 0;
}
