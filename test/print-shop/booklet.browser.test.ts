/**
 * Issue 34, item 4: `briefkit build --print-shop` makes a booklet beside each reading PDF,
 * offered on the page, its cover on the right half of the first side (stapled on the left),
 * or on the left half in a right-to-left language (stapled on the right).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, makeProject, readText } from '../helpers/project.js';
import { lacks } from '../helpers/tools.js';

const half = (pdf: string, side: 'left' | 'right') =>
  execFileSync('pdftotext', ['-f', '1', '-l', '1', '-x', side === 'left' ? '0' : '421', '-y', '0', '-W', '421', '-H', '595', pdf, '-'], { encoding: 'utf8' });

let root = '';

beforeAll(async () => {
  root = await makeProject({
    'briefkit.config.yaml': 'title: Test\nlanguages: [en, ar]\n',
    'briefings/brief/index.md': '---\ntitle: A briefing\nversion: "1.0"\n---\n\n## Introduction\n\nPeers carry naloxone.\n',
    'translations/ar/brief/index.md': '---\ntitle: موجز\n---\n\n## مقدمة {#introduction}\n\nيحمل الأقران النالوكسون.\n',
  });
  const { ok, report } = await buildProject(root, { pdf: true, printShop: true });
  expect(ok, report).toBe(true);
});

describe('a booklet for a print shop (issue 34)', () => {
  it.skipIf(lacks('pdfinfo', 'pdftotext'))('is made beside the PDF on A4 sheets turned on their side, and offered on the page', async () => {
    const pdf = join(root, 'dist/en/brief/brief.booklet.en.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size: +84\d\.\d+ x 59\d\.\d+ pts \(A4\)/);
    const reading = Number(/Pages: +(\d+)/.exec(execFileSync('pdfinfo', [join(root, 'dist/en/brief/brief.en.pdf')], { encoding: 'utf8' }))![1]);
    expect(Number(/Pages: +(\d+)/.exec(info)![1])).toBe(Math.ceil(reading / 4) * 2);
    // The cover (its kicker is on no other page) is on the right of the first side, the back page on the left.
    expect(half(pdf, 'right')).toContain('TECHNICAL BRIEFING');
    expect(half(pdf, 'left')).not.toContain('TECHNICAL BRIEFING');
    expect(await readText(root, 'dist/en/brief/index.html')).toMatch(/href="brief\.booklet\.en\.pdf"[^>]*>Booklet for printing \(A5 on A4, folded\)<\/a>/);
  });

  it.skipIf(lacks('pdftotext'))('binds a right-to-left booklet on the right: its cover is on the left half', () => {
    const pdf = join(root, 'dist/ar/brief/brief.booklet.ar.pdf');
    expect(half(pdf, 'left')).toContain('إحاطة فنية');
    expect(half(pdf, 'right')).not.toContain('إحاطة فنية');
  });
});
