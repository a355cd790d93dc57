import { readFileSync } from 'node:fs';
import type { CommandIo } from './commands/io.js';
import { explainError } from './fs/explain-error.js';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * `briefkit --help`, with the content types from their registry (loaded only to print it):
 * also the start of the generated CLI reference (docs/briefings/reference/cli.md).
 */
export async function help(): Promise<string> {
  const { CONTENT_TYPES, typesInWords } = await import('./content-types/index.js');
  return `briefkit ${VERSION}: Markdown ${typesInWords('printed', 'all')} → a translated static website and PDFs

Usage:
  briefkit build [--root DIR] [--out DIR] [--country C | --all-countries] [--no-pdf | --pdfs-from DIR] [--strict] [--quiet] [--no-cache]
  briefkit pdf [--lang L] [--only SLUG] [--shard I/N] [--country C | --all-countries]
  briefkit dev [--root DIR] [--port N] [--host H] [--country C] [--open]
  briefkit check [--root DIR] [--no-build] [--no-pdf] [--no-browser] [--strict] [--json]
  briefkit init <folder>
  briefkit new <${CONTENT_TYPES.map((type) => type.name).join('|')}> <slug> | new country <code>
  briefkit i18n status [--lang L] [--json] | new <lang> <path> | stamp <lang> [path…] | extract <lang> [--format po|xliff] | apply <lang>
  briefkit links [slug] [--lang L] [--country C] [--format text|markdown|csv|json]
  briefkit refs add <doi | pmid:N | url>… [--key KEY] [--offline]
  briefkit browser [install]
  briefkit release <slug> [--version V] | versions [slug]
  briefkit <command> --help
  briefkit --help | --version

Commands:
  build   Check every file and build the site and its PDFs into <root>/dist.
  pdf     Print only the PDFs.
  dev     A live preview while you write: rebuilds and reloads the page when you save.
  check   Build, then check links, HTML, accessibility, third-party requests and PDFs.
  i18n    Start translations, see which are missing or out of date, and hand them to
          translators' tools as PO or XLIFF files.
  init    Start a new project in a folder: config, sample pages and a guide for authors.
  links   Every PDF's address, ready to paste into a webinar chat (needs base_url).
  new     Start a page of any kind, or a country edition (countries/<code>.yaml).
  browser Which browser prints the PDFs; "install" downloads one where there is none.
  release Record a briefing, module or brief as a released version (versions/<slug>/<version>/);
          versions lists them.
  refs    Add a reference to briefings/references.yaml from its DOI, PubMed ID or web
          page: its details fetched once, and kept in references-cache/.

Exit codes: 0 done, 1 problems found, 2 wrong usage.`;
}

interface Command {
  readonly run: (argv: readonly string[], io: CommandIo) => Promise<number>;
  readonly help: string;
}

/** Each command's module is loaded only when it is run (a build with nothing to do should not wait for all of briefkit to load). */
const COMMANDS: Record<string, () => Promise<Command>> = {
  build: async () => import('./commands/build.js').then((module) => ({ run: module.runBuild, help: module.BUILD_HELP })),
  pdf: async () => {
    const [command, help] = await Promise.all([import('./commands/build.js'), import('./commands/pdf-help.js')]);
    return { run: command.runPdf, help: help.PDF_HELP };
  },
  dev: async () =>
    import('./commands/dev.js').then((module) => ({ run: (argv: readonly string[], io: CommandIo) => module.runDev(argv, io), help: module.DEV_HELP })),
  i18n: async () => import('./commands/i18n.js').then((module) => ({ run: module.runI18n, help: module.I18N_HELP })),
  init: async () => import('./commands/init.js').then((module) => ({ run: module.runInit, help: module.INIT_HELP })),
  new: async () => import('./commands/new.js').then((module) => ({ run: module.runNew, help: module.NEW_HELP })),
  check: async () => import('./commands/check.js').then((module) => ({ run: module.runCheck, help: module.CHECK_HELP })),
  links: async () => import('./commands/links.js').then((module) => ({ run: module.runLinks, help: module.LINKS_HELP })),
  refs: async () => import('./commands/refs.js').then((module) => ({ run: module.runRefs, help: module.REFS_HELP })),
  browser: async () => import('./commands/browser.js').then((module) => ({ run: module.runBrowser, help: module.BROWSER_HELP })),
  release: async () => import('./commands/release.js').then((module) => ({ run: module.runRelease, help: module.RELEASE_HELP })),
  versions: async () => import('./commands/release.js').then((module) => ({ run: module.runVersions, help: module.RELEASE_HELP })),
};

/** Every command, in the order `briefkit --help` lists them. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** What `briefkit <command> --help` prints: the one text the CLI reference is generated from. */
export async function commandHelp(name: string): Promise<string> {
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) throw new Error(`No command "${name}"`);
  return (await load()).help;
}

/** Run the command line; returns the exit code. */
export async function main(argv: readonly string[], io: Partial<CommandIo> = {}): Promise<number> {
  const stderr = io.stderr ?? process.stderr;
  const full: CommandIo = {
    stdout: io.stdout ?? process.stdout,
    stderr,
    cwd: io.cwd ?? process.cwd(),
    color: io.color ?? ((stderr as NodeJS.WriteStream).isTTY === true && !process.env.NO_COLOR),
    progress: io.progress ?? (stderr as NodeJS.WriteStream).isTTY === true,
  };
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    full.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' && rest[0] && Object.hasOwn(COMMANDS, rest[0]) ? await COMMANDS[rest[0]]!() : undefined;
    (first === undefined ? full.stderr : full.stdout).write(`${topic?.help ?? (await help())}\n`);
    return first === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, first) ? await COMMANDS[first]!() : undefined;
  if (!command) {
    full.stderr.write(`briefkit: unknown command "${first}"\n\n${await help()}\n`);
    return 2;
  }
  try {
    return await command.run(rest, full);
  } catch (reason) {
    if ((reason as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      full.stderr.write(`briefkit ${first}: ${(reason as Error).message}\nRun "briefkit ${first} --help" for usage.\n`);
      return 2;
    }
    full.stderr.write(`${failureMessage(reason, full.cwd)}\n`);
    return 1;
  }
}

/**
 * What to print for an error nothing else handled: one line for a file-system failure
 * (naming the file and what to do); for anything else, which is a bug, one line and how to
 * see the details (the stack, only with BRIEFKIT_DEBUG=1).
 */
export function failureMessage(reason: unknown, cwd: string): string {
  const explained = explainError(reason, cwd);
  if (explained) return process.env.BRIEFKIT_DEBUG ? `${explained}\n${(reason as Error).stack ?? ''}` : explained;
  if (process.env.BRIEFKIT_DEBUG) return `briefkit: unexpected error\n${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`;
  const message = (reason instanceof Error ? reason.message : String(reason)).split('\n')[0]!.trim();
  return `briefkit: unexpected error: ${message || 'no message'}. Run again with BRIEFKIT_DEBUG=1 for details, and please report it.`;
}
