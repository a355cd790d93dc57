/**
 * Issue 10: a persistent cache in `<root>/.briefkit-cache/`. A build with nothing changed
 * does nothing (and reports the same problems); a PDF is reprinted only when its document
 * changed; a damaged, truncated or foreign cache is ignored, never trusted; `--no-cache`
 * turns it off; a cache folder that is a link is not used.
 */
import { mkdir, readFile, readdir, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PrintJob } from '../../src/pdf/print-document.js';
import { printPdfs } from '../../src/pdf/print-pdfs.js';
import { briefkit } from '../helpers/cli.js';
import { buildProject, caseStudy, listTree, makeProject, readText, temporaryDir, SEARCH_INDEX, UNSTABLE_SEARCH_FILES } from '../helpers/project.js';

const files = {
  'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
  'briefings/main/index.md': '---\ntitle: Main\ndate: 2024-01-01\ncase_studies: [a]\n---\n\n## One\n\nFirst text, see [nowhere](#nothing).\n',
  'briefings/case-studies/a.md': caseStudy({ title: 'A', date: '2024-01-01' }, 'Case text.\n'),
};

/** Every cache entry file (the build's, or the PDFs'). */
async function entries(root: string, kind: 'builds' | 'pdf'): Promise<string[]> {
  return (await listTree(join(root, '.briefkit-cache', kind))).map((path) => join(root, '.briefkit-cache', kind, path));
}

async function mtimes(dir: string): Promise<string[]> {
  return Promise.all((await listTree(dir)).map(async (path) => `${path} ${(await stat(join(dir, path))).mtimeMs}`));
}

describe('the build cache', () => {
  it('does nothing when nothing changed, reports the same problems, and rebuilds after any change', async () => {
    const root = await makeProject(files);
    const first = await buildProject(root);
    expect(first.written).toBe(true);
    expect(first.unchanged).toBeFalsy();
    expect(first.report).toMatch(/No heading "#nothing"/);
    const before = await mtimes(join(root, 'dist'));

    const second = await buildProject(root);
    expect(second.unchanged).toBe(true);
    expect(second.report).toBe(first.report);
    expect(second.output.map((file) => file.path)).toEqual(first.output.map((file) => file.path));
    expect(await mtimes(join(root, 'dist'))).toEqual(before);

    // An edit is built.
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'A', date: '2024-01-01' }, 'Changed case text.\n'));
    const third = await buildProject(root);
    expect(third.unchanged).toBeFalsy();
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('Changed case text.');

    // So is an output folder someone removed or replaced: it is made whole again.
    await rm(join(root, 'dist'), { recursive: true });
    const fourth = await buildProject(root);
    expect(fourth.unchanged).toBeFalsy();
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('Changed case text.');
    // A file deleted inside it is not looked for (issue 30: a build with nothing to do looks at no output file); without the cache it is written again.
    await rm(join(root, 'dist/en/case-studies/a/index.html'));
    expect((await buildProject(root)).unchanged).toBe(true);
    expect((await buildProject(root, { cache: false })).unchanged).toBeFalsy();
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('Changed case text.');

    // And another output folder, or other options, are other builds.
    expect((await buildProject(root, { out: 'other' })).unchanged).toBeFalsy();
    expect((await buildProject(root, { strict: true })).unchanged).toBeFalsy();
  });

  it('ignores a damaged, truncated or foreign build entry and builds again', async () => {
    const root = await makeProject(files);
    const first = await buildProject(root);
    const [entry] = await entries(root, 'builds');
    const good = await readFile(entry!);
    const damaged = [
      Buffer.from('not a cache entry'),
      good.subarray(0, good.length - 10),
      Buffer.concat([good.subarray(0, 70), Buffer.from('X'), good.subarray(71)]),
      // A well-formed entry (its checksum right) that is not what briefkit wrote.
      Buffer.from(`${(await import('../../src/cache/cache-dir.js')).hashOf([Buffer.from('{"key":"x"}')])}\n{"key":"x"}`),
    ];
    for (const bytes of damaged) {
      await writeFile(entry!, bytes);
      const again = await buildProject(root);
      expect(again.unchanged).toBeFalsy();
      expect(again.report).toBe(first.report);
      expect(await readText(root, 'dist/en/main/index.html')).toContain('First text');
    }
    // The entry was rewritten whole: the next build uses it.
    expect((await buildProject(root)).unchanged).toBe(true);
  });

  it('is not used or made with --no-cache, nor through a cache folder that is a link', async () => {
    const root = await makeProject(files);
    const cli = await briefkit(['build', '--no-pdf', '--no-cache'], { cwd: root });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^Built /);
    expect(await readdir(root)).not.toContain('.briefkit-cache');

    const elsewhere = await temporaryDir();
    await symlink(elsewhere, join(root, '.briefkit-cache'));
    expect((await buildProject(root)).written).toBe(true);
    expect((await buildProject(root)).unchanged).toBeFalsy();
    expect(await readdir(elsewhere)).toEqual([]);
  });

  it('says on the command line that nothing changed', async () => {
    const root = await makeProject(files);
    expect((await briefkit(['build', '--no-pdf'], { cwd: root })).stdout).toMatch(/^Built \d+ pages into /);
    const again = await briefkit(['build', '--no-pdf'], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Nothing changed since the last build: .*dist is up to date \(\d+ pages\)/);
    expect(again.stderr).toMatch(/No heading "#nothing"/);
  });
});

