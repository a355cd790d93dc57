/**
 * `npm run bench`: briefkit against Eleventy and Hugo on the same generated pages (issue 10).
 * For each row (BENCH_SIZES, default 1000,4000,8000,4000x3,4000top) it generates the corpus,
 * then runs the tools alternately, BENCH_RUNS rounds (default 3; the top-level row once):
 * briefkit cold (empty output folder, no cache), briefkit again with nothing changed, briefkit
 * again with one page changed, Eleventy, Hugo (each of those cold, from an empty output
 * folder), each a child process measured on its own,
 * each killed after BENCH_TIMEOUT seconds (default 600). A build that writes fewer HTML
 * files than the corpus has pages counts as failed. Prints the machine and a Markdown table.
 * With the 1,000-page row it then times save → reload event under `briefkit dev` (five
 * edits; BENCH_DEV=0 skips it).
 */
import { appendFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './corpus/generate.js';
import { countHtml } from './harness/count-html.js';
import { devReloadLine, devReloadTimes } from './harness/dev-reload.js';
import { machine } from './harness/machine.js';
import { measure } from './harness/measure.js';
import type { Measurement } from './harness/measure.js';
import { DEFAULT_ROWS, parseRows } from './harness/rows.js';
import type { Row } from './harness/rows.js';
import { hasHugo, setup } from './harness/setup.js';
import { medianMs, table } from './harness/table.js';
import type { Result } from './harness/table.js';
import { invocation } from './harness/tools.js';
import type { Tool } from './harness/tools.js';

const bench = import.meta.dirname;
const root = join(bench, '..');
const rounds = Number(process.env.BENCH_RUNS ?? 3);
const timeoutMs = Number(process.env.BENCH_TIMEOUT ?? 600) * 1000;
const rows = parseRows(process.env.BENCH_SIZES ?? DEFAULT_ROWS);
const log = (line: string) => process.stderr.write(`${line}\n`);
const host = machine();
const day = new Date().toISOString().slice(0, 10);

setup(bench, root, log);
const tools: Tool[] = hasHugo() ? ['briefkit', 'Eleventy', 'Hugo'] : ['briefkit', 'Eleventy'];
if (!tools.includes('Hugo')) log('hugo is not on PATH: Hugo is left out (apt-get install hugo).');

/** One build; a run that wrote too few pages is a failure, however fast. */
async function once(
  tool: Tool,
  row: Row,
  project: string,
  out: string,
  cold: boolean,
  label = `${row.name} ${tool}${cold ? '' : ' rebuild'}`,
): Promise<Measurement> {
  if (cold) rmSync(out, { recursive: true, force: true });
  // Cold means no cache either (briefkit keeps one in the project).
  if (cold) rmSync(join(project, '.briefkit-cache'), { recursive: true, force: true });
  const call = invocation(tool, { root, bench, project, out });
  const run = await measure(call.command, call.args, { cwd: call.cwd, timeoutMs });
  const expected = row.pages * row.languages;
  const built = countHtml(out);
  if (!run.failure && built < expected) Object.assign(run, { failure: `exit 0 but only ${built} of ${expected} pages` });
  log(
    `  ${label}: ${(run.ms / 1000).toFixed(2)} s (CPU ${(run.cpuMs / 1000).toFixed(2)} s), ${Math.round(run.peak / 1e6)} MB, ${built} HTML ` +
      `files${run.failure ? `, FAILED: ${run.failure}${run.stderr ? `\n${run.stderr}` : ''}` : ''}`,
  );
  return run;
}

const results: Result[] = [];
/** The project and page the live-preview measure edits (the 1,000-page row, when it runs). */
let devTarget: { project: string; page: string; pages: number } | undefined;
for (const row of rows) {
  log(`Generating ${row.name}: ${row.pages} pages × ${row.languages} language(s), ${row.layout}…`);
  const projects = generate(row, join(bench, '.corpus', row.name));
  const outs = Object.fromEntries(tools.map((tool) => [tool, join(bench, '.out', row.name, tool)]));
  const runs = new Map<string, Measurement[]>(['briefkit', 'briefkit rebuild', 'briefkit one change', ...tools.slice(1)].map((name) => [name, []]));
  // The page the "one page changed" build edits (a line added, then taken out again).
  const pagesDir = join(projects.briefkit, 'briefings');
  const edited = join(
    pagesDir,
    readdirSync(pagesDir, { recursive: true })
      .map(String)
      .filter((path) => path.endsWith('.md'))
      .sort()[Math.floor(row.pages / 2)]!,
  );
  if (row.pages === 1000 && row.languages === 1 && row.layout === 'sections') devTarget = { project: projects.briefkit, page: edited, pages: row.pages };
  const rowRounds = row.layout === 'top-level' ? 1 : rounds;
  for (let round = 0; round < rowRounds; round++) {
    for (const tool of tools) {
      const project = tool === 'briefkit' ? projects.briefkit : tool === 'Eleventy' ? projects.eleventy : projects.hugo;
      const cold = await once(tool, row, project, outs[tool]!, true);
      runs.get(tool)!.push(cold);
      if (tool === 'briefkit' && !cold.failure) {
        runs.get('briefkit rebuild')!.push(await once(tool, row, project, outs[tool]!, false));
        const original = readFileSync(edited);
        appendFileSync(edited, '\nOne more sentence, added by the benchmark.\n');
        runs.get('briefkit one change')!.push(await once(tool, row, project, outs[tool]!, false, `${row.name} briefkit one page changed`));
        writeFileSync(edited, original);
      }
    }
  }
  const base = { pages: row.pages, languages: row.languages, layout: row.layout };
  const rowResults: Result[] = [...runs]
    .filter(([, list]) => list.length)
    .map(([name, list]) => ({
      ...base,
      tool: name === 'briefkit rebuild' ? 'briefkit, nothing changed' : name === 'briefkit one change' ? 'briefkit, one page changed' : name,
      runs: list,
    }));
  const eleventyMs = medianMs(rowResults.find((result) => result.tool === 'Eleventy')!);
  for (const result of rowResults) if (eleventyMs !== undefined) result.eleventyMs = eleventyMs;
  results.push(...rowResults);
}

// Issue 11: save → reload with `briefkit dev` (BENCH_DEV=0 leaves it out).
let devLine = '';
if (devTarget && process.env.BENCH_DEV !== '0') {
  log(`Live preview: editing a page of the ${devTarget.pages}-page project under briefkit dev…`);
  devLine = `\n${devReloadLine(devTarget.pages, await devReloadTimes(root, devTarget.project, devTarget.page, 5))}\n`;
  log(devLine.trim());
}

const report = `Machine: ${host} (${day})\n\n${table(results)}\n${devLine}`;
mkdirSync(join(bench, '.out'), { recursive: true });
writeFileSync(join(bench, '.out', 'results.md'), report);
process.stdout.write(report);
