/**
 * Issue 26 (found while making apply exact): a translated line that starts like a Markdown
 * block ("- ", "2. ", "# ", "> ", "---", a fence) or a blank line in an entry turned the
 * translation of one paragraph into a list, a heading or two paragraphs when `i18n apply`
 * wrote it back. Each line now stays text in the block it translates.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { keepInBlock } from '../../src/i18n/block-safe.js';
import { parseMarkdown } from '../../src/markdown/parse.js';
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

const TRICKY = ['- перший', '2. другий', '# не заголовок', '> не цитата', '', '---', '```', '* * *', 'кінець'].join('\n');

describe('issue 26: a translation stays in the block it translates', () => {
  it('keeps every line of an entry in one paragraph, its characters shown as written', () => {
    const tree = parseMarkdown(`${keepInBlock(TRICKY)}\n`);
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph']);
    expect(keepInBlock('Звичайний текст, 2. місце, - тире.')).toBe('Звичайний текст, 2. місце, - тире.');
  });

  it('i18n apply writes such an entry as one paragraph of the page', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'A' }, 'One paragraph.\n'),
    });
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const file = join(root, 'translations/uk/case-studies/a.po');
    const table = po.parse(await readFile(file));
    Object.values(table.translations['_start/1']!)[0]!.msgstr = [TRICKY];
    await writeFile(file, po.compile(table));
    expect((await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root })).code).toBe(0);
    const build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    const page = await readText(root, 'dist/uk/case-studies/a/index.html');
    const prose = page.slice(page.indexOf('<div class="prose"'), page.indexOf('</div>', page.indexOf('<div class="prose"')));
    expect(prose).toContain('- перший\n2. другий\n# не заголовок\n');
    expect(prose).not.toMatch(/<(?:ul|ol|h1|h2|blockquote|hr|pre)[ >]/);
    expect(prose.match(/<p>/g)).toHaveLength(1);
  });
});