describe('writing the output', () => {
  it('rewrites only the files whose bytes changed: the others keep their time', async () => {
    const root = await makeProject(files);
    await buildProject(root, { cache: false });
    const before = new Map((await mtimes(join(root, 'dist'))).map((line) => [line.split(' ')[0], line]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'A', date: '2024-01-01' }, 'Changed case text.\n'));
    await buildProject(root, { cache: false });
    const after = await mtimes(join(root, 'dist'));
    // The search index changes with the page's text: its other files keep their time.
    const changed = after
      .filter((line) => before.get(line.split(' ')[0]) !== line)
      .map((line) => line.split(' ')[0]!)
      .filter((path) => !SEARCH_INDEX.test(path));
    expect(changed).toEqual(['en/case-studies/a/index.html']);
    expect(after.length).toBe(before.size);
  });
});

describe('the Markdown cache', () => {
  it('renders again only the files that changed, with the same output as a build without a cache', async () => {
    const many: Record<string, string> = { ...files };
    for (let index = 0; index < 6; index++)
      many[`briefings/case-studies/c${index}.md`] = caseStudy(
        { title: `Case ${index}`, date: '2024-01-01' },
        `Case ${index} text, see [main](../main/index.md).\n`,
      );
    const root = await makeProject(many);
    const first = await buildProject(root);
    const markdown = join(root, '.briefkit-cache', 'markdown');
    const before = await listTree(markdown);
    // One entry per file (eight pages), none for fingerprints (nothing is translated).
    expect(before).toHaveLength(8);

    await writeFile(join(root, 'briefings/case-studies/c3.md'), caseStudy({ title: 'Case 3', date: '2024-01-01' }, 'Case 3, rewritten.\n'));
    // Without the kept run (test/run/kept-run.test.ts), as after a change to front matter: a whole build, through this cache.
    await rm(join(root, '.briefkit-cache', 'runs'), { recursive: true });
    const second = await buildProject(root);
    expect(second.unchanged).toBeFalsy();
    expect(second.report).toBe(first.report);
    const after = await listTree(markdown);
    // The changed file's entry replaced; the others used as they were.
    expect(after.filter((path) => !before.includes(path))).toHaveLength(1);
    expect(before.filter((path) => !after.includes(path))).toHaveLength(1);
    expect(await readText(root, 'dist/en/case-studies/c3/index.html')).toContain('Case 3, rewritten.');

    // Damaged entries are rendered again, not used.
    for (const path of after) await writeFile(join(markdown, path), 'damaged');
    await rm(join(root, '.briefkit-cache', 'runs'), { recursive: true });
    await writeFile(join(root, 'briefings/case-studies/c4.md'), caseStudy({ title: 'Case 4', date: '2024-01-01' }, 'Case 4, rewritten.\n'));
    expect((await buildProject(root)).written).toBe(true);
    await buildProject(root, { out: 'fresh', cache: false });
    const paths = (await listTree(join(root, 'dist'))).filter((path) => !UNSTABLE_SEARCH_FILES.test(path));
    expect((await listTree(join(root, 'fresh'))).filter((path) => !UNSTABLE_SEARCH_FILES.test(path))).toEqual(paths);
    for (const path of paths) expect((await readFile(join(root, 'dist', path))).equals(await readFile(join(root, 'fresh', path))), path).toBe(true);
  });
});

