/**
 * Issue 30, item 6: the command-line and configuration references in docs/ are generated
 * from the commands' help texts and the zod schemas, and committed; they must say what
 * briefkit says today.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referencePages } from '../../scripts/reference-pages.js';
import { main } from '../../src/cli.js';

const root = join(import.meta.dirname, '../..');
const pages = await referencePages();

describe('the generated reference pages (issue 30, item 6)', () => {
  it('are up to date with the help texts and schemas', async () => {
    for (const [path, text] of Object.entries(pages)) {
      const committed = await readFile(join(root, path), 'utf8').catch(() => '');
      expect(committed, `${path} is out of date: run npm run docs:reference and commit it`).toBe(text);
    }
  });

  it("show every command's --help as the command prints it", async () => {
    const cli = pages['docs/briefings/reference/cli.md']!;
    let printed = '';
    const io = { stdout: { write: (text: string) => ((printed = text), true) }, stderr: { write: () => true }, color: false };
    expect(await main(['refs', '--help'], io)).toBe(0);
    expect(cli).toContain(`## briefkit refs\n\n\`\`\`text\n${printed}\`\`\``);
  });

  it('describe every key of briefkit.config.yaml with its default', () => {
    const configuration = pages['docs/briefings/reference/configuration.md']!;
    expect(configuration).toMatch(/\| `paper` \| `A4` or `Letter` \| `A4` \| The paper size of the PDFs. \|/);
    expect(configuration).toMatch(/\| `asks` \| list of text \(at least 1\) \| \(required\) \|/);
    expect(configuration).not.toMatch(/\| `[a-z_.[\]]+` \|[^\n]*\|\s*\|\n/);
  });
});
