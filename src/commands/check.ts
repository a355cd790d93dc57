import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { VFile } from 'vfile';
import { reporterJson } from 'vfile-reporter-json';
import { build } from '../build.js';
import { keptEntries } from '../fs/output-editions.js';
import { CHECKED_RULES, checkSite } from '../check/run-check.js';
import { escalateWarnings, hasErrors } from '../messages.js';
import type { Run } from '../run/types.js';
import { formatReport } from '../report.js';
import { projectLanguages } from './build.js';
import { loadConfig } from '../config/load.js';
import type { CommandIo } from './io.js';
import { factRows, formatFactTable } from '../facts/fact-table.js';
import type { FactRow } from '../facts/fact-table.js';
import type { FactTally } from '../facts/check-facts.js';

export const CHECK_HELP = `briefkit check: build the site, then check it as readers, screen readers and search engines meet it

Usage:
  briefkit check [--root DIR] [--out DIR] [--country C | --all-countries] [--no-build] [--no-pdf] [--no-browser] [--strict] [--json]

What it checks, in every language and edition:
  - links and anchors between the site's pages and files;
  - the HTML of every page (html-validate: the standard and its accessibility rules);
  - every page loaded in Chromium from a local web server: no request to another site,
    no missing file, no script error;
  - one page of each kind in each language with axe-core (WCAG 2.1 AA): serious and
    critical problems are errors, moderate and minor ones warnings;
  - every PDF: tagged, fonts embedded, bookmarks, its language in its metadata;
  - the facts of every translation and country override against the original's (doses,
    numbers, telephone numbers, products): a table per language says how many were
    checked, differ, and are acknowledged.
What a build only warns about, check counts as errors: a link to a heading that is not
there, a table without a caption, an image from another website, a skipped heading level.

  --root DIR        The project folder (default: the current folder)
  --out DIR         Where the site is built (default: <root>/dist)
  --country C       Build and check a country's edition; --all-countries: every edition
  --no-build        Check the site already in the output folder, without building it
                    (problems are then told on the built files, not the Markdown)
  --no-pdf          Build without PDFs (their checks are then skipped)
  --no-browser      Do not load the pages in Chromium (no request or axe-core checks)
  --strict          Treat warnings as errors
  --json            Print the problems as JSON on stdout (vfile-reporter-json), for CI; each
                    translation and override checked also carries "facts": how many of its
                    facts were checked, differ from the original, and are acknowledged

Exit codes: 0 nothing wrong, 1 problems found, 2 wrong usage.`;

/** `briefkit check …`: returns the exit code. */
export async function runCheck(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      out: { type: 'string' },
      country: { type: 'string' },
      'all-countries': { type: 'boolean' },
      'no-build': { type: 'boolean' },
      'no-pdf': { type: 'boolean' },
      'no-browser': { type: 'boolean' },
      strict: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${CHECK_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0) {
    io.stderr.write(`briefkit check: unexpected "${positionals.join(' ')}"\n\n${CHECK_HELP}\n`);
    return 2;
  }
  if (values.country && values['all-countries']) {
    io.stderr.write('briefkit: --country and --all-countries do not go together\n');
    return 2;
  }
  const root = resolve(io.cwd, values.root ?? '.');
  const outDir = resolve(io.cwd, values.out ?? resolve(root, 'dist'));
  const runFile = new VFile({ path: outDir, cwd: io.cwd });
  let facts: readonly FactRow[] = [];
  const tallies = () => (run ? (run as Run).made.facts : new Map<VFile, FactTally>());
  const tell = (files: readonly VFile[]) => {
    if (values.json) {
      // Each translation and override checked carries its fact tally, with or without problems (issue 32).
      const entries = JSON.parse(reporterJson(files.filter((file) => file.messages.length > 0 || tallies().has(file)))) as { path: string }[];
      const byPath = new Map([...tallies()].map(([file, tally]) => [file.path, tally]));
      const withFacts = entries.map((entry) => (byPath.has(entry.path) ? { ...entry, facts: byPath.get(entry.path) } : entry));
      io.stdout.write(`${JSON.stringify(withFacts)}\n`);
    } else {
      const report = formatReport(files, { cwd: io.cwd, color: io.color });
      if (report) io.stderr.write(`${report}\n`);
    }
  };

  let run: Run | undefined;
  let built: readonly VFile[] = [];
  if (!values['no-build']) {
    const result = await build({
      root,
      out: outDir,
      country: values.country,
      allCountries: values['all-countries'],
      pdf: !values['no-pdf'],
      keep: (kept) => (run = kept),
    });
    built = result.files;
    for (const file of built) {
      for (const message of file.messages) if (message.ruleId && CHECKED_RULES.has(message.ruleId)) message.fatal = true;
    }
    if (run) {
      const project = (run as Run).project;
      const editionLanguage = (country: string) => project.editions.find((edition) => edition.country === country)?.languages[0] ?? project.languages[0]!;
      facts = factRows(tallies(), project.translations.translations, project.overrides, editionLanguage);
    }
    if (!result.written) {
      tell(built);
      if (!values.json && facts.length > 0) io.stdout.write(`${formatFactTable(facts)}\n`);
      if (!values.json) io.stderr.write('The site was not built: fix the errors above, then run briefkit check again.\n');
      return 1;
    }
  }
  const languages = run
    ? [...new Set((run as Run).project.editions.flatMap((edition) => edition.languages))]
    : await projectLanguages(root, values.country, values['all-countries'] === true);
  // Country editions an earlier build left in the folder are not what was just built.
  const kept = run ? keptEntries((run as Run).project.previous, (run as Run).project.editions, values['all-countries'] === true) : [];
  // The browser the config names, as the build uses it (its problems are the build's to report).
  const { config } = await loadConfig(root);
  const checked = await checkSite({
    root,
    outDir,
    languages,
    run,
    browser: values['no-browser'] ? false : { configured: config.browser },
    runFile,
    skip: kept,
  });
  const files = [...new Set([...built, ...checked.files, runFile])];
  if (values.strict) escalateWarnings(files);
  tell(files);
  const failed = hasErrors(files);
  if (!values.json) {
    const table = formatFactTable(facts);
    if (table) io.stdout.write(`${table}\n`);
    const pdfs = checked.pdfs > 0 ? ` and ${checked.pdfs} ${checked.pdfs === 1 ? 'PDF' : 'PDFs'}` : '';
    const counted = `${checked.pages} ${checked.pages === 1 ? 'page' : 'pages'}${pdfs}`;
    if (kept.length > 0)
      io.stdout.write(
        `Not checked: ${kept.map((name) => `${name}/`).join(', ')} in the output folder, from an earlier build ` +
          `(briefkit check --all-countries checks every edition).\n`,
      );
    (failed ? io.stderr : io.stdout).write(
      failed ? `Checked ${counted}: fix the errors above, then run briefkit check again.\n` : `Checked ${counted} in ${outDir}: no errors.\n`,
    );
  }
  return failed ? 1 : 0;
}
