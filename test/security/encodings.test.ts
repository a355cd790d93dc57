/**
 * Issue 8, class 5 (and class 6's size limit): files saved on Windows or in another encoding.
 * The project reader (src/project/read.ts) accepts a UTF-8 BOM and CRLF / CR / LF line endings
 * with true positions; other encodings, NUL bytes and huge files are positioned errors.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { guessEncoding } from '../../src/project/decode.js';
import { buildProject, makeProject, readText } from '../helpers/project.js';

// Line 5 has an error (year is not a number), line 6 is a valid date as the last front
// matter line (where a CR used to stay), line 9 links a missing image at column 5.
const LINES = ['---', 'title: Windows', 'country: GB-SCT', 'tags: [outreach]', 'year: soon', 'date: 2024-03-01', '---', '', 'See ![x](missing.png) here.', ''];

function joined(endings: readonly string[]): string {
  return LINES.map((line, index) => line + (index < LINES.length - 1 ? endings[index % endings.length] : '')).join('');
}

async function expectTruePositions(content: string) {
  const root = await makeProject({ 'briefings/case-studies/win.md': content });
  const result = await buildProject(root);
  expect(result.report).toContain('briefings/case-studies/win.md:5:7  error  "year"');
  expect(result.report).toContain('briefings/case-studies/win.md:9:5  error  Image "missing.png" not found');
  expect(result.report).not.toContain('YYYY-MM-DD');
  expect(result.report).not.toMatch(/front-matter-missing|no front matter/);
}

describe('line endings', () => {
  it('builds a CRLF file with every position true', async () => {
    await expectTruePositions(joined(['\r\n']));
  });

  it('builds a file with CRLF, lone CR and LF mixed, with every position true', async () => {
    await expectTruePositions(joined(['\r\n', '\r', '\n']));
  });

  it('builds a CRLF project with a UTF-8 BOM in its Markdown and YAML', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': '\uFEFFtitle: Saved on Windows\r\nlanguages: [en]\r\n',
      'briefings/case-studies/win.md': '\uFEFF---\r\ntitle: With a BOM\r\ncountry: GB-SCT\r\ndate: 2024-03-01\r\n---\r\n\r\nText.\r\n',
    });
    const result = await buildProject(root);
    expect(result.report).toBe('');
    expect(result.written).toBe(true);
    const html = await readText(root, 'dist/en/case-studies/win/index.html');
    expect(html).toContain('With a BOM');
    expect(html).toContain('Saved on Windows');
    expect(html).not.toContain('\uFEFF');
  });

  it("i18n stamp keeps a translation's BOM and CRLF line endings, and its text byte for byte", async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/a.md': '---\ntitle: A\ncountry: GB-SCT\n---\n\n## Context\n\nText.\n',
    });
    const body = '\r\n## Контекст {#context}\r\n\r\nТекст.\r\n';
    const path = join(root, 'translations/uk/case-studies/a.md');
    await mkdir(join(root, 'translations/uk/case-studies'), { recursive: true });
    await writeFile(path, `\uFEFF---\r\ntitle: А\r\n---\r\n${body}`);
    let stderr = '';
    const code = await main(['i18n', 'stamp', 'uk'], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: root,
      color: false,
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('\uFEFF---\r\n')).toBe(true);
    expect(text).toContain('source_hash: ');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text.endsWith(`---\r\n${body}`)).toBe(true);
  });
});

describe('bytes that are not UTF-8', () => {
  it('reports a Windows-1251 file at its first bad byte, naming the encoding and how to re-save', async () => {
    // "Привіт" in Windows-1251, on line 6 after four ASCII characters.
    const cyrillic = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xb3, 0xf2, 0x2c, 0x20, 0xf1, 0xe2, 0xb3, 0xf2, 0x21]);
    const root = await makeProject({ 'briefings/case-studies/ok.md': '---\ntitle: Fine\ncountry: GB-SCT\n---\n\nText {{nope}}.\n' });
    await writeFile(
      join(root, 'briefings/case-studies/cp.md'),
      Buffer.concat([Buffer.from('---\ntitle: T\ncountry: UA\n---\n\nSee '), cyrillic, Buffer.from('\n')]),
    );
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toContain(
      'briefings/case-studies/cp.md:6:5  error  This file is not UTF-8: byte 0xCF here is not valid UTF-8 (the file looks ' +
        'like Windows-1251 (Cyrillic))  encoding',
    );
    expect(result.report).toContain('Notepad: File → Save as → Encoding: UTF-8');
    // The other files are still checked.
    expect(result.report).toContain('briefings/case-studies/ok.md:6:6');
  });

  it('names Windows-1252 for Western European text and UTF-16 for a UTF-16 file', async () => {
    const root = await makeProject({ 'briefings/case-studies/ok.md': '---\ntitle: Fine\ncountry: GB-SCT\n---\n' });
    await writeFile(join(root, 'briefings/about.md'), Buffer.concat([Buffer.from('---\ntitle: Caf'), Buffer.from([0xe9]), Buffer.from('\n---\n')]));
    await writeFile(join(root, 'briefkit.config.yaml'), Buffer.from('\uFEFFtitle: x\n', 'utf16le'));
    const result = await buildProject(root);
    expect(result.report).toContain(
      'briefings/about.md:2:11  error  This file is not UTF-8: byte 0xE9 here is not valid UTF-8 (the file looks like Windows-1252 (Western European))',
    );
    expect(result.report).toContain('briefkit.config.yaml:1:1  error  This file is saved as UTF-16, not UTF-8  encoding');
  });

  it('tells Cyrillic, Arabic, Greek and Western European single-byte text apart', () => {
    expect(guessEncoding(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xb3, 0xf2, 0x2c, 0x20, 0xf1, 0xe2, 0xb3, 0xf2]))).toBe('Windows-1251 (Cyrillic)');
    expect(guessEncoding(Buffer.from([0xe3, 0xd1, 0xcd, 0xc8, 0xc7, 0x20, 0xc8, 0xc7, 0xe1, 0xda, 0xc7, 0xe1, 0xe3]))).toBe('Windows-1256 (Arabic)');
    expect(guessEncoding(Buffer.from([0xe3, 0xe5, 0xe9, 0xdc, 0x20, 0xf3, 0xef, 0xf5]))).toBe('Windows-1253 (Greek)');
    expect(guessEncoding(Buffer.from('Caf\xe9 cr\xe8me', 'latin1'))).toBe('Windows-1252 (Western European)');
  });

  it('reports a NUL byte at its place', async () => {
    const root = await makeProject({ 'briefings/about.md': '---\ntitle: About\n---\n\nSome\u0000text\n' });
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toContain('briefings/about.md:5:5  error  This file contains a NUL (zero) byte');
  });
});

describe('huge files', () => {
  it("refuses a file over the size limit at 1:1 without stopping the other files' checks", async () => {
    const root = await makeProject({
      'briefings/huge.md': `---\ntitle: Huge\n---\n\n${'word '.repeat(450_000)}\n`,
      'briefings/case-studies/other.md': '---\ntitle: Other\ncountry: GB-SCT\n---\n\n![x](missing.png)\n',
      'briefings/references.yaml': `# ${'x'.repeat(1_100_000)}\n`,
    });
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toMatch(/briefings\/huge\.md:1:1 {2}error {2}This file is 2\.1 MB; briefkit reads \.md files up to 2 MB {2}file-too-big/);
    expect(result.report).toMatch(/briefings\/references\.yaml:1:1 {2}error {2}This file is 1\.0 MB; briefkit reads \.yaml files up to 1 MB {2}file-too-big/);
    expect(result.report).toContain('briefings/case-studies/other.md:6:1  error  Image "missing.png" not found');
  });
});
