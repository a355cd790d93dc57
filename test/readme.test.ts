/**
 * Issue 29, item 8: the README says only what is true. Its commands are ones briefkit has,
 * written the same way everywhere (`npx briefkit …`, which works in an author's own folder);
 * the fonts, the --json keys and the Node.js versions it names are the real ones.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { caseStudy, makeProject } from './helpers/project.js';

const README = await readFile(join(import.meta.dirname, '../README.md'), 'utf8');
const silent = { stdout: { write: () => true }, stderr: { write: () => true }, color: false };

describe('README.md (issue 29, item 8)', () => {
  it('names only commands briefkit has, and never a repository-only script for an author', async () => {
    const commands = [...new Set([...README.matchAll(/npx briefkit ([a-z0-9-]+)/g)].map((match) => match[1]!))];
    expect(commands.length).toBeGreaterThan(5);
    for (const command of commands) expect(await main([command, '--help'], silent), command).toBe(0);
    expect(README).not.toContain('npm run briefkit');
    // npm run site and npm run dev exist only in briefkit's own folder: named only as such.
    const repositoryScripts = README.split('\n').filter((line) => /npm run (site|dev)\b/.test(line));
    expect(repositoryScripts.length).toBeLessThanOrEqual(4);
  });

  it('names the fonts briefkit bundles', () => {
    expect(README).not.toContain('Noto Sans Arabic');
    expect(README).toContain('Vazirmatn');
  });

  it('describes the --json output with the keys it has', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({ date: '2024-13-02' }, 'Text {{missing}}.\n') });
    let stdout = '';
    await main(['build', '--no-pdf', '--json'], { ...silent, cwd: root, stdout: { write: (text: string) => (stdout += text) } });
    const messages = (JSON.parse(stdout) as { path: string; messages: Record<string, unknown>[] }[]).flatMap((file) => file.messages);
    expect(messages.length).toBeGreaterThan(1);
    for (const key of ['line', 'column', 'reason', 'ruleId', 'fatal']) expect(messages.every((message) => key in message), key).toBe(true);
    expect(messages.some((message) => typeof message['note'] === 'string')).toBe(true);
    for (const key of ['path', 'messages', 'line', 'column', 'reason', 'ruleId', 'fatal', 'note']) expect(README).toContain(`\`${key}\``);
    expect(README).not.toMatch(/--json[^\n]*\n[^\n]*severity and hint/);
  });

  it('names the Node.js versions package.json supports', async () => {
    const engines = (JSON.parse(await readFile(join(import.meta.dirname, '../package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    expect(engines).toBe('^20.19.0 || ^22.22.0 || >=24.8.0');
    expect(README).toContain('On a fresh machine with Node.js 22 or 24 (20.19 and later still work)');
  });
});
