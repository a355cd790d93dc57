import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../build.js';
import type { BuildOptions } from '../build.js';
import { parseShard } from '../pdf/shard.js';
import { reporterJson } from 'vfile-reporter-json';
import { formatReport } from '../report.js';
import type { CommandIo } from './io.js';

export const BUILD_HELP = `briefkit build: check every file and build the site and its PDFs

Usage:
  briefkit build [--root DIR] [--out DIR] [--country C | --all-countries] [--no-pdf | --pdfs-from DIR] [--print-shop] [--strict] [--quiet] [--json] [--workers N] [--no-cache]

  --root DIR        The project folder (default: the current folder)
  --out DIR         Where to write the site (default: <root>/dist; a relative DIR is from the
                    current folder, as every path option is)
  --country C       Build the country edition of countries/<C>.yaml instead (into <out>/<C>/
                    if the output folder already holds other editions, which it keeps)
  --all-countries   Build the international edition and every country's (into <out>/<code>/)
  --no-pdf          Build the website only (PDFs need Chromium)
  --print-shop      Also make a booklet of each briefing, module and brief for a print shop:
                    <slug>.booklet.<lang>.pdf, its A5 pages imposed on A4 sheets in the
                    printer's order for saddle stitching (bound on the right for a
                    right-to-left language)
  --pdfs-from DIR   Take the PDFs from DIR instead of printing them: the output folders of
                    "briefkit pdf --shard I/N" on several machines, put together
  --strict          Treat warnings as errors
  --quiet           Print only problems
  --json            Print the problems as JSON on stdout (vfile-reporter-json: each file's
                    "path" and "messages", each with "line", "column", "reason", "ruleId",
                    "fatal" (true: an error, false: a warning) and "note", what to do) and
                    nothing else, for an editor or CI to annotate the files
  --no-cache        Build everything anew: neither use nor update <root>/.briefkit-cache/
                    (where briefkit keeps PDFs and builds it can reuse; safe to delete)
  --workers N       Threads that parse and render Markdown (default: one per core on a site
                    of 1,000 files or more; 1 for none; or set BRIEFKIT_WORKERS)

Nothing is written unless every file is free of errors; the previous site stays as it was.`;

/** `briefkit build …`: returns the exit code. */
export function runBuild(argv: readonly string[], io: CommandIo): Promise<number> {
  return run(argv, io, false);
}

/** `briefkit pdf …`: returns the exit code. */
export function runPdf(argv: readonly string[], io: CommandIo): Promise<number> {
  return run(argv, io, true);
}