describe('a cache that came with the project', () => {
  it('is not used: an entry with a correct checksum but not written on this computer cannot put script into a page', async () => {
    const root = await makeProject(files);
    await buildProject(root);
    const markdown = join(root, '.briefkit-cache', 'markdown');
    const { hashOf } = await import('../../src/cache/cache-dir.js');
    // What someone could ship in a project: the page's entry, its tree given a script, re-checksummed.
    for (const path of await listTree(markdown)) {
      const text = (await readFile(join(markdown, path), 'utf8')).split('\n').slice(1).join('\n');
      const entry = JSON.parse(text) as { tree: { children: unknown[] } };
      entry.tree.children.push({ type: 'element', tagName: 'script', properties: {}, children: [{ type: 'text', value: 'alert(1)' }] });
      const body = Buffer.from(JSON.stringify(entry));
      await writeFile(join(markdown, path), Buffer.concat([Buffer.from(`${hashOf([body])}\n`), body]));
    }
    await writeFile(join(root, 'briefkit.config.yaml'), 'title: Test\nlanguages: [en]\n# touched\n');
    expect((await buildProject(root)).written).toBe(true);
    for (const path of (await listTree(join(root, 'dist'))).filter((name) => name.endsWith('.html'))) {
      expect(await readFile(join(root, 'dist', path), 'utf8')).not.toContain('alert(1)');
    }
  });
});

describe('the PDF cache', () => {
  it('reprints only the PDFs whose documents changed, and never uses a damaged entry', async () => {
    const root = await makeProject(files);
    const printed: string[] = [];
    const printer = (jobs: readonly PrintJob[], options: Parameters<typeof printPdfs>[1]) => {
      printed.push(...jobs.map((job) => job.path));
      return printPdfs(jobs, options);
    };
    const first = await buildProject(root, { pdf: true, printer });
    expect(first.ok).toBe(true);
    const pdfs = first.output.filter((file) => file.path.endsWith('.pdf')).map((file) => file.path);
    expect(pdfs).toHaveLength(2);
    // The briefing's link-preview image is printed by the same tabs (issue 12).
    const previews = first.output.filter((file) => file.path.endsWith('/preview.png')).map((file) => file.path);
    expect(previews).toHaveLength(1);
    expect(printed.sort()).toEqual([...pdfs, ...previews].sort());
    const bytes = await Promise.all(pdfs.map((path) => readFile(join(root, 'dist', path))));

    // Nothing changed: nothing is printed, and the PDFs are the same bytes.
    printed.length = 0;
    await buildProject(root, { pdf: true, printer });
    expect(printed).toEqual([]);
    for (const [index, path] of pdfs.entries()) expect((await readFile(join(root, 'dist', path))).equals(bytes[index]!)).toBe(true);

    // The case study changed: only its PDF (and the briefing's, which includes it) are printed.
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'A', date: '2024-01-01' }, 'Changed case text.\n'));
    await buildProject(root, { pdf: true, printer });
    expect(printed.length).toBeGreaterThan(0);
    const changed = printed.length;

    // A damaged entry is printed again, not used.
    for (const entry of await entries(root, 'pdf')) {
      const body = await readFile(entry);
      await writeFile(entry, Buffer.concat([body.subarray(0, 200), Buffer.from('garbage'), body.subarray(207)]));
    }
    printed.length = 0;
    const again = await buildProject(root, { pdf: true, printer });
    expect(again.ok).toBe(true);
    // Every entry was damaged: every document and picture is printed again.
    expect(printed.sort()).toEqual([...pdfs, ...previews].sort());
    expect(changed).toBeLessThanOrEqual(printed.length);
    for (const path of pdfs) expect((await readFile(join(root, 'dist', path))).subarray(0, 5).toString()).toBe('%PDF-');

    // PDFs nobody used for a fortnight, and an earlier briefkit's folder, are removed.
    const pdfRoot = join(root, '.briefkit-cache', 'pdf');
    const [current] = await readdir(pdfRoot);
    await mkdir(join(pdfRoot, 'from-an-old-briefkit'), { recursive: true });
    await writeFile(join(pdfRoot, 'from-an-old-briefkit', 'x.pdf'), 'old');
    await mkdir(join(pdfRoot, current!, 'zz'), { recursive: true });
    await writeFile(join(pdfRoot, current!, 'zz', 'unused.pdf'), 'old');
    const monthAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    await utimes(join(pdfRoot, current!, 'zz', 'unused.pdf'), monthAgo, monthAgo);
    await buildProject(root, { pdf: true, printer });
    expect(await readdir(pdfRoot)).toEqual([current]);
    expect((await listTree(join(pdfRoot, current!))).filter((path) => path.includes('unused'))).toEqual([]);
    expect((await entries(root, 'pdf')).length).toBeGreaterThanOrEqual(2);
  });
});
