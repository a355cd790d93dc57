/** The command line as a user types it: exit codes, help, and the report on stderr. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseStudy, makeProject } from './helpers/project.js';
import { briefkit as cli } from './helpers/cli.js';

const briefkit = (args: string[], cwd?: string) => cli(args, { cwd });

describe('briefkit CLI', () => {
  it('prints help and version', async () => {
    const help = await briefkit(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'briefkit build [--root DIR] [--out DIR] [--country C | --all-countries] [--no-pdf | --pdfs-from DIR] [--strict] [--quiet] [--no-cache]',
    );
    expect(help.stdout).toContain('briefkit pdf [--lang L] [--only SLUG] [--shard I/N]');
    // The types come from their registry (issue 30): `pdf --help` once called an advocacy brief a "brief".
    expect(help.stdout).toContain('briefkit new <briefing|case-study|training|brief|page> <slug>');
    expect((await briefkit(['pdf', '--help'])).stdout).toContain("Only this page's PDFs (a technical briefing, case study, training module or advocacy brief)");
    const version = await briefkit(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('exits 2 on wrong usage', async () => {
    expect((await briefkit(['publish'])).code).toBe(2);
    // Names of Object's own methods are not commands either (they once crashed the lookup).
    expect((await briefkit(['toString'])).code).toBe(2);
    expect((await briefkit(['help', 'constructor'])).code).toBe(0);
    expect((await briefkit(['build', '--colour'])).code).toBe(2);
    expect((await briefkit([])).code).toBe(2);
  });

  it('builds from the current folder and exits 0', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy() });
    const result = await briefkit(['build'], root);
    expect(result.code).toBe(0);
    // A project without base_url is told what it does without (issue 13).
    expect(result.stdout).toMatch(/^Built \d+ pages and 1 PDF into .*dist\nNo sitemap or feeds, .* base_url: https:\/\/example.org\/briefings\/\n$/);
    expect(existsSync(join(root, 'dist/en/case-studies/a/index.html'))).toBe(true);
    expect(existsSync(join(root, 'dist/en/case-studies/a/a.en.pdf'))).toBe(true);
  });

  it('reports every problem in every file, then exits 1 without writing', async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy({ date: '2023-02-30' }),
      'briefings/case-studies/b.md': caseStudy({}, 'See [@nobody].\n'),
    });
    const result = await briefkit(['build', '--root', root]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a.md:4:7  error  "date": 2023-02-30 is not a real date  invalid-value');
    expect(result.stderr).toContain('b.md:6:5  error  Unknown citation key "@nobody"  citation-unknown');
    expect(result.stderr).toContain('2 errors');
    expect(result.stderr).toContain('Nothing was written');
    expect(existsSync(join(root, 'dist'))).toBe(false);
  });

  it('treats warnings as errors with --strict', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({}, '# Extra title\n') });
    expect((await briefkit(['build', '--no-pdf', '--root', root])).code).toBe(0);
    const strict = await briefkit(['build', '--no-pdf', '--root', root, '--strict', '--out', join(root, 'strict')]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('a.md:6:1  error  A "#" heading in the text');
  });
});

describe('briefkit pdf and PDF failures on the command line', () => {
  it('exits 1 but writes the website when there is no browser to print with, saying once what to do (issue 28)', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy(), 'briefings/case-studies/b.md': caseStudy() });
    // A machine with no browser on its PATH, and none installed by briefkit.
    const result = await cli(['build', '--root', root], {
      env: { PATH: '', PUPPETEER_EXECUTABLE_PATH: '', BRIEFKIT_BROWSER_CACHE: join(root, 'no-browsers'), HOME: root },
    });
    expect(result.code).toBe(1);
    expect(result.stderr.split('No Chrome, Chromium, Edge or Brave found to print the PDFs: the website was built, the PDFs were not').length).toBe(2);
    expect(result.stderr).toContain('Debian/Ubuntu: sudo apt-get install chromium');
    expect(result.stderr).toContain('run "briefkit browser install"');
    expect(result.stderr).toContain('browser: /path/to/chrome in briefkit.config.yaml');
    expect(result.stderr).not.toContain('Nothing was written');
    expect(existsSync(join(root, 'dist/en/case-studies/a/index.html'))).toBe(true);
  });

  it('shows progress on a terminal, and nothing but the summary with --quiet off a terminal', async () => {
    const { main } = await import('../src/cli.js');
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy(), 'briefings/case-studies/b.md': caseStudy() });
    let stderr = '';
    let stdout = '';
    const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, cwd: root, color: false };
    expect(await main(['build'], { ...io, progress: true })).toBe(0);
    expect(stderr).toContain('PDF 0/2  en/case-studies/');
    expect(stderr).toContain('PDF 2/2\n');
    stderr = '';
    stdout = '';
    expect(await main(['build', '--quiet', '--out', join(root, 'quiet')], { ...io, progress: false })).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe('');
  });

  it('reports an unknown --only', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy() });
    const result = await briefkit(['pdf', '--root', root, '--only', 'nope']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No page "nope" with a PDF');
  });
});