async function run(argv: readonly string[], io: CommandIo, pdfOnly: boolean): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      out: { type: 'string' },
      strict: { type: 'boolean' },
      quiet: { type: 'boolean' },
      json: { type: 'boolean' },
      'no-pdf': { type: 'boolean' },
      'print-shop': { type: 'boolean' },
      country: { type: 'string' },
      'all-countries': { type: 'boolean' },
      lang: { type: 'string' },
      only: { type: 'string' },
      shard: { type: 'string' },
      'pdfs-from': { type: 'string' },
      workers: { type: 'string' },
      'no-cache': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  // The content types (and their schemas) are loaded for the pdf command's help only: a build with nothing to do needs none of them.
  const help = pdfOnly ? (await import('./pdf-help.js')).PDF_HELP : BUILD_HELP;
  if (values.help) {
    io.stdout.write(`${help}\n`);
    return 0;
  }
  const misplaced = pdfOnly
    ? values['no-pdf']
      ? '--no-pdf'
      : values['pdfs-from']
        ? '--pdfs-from'
        : undefined
    : values.lang
      ? '--lang'
      : values.only
        ? '--only'
        : values.shard
          ? '--shard'
          : undefined;
  if (values.country && values['all-countries']) {
    io.stderr.write(`briefkit: --country and --all-countries do not go together\n`);
    return 2;
  }
  if (positionals.length > 0 || misplaced) {
    io.stderr.write(`briefkit ${pdfOnly ? 'pdf' : 'build'}: unexpected "${misplaced ?? positionals.join(' ')}"\n\n${help}\n`);
    return 2;
  }
  const shard = values.shard === undefined ? undefined : parseShard(values.shard);
  if (values.shard !== undefined && !shard) {
    io.stderr.write(`briefkit pdf: --shard takes I/N with 1 ≤ I ≤ N, e.g. --shard 2/4, not "${values.shard}"\n\n${help}\n`);
    return 2;
  }
  if (values.workers !== undefined && !/^\d{1,3}$/.test(values.workers)) {
    io.stderr.write(`briefkit: --workers takes a number of threads, e.g. --workers 2 (1 for none), not "${values.workers}"\n\n${help}\n`);
    return 2;
  }
  const root = values.root ?? io.cwd;
  if (pdfOnly && values.lang !== undefined) {
    const languages = await projectLanguages(root, values.country, values['all-countries'] === true);
    if (!languages.includes(values.lang)) {
      io.stderr.write(`briefkit pdf: "${values.lang}" is not a language of this project; its languages are: ${languages.join(', ')}\n\n${help}\n`);
      return 2;
    }
  }
  const showProgress = !values.quiet && !values.json && io.progress === true;
  const options: BuildOptions = {
    root,
    // One rule for every path option (issue 27): relative to the folder the command runs in,
    // as check, i18n extract and --pdfs-from already were (it was relative to --root here).
    out: values.out === undefined ? undefined : resolve(io.cwd, values.out),
    strict: values.strict,
    pdf: !values['no-pdf'],
    printShop: values['print-shop'],
    pdfsFrom: values['pdfs-from'] === undefined ? undefined : resolve(io.cwd, values['pdfs-from']),
    pdfOnly: pdfOnly ? { lang: values.lang, only: values.only, shard } : undefined,
    country: values.country,
    allCountries: values['all-countries'],
    workers: values.workers === undefined ? undefined : Number(values.workers),
    cache: !values['no-cache'],
    progress: showProgress ? (done, total, current) => io.stderr.write(`\r\u001b[KPDF ${done}/${total}${current ? `  ${current}` : '\n'}`) : undefined,
  };
  const result = await build(options);
  if (values.json) {
    // The same messages as the report, as data: nothing else goes to stdout.
    io.stdout.write(`${reporterJson(result.files.filter((file) => file.messages.length > 0))}\n`);
    return result.written ? (result.ok ? 0 : 1) : 1;
  }
  const report = formatReport(result.files, { cwd: io.cwd, color: io.color });
  if (report) io.stderr.write(`${report}\n`);
  if (!result.written) {
    io.stderr.write('Nothing was written: fix the errors above and run the build again.\n');
    return 1;
  }
  if (!values.quiet) {
    const pages = result.output.filter((file) => file.path.endsWith('.html')).length;
    const pdfs = result.output.filter((file) => file.path.endsWith('.pdf')).length;
    const parts = [pages > 0 ? `${pages} ${pages === 1 ? 'page' : 'pages'}` : '', pdfs > 0 || pdfOnly ? `${pdfs} ${pdfs === 1 ? 'PDF' : 'PDFs'}` : '']
      .filter(Boolean)
      .join(' and ');
    io.stdout.write(
      result.unchanged
        ? `Nothing changed since the last build: ${result.outDir} is up to date (${parts}). To write it all again, build with --no-cache.\n`
        : result.remade
          ? `Made ${result.remade.length} ${result.remade.length === 1 ? 'page' : 'pages'} again (the others had not changed): ${parts} in ${result.outDir}\n`
          : `Built ${parts} into ${result.outDir}\n`,
    );
    // Sitemaps, feeds, QR codes and link previews are made of absolute addresses.
    if (pages > 0 && !result.output.some((file) => file.path.endsWith('sitemap.xml'))) {
      io.stdout.write(
        'No sitemap or feeds, and no QR codes or link previews that lead to the site: they need the address it will be published at. Add ' +
          'it to briefkit.config.yaml, e.g. base_url: https://example.org/briefings/\n',
      );
    }
  }
  return result.ok ? 0 : 1;
}

/** The languages `--lang` may name: those of the editions being built (a country's, or the config's and every country's). */
export async function projectLanguages(root: string, country: string | undefined, allCountries: boolean): Promise<string[]> {
  const [{ chooseEditions, EMPTY_OUTPUT }, { readConfig, readProfiles }, { VFile }] = await Promise.all([
    import('../stages/choose-editions.js'),
    import('../stages/read-project.js'),
    import('vfile'),
  ]);
  const options = { root: resolve(root), outDir: resolve(root), country, allCountries };
  const [config, profiles] = await Promise.all([readConfig(options.root), readProfiles(options.root)]);
  const editions = chooseEditions(options, config.value, profiles.value, EMPTY_OUTPUT, new VFile());
  return [...new Set(editions.flatMap((edition) => edition.languages))];
}
