/**
 * Issue 30: a build loads only what it uses. A build with nothing to do loads no content type
 * (nor zod); a build of the website after an edit loads neither the browser's library nor
 * citeproc, citation-js, pdf-lib or the QR code library, none of which it uses. Each of them
 * cost a build tenths of a second before (puppeteer alone about 150 modules).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { caseStudy, editText, makeProject } from '../helpers/project.js';

const bin = join(import.meta.dirname, '../../bin/briefkit.js');
/** Registers a loader hook that prints each module Node loads on stderr. */
const HOOKS = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function load(url, context, next) { process.stderr.write("LOADED " + url + "\\\\n"); return next(url, context); }'));`,
)}`;

/** The packages (by name) a `briefkit build --no-pdf` loads in `root`. */
async function packagesLoaded(root: string): Promise<Set<string>> {
  const { stderr } = await promisify(execFile)(process.execPath, ['--import', HOOKS, bin, 'build', '--no-pdf'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const names = [...stderr.matchAll(/^LOADED .*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((match) => match[1]!);
  expect(names.length).toBeGreaterThan(0);
  return new Set(names);
}

const HEAVY = ['puppeteer-core', '@puppeteer/browsers', 'citeproc', '@citation-js/core', 'pdf-lib', 'qrcode'];

describe('what a build loads (issue 30)', () => {
  it('loads no content type after nothing changed, and nothing for PDFs or citations after an edit', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'First text.\n'),
    });
    const first = await packagesLoaded(root);
    // The whole build: the Markdown pipeline, the schemas, Pagefind.
    expect([...first]).toEqual(expect.arrayContaining(['zod', 'micromark', 'pagefind']));
    expect(HEAVY.filter((name) => first.has(name))).toEqual([]);

    expect([...(await packagesLoaded(root))].filter((name) => name === 'zod' || HEAVY.includes(name))).toEqual([]);

    await editText(root, 'briefings/case-studies/a.md', 'First text', 'Second text');
    const again = await packagesLoaded(root);
    expect([...again]).toContain('micromark');
    expect(HEAVY.filter((name) => again.has(name))).toEqual([]);
  });
});
