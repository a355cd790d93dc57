/**
 * Issue 29, item 8: the README says only what is true. Its commands are ones briefkit has,
 * written the same way everywhere (`npx briefkit …`, which works in an author's own folder);
 * the fonts, the --json keys and the Node.js versions it names are the real ones.
 * Issue 30, item 6: the README is short and links into docs/, which holds the rest; the same
 * checks cover the docs pages (test/docs/ builds them with --strict).
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { caseStudy, makeProject } from './helpers/project.js';

const root = join(import.meta.dirname, '..');
const README = await readFile(join(root, 'README.md'), 'utf8');
const pages = (await readdir(join(root, 'docs/briefings'), { recursive: true })).filter((path) => path.endsWith('.md'));
/** The README and every page of the documentation, as one text. */
const DOCS = [README, ...(await Promise.all(pages.map((path) => readFile(join(root, 'docs/briefings', path), 'utf8'))))].join('\n');
const commandLine = await readFile(join(root, 'docs/briefings/reference/command-line.md'), 'utf8');
const silent = { stdout: { write: () => true }, stderr: { write: () => true }, color: false };

describe('README.md and docs/ (issue 29, item 8; issue 30, item 6)', () => {
  it('starts with the two commands CI and a new user type', () => {
    expect(README.match(/```sh\n([^`]*)```/)?.[1]).toBe('npm ci && npm run site\nnpm test\n');
  });

  it('is short, and every file it links to is there', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(120);
    const links = [...README.matchAll(/\]\(((?:docs|bench)\/[^)#]+)/g)].map((match) => match[1]!);
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) expect(existsSync(join(root, link)), link).toBe(true);
  });

  it('names only commands briefkit has, and never a repository-only script for an author', async () => {
    const commands = [...new Set([...DOCS.matchAll(/npx briefkit ([a-z0-9-]+)/g)].map((match) => match[1]!))];
    expect(commands.length).toBeGreaterThan(5);
    for (const command of commands) expect(await main([command, '--help'], silent), command).toBe(0);
    expect(DOCS).not.toContain('npm run briefkit');
    // npm run site and npm run dev exist only in briefkit's own folder: named only as such.
    const repositoryScripts = README.split('\n').filter((line) => /npm run (site|dev)\b/.test(line));
    expect(repositoryScripts.length).toBeLessThanOrEqual(4);
  });

  it('names the fonts briefkit bundles', () => {
    expect(DOCS).not.toContain('Noto Sans Arabic');
    expect(DOCS).toContain('Vazirmatn');
  });

  it('describes the --json output with the keys it has', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({ date: '2024-13-02' }, 'Text {{missing}}.\n') });
    let stdout = '';
    await main(['build', '--no-pdf', '--json'], { ...silent, cwd: root, stdout: { write: (text: string) => (stdout += text) } });
    const messages = (JSON.parse(stdout) as { path: string; messages: Record<string, unknown>[] }[]).flatMap((file) => file.messages);
    expect(messages.length).toBeGreaterThan(1);
    for (const key of ['line', 'column', 'reason', 'ruleId', 'fatal'])
      expect(
        messages.every((message) => key in message),
        key,
      ).toBe(true);
    expect(messages.some((message) => typeof message['note'] === 'string')).toBe(true);
    for (const key of ['path', 'messages', 'line', 'column', 'reason', 'ruleId', 'fatal', 'note']) expect(commandLine).toContain(`\`${key}\``);
    expect(commandLine).not.toMatch(/--json[^\n]*\n[^\n]*severity and hint/);
  });

  it('names the Node.js versions package.json supports', async () => {
    const engines = (JSON.parse(await readFile(join(import.meta.dirname, '../package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('^20.19.0 || ^22.22.0 || >=24.8.0');
    expect(README).toContain('On a fresh machine with Node.js 22 or 24 (20.19 and later still work)');
  });
});
