/**
 * Issue 26, item 7: `briefkit i18n stamp` changes only source_hash and source_sections. It
 * rewrote the whole front matter through the `yaml` package, so a folded `>-` summary came
 * back as one long line (and other styles as the package writes them).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { setFrontMatter } from '../../src/i18n/front-matter-edit.js';
import { makeProject } from '../helpers/project.js';

const STAMP = { source_hash: '0123abcd', source_sections: { _front: 'aaaaaa', context: 'bbbbbb' } };

/** The file with its stamp lines taken out, to compare the rest byte for byte. */
function withoutStamp(text: string): string {
  return text.replace(/^source_hash:.*(\r\n|\n)/m, '').replace(/^source_sections:.*(\r\n|\n)(?: +.*(\r\n|\n))*/m, '');
}

const FRONT = [
  '---',
  '# Translated by Olena; reviewed 2024-05',
  'title: "Глазго: модель"   # quoted, with a comment',
  "subtitle: 'single quoted'",
  'summary: >-',
  '  A long folded summary',
  '  over three lines',
  '  that must stay folded.',
  'notes: |',
  '  literal line one',
  '    indented line two',
  'list:',
  '  - one',
  '  - "two"',
  'source_hash: 99999999',
  'source_sections: { _front: 111111 }',
  '# closing comment',
  '---',
  '',
  '## Контекст {#context}',
  '',
  'Текст.',
  '',
];

describe('Issue 26: stamping keeps the front matter as written', () => {
  it('replaces only the stamp lines, keeping folded and literal blocks, quotes and comments', () => {
    const text = FRONT.join('\n');
    const stamped = setFrontMatter(text, STAMP, ['source_sections']);
    expect(stamped).toContain('source_hash: 0123abcd\n');
    expect(stamped).toContain('source_sections: { _front: aaaaaa, context: bbbbbb }\n');
    expect(withoutStamp(stamped)).toBe(withoutStamp(text));
  });

  it('keeps CRLF line endings and a BOM, and adds the stamp where there was none', () => {
    const text = `\uFEFF${FRONT.filter((line) => !line.startsWith('source_')).join('\r\n')}`;
    const stamped = setFrontMatter(text, STAMP, ['source_sections']);
    expect(stamped.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(stamped.replace(/\r\n/g, '')).not.toContain('\n');
    expect(stamped).toContain('# closing comment\r\nsource_hash: 0123abcd\r\nsource_sections: { _front: aaaaaa, context: bbbbbb }\r\n---\r\n');
    expect(withoutStamp(stamped)).toBe(text);
  });

  it('replaces a stamp written as a block mapping, and an empty one', () => {
    const text = '---\ntitle: A\nsource_hash:\nsource_sections:\n  _front: 111111\n  old: 222222\nsummary: >-\n  folded\n  text\n---\nBody\n';
    expect(setFrontMatter(text, STAMP, ['source_sections'])).toBe(
      '---\ntitle: A\nsource_hash: 0123abcd\nsource_sections: { _front: aaaaaa, context: bbbbbb }\nsummary: >-\n  folded\n  text\n---\nBody\n',
    );
  });

  it('fills empty front matter, and keeps old Mac (CR) line endings', () => {
    expect(setFrontMatter('---\n---\nBody\n', { source_hash: '0123abcd' })).toBe('---\nsource_hash: 0123abcd\n---\nBody\n');
    const text = '---\r# note\rtitle: A\rsummary: >-\r  folded\r  text\r---\rBody\r';
    expect(setFrontMatter(text, { source_hash: '0123abcd' })).toBe('---\r# note\rtitle: A\rsummary: >-\r  folded\r  text\rsource_hash: 0123abcd\r---\rBody\r');
  });

  it('briefkit i18n stamp leaves a hand-written translation byte for byte but its stamp', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': '---\ntitle: A\nsummary: S\ncountry: GB-SCT\n---\n\n## Context\n\nText.\n',
    });
    const path = join(root, 'translations/uk/case-studies/a.md');
    await mkdir(join(root, 'translations/uk/case-studies'), { recursive: true });
    const text =
      '---\n# перекладач: Олена\ntitle: "А: переклад"\nsummary: >-\n  Довгий підсумок,\n  складений у два рядки.\n---\n\n## Контекст {#context}\n\nТекст.\n';
    await writeFile(path, text);
    let stderr = '';
    const code = await main(['i18n', 'stamp', 'uk'], {
      stdout: { write: () => true },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      cwd: root,
      color: false,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const stamped = await readFile(path, 'utf8');
    expect(stamped).toMatch(/\nsource_hash: [0-9a-f]{8}\nsource_sections: \{ _front: \w+, context: "?\w+"? \}\n---\n/);
    expect(withoutStamp(stamped)).toBe(text);
  });
});
