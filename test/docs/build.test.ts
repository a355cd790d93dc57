/**
 * Issue 30, item 6: the documentation in docs/ is a briefkit project, built by briefkit with
 * --strict, so every link, anchor, image, table and example in it is checked. Built once,
 * without PDFs (the docs site has none) and without the cache (nothing is written into docs/).
 */
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefkit } from '../helpers/cli.js';
import type { CliResult } from '../helpers/cli.js';

const docs = join(import.meta.dirname, '../../docs');
let out: string;
let result: CliResult;

beforeAll(async () => {
  out = join(await mkdtemp(join(tmpdir(), 'briefkit-docs-')), 'site');
  result = await briefkit(['build', '--root', docs, '--out', out, '--no-pdf', '--no-cache', '--strict']);
}, 120_000);

const page = (path: string) => readFile(join(out, 'en', path), 'utf8');

describe('the documentation site (issue 30, item 6)', () => {
  it('builds with --strict: not one error or warning', () => {
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\b(error|warning)\b/);
    expect(result.code, result.stderr).toBe(0);
  });

  it('lists the pages of the guide, in order, on its home page, and none as a technical briefing', async () => {
    const home = await page('index.html');
    const guide = home.slice(home.indexOf('id="home-guide"'));
    const links = [...guide.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]);
    expect(links).toEqual([
      'writing/index.html',
      'translating/index.html',
      'country-editions/index.html',
      'pdfs-and-sharing/index.html',
      'reference/index.html',
      'contributing/index.html',
    ]);
    expect(home).not.toContain('Technical briefing');
  });

  it('shows the generated references and the architecture', async () => {
    expect(await page('reference/cli/index.html')).toContain('briefkit refs add &#x3C;doi | pmid:N | url>');
    expect(await page('reference/configuration/index.html')).toContain('<code>citation_styles</code>');
    expect(await page('contributing/architecture/index.html')).toContain('updateProject');
  });

  it('publishes the pictures the pages show', async () => {
    const pictures = (await readdir(join(out, 'en/writing'))).filter((name) => name.endsWith('.png'));
    expect(pictures.sort()).toEqual(['case-study-phone.png', 'training.png']);
  });
});
